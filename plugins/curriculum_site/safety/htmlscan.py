"""Read HTML the way a browser does: elements with their attributes, and script text.

Every check of a page must see what a browser will build from it, not what a lenient parser
guesses: Python's HTMLParser reads `<![CDATA[ … ]]>` as one declaration, while a browser ends
that "bogus comment" at the first `>` and runs any <script> after it. Lexbor (through
selectolax) implements the WHATWG parsing algorithm, so the checks and the browser agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, cast

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Lexbor names comment nodes (bogus comments included) and text nodes with these pseudo-tags.
_NOT_ELEMENTS = ("-comment", "-text", "-doctype", "_comment", "_text", "_doctype")
# Markup declarations and processing instructions (`<!DOCTYPE`, `<![CDATA[`, `<!ENTITY`,
# `<?xml`): a browser turns them into comments or a doctype, hiding whatever they enclose
# up to the first `>`. A comment (`<!--`) is not one of them.
_DECLARATION = re.compile(r"<!(?!--)[^>]{0,60}|<\?[^>]{0,60}")
# Attributes no selector can find: a name that starts with "on" (an event handler) and a value a
# browser may read as a javascript: URL (its first character, past spaces and controls, is "j" or
# starts a character reference). The start tag below is the WHATWG tokenizer's, but looked for
# everywhere, comments and script text included: finding none proves no element has such an
# attribute; finding one (perhaps where no element is) means every element must be read.
_SPACE = "\t\n\f\r "
_START_TAG = rf"<[A-Za-z][^{_SPACE}/>]*+"
_ATTRIBUTE = (rf"(?>[{_SPACE}/]*+[^{_SPACE}/>][^{_SPACE}/>=]*+"
              rf"(?>[{_SPACE}]*+=[{_SPACE}]*+(?>\"[^\"]*+\"|'[^']*+'|[^{_SPACE}>]++))?)")
_EVENT_HANDLER = re.compile(rf"{_START_TAG}{_ATTRIBUTE}*?[{_SPACE}/]*+(?i:on)")
_SCRIPT_URL = re.compile(rf"=[{_SPACE}]*+[\"']?[\x00-\x20]*+[jJ&]")
# HTML comments as a browser ends them: at `-->`, `--!>`, or at once for `<!-->` and `<!--->`.
_COMMENT = re.compile(r"<!--(?:-?>|.*?--!?>)", re.DOTALL)


class Element(NamedTuple):
    # A named tuple, not a dataclass: every page's hundreds of elements are built twice per build.
    tag: str
    attrs: dict[str, str] = {}  # a boolean attribute maps to "" (never mutated)
    text: str = ""  # the raw text of a <script>, else ""


def scan(html: str, selector: str | None = None) -> list[Element]:
    """Every element of ``html`` in document order, as a browser's parser builds them, or those
    ``selector`` matches (Lexbor selects them without building the others in Python)."""
    tree = LexborHTMLParser(html)
    nodes: Iterable[LexborNode] = (
        # An element is listed once for each selector of the list it matches.
        {node.mem_id: node for node in tree.css(selector)}.values() if selector is not None
        else tree.root.traverse(include_text=False) if tree.root is not None else ())
    elements = []
    for node in nodes:
        tag = node.tag
        if tag is None or tag in _NOT_ELEMENTS:
            continue
        raw = node.attributes
        attrs = ({name: value or "" for name, value in raw.items()} if None in raw.values()
                 else cast(dict[str, str], raw))  # a boolean attribute's value is None
        elements.append(Element(tag, attrs, node.text(deep=True) if tag == "script" else ""))
    return elements


def may_hold_script_attribute(html: str) -> bool:
    """False only if no element of ``html`` has an event handler or a javascript: URL attribute."""
    return bool(_EVENT_HANDLER.search(html) or _SCRIPT_URL.search(html))


def declarations(html: str) -> list[str]:
    """The start of each markup declaration or processing instruction in ``html``."""
    return [match.group(0) for match in _DECLARATION.finditer(_COMMENT.sub("", html))]


def without_comments(html: str) -> str:
    """``html`` with its comments removed (an author's notes and drafts are not published)."""
    return _COMMENT.sub("", html)


def unclosed_comment(html: str) -> str | None:
    """The start of a comment that never ends (a browser hides the rest of the page), if any."""
    rest = without_comments(html)
    index = rest.find("<!--")
    return None if index < 0 else rest[index:index + 40]


def line_of(text: str, needle: str) -> int | None:
    """The 1-based line where ``needle`` first occurs in ``text``, if it does."""
    index = text.find(needle)
    return None if index < 0 else text.count("\n", 0, index) + 1
