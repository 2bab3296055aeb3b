"""Which files of the built site go into the package, and which are left out and why."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import AuthorError

LUNR_DIR = "assets/javascripts/lunr"
# Material's search worker always loads these two when a site searches in several languages.
LUNR_ALWAYS = {f"{LUNR_DIR}/min/lunr.stemmer.support.min.js", f"{LUNR_DIR}/min/lunr.multi.min.js"}
LUNR_LANGUAGE = re.compile(rf"^{re.escape(LUNR_DIR)}/min/lunr\.(?P<lang>[a-z]+)\.min\.js$")
# Word segmenters the worker loads only for these languages (see Material's search worker).
LUNR_SEGMENTERS = {f"{LUNR_DIR}/tinyseg.js": {"ja"}, f"{LUNR_DIR}/wordcut.js": {"hi", "th"}}
SEARCH_INDEX_JS = "search_index.js"
SEARCH_INDEX_JSON = "search_index.json"
# Nothing on a USB stick may run by itself or be mistaken for a program.
FORBIDDEN_NAMES = {"autorun.inf", "desktop.ini"}
FORBIDDEN_SUFFIXES = {
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".dll", ".ps1", ".vbs", ".vbe",
    ".wsf", ".jar", ".lnk", ".sh", ".bash", ".command", ".app", ".apk", ".desktop", ".reg",
}


@dataclass(frozen=True)
class Selection:
    kept: frozenset[str]
    dropped: dict[str, str]  # file -> why it is not shipped


def search_languages(site_dir: Path, files: Iterable[str]) -> set[str]:
    """The languages Material's search worker will ask lunr for, read from every search index."""
    languages: set[str] = set()
    for name in files:
        if PurePosixPath(name).name != SEARCH_INDEX_JS:
            continue
        text = (site_dir / name).read_text(encoding="utf-8")
        try:
            # The script is `var __index = {…}` (Material's offline plugin and ours alike).
            config = json.loads(text[text.index("{"):])["config"]
            languages.update(config["lang"])
        except (ValueError, KeyError, TypeError):
            raise AuthorError(site_dir / name, "this search index is not the file Material's "
                              "offline plugin writes.", fix="rebuild the site with `make site`.") \
                from None
    return languages


def forbidden_files(files: Iterable[str]) -> list[str]:
    return sorted(name for name in files
                  if PurePosixPath(name).name.lower() in FORBIDDEN_NAMES
                  or PurePosixPath(name).suffix.lower() in FORBIDDEN_SUFFIXES)


def _why_dropped(name: str, files: Collection[str], languages: Collection[str]) -> str | None:
    path = PurePosixPath(name)
    if path.suffix == ".map":
        return "source map: only developer tools read it"
    if name == "404.html":
        return "a server's error page: nothing serves it from a USB stick, and its links are absolute"
    if path.name in ("sitemap.xml", "sitemap.xml.gz"):
        return "sitemap for search engines: holds the build date and no usable address offline"
    if path.name == SEARCH_INDEX_JSON and str(path.with_name(SEARCH_INDEX_JS)) in files:
        return f"under file:// Material reads the copy in {SEARCH_INDEX_JS}"
    if name in LUNR_ALWAYS:
        return None
    match = LUNR_LANGUAGE.match(name)
    if match and match["lang"] not in languages:
        return f"search support for '{match['lang']}', a language this site does not have"
    if name in LUNR_SEGMENTERS and not LUNR_SEGMENTERS[name] & set(languages):
        return "word segmenter for a language this site does not have"
    return None


def select_files(files: Collection[str], languages: Collection[str]) -> Selection:
    """Split the site's files into those shipped and those left out (each with the reason).

    ``languages`` are the site's languages and those its search indexes name. A dropped file
    that a page still links to is caught afterwards by the link check.
    """
    dropped: dict[str, str] = {}
    for name in files:
        reason = _why_dropped(name, files, languages)
        if reason:
            dropped[name] = reason
    return Selection(frozenset(set(files) - set(dropped)), dropped)
