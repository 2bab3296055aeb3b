"""Render the Markdown of one exercise field to safe HTML."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import markdown
from markupsafe import Markup

from .sanitize import sanitize_html

DEFAULT_FIELD_EXTENSIONS = ("sane_lists",)
_ONE_PARAGRAPH = re.compile(r"\A<p>(?P<inner>(?:(?!</?p[ >]).)*)</p>\Z", re.DOTALL)


class FieldNotInline(Exception):
    """A field shown inside a label or legend holds more than one paragraph."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class MarkdownFields:
    """Converts field text with its own small Markdown instance, separate from the page's.

    A separate instance keeps page-wide features (auto-appended snippets, our own exercise
    blocks) out of a one-line option, and its output is sanitized before it is used.
    """

    def __init__(
        self,
        extensions: Sequence[str] = DEFAULT_FIELD_EXTENSIONS,
        extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self._md = markdown.Markdown(
            extensions=list(extensions), extension_configs=dict(extension_configs or {})
        )
        # A lesson's field is shown again on its answer key, handout and trainer pages.
        self._converted: dict[str, Markup] = {}

    def block(self, text: str) -> Markup:
        if not text:
            return Markup("")
        if text not in self._converted:
            html = self._md.reset().convert(text)
            self._converted[text] = Markup(sanitize_html(html))
        return self._converted[text]

    def inline(self, text: str, field: str) -> Markup:
        """One paragraph without its `<p>`, for labels and legends, which allow no blocks."""
        html = str(self.block(text))
        match = _ONE_PARAGRAPH.match(html.strip())
        if match is None:
            raise FieldNotInline(field)
        return Markup(match.group("inner"))
