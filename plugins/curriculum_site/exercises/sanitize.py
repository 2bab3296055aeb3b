"""Keep only harmless HTML in what authors and translators write into exercise fields.

Exercise text reaches every learner's browser, and translations come from many hands: an
allow-list (not a blocklist) of tags, attributes and URL schemes is what keeps a stray
`<script>`, `onclick=` or `javascript:` link out of the site. The cleaning is ammonia's (through
nh3), which parses HTML as browsers do; what it keeps is only what is listed here.

Cleaning may drop an element, never an author's words: text that the browser would parse into
an element whose content is removed (`<textarea/>` is not self-closing, so it swallows the rest)
is reported instead of vanishing.
"""

from __future__ import annotations

import nh3
from selectolax.lexbor import LexborHTMLParser

# A space-separated list reads better than fifty quoted strings.
_TAG_NAMES = (
    "a abbr b bdi bdo blockquote br code dd del dfn div dl dt em h3 h4 h5 h6 hr i img ins kbd li "
    "mark ol p pre q s samp small span strong sub sup table tbody td tfoot th thead tr u ul"
)
ALLOWED_TAGS = frozenset(_TAG_NAMES.split())  # noqa: SIM905
# Their content is code or a document of its own, never text to show: removed with the element.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
     "textarea", "select"}
)
_EVERY_TAG = frozenset({"title", "lang", "dir", "class"})
ALLOWED_ATTRIBUTES = {
    "*": _EVERY_TAG,
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan"}),
    **{tag: frozenset({"cite"}) for tag in ("blockquote", "q", "del", "ins")},
}
# Relative URLs stay allowed (ammonia's default); any other scheme is removed with its attribute.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Script and style text is never shown, so losing it loses nothing an author wrote to be read.
_NEVER_SHOWN = ["script", "style"]
# Never self-closing in HTML: whatever follows them in a field becomes their content.
_SWALLOWING = frozenset({"template", "noscript", "textarea", "select"})


class FieldTextHidden(Exception):
    """Cleaning a field would remove text a reader was meant to see."""

    def __init__(self, tag: str, text: str) -> None:
        super().__init__(tag)
        self.tag = tag
        self.text = text


def _parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(f"<body>{html}</body>")


def _shown_text(tree: LexborHTMLParser) -> str:
    tree.strip_tags(_NEVER_SHOWN)
    return tree.body.text(deep=True, separator=" ") if tree.body is not None else ""


def _words(text: str) -> str:
    return "".join(text.split())


def sanitize_html(html: str) -> str:
    """Return ``html`` with only allow-listed tags and attributes, and only safe URLs.

    Raises FieldTextHidden when cleaning would also remove text meant to be read.
    """
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener",
        strip_comments=True,
    )
    tree = _parse(html)
    tags = [node.tag for node in tree.root.traverse(include_text=False)] if tree.root is not None else []
    swallowing = next((tag for tag in tags if tag in _SWALLOWING), None)
    before = _shown_text(tree)
    if swallowing is None and _words(before) != _words(_shown_text(_parse(cleaned))):
        swallowing = next((tag for tag in tags if tag in DROPPED_WITH_CONTENT), "?")
    if swallowing is not None:
        raise FieldTextHidden(swallowing, " ".join(before.split()))
    return cleaned
