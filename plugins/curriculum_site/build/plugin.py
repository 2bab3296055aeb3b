"""curriculum/course: compiles curriculum/ and translations/ into the docs tree MkDocs builds."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..course.model import Course, Module
from ..errors import AuthorError
from ..languages import (
    I18N_PLUGIN,
    SiteLanguage,
    current_language,
    is_language_rerun,
    quiet_own_switcher_notices,
    site_languages,
)
from ..status import unversioned_errors
from .config import CourseConfig
from .curriculum import CurriculumBuild, Settings, build_curriculum
from .manifest import BuildManifest, write_manifest
from .staging import write_stage

log = get_plugin_logger(__name__)

# Templates of generated pages that a theme's custom_dir may replace, by the same name.
TEMPLATE_OVERRIDES = "curriculum"
# A page's title: a level-1 heading on its first line.
_FIRST_LINE_TITLE = re.compile(r"\A\s*# [^\n]*\n")


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self) -> None:
        # The curriculum of the build under way; other plugins read it via curriculum_build().
        self.build: CurriculumBuild | None = None

    # Runs before i18n's on_config (-100), so i18n and MkDocs read the staged tree as docs_dir.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if self.build is not None and is_language_rerun(config):
            return None  # i18n's pass for one more language: same curriculum, docs_dir and nav
        quiet_own_switcher_notices(config)
        settings = self.settings(config)
        languages = site_languages(config)
        build = build_curriculum(settings, languages)
        if config.plugins.get(I18N_PLUGIN) is not None:
            _check_languages(build.course, languages)
        for status in build.statuses:
            for problem in unversioned_errors(status):
                log.warning(str(problem))
        write_stage(build.files, settings.stage_dir)
        self.build = build
        config.docs_dir = str(settings.stage_dir)
        config.nav = _expand_nav(config.nav, self.config.nav_placeholder, build.course)
        return config

    def settings(self, config: MkDocsConfig) -> Settings:
        """Where this project's curriculum, translations and stage are (relative to mkdocs.yml)."""
        root = Path(config.config_file_path).parent
        course = Path(os.path.normpath(self.config.curriculum_dir))
        # Translations mirror the course's path in the project (translations/<lang>/curriculum/…).
        if course.is_absolute() or course.parts[:1] == ("..",):
            raise AuthorError(config.config_file_path, f"curriculum_dir '{self.config.curriculum_dir}' "
                              "is not inside the project: translations mirror where the course lives "
                              "in it.", fix="give a folder relative to mkdocs.yml, inside its folder.")
        return Settings(project=root, curriculum_dir=root / course,
                        translations_dir=root / self.config.translations_dir,
                        stage_dir=root / self.config.stage_dir, template_dirs=_template_dirs(config))

    # Last, and only once the outermost build ends: i18n (-100) has written every language.
    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.build is None or is_language_rerun(config):
            return
        course = self.build.course
        write_manifest(BuildManifest(
            title=course.title, site_id=course.site_id, version=course.version,
            citation=course.citation, languages=tuple(language.code for language in self.build.languages),
            translations_dir=str(self.build.settings.translations_dir)),
            Path(config.site_dir))

    # After i18n's on_nav (-100): nav titles are English in mkdocs.yml, translated here.
    @event_priority(-110)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files) -> Navigation | None:
        if not self.config.enabled:
            return None
        assert self.build is not None  # set by on_config
        _translate_titles(nav.items, self.build.nav_titles.get(current_language(config), {}))
        return nav

    # Before i18n translates admonitions (50): the notice is an admonition of ours.
    @event_priority(60)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files) -> str | None:
        if not self.config.enabled:
            return None
        assert self.build is not None  # set by on_config
        language = current_language(config)
        catalog = self.build.catalogs[language]
        if getattr(page.file, "locale", language) != language:
            return with_notice(markdown, catalog["notice.fallback"])
        if page.file.src_uri in self.build.outdated:
            return with_notice(markdown, catalog["notice.stale"])
        return markdown


def with_notice(markdown: str, notice: str) -> str:
    """The page with ``notice`` under its title, or at its top if it has none. The title stays
    first: for screen readers, and for search, whose entry for a page is titled by its first
    heading (a notice above it would make the page's own title a mere section)."""
    box = f'!!! note ""\n    {html.escape(notice)}\n\n'
    title = _FIRST_LINE_TITLE.match(markdown)
    if title is None:
        return box + markdown
    return f"{title.group()}\n{box}{markdown[title.end():]}"


def _template_dirs(config: MkDocsConfig) -> tuple[Path, ...]:
    """The theme's overrides of our generated pages' templates (``<custom_dir>/curriculum``)."""
    custom_dir = config.theme.custom_dir
    folder = Path(custom_dir) / TEMPLATE_OVERRIDES if custom_dir else None
    return (folder,) if folder is not None and folder.is_dir() else ()


def _check_languages(course: Course, languages: tuple[SiteLanguage, ...]) -> None:
    configured = [language.code for language in languages]
    if sorted(configured) != sorted(course.languages):
        raise AuthorError(course.root / "curriculum.yml",
                          f"languages {list(course.languages)} differ from the i18n plugin's "
                          f"{configured} in mkdocs.yml.",
                          fix="list the same languages in both files.")


def _expand_nav(nav, placeholder: str, course: Course):
    """Replace the placeholder entry with the course overview and one section per module."""
    if not nav:
        return nav
    expanded = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if value == placeholder:
                item = {title: [{"Overview": "modules/index.md"}, *map(_module_nav, course.modules)]}
            elif isinstance(value, list):
                item = {title: _expand_nav(value, placeholder, course)}
        expanded.append(item)
    return expanded


def _module_nav(module: Module) -> dict:
    base = f"modules/{module.folder}/"
    return {module.title: [
        {"Overview": base + "index.md"},
        {"Lesson": base + "lesson.md"},
        {"Session plan": base + "session-plan.md"},
        {"Handout": base + "handout.md"},
        {"Answer key": base + "answer-key.md"},
    ]}


def _translate_titles(items, titles: Mapping[str, str]) -> None:
    for item in items:
        if item.title in titles:
            item.title = titles[item.title]
        if isinstance(item, Section):
            _translate_titles(item.children, titles)
