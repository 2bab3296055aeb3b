"""One pass over an HTML document: every start tag with its attributes and place, script text.

The CSP and third-party checks both need the same facts, and the CSP rewrite needs the exact
offsets of one tag, so they share this scanner instead of each matching HTML with regexes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]  # a boolean attribute maps to ""
    line: int  # 1-based, in the scanned text
    start: int  # offset of the start tag in the scanned text
    end: int  # offset just after the start tag
    text: str = field(default="")  # raw text, for <script> only


class _Scanner(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._line_starts = [0]
        newline = html.find("\n")
        while newline >= 0:
            self._line_starts.append(newline + 1)
            newline = html.find("\n", newline + 1)
        self._script: Element | None = None
        self._script_text: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        text = self.get_starttag_text() or ""
        element = Element(tag, {name: value or "" for name, value in attrs}, self.getpos()[0],
                          start, start + len(text))
        self.elements.append(element)
        if tag == "script":
            self._script, self._script_text = element, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._script.text = "".join(self._script_text)
            self._script = None


def scan(html: str) -> list[Element]:
    """Every start tag of ``html`` in document order."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.elements


def line_of(text: str, needle: str) -> int | None:
    """The 1-based line where ``needle`` first occurs in ``text``, if it does."""
    index = text.find(needle)
    return None if index < 0 else text.count("\n", 0, index) + 1
