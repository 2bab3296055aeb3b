"""Lists in a session step's instructions, as authors write them, made readable to Python-Markdown.

Authors and translators indent a nested list under the text of its parent item (three spaces
under "1. ", two under "- "), as CommonMark and most editors do, and start a list on the line
after a sentence ("Give out role cards:"). Python-Markdown nests a list only when it is indented
by four spaces per level, and starts one only after a blank line: otherwise role cards merge into
the numbered steps, or show as a paragraph with dashes. This rewrites the indentation of every
list item to four spaces per level, keeping each line's place in its item, and puts a blank line
before a list that follows a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?: +|$)")
TAB = 4  # Python-Markdown's tab_length


@dataclass(frozen=True)
class _Item:
    content: int  # column where the item's text starts: lines indented this far belong to it
    written: int  # column of the marker in the rewritten text
    shift: int  # columns added to the item's own lines of text


def nested_lists(markdown: str) -> str:
    lines: list[str] = []
    open_items: list[_Item] = []
    # The previous line is a paragraph (outside any list, or one made below): a list item after
    # it needs a blank line, or Python-Markdown reads it as more of the paragraph.
    after_text = False
    for line in markdown.split("\n"):
        if not line.strip():
            lines.append(line)
            after_text = False
            continue
        indent = len(line) - len(line.lstrip(" "))
        depth = len(open_items)
        while open_items and indent < open_items[-1].content:
            open_items.pop()
        marker = MARKER.match(line, indent)
        if marker:
            written = open_items[-1].written + TAB if open_items else indent
            if after_text:
                lines.append("")
            open_items.append(_Item(marker.end(), written, written - indent))
            lines.append(" " * written + line[indent:])
        elif open_items and len(open_items) < depth and lines[-1].strip():
            # Text back in a parent item after its nested list: a paragraph of that item.
            item = replace(open_items[-1], shift=open_items[-1].written + TAB - open_items[-1].content)
            open_items[-1] = item
            lines.extend(("", " " * (indent + item.shift) + line[indent:]))
            after_text = True
            continue
        elif open_items:
            lines.append(" " * (indent + open_items[-1].shift) + line[indent:])
            continue  # the item's text: after_text stays as it was
        else:
            lines.append(line)
        after_text = not marker
    return "\n".join(lines)
