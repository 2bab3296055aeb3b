"""Find links inside a built site that lead nowhere: a missing file, or a missing #anchor.

Plain functions over a folder of HTML, so the packager and the quality gates share one checker.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

# The attributes a browser follows or loads from; anything else (data-*, srcset) is not checked.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # the page holding the link, relative to the site folder, with '/'
    target: str  # the link as written in the page
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: '{self.target}' {self.reason}"


@dataclass(frozen=True)
class _Page:
    links: list[str]  # as written, in document order
    ids: set[str]  # what a #fragment may point to: every id, and the name of an <a>


# Lexbor (through selectolax), as every other check of a built page reads it: the elements a
# browser builds, not what a lenient parser guesses (safety/htmlscan.py says why that matters).
_LINKS = ", ".join(f"{tag}[{attribute}]" for tag, attribute in LINK_ATTRIBUTES.items())


def _parse(path: Path) -> _Page:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace"))
    links = [node.attributes.get(LINK_ATTRIBUTES.get(node.tag or "", "")) or ""
             for node in tree.css(_LINKS)]
    ids = ({node.attributes.get("id") or "" for node in tree.css("[id]")}
           | {node.attributes.get("name") or "" for node in tree.css("a[name]")})
    return _Page(links, ids - {""})


def site_files(site_dir: Path) -> set[str]:
    """Every file of the site, as '/'-separated paths relative to ``site_dir``."""
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}


def find_broken_links(site_dir: Path, files: Collection[str] | None = None) -> list[BrokenLink]:
    """Every a[href], link[href], script[src] and img[src] inside the site that leads nowhere.

    ``files`` narrows the files counted as present (the packager checks the files it will
    ship, not everything MkDocs wrote). External links (a scheme such as https: or mailto:)
    are not followed; a path starting with '/' is broken, since under file:// it points at
    the root of the reader's disk.
    """
    present = set(site_files(site_dir) if files is None else files)
    parsed: dict[str, _Page] = {}

    def page(name: str) -> _Page:
        if name not in parsed:
            parsed[name] = _parse(site_dir / name)
        return parsed[name]

    broken: list[BrokenLink] = []
    for name in sorted(name for name in present if name.endswith((".html", ".htm"))):
        for link in page(name).links:
            reason, target = _resolve(name, link, present)
            if reason is None and target is not None:
                fragment = urlsplit(link).fragment
                if fragment and target.endswith((".html", ".htm")) and \
                        unquote(fragment) not in page(target).ids:
                    reason = f"has no anchor id '{unquote(fragment)}' in {target}"
            if reason:
                broken.append(BrokenLink(name, link, reason))
    return sorted(broken)


def _resolve(page: str, link: str, present: set[str]) -> tuple[str | None, str | None]:
    """(why the link is broken or None, the site file it leads to or None if external)."""
    parts = urlsplit(link.strip())
    if parts.scheme or parts.netloc:
        return None, None
    if parts.path.startswith("/"):
        return "starts with '/', which points outside the site under file://", None
    base = PurePosixPath(page).parent
    path = unquote(parts.path)
    if not path:
        return None, page
    target = _normalise(base / path)
    if target is None:
        return "points outside the site folder", None
    if path.endswith("/"):
        target = f"{target}/index.html" if target else "index.html"
    if target not in present:
        return "points to a missing file", None
    return None, target


def _normalise(path: PurePosixPath) -> str | None:
    """Collapse '.' and '..' without touching the disk; None if it climbs above the site."""
    parts: list[str] = []
    for part in path.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)
