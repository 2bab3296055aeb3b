"""The meaningful part of a built page, in a form that reads well in a diff.

A page's article (Material's ``md-content__inner``) is what our plugins and the author make; the
header, navigation and footer around it are the theme's. The article is written one element or
text per line, indented by depth, attributes sorted and whitespace collapsed, and a JSON script
(an exercise's settings and UI strings) one key per line, so a golden file changes only where
the page's content or structure does, and its diff shows where.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

ARTICLE_CLASS = "md-content__inner"
# Elements without an end tag: they open no level of indentation.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_SPACE = re.compile(r"\s+")


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.depth = 0  # levels inside the article; 0 outside it
        self.json = False  # inside a <script type="application/json">

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.depth:
            if tag == "article" and ARTICLE_CLASS in (dict(attrs).get("class") or "").split():
                self.depth = 1
            return
        written = "".join(f' {name}="{html.escape(value or "")}"' if value is not None else f" {name}"
                          for name, value in sorted(attrs))
        self.lines.append(f"{'  ' * (self.depth - 1)}<{tag}{written}>")
        self.json = tag == "script" and dict(attrs).get("type") == "application/json"
        if tag not in _VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.depth and tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in _VOID:
            return
        self.depth -= 1
        self.json = False
        if self.depth:
            self.lines.append(f"{'  ' * (self.depth - 1)}</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        indent = "  " * (self.depth - 1)
        if self.json:
            written = json.dumps(json.loads(data), indent=2, sort_keys=True, ensure_ascii=False)
            self.lines += [indent + line for line in written.splitlines()]
            return
        text = _SPACE.sub(" ", data).strip()
        if text:
            self.lines.append(indent + html.escape(text, quote=False))

    def handle_comment(self, data: str) -> None:
        if self.depth:
            self.lines.append(f"{'  ' * (self.depth - 1)}<!--{data}-->")


def article(page: str) -> str:
    """``page``'s article, one element or text per line; empty if the page has none."""
    parser = _Article()
    parser.feed(page)
    parser.close()
    return "".join(f"{line}\n" for line in parser.lines)
