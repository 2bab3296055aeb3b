"""curriculum/search: writes each language tree's own search index after the whole site is built,
and the search worker that reads it (assets/search-worker.js, around Material's own)."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from ..languages import SiteLanguage, current_language, is_language_rerun, site_languages
from .config import SearchConfig
from .index import Demotion, LanguageRoot, as_json, as_script, split_index

log = get_plugin_logger(__name__)

SEARCH_FOLDER = "search"
JSON_NAME = "search_index.json"
SCRIPT_NAME = "search_index.js"
# Material ships lunr's language support here; a language without a file is indexed as English.
LUNR_LANGUAGES = "assets/javascripts/lunr/min/lunr.{}.min.js"
# Beside Material's worker: Material finds lunr's files from the worker's address.
WORKER_FOLDER = "assets/javascripts/workers"
WORKER_NAME = "curriculum-search.js"
WORKER_SOURCE = Path(__file__).parent / "assets" / "search-worker.js"


class SearchSplitPlugin(BasePlugin[SearchConfig]):
    def on_config(self, config: MkDocsConfig) -> None:
        self.material_worker = _material_worker(config) if self.config.enabled else ""

    # The language's root, for the "base" Material's bundle resolves the search index from:
    # relative to the page itself (never through the site root), so it holds wherever the tree
    # is served from — a sub-folder, the site root, or the language folder as the root (Kiwix).
    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        if not self.config.enabled:
            return None
        # Keys of our own: overrides/main.html reads them; MkDocs' TypedDict does not know them.
        context["search_worker"] = {  # type: ignore[typeddict-unknown-key]
            "material": self.material_worker, "ours": WORKER_NAME}
        root = _language_root(_current(config))
        if root.prefix:
            context["language_base_url"] = get_relative_url(  # type: ignore[typeddict-unknown-key]
                root.prefix, page.url)
        return context

    # After i18n (-100) has merged every language into one index and offline (-100) has
    # inlined it: runs last, on the final files, once every language is built.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or is_language_rerun(config):
            return
        site = Path(config.site_dir)
        write_worker(site, self.material_worker)
        combined = site / SEARCH_FOLDER / JSON_NAME
        if not combined.is_file():
            return
        index = json.loads(combined.read_text(encoding="utf-8"))
        roots = [_language_root(language) for language in site_languages(config)]
        stemmed = {root.language for root in roots
                   if root.language == "en" or (site / LUNR_LANGUAGES.format(root.language)).is_file()}
        demotion = Demotion(tuple(self.config.trainer_pages), self.config.trainer_boost)
        combined.unlink()
        indexes = split_index(index, roots, stemmed, demotion)
        for root, language_index in indexes.items():
            folder = site / root.prefix / SEARCH_FOLDER
            folder.mkdir(parents=True, exist_ok=True)
            # Material's bundle loads the script under file:// (the USB package) and fetches
            # the JSON over http(s): a static server, `mkdocs serve`, Kiwix.
            (folder / SCRIPT_NAME).write_text(as_script(language_index), encoding="utf-8")
            (folder / JSON_NAME).write_text(as_json(language_index), encoding="utf-8")
            log.debug("%s: %d search entries", root.language, len(language_index["docs"]))
        locations = [doc["location"] for language_index in indexes.values()
                     for doc in language_index["docs"]]
        for pattern in demotion.unused(locations):
            log.warning("trainer_pages: no page matches '%s'; rename it after the page it meant "
                        "in mkdocs.yml, or remove it.", pattern)


def _language_root(language: SiteLanguage) -> LanguageRoot:
    return LanguageRoot(language.code, language.folder)


def _current(config: MkDocsConfig) -> SiteLanguage:
    language = current_language(config)
    return next((site for site in site_languages(config) if site.code == language),
                SiteLanguage(language, default=True))


def _material_worker(config: MkDocsConfig) -> str:
    """The file name of Material's search worker (it carries a hash of its content)."""
    for folder in config.theme.dirs:
        workers = sorted((Path(folder) / WORKER_FOLDER).glob("search.*.min.js"))
        if workers:
            return workers[0].name
    raise PluginError(f"curriculum/search: the theme has no search worker in {WORKER_FOLDER}; "
                      "it works with mkdocs-material only.")


def write_worker(site: Path, material_worker: str) -> None:
    """Our worker, told the name of Material's, which it loads."""
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    (site / WORKER_FOLDER / WORKER_NAME).write_text(
        f"const MATERIAL_WORKER = {json.dumps(material_worker)};\n{source}", encoding="utf-8")
