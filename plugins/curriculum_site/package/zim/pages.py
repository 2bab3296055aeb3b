"""One pass over a built page for its ZIM entry: its title, its text for Kiwix's search, the
files it links to, and the language menu, which a one-language ZIM cannot honour.

Each ZIM holds one language, so the header's language menu would lead to pages the file does
not have (zimcheck reports each of those links as broken): it is cut out of the page.

Python's HTMLParser, where every other reader of a built page uses Lexbor (links.py,
safety/htmlscan.py): cutting the menu out needs its place in the page's text, which only
HTMLParser gives (getpos); rebuilding the page from Lexbor's tree instead would rewrite every
tag of it (attribute quoting, void elements) in the file Kiwix serves.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from ...links import LINK_ATTRIBUTES

# Kiwix indexes the page's own content, not the navigation that every page repeats.
CONTENT_TAG = "article"
# Material's header names the page (its title in the navigation) in the "header-topic" element.
TOPIC = ("data-md-component", "header-topic")
# Material's language menu: a header option holding one link per language (hreflang).
OPTION_CLASS = "md-header__option"
SILENT = {"script", "style", "template"}
# Elements that end a word: "<li>one</li><li>two</li>" holds two words, not "onetwo".
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "hr", "label", "legend", "li", "main", "nav", "ol", "p", "pre", "section",
          "summary", "table", "td", "th", "tr", "ul"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass(frozen=True)
class PageFacts:
    title: str  # "" when the page has none
    text: str  # the page's own content, for the full-text index
    links: tuple[str, ...]  # every link, script, stylesheet and image, outside the language menu
    language_menu: tuple[int, int] | None  # where the menu is in the page, to cut it out
    icon: str | None  # the href of the page's icon (<link rel="icon">)


@dataclass
class _Element:
    tag: str
    start: int
    is_option: bool
    holds_languages: bool = False
    text: list[str] | None = None  # collected when the element's text is wanted


class _PageParser(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self._line_starts = [0]
        newline = html.find("\n")
        while newline >= 0:
            self._line_starts.append(newline + 1)
            newline = html.find("\n", newline + 1)
        self._open: list[_Element] = []
        self._inside: dict[str, int] = {CONTENT_TAG: 0, **dict.fromkeys(SILENT, 0)}
        self.texts: dict[str, list[str]] = {}  # "h1", "topic", "title" -> the first one's text
        self.content: list[str] = []
        self.links: list[tuple[int, str]] = []  # (offset, link)
        self.language_menu: tuple[int, int] | None = None
        self.icon: str | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if LINK_ATTRIBUTES.get(tag) in values:
            self.links.append((self._offset(), values[LINK_ATTRIBUTES[tag]]))
        if tag == "link" and "icon" in values.get("rel", "").lower().split() and self.icon is None:
            self.icon = values.get("href")
        self._break_word(tag)
        if tag in VOID:
            return
        element = _Element(tag, self._offset(),
                           tag == "div" and OPTION_CLASS in values.get("class", "").split())
        if tag == "a" and "hreflang" in values:
            for ancestor in self._open:
                ancestor.holds_languages |= ancestor.is_option
        wanted = "topic" if values.get(TOPIC[0]) == TOPIC[1] else tag
        if wanted in ("h1", "topic", "title") and wanted not in self.texts:
            element.text = self.texts[wanted] = []
        self._push(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in LINK_ATTRIBUTES:  # "<x/>" opens nothing that holds text
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._break_word(tag)
        if not any(element.tag == tag for element in self._open):
            return  # a stray end tag, as browsers ignore it
        while True:
            element = self._pop()
            if element.tag == tag:
                break
        if element.is_option and element.holds_languages and self.language_menu is None:
            self.language_menu = (element.start, self.html.index(">", self._offset()) + 1)

    def _push(self, element: _Element) -> None:
        self._open.append(element)
        if element.tag in self._inside:
            self._inside[element.tag] += 1

    def _pop(self) -> _Element:
        element = self._open.pop()
        if element.tag in self._inside:
            self._inside[element.tag] -= 1
        return element

    def _break_word(self, tag: str) -> None:
        if tag in BLOCKS and self._inside[CONTENT_TAG]:
            self.content.append(" ")

    def handle_data(self, data: str) -> None:
        if any(self._inside[tag] for tag in SILENT):
            return
        for element in self._open:
            if element.text is not None:
                element.text.append(data)
        if self._inside[CONTENT_TAG]:
            self.content.append(data)


def _plain(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def read_page(html: str) -> PageFacts:
    parser = _PageParser(html)
    parser.feed(html)
    parser.close()
    texts = {name: _plain(parser.texts.get(name, [])) for name in ("h1", "topic", "title")}
    menu = parser.language_menu
    links = tuple(link for offset, link in parser.links
                  if menu is None or not menu[0] <= offset < menu[1])
    return PageFacts(entry_title(texts["h1"], texts["topic"], texts["title"]),
                     _plain(parser.content), links, menu, parser.icon)


def entry_title(heading: str, topic: str, document_title: str) -> str:
    """The title Kiwix lists a page by: its heading, plus the page's name in the navigation when
    the heading does not say it (a module's overview, lesson and handout share one heading).
    A page with neither, such as the neutral page, keeps its document title."""
    if heading and topic and topic.casefold() not in heading.casefold():
        return f"{heading} ({topic})"
    return heading or topic or document_title


def without_language_menu(html: str, facts: PageFacts) -> str:
    if facts.language_menu is None:
        return html
    start, end = facts.language_menu
    return html[:start] + html[end:]


def linked_file(page: str, link: str) -> str | None:
    """The file of the ZIM that ``link`` on ``page`` opens; None for another site's address or
    a link within the page. A path climbing above the ZIM's top starts with '..'."""
    parts = urlsplit(link.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.endswith("/"):
        path += "index.html"
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
