"""Everything one language's ZIM holds, read and checked before any file is written."""

from __future__ import annotations

import datetime
import mimetypes
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from ...errors import AuthorError
from ..sources import CourseInfo, Language
from .contents import zim_files
from .illustration import icon_path, illustration
from .metadata import ZimMetadata, read_metadata, zim_name
from .pages import linked_file, read_page, without_language_menu

HTML = "text/html"
TEXT = "text/plain;charset=utf-8"
# Python's own table, not the build machine's /etc/mime.types: the same ZIM on every machine.
MIMETYPES = mimetypes.MimeTypes()
LISTED_LINKS = 10


@dataclass(frozen=True)
class ZimEntry:
    path: str
    content: Path | bytes  # a file of the site, or the bytes themselves
    mimetype: str
    title: str = ""  # libzim lists an entry without a title by its path
    front: bool = False  # a page of the course: in Kiwix's suggestions and random pages
    text: str | None = None  # a page's own text for the full-text index; None: not a page


@dataclass(frozen=True)
class ZimPlan:
    language: str
    target: Path
    metadata: ZimMetadata
    main_path: str
    illustration: bytes
    entries: tuple[ZimEntry, ...]


@dataclass(frozen=True)
class ZimResult:
    language: str
    path: Path
    size: int
    entries: int  # every entry: pages, assets, licence (metadata and indexes aside)
    pages: int  # the entries Kiwix counts as articles


def zim_file_name(site_id: str, code: str, date: datetime.date) -> str:
    """<site-id>_<language>_<YYYY-MM>.zim, openZIM's naming: the Name, then the month."""
    return f"{zim_name(site_id, code)}_{date:%Y-%m}.zim"


def mimetype_of(name: str) -> str:
    return MIMETYPES.guess_type(name)[0] or "application/octet-stream"


def plan_zim(site_dir: Path, files: Collection[str], course: CourseInfo, language: Language,
             date: datetime.date, dist_dir: Path,
             notices: dict[str, bytes]) -> ZimPlan:
    """The ZIM of ``language``: its pages (without the language menu), the shared assets,
    ``notices`` (name -> text, at the top) and its metadata."""
    metadata = read_metadata(course, language, date)
    names = zim_files(site_dir, files, language.code, course.languages)
    entries: list[ZimEntry] = []
    icon_href: str | None = None
    broken: list[str] = []
    for name in sorted(names):
        mimetype = mimetype_of(name)
        if mimetype != HTML:
            entries.append(ZimEntry(name, site_dir / name, mimetype))
            continue
        html = (site_dir / name).read_text(encoding="utf-8")
        facts = read_page(html)
        if not facts.title:
            raise AuthorError(site_dir / name, "this page has no title, so Kiwix would list it "
                              "by its file name.", fix="give its source a '# Heading' (or, for "
                              "an HTML file copied from docs/, a <title>).")
        if name == language.home:
            icon_href = facts.icon
        broken += [f"{name}: '{link}'" for link in facts.links
                   if (linked := linked_file(name, link)) is not None and linked not in names]
        # A page with no content of its own (the neutral page quick exit leads to) is no
        # article: Kiwix must not suggest it or open it as a random page.
        entries.append(ZimEntry(name, without_language_menu(html, facts).encode("utf-8"), HTML,
                                facts.title, front=bool(facts.text), text=facts.text))
    picture = illustration(site_dir / icon_path(language.home, icon_href, site_dir / language.home))
    if broken:
        more = f" (and {len(broken) - LISTED_LINKS} more)" if len(broken) > LISTED_LINKS else ""
        raise AuthorError(site_dir / broken[0].split(":", 1)[0], f"{len(broken)} link(s) lead "
                          f"out of the {language.code} ZIM, which holds one language: "
                          f"{'; '.join(broken[:LISTED_LINKS])}{more}.",
                          fix="link only to pages of the same language and to files under "
                          "assets/, then rebuild.")
    for name, text in notices.items():
        if name in names:
            raise AuthorError(site_dir / name, f"the ZIM needs '{name}' for its licence notice, "
                              "and the site has a file of that name at its top.",
                              fix="rename or move that file in docs/.")
        entries.append(ZimEntry(name, text, TEXT))
    target = dist_dir / zim_file_name(course.site_id, language.code, date)
    return ZimPlan(language.code, target, metadata, language.home, picture, tuple(entries))
