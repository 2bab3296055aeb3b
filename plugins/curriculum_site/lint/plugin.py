"""curriculum/lint: warns, file and line, about avoided terms, text copied from the source and
exercises whose answer shows without understanding."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from ..build.access import curriculum_build
from ..build.curriculum import CurriculumBuild
from ..catalog import SOURCE_LANGUAGE
from ..languages import current_language
from .answers import CourseExercises, answer_cue_findings, length_findings
from .checks import Finding, check_text
from .config import LintConfig
from .glossary import Glossary, glossary_path, load_glossary
from .ownwords import Excerpt, load_fingerprint

log = get_plugin_logger(__name__)


class LintPlugin(BasePlugin[LintConfig]):
    def __init__(self) -> None:
        self.glossaries: dict[str, Glossary] = {}
        self.excerpts: tuple[Excerpt, ...] = ()
        self.checked: set[Path] = set()
        self.exercises = CourseExercises()
        self.root = Path()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # i18n runs one build per language on this instance: start each from fresh files.
        self.root = Path(config.config_file_path).parent
        self.glossaries = {}
        self.checked = set()
        self.exercises = CourseExercises()
        self.excerpts = load_fingerprint(self.root / self.config.source_fingerprint)
        return config

    # Before every other plugin (the course plugin adds notices at 60): only authors' text counts.
    @event_priority(100)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files) -> None:
        if not self.config.enabled:
            return
        language = current_language(config)
        if getattr(page.file, "locale", language) != language:
            return  # a fallback page: checked in its own language's build
        build = curriculum_build(config)
        # Report what the author edits (same lines as the staged copy), or the generated page.
        source = build.author_file(page.file.src_uri)
        if source in self.checked:
            return  # several pages come from one file (a lesson and its answer key): warn once
        self.checked.add(source)
        text = build.text_of(source)
        for finding in check_text(source, text, self._glossary(build, language), self.excerpts):
            log.warning(str(finding))
        parsed = build.sources.get(source)
        points = self.exercises.add(parsed.exercises if parsed else (), source)
        self._report_cues(length_findings(points, self.config.keyed_length_ratio))

    # Every page's Markdown has been read by now: the course-wide counts are complete.
    def on_env(self, env, config: MkDocsConfig, files):
        if not self.config.enabled:
            return None
        language = current_language(config)
        self._report_cues(answer_cue_findings(self.exercises.points, self.config.cue_significance,
                                              placements=language == SOURCE_LANGUAGE))
        return None

    def _report_cues(self, findings: Iterable[Finding]) -> None:
        level = logging.WARNING if self.config.answer_cues == "warning" else logging.INFO
        for finding in findings:
            log.log(level, str(finding))

    def _glossary(self, build: CurriculumBuild, language: str) -> Glossary:
        if language not in self.glossaries:
            path = glossary_path(build.settings.curriculum_dir, build.settings.translations_dir,
                                 language)
            self.glossaries[language] = load_glossary(path, language)
        return self.glossaries[language]
