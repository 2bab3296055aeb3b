"""Which files of the built site go into one language's ZIM.

A language's tree (the source language's pages sit at the site's root, the others in their own
folder) plus the shared assets, with what the USB package leaves out anyway (source maps,
sitemaps, search support for other languages). Kiwix reads pages over http, never from file://,
so Material fetches ``search/search_index.json`` there and the ``search_index.js`` copy that
only file:// needs stays out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path, PurePosixPath

from ...catalog import SOURCE_LANGUAGE
from ..report import SHARED_TOP_FOLDERS
from ..selection import SEARCH_INDEX_JS, search_languages, select_files


def in_language_tree(name: str, code: str, languages: Collection[str]) -> bool:
    top = name.split("/", 1)[0]
    if code != SOURCE_LANGUAGE:
        return top == code and "/" in name
    others = {other for other in languages if other != SOURCE_LANGUAGE}
    return not ("/" in name and top in others) and top not in SHARED_TOP_FOLDERS


def is_shared(name: str) -> bool:
    return name.split("/", 1)[0] in SHARED_TOP_FOLDERS and "/" in name


def zim_files(site_dir: Path, files: Iterable[str], code: str,
              languages: Collection[str]) -> frozenset[str]:
    """The site files that ``code``'s ZIM holds."""
    tree = {name for name in files if in_language_tree(name, code, languages)}
    shared = {name for name in files if is_shared(name)}
    # Search support for the languages this tree's index asks lunr for, and no other.
    wanted = {code, *search_languages(site_dir, tree)}
    candidates = {name for name in tree | shared if PurePosixPath(name).name != SEARCH_INDEX_JS}
    return select_files(candidates, wanted).kept
