"""Read HTML the way a browser does: elements with their attributes, and script text.

Every check of a page must see what a browser will build from it, not what a lenient parser
guesses: Python's HTMLParser reads `<![CDATA[ … ]]>` as one declaration, while a browser ends
that "bogus comment" at the first `>` and runs any <script> after it. Lexbor (through
selectolax) implements the WHATWG parsing algorithm, so the checks and the browser agree.
"""

from __future__ import annotations

import re
import secrets
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


# Markup in which no check finds anything: the tags and attributes a theme's navigation is made
# of, every value quoted and unable to hold a javascript: URL (as for _SCRIPT_URL), an <svg> only
# whole and holding only <path>s. Read where a browser is reading HTML (the data state, outside
# SVG and MathML), it builds exactly these elements; none of them switches the tokenizer to
# another state or leaves foreign content open, so what follows the run is read as without it.
_INERT_VALUE = r'="(?![\x00-\x20]*+[jJ&])[^"]*+"'
_INERT_ATTRIBUTES = (rf"(?:[{_SPACE}]++(?:class|id|for|type|tabindex|title|checked|href|xmlns|"
                     rf"viewBox|d|aria-[a-z]++|data-md-[a-z-]++)(?:{_INERT_VALUE})?+"
                     rf"(?=[{_SPACE}/>]))*+[{_SPACE}]*+/?>")
_INERT_RUN = re.compile(
    rf"(?:[^<]++|<(?:nav|ul|li|a|span|label|input|div){_INERT_ATTRIBUTES}"
    rf"|</(?:nav|ul|li|a|span|label|div)>"
    rf"|<svg{_INERT_ATTRIBUTES}(?:[{_SPACE}]*+<path{_INERT_ATTRIBUTES}(?:</path>)?+)*+"
    rf"[{_SPACE}]*+</svg>)*+")


class ParsedPage(NamedTuple):
    text: str  # what Lexbor read: the page, perhaps without an inert run
    tree: LexborHTMLParser
    mark: str = ""  # the element standing in for the run left out

    def elements(self, selector: str | None = None) -> list[Element]:
        """Every element in document order, as a browser's parser builds them, or those
        ``selector`` matches (Lexbor selects them without building the others in Python)."""
        nodes: Iterable[LexborNode] = (
            # An element is listed once for each selector of the list it matches.
            {node.mem_id: node for node in self.tree.css(selector)}.values()
            if selector is not None
            else self.tree.root.traverse(include_text=False) if self.tree.root is not None else ())
        elements = []
        for node in nodes:
            tag = node.tag
            if tag is None or tag in _NOT_ELEMENTS or tag == self.mark:
                continue
            raw = node.attributes
            attrs = ({name: value or "" for name, value in raw.items()} if None in raw.values()
                     else cast(dict[str, str], raw))  # a boolean attribute's value is None
            elements.append(Element(tag, attrs, node.text(deep=True) if tag == "script" else ""))
        return elements


def parse(html: str, inert_from: str | None = None) -> ParsedPage:
    """``html`` as a browser's parser reads it. If ``inert_from`` occurs in it, the inert run of
    markup starting there is left out, once the parser shows that a browser reads it as HTML:
    where it starts only decides how much is left out, never what a check finds."""
    start = html.find(inert_from) if inert_from else -1
    if start >= 0:
        end = cast(re.Match[str], _INERT_RUN.match(html, start)).end()  # a run may be empty
        # A custom element stands in for the run: a browser builds one only in the data state. Its
        # name is new to this page, so no element of the page can pass for it.
        mark = f"inert-{secrets.token_hex(8)}"
        text = f"{html[:start]}<{mark}></{mark}>{html[end:]}"
        tree = LexborHTMLParser(text)
        marks = tree.css(mark)
        if len(marks) == 1 and not _in_foreign_content(marks[0]):
            return ParsedPage(text, tree, mark)
    return ParsedPage(html, LexborHTMLParser(html))


def _in_foreign_content(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("svg", "math"):
            return True
        parent = parent.parent
    return False


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
