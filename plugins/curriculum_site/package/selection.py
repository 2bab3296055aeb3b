"""Which files of the built site go into the package, and which are left out and why."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..build.manifest import MANIFEST_NAME
from ..errors import AuthorError

LUNR_DIR = "assets/javascripts/lunr"
# Material's search worker always loads these two when a site searches in several languages.
LUNR_ALWAYS = {f"{LUNR_DIR}/min/lunr.stemmer.support.min.js", f"{LUNR_DIR}/min/lunr.multi.min.js"}
LUNR_LANGUAGE = re.compile(rf"^{re.escape(LUNR_DIR)}/min/lunr\.(?P<lang>[a-z]+)\.min\.js$")
# Word segmenters the worker loads only for these languages (see Material's search worker).
LUNR_SEGMENTERS = {f"{LUNR_DIR}/tinyseg.js": {"ja"}, f"{LUNR_DIR}/wordcut.js": {"hi", "th"}}
SEARCH_INDEX_JS = "search_index.js"
# Nothing on a USB stick may run by itself or be mistaken for a program.
FORBIDDEN_NAMES = {"autorun.inf", "desktop.ini"}
FORBIDDEN_SUFFIXES = {
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".dll", ".ps1", ".vbs", ".vbe",
    ".wsf", ".jar", ".lnk", ".sh", ".bash", ".command", ".app", ".apk", ".desktop", ".reg",
}


# Names no file on a USB stick may have: Windows (FAT, exFAT, NTFS) refuses these characters and
# device names, and a control character (a newline) would break SHA256SUMS, one line per file.
WINDOWS_RESERVED = re.compile(r"^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\..*)?$", re.IGNORECASE)
UNSAFE_CHARACTERS = set('<>:"|?*\\')


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
    if name == MANIFEST_NAME:
        return "the build's description of the site, for this packager"
    if name == "404.html":
        return "a server's error page: nothing serves it from a USB stick"
    if path.name in ("sitemap.xml", "sitemap.xml.gz"):
        return "sitemap for search engines: holds the build date and no usable address offline"
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


def check_site_tree(site_dir: Path) -> None:
    """Stop unless everything under ``site_dir`` is a folder or a regular file with a safe name.

    A symbolic link would ship whatever it points to (any file on the build machine) or be
    skipped without a word; a device or pipe is no file at all; a name with a newline, an
    undecodable byte or a character Windows refuses breaks the checksums or the extraction.
    """
    for path, kind in _entries(site_dir):
        shown = _printable(path)
        if kind == "link":
            raise AuthorError(shown, f"this is a symbolic link (to {_printable(Path(os.readlink(path)))}): "
                              "the package ships only files that are inside the site.",
                              fix="replace the link with a copy of the file, or remove it.")
        if kind == "special":
            raise AuthorError(shown, "this is not a regular file (a device, pipe or socket).",
                              fix="remove it from the site folder.")
        problem = name_problem(path.name)
        if problem:
            raise AuthorError(shown, f"this file name {problem}.",
                              fix="rename the file (letters, digits, '-', '_', '.') in docs/ or "
                              "wherever the build copied it from.")


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file name in the package, or None."""
    if any("\udc80" <= char <= "\udcff" for char in name):
        return "holds bytes that are not UTF-8 text"
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        return "holds a control character (such as a line break)"
    if UNSAFE_CHARACTERS & set(name):
        return f"holds a character Windows refuses ({' '.join(sorted(UNSAFE_CHARACTERS & set(name)))})"
    if name != name.rstrip(". ") or WINDOWS_RESERVED.match(name):
        return "is one Windows cannot create (a device name, or a trailing dot or space)"
    return None


def _entries(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every entry below ``folder`` with its kind (file, folder, link, special), never
    following a link."""
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            path = Path(entry.path)
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISLNK(mode):
                yield path, "link"
            elif stat.S_ISDIR(mode):
                yield path, "folder"
                yield from _entries(path)
            else:
                yield path, "file" if stat.S_ISREG(mode) else "special"


def _printable(path: Path) -> Path:
    """``path`` with undecodable bytes and control characters written as escapes, for messages."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return Path("".join(char if ord(char) >= 32 and ord(char) != 127 else repr(char)[1:-1]
                        for char in text))
