"""Titles and descriptions from authors and translators, made safe for the theme to print.

MkDocs and Material treat a title as HTML: a title taken from a page's first heading arrives
escaped (`Q &amp; A`) and the templates print it as it is. Titles written as plain text —
front matter `title:`, nav labels from mkdocs.yml, module titles, UI catalog strings, a
language's site name — are escaped here once, before any template runs, so that text like
`<script>` is shown, never run.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

from ..errors import AuthorError


def escape_nav(items: Iterable[Any]) -> None:
    """Escape every title the navigation holds as plain text (sections, links, named pages)."""
    for item in items:
        if isinstance(item, (Section, Link)) or (isinstance(item, Page) and "title" in vars(item)):
            item.title = escape(str(item.title), quote=True)
        if isinstance(item, Section):
            escape_nav(item.children)


def escape_page_meta(page: Page, source: Path, shown: str) -> None:
    """Escape a page's front matter `title` (MkDocs' page.title reads it) and `description`.

    ``source`` is the file the author edits, named (as ``shown``) when a value is not text.
    """
    for key in ("title", "description"):
        if key not in page.meta:
            continue
        value = page.meta[key]
        if not isinstance(value, str) or not value.strip():
            raise AuthorError(shown, f"the front matter '{key}' must be text, not {value!r}.",
                              line=_front_matter_line(source, key),
                              fix=f"write '{key}: Your {key}' (quote it if it contains ': ').")
        page.meta[key] = escape(value, quote=True)


def _front_matter_line(source: Path, key: str) -> int | None:
    try:
        with source.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.startswith(f"{key}:"):
                    return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def relative_error_page_links(alternates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The language switcher's links for the error page, relative to the site's root.

    i18n writes them from the server's root (`/fr/index.html`) when site_url is not set, which
    is wrong as soon as the site lives in a sub-folder; the error page sits at the site's root.
    """
    return [{**alternate, "link": str(alternate.get("link", "")).lstrip("/")}
            if str(alternate.get("link", "")).startswith("/")
            and not str(alternate.get("link", "")).startswith("//") else alternate
            for alternate in alternates]
