"""Find `///` blocks in Markdown source with their line numbers, the way Markdown reads them.

Pure and line-based: the rendered page does not know where a block came from, so errors,
answer-key extraction and translation parity all start from this scan of the real file. It
skips what Markdown never reads as a block — fenced and indented code, HTML comments — and
sees blocks at the start of a list item as Markdown does, so that what it finds is exactly
what the page renders (the exercise extension checks that on every page) and an answer
written in a comment or a code example is never published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from .model import EXERCISE_TYPES

_LIST_ITEM = r"(?:[-*+]|\d{1,9}[.)])[ ]+"
_HEADER = re.compile(
    rf"^(?P<lead>[ ]*(?:{_LIST_ITEM})?)(?P<slashes>/{{3,}})[ ]*(?P<kind>[\w-]+)[ ]*"
    r"(?:\|[ ]*(?P<arg>.*?)[ ]*)?$"
)
_FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")
# Markdown reads a comment as raw HTML only where a block starts (a line's first characters).
_COMMENT_START = re.compile(r"^[ ]{0,3}<!--")
# Lines whose indented continuation is their content, not code: list items, admonitions and
# collapsible blocks (`!!!`, `???`), content tabs (`===`), footnotes.
_CONTAINER = re.compile(rf"^[ ]*(?:{_LIST_ITEM}|(?:!!!|\?\?\?\+?|===\+?)[ ]|\[\^[^\]]+\]:)")
_INDENTED_CODE = re.compile(r"^(?:[ ]{4}|\t)")


@dataclass(frozen=True)
class ScannedBlock:
    line: int  # 1-based line of the `/// type | id` header
    kind: str
    argument: str
    body: str  # dedented text between header and closing `///`
    closed: bool

    @property
    def is_exercise(self) -> bool:
        return self.kind in EXERCISE_TYPES


class _Reader:
    """Which lines Markdown reads as text that may hold a block, and which it never does."""

    def __init__(self) -> None:
        self.fence = ""
        self.in_comment = False
        self.in_code = False
        self.in_container = False
        self.after_blank = True

    def hidden(self, text: str) -> bool:
        """True for a line inside a fence, a comment or an indented code block."""
        if self.fence:
            self._close_fence(text)
            return True
        if self.in_comment:
            self.in_comment = "-->" not in text
            return True
        blank = not text.strip()
        was_blank, self.after_blank = self.after_blank, blank
        if blank:
            return self.in_code
        fence = _FENCE.match(text)
        if fence:
            self.fence, self.in_code = fence.group("fence"), False
            return True
        if _INDENTED_CODE.match(text) and (self.in_code or (was_blank and not self.in_container)):
            self.in_code = True
            return True
        self.in_code = False
        if _COMMENT_START.match(text):
            self.in_comment = "-->" not in text[text.index("<!--") + 4:]
            return True
        if not _INDENTED_CODE.match(text):
            self.in_container = bool(_CONTAINER.match(text))
        return False

    def _close_fence(self, text: str) -> None:
        marker = _FENCE.match(text)
        if (marker and marker.group("fence")[0] == self.fence[0]
                and len(marker.group("fence")) >= len(self.fence)
                and not text.strip()[len(marker.group("fence")):].strip()):
            self.fence = ""


def scan_blocks(markdown: str) -> list[ScannedBlock]:
    """Return every `///` block header Markdown reads as one, in document order."""
    if "///" not in markdown:
        return []
    lines = markdown.splitlines()
    found: list[ScannedBlock] = []
    reader = _Reader()
    index = 0
    while index < len(lines):
        text = lines[index]
        header = None if reader.hidden(text) else _HEADER.match(text)
        if header is None:
            index += 1
            continue
        kind = header.group("kind").lower()
        if kind not in EXERCISE_TYPES and kind != "progress":
            # Other blocks (tabs, details, admonitions) may contain exercises: scan inside them.
            found.append(ScannedBlock(index + 1, kind, header.group("arg") or "", "", True))
            index += 1
            continue
        end = _closing_line(lines, index + 1, header.group("slashes"))
        body_lines = lines[index + 1 : end]
        indent = len(header.group("lead"))
        body = "\n".join(_dedent(line, indent) for line in body_lines)
        found.append(ScannedBlock(index + 1, kind, header.group("arg") or "", body, end < len(lines)))
        reader.after_blank = False
        index = end + 1
    return found


def _dedent(line: str, indent: int) -> str:
    """Remove the header's indentation (a block nested in a tab or list) from a body line."""
    return line[indent:] if line[:indent].strip() == "" else line.lstrip()


def _closing_line(lines: list[str], start: int, slashes: str) -> int:
    closing = re.compile(rf"^[ ]*{slashes}[ ]*$")
    for number in range(start, len(lines)):
        if closing.match(lines[number]):
            return number
    return len(lines)


def prose_lines(markdown: str) -> list[str]:
    """The Markdown's lines, those Markdown never reads as text (fenced and indented code, HTML
    comments) blanked, so that every line stays where it was."""
    reader = _Reader()
    return ["" if reader.hidden(line) else line for line in markdown.split("\n")]


# A block header shown as text, anywhere in a text: not after a letter, ':' or '/' (a
# file:/// address is not one).
_MARKER = re.compile(r"(?<![\w:/])/{3,}[ ]*(?P<kind>[A-Za-z][\w-]*)(?:[ ]*\|[ ]*(?P<arg>[^\n]*))?")
# Text in these is code or data, where `///` is just characters.
_NOT_PROSE = ["pre", "code", "script", "style", "textarea", "kbd", "samp"]


def leftover_markers(html: str) -> list[tuple[str, str]]:
    """`///` block headers that reached the page as text, at any position outside code:
    blocks Markdown did not recognize."""
    if "///" not in html:  # a header shown as text is three slashes in a row in the HTML too
        return []
    tree = LexborHTMLParser(html)
    tree.strip_tags(_NOT_PROSE)
    text = tree.body.text(deep=True, separator="\n") if tree.body is not None else ""
    return [
        (match.group("kind").lower(), (match.group("arg") or "").strip())
        for line in text.splitlines()
        for match in [_MARKER.search(line)]
        if match is not None
    ]
