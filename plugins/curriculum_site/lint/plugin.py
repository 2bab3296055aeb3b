"""curriculum/lint: warns, file and line, about avoided terms and text copied from the source."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from .checks import check_text
from .config import LintConfig
from .glossary import Glossary, glossary_path, load_glossary
from .ownwords import Excerpt, load_fingerprint

log = get_plugin_logger(__name__)


class LintPlugin(BasePlugin[LintConfig]):
    def __init__(self) -> None:
        self.glossaries: dict[str, Glossary] = {}
        self.excerpts: tuple[Excerpt, ...] = ()
        self.checked: set[Path] = set()
        self.root = Path()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # i18n runs one build per language on this instance: start each from fresh files.
        self.root = Path(config.config_file_path).parent
        self.glossaries = {}
        self.checked = set()
        self.excerpts = load_fingerprint(self.root / self.config.source_fingerprint)
        return config

    # Before every other plugin (the course plugin adds notices at 60): only authors' text counts.
    @event_priority(100)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files) -> None:
        if not self.config.enabled:
            return
        language = str(config.theme["language"])
        if getattr(page.file, "locale", language) != language:
            return  # a fallback page: checked in its own language's build
        staged = page.file.abs_src_path or ""
        # Report what the author edits (same lines as the staged copy), or the generated page.
        source = Path(config.extra.get("curriculum_sources", {}).get(staged, staged))
        if source in self.checked:
            return  # several pages come from one file (a lesson and its answer key): warn once
        self.checked.add(source)
        text = source.read_text(encoding="utf-8")
        for finding in check_text(source, text, self._glossary(language), self.excerpts):
            log.warning(str(finding))

    def _glossary(self, language: str) -> Glossary:
        if language not in self.glossaries:
            path = glossary_path(self.root / self.config.curriculum_dir,
                                 self.root / self.config.translations_dir, language)
            self.glossaries[language] = load_glossary(path, language)
        return self.glossaries[language]

