"""curriculum/search: writes each language tree's own search index after the whole site is built."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .config import SearchConfig
from .index import LanguageRoot, as_json, as_script, split_index

log = get_plugin_logger(__name__)

I18N_PLUGIN = "i18n"
SEARCH_FOLDER = "search"
JSON_NAME = "search_index.json"
SCRIPT_NAME = "search_index.js"
# Material ships lunr's language support here; a language without a file is indexed as English.
LUNR_LANGUAGES = "assets/javascripts/lunr/min/lunr.{}.min.js"


class SearchSplitPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.command = "build"
        # i18n builds the other languages from inside the first build's on_post_build: only
        # the outermost build has the final combined index.
        self.depth = 0

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.depth += 1

    def on_build_error(self, *, error: Exception) -> None:
        self.depth = 0

    # The language's root, for the "base" Material's bundle resolves the search index from.
    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        if not self.config.enabled:
            return None
        root = _current_root(config)
        if root.prefix:
            # A key of our own: overrides/main.html reads it; MkDocs' TypedDict does not know it.
            context["language_base_url"] = posixpath.join(  # type: ignore[typeddict-unknown-key]
                context["base_url"], root.prefix)
        return context

    # After i18n (-100) has merged every language into one index and offline (-100) has
    # inlined it: runs last, on the final files.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.depth -= 1
        if not self.config.enabled or self.depth > 0:
            return
        site = Path(config.site_dir)
        combined = site / SEARCH_FOLDER / JSON_NAME
        if not combined.is_file():
            return
        index = json.loads(combined.read_text(encoding="utf-8"))
        roots = _language_roots(config)
        stemmed = {root.language for root in roots
                   if root.language == "en" or (site / LUNR_LANGUAGES.format(root.language)).is_file()}
        combined.unlink()
        for root, language_index in split_index(index, roots, stemmed).items():
            folder = site / root.prefix / SEARCH_FOLDER
            folder.mkdir(parents=True, exist_ok=True)
            # file:// (the USB package) loads only the script; the JSON is what
            # `mkdocs serve` fetches over http.
            (folder / SCRIPT_NAME).write_text(as_script(language_index), encoding="utf-8")
            if self.command == "serve":
                (folder / JSON_NAME).write_text(as_json(language_index), encoding="utf-8")
            log.debug("%s: %d search entries", root.language, len(language_index["docs"]))


def _language_roots(config: MkDocsConfig) -> list[LanguageRoot]:
    i18n = config.plugins.get(I18N_PLUGIN)
    if i18n is None:
        return [LanguageRoot(str(config.theme["language"]), "")]
    return [LanguageRoot(language.locale, "" if language.default else f"{language.locale}/")
            for language in i18n.config.languages if language.build]


def _current_root(config: MkDocsConfig) -> LanguageRoot:
    language = str(config.theme["language"])
    return next((root for root in _language_roots(config) if root.language == language),
                LanguageRoot(language, ""))
