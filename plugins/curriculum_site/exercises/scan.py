"""Find `///` blocks in Markdown source with their line numbers, the way an author sees them.

Pure and line-based: the rendered page does not know where a block came from, so errors,
answer-key extraction and translation parity all start from this scan of the real file.
Fenced code is skipped, as Markdown does, so documentation examples are not blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import EXERCISE_TYPES

_HEADER = re.compile(
    r"^(?P<indent>[ ]*)(?P<slashes>/{3,})[ ]*(?P<kind>[\w-]+)[ ]*(?:\|[ ]*(?P<arg>.*?)[ ]*)?$"
)
_FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")


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


def scan_blocks(markdown: str) -> list[ScannedBlock]:
    """Return every `///` block header outside fenced code, in document order."""
    lines = markdown.splitlines()
    found: list[ScannedBlock] = []
    fence = ""
    index = 0
    while index < len(lines):
        text = lines[index]
        fence_match = _FENCE.match(text)
        if fence_match:
            marker = fence_match.group("fence")
            if not fence:
                fence = marker
            elif (
                marker[0] == fence[0]
                and len(marker) >= len(fence)
                and not text.strip()[len(marker) :].strip()
            ):
                fence = ""
            index += 1
            continue
        header = None if fence else _HEADER.match(text)
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
        indent = len(header.group("indent"))
        body = "\n".join(_dedent(line, indent) for line in body_lines)
        found.append(ScannedBlock(index + 1, kind, header.group("arg") or "", body, end < len(lines)))
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


def exercise_blocks(markdown: str) -> list[ScannedBlock]:
    """Only the exercise blocks, in document order."""
    return [block for block in scan_blocks(markdown) if block.is_exercise]


_LEFTOVER = re.compile(r"<p>[ ]*/{3,}[ ]*(?P<kind>[\w-]+)[ ]*(?:\|[ ]*(?P<arg>[^<\n]*?))?[ ]*(?:\n|</p>)")


def leftover_markers(html: str) -> list[tuple[str, str]]:
    """`///` block headers that reached the page as text: blocks Markdown did not recognize."""
    return [
        (match.group("kind").lower(), (match.group("arg") or "").strip())
        for match in _LEFTOVER.finditer(html)
    ]
