"""Keep only harmless HTML in what authors and translators write into exercise fields.

Exercise text reaches every learner's browser, and translations come from many hands: an
allowlist (not a blocklist) of tags, attributes and URL schemes is what keeps a stray
`<script>`, `onclick=` or `javascript:` link out of the site.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

# A space-separated list reads better than fifty quoted strings.
_TAG_NAMES = (
    "a abbr b bdi bdo blockquote br code dd del dfn div dl dt em h3 h4 h5 h6 hr i img ins kbd li "
    "mark ol p pre q s samp small span strong sub sup table tbody td tfoot th thead tr u ul"
)
ALLOWED_TAGS = frozenset(_TAG_NAMES.split())  # noqa: SIM905
VOID_TAGS = frozenset({"br", "hr", "img"})
# Their content is code or a document of its own, never text to show.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "template",
        "noscript",
        "svg",
        "math",
        "textarea",
        "select",
    }
)
ALLOWED_ATTRIBUTES = frozenset(
    {"href", "src", "alt", "title", "lang", "dir", "class", "colspan", "rowspan", "cite"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def _safe_url(value: str) -> bool:
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = "".join(ch for ch in value if ch > " ").lower()
    if ":" not in compact.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return True  # relative URL or fragment
    return compact.startswith(SAFE_SCHEMES)


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping or tag in DROPPED_WITH_CONTENT:
            if tag in DROPPED_WITH_CONTENT and tag not in VOID_TAGS:
                self.dropping.append(tag)
            return
        if tag not in ALLOWED_TAGS:
            return
        kept = []
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES or value is None:
                continue
            if name in URL_ATTRIBUTES and not _safe_url(value):
                continue
            kept.append(f' {name}="{escape(value, quote=True)}"')
        if tag == "a":
            kept.append(' rel="noopener"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.open and self.open[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in self.open:
            while self.open:
                closing = self.open.pop()
                self.out.append(f"</{closing}>")
                if closing == tag:
                    break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def sanitize_html(html: str) -> str:
    """Return `html` with only allowlisted tags and attributes, and only safe URLs."""
    sanitizer = _Sanitizer()
    sanitizer.feed(html)
    return sanitizer.result()
