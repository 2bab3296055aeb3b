"""What Kiwix's library says about each language's ZIM: openZIM metadata from the UI catalog.

The limits are openZIM's (https://wiki.openzim.org/wiki/Metadata): readers cut longer titles
and descriptions, and a wrong Language puts the file under the wrong language in the library.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from importlib import metadata as distributions
from pathlib import Path

from ...catalog import catalog_path
from ...errors import AuthorError
from ...yamlsource import line_of, load_yaml
from ..sources import CourseInfo, Language

LANGUAGE_KEY = "zim.language"
TITLE_KEY = "zim.title"
DESCRIPTION_KEY = "zim.description"
LONG_DESCRIPTION_KEY = "zim.long_description"
CREATOR_KEY = "zim.creator"
PUBLISHER_KEY = "zim.publisher"
CATALOG_KEYS = (LANGUAGE_KEY, TITLE_KEY, DESCRIPTION_KEY, LONG_DESCRIPTION_KEY, CREATOR_KEY,
                PUBLISHER_KEY)
LIMITS = {TITLE_KEY: 30, DESCRIPTION_KEY: 80, LONG_DESCRIPTION_KEY: 4000}
ISO_639_3 = re.compile(r"^[a-z]{3}$")
# The course text is CC BY-SA 4.0 and the software MIT (see LICENSE, which the ZIM carries).
LICENCE = "CC BY-SA 4.0 (course content); MIT (software); third-party software: see NOTICE"
# Kiwix's library filters on the underscore tags; the others are topics a reader may look for.
# kiwix-serve 3.3 (libkiwix 11, Debian 12) lists a ZIM without "_ftindex:yes" as unsearchable.
TAGS = ("training", "sex work", "community empowerment", "_category:other", "_ftindex:yes",
        "_pictures:no", "_videos:no", "_details:yes")
GENERATOR = "curriculum-site"


@dataclass(frozen=True)
class ZimMetadata:
    name: str  # stable across versions: Kiwix recognises a newer file of the same content by it
    language: str  # ISO 639-3
    title: str
    description: str
    long_description: str
    creator: str
    publisher: str
    date: datetime.date
    source: str

    def entries(self) -> dict[str, str | datetime.date]:
        """The openZIM metadata entries, by their names (the illustration is added apart)."""
        return {
            "Name": self.name, "Title": self.title, "Language": self.language,
            "Creator": self.creator, "Publisher": self.publisher, "Date": self.date,
            "Description": self.description, "LongDescription": self.long_description,
            "License": LICENCE, "Tags": ";".join(TAGS), "Source": self.source,
            "Scraper": f"{GENERATOR} {distributions.version(GENERATOR)}",
        }


def visible_length(text: str) -> int:
    """Characters as a reader counts them: accents and Arabic vowel marks do not add one."""
    return sum(1 for char in text if not unicodedata.combining(char))


def zim_name(site_id: str, code: str) -> str:
    return f"{site_id}_{code}"


def read_metadata(course: CourseInfo, language: Language, date: datetime.date) -> ZimMetadata:
    """The metadata of ``language``'s ZIM, or an AuthorError naming the catalog line to fix."""
    path = catalog_path(course.translations_dir, language.code)
    for key in CATALOG_KEYS:
        if key not in language.ui:
            raise AuthorError(path, f"'{key}' is missing.",
                              fix=f"add '{key}: …' (Kiwix's library shows it; see "
                              f"{catalog_path(course.translations_dir, 'en')}).")
    texts = {key: " ".join(language.ui[key].split()) for key in CATALOG_KEYS}
    if not ISO_639_3.match(texts[LANGUAGE_KEY]):
        raise _catalog_error(path, LANGUAGE_KEY, f"'{texts[LANGUAGE_KEY]}' is not an ISO 639-3 "
                             "language code, so Kiwix cannot tell which language the ZIM is in.",
                             "write the three-letter code of the language, for example "
                             "'zim.language: fra' for French (list: https://iso639-3.sil.org).")
    for key, limit in LIMITS.items():
        length = visible_length(texts[key])
        if length > limit:
            raise _catalog_error(path, key, f"'{key}' has {length} characters; Kiwix shows at "
                                 f"most {limit}.", f"shorten it to {limit} characters or fewer.")
    if texts[LONG_DESCRIPTION_KEY] == texts[DESCRIPTION_KEY]:
        raise _catalog_error(path, LONG_DESCRIPTION_KEY, f"'{LONG_DESCRIPTION_KEY}' repeats "
                             f"'{DESCRIPTION_KEY}'.", "say more about the course in it.")
    return ZimMetadata(
        name=zim_name(course.site_id, language.code), language=texts[LANGUAGE_KEY], title=texts[TITLE_KEY],
        description=texts[DESCRIPTION_KEY], long_description=texts[LONG_DESCRIPTION_KEY],
        creator=texts[CREATOR_KEY], publisher=texts[PUBLISHER_KEY], date=date,
        source=course.citation)


def _catalog_error(path: Path, key: str, detail: str, fix: str) -> AuthorError:
    # Only on the error path: read the catalog again for the line of the key.
    return AuthorError(path, detail, line=line_of(load_yaml(path), key), fix=fix)
