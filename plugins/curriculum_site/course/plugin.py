"""curriculum/course: compiles curriculum/ and translations/ into the docs tree MkDocs builds."""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..catalog import SOURCE_LANGUAGE, Catalog, load_catalog
from ..errors import AuthorError
from ..status import LanguageStatus, check_orphans, language_status, unversioned_errors
from ..trainer.schedule import LessonExercises
from .config import CourseConfig
from .loader import load_course
from .model import Course, Module
from .pages import AGENDA, FACILITATOR_GUIDE, TRANSLATION_STATUS, PageRenderer, TimedSession
from .staging import (
    StagedFile,
    check_exercise_parity,
    copy_tree,
    module_sources,
    outdated_pages,
    suffixed,
    write_stage,
)
from .translation import translated_module

log = get_plugin_logger(__name__)

I18N_PLUGIN = "i18n"
# Catalog keys whose English text may appear as a title in the nav, translated per language.
NAV_KEY_PREFIXES = ("nav.", "trainer.nav_")
VIEW_BY_PAGE = {"handout.md": "handout", "session-plan.md": "trainer"}
# A page's title: a level-1 heading on its first line.
_FIRST_LINE_TITLE = re.compile(r"\A\s*# [^\n]*\n")


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self) -> None:
        self.course: Course | None = None
        self.catalogs: dict[str, Catalog] = {}
        self.nav_titles: dict[str, dict[str, str]] = {}
        self.sources: dict[str, Path] = {}
        self.outdated_pages: set[str] = set()
        # i18n runs on_config once per language: each translation problem is said once.
        self.reported: set[str] = set()

    # Runs before i18n's on_config (-100), so i18n and MkDocs read the staged tree as docs_dir.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path).parent
        translations = root / self.config.translations_dir
        course = load_course(root / self.config.curriculum_dir)
        _check_languages(course, config)
        self.course = course
        self.catalogs = {lang: load_catalog(translations, lang) for lang in course.languages}
        self.nav_titles = {}
        staged = self._stage_files(root, translations, course)
        statuses = self._translation_statuses(root, translations, course)
        staged.append(StagedFile(TRANSLATION_STATUS, PageRenderer(
            self.catalogs[SOURCE_LANGUAGE], self._template_dirs()).translation_status(statuses),
            None, SOURCE_LANGUAGE))
        check_exercise_parity(staged)
        stage_dir = root / self.config.stage_dir
        write_stage(staged, stage_dir)
        self.outdated_pages = outdated_pages(staged, statuses, stage_dir)
        self.sources = {str(stage_dir / f.dest): f.source for f in staged if f.source}
        config.docs_dir = str(stage_dir)
        config.extra["site_id"] = course.site_id
        config.extra["curriculum_sources"] = {k: str(v) for k, v in self.sources.items()}
        config.nav = _expand_nav(config.nav, self.config.nav_placeholder, course)
        return config

    def _stage_files(self, root: Path, translations: Path, course: Course) -> list[StagedFile]:
        default = SOURCE_LANGUAGE
        staged = copy_tree(root / "docs", "", default, default)
        staged += module_sources(course, course.root, default, default)
        staged += self._generated(course, course.modules, default, course.root)
        for language in course.languages:
            if language == default:
                continue
            translated_root = translations / language
            staged += copy_tree(translated_root / "docs", "", language, default)
            staged += module_sources(course, translated_root / "curriculum", language, default)
            modules = [
                translated_module(m, translated_root / "curriculum" / "modules" / m.folder) or m
                for m in course.modules
            ]
            staged += self._generated(course, modules, language, translated_root / "curriculum")
        return staged

    def _translation_statuses(self, root: Path, translations: Path,
                              course: Course) -> list[LanguageStatus]:
        statuses = []
        for language in course.languages:
            if language == SOURCE_LANGUAGE:
                continue
            check_orphans(language, root, translations)
            status = language_status(language, root, translations)
            for problem in map(str, unversioned_errors(status)):
                if problem not in self.reported:
                    self.reported.add(problem)
                    log.warning(problem)
            statuses.append(status)
        return statuses

    def _generated(self, course: Course, modules: list[Module] | tuple[Module, ...],
                   language: str, curriculum_root: Path) -> list[StagedFile]:
        strings = self.catalogs[language]
        renderer = PageRenderer(strings, self._template_dirs())
        titles = self.nav_titles.setdefault(language, {})
        for key, value in self.catalogs[SOURCE_LANGUAGE].items():
            if key.startswith(NAV_KEY_PREFIXES):
                titles[value] = strings[key]
        for english, translated in zip(course.modules, modules, strict=True):
            titles[english.title] = translated.title
        staged = [StagedFile(suffixed("modules/index.md", language, SOURCE_LANGUAGE),
                             renderer.course_overview(course, list(modules)), None, language)]
        sessions = []
        for module in modules:
            base = f"modules/{module.folder}/"
            lesson = _lesson_exercises(module, curriculum_root)
            session = TimedSession.of(module, lesson)
            sessions.append(session)
            staged.append(StagedFile(suffixed(base + "index.md", language, SOURCE_LANGUAGE),
                                     renderer.module_overview(module), None, language))
            staged.append(StagedFile(suffixed(base + "session-plan.md", language, SOURCE_LANGUAGE),
                                     renderer.session_plan(session), module.session.path, language))
            # Staged from the lesson, so exercise errors on this page name the lesson's lines.
            staged.append(StagedFile(suffixed(base + "answer-key.md", language, SOURCE_LANGUAGE),
                                     renderer.answer_key(module, lesson), lesson.path, language))
        for dest, content in ((FACILITATOR_GUIDE, renderer.facilitator_guide(sessions)),
                              (AGENDA, renderer.agenda(list(modules)))):
            staged.append(StagedFile(suffixed(dest, language, SOURCE_LANGUAGE), content, None, language))
        return staged

    def _template_dirs(self) -> list[Path]:
        folder = Path(self.config.templates_dir)
        return [folder] if folder.is_dir() else []

    # After i18n's on_nav (-100): nav titles are English in mkdocs.yml, translated here.
    @event_priority(-110)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files) -> Navigation | None:
        if not self.config.enabled:
            return None
        titles = self.nav_titles.get(_language(config), {})
        _translate_titles(nav.items, titles)
        return nav

    # Before the exercise plugin reads the view, and before i18n translates admonitions (50).
    @event_priority(60)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files) -> str | None:
        if not self.config.enabled:
            return None
        name = Path(page.file.src_uri).name.split(".")[0] + ".md"
        page.meta.setdefault("exercise_view", VIEW_BY_PAGE.get(name, "learner"))
        language = _language(config)
        if getattr(page.file, "locale", language) != language:
            return with_notice(markdown, self.catalogs[language]["notice.fallback"])
        if page.file.abs_src_path in self.outdated_pages:
            return with_notice(markdown, self.catalogs[language]["notice.stale"])
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


def _lesson_exercises(module: Module, curriculum_root: Path) -> LessonExercises:
    """The exercises of the lesson in this language, or of the English lesson it falls back to."""
    translated = curriculum_root / "modules" / module.folder / "lesson.md"
    return LessonExercises.read(translated if translated.is_file() else module.lesson)


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def _check_languages(course: Course, config: MkDocsConfig) -> None:
    i18n = config.plugins.get(I18N_PLUGIN)
    if i18n is None:
        return
    configured = [language.locale for language in i18n.config.languages]
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


def _translate_titles(items, titles: dict[str, str]) -> None:
    for item in items:
        if item.title in titles:
            item.title = titles[item.title]
        if isinstance(item, Section):
            _translate_titles(item.children, titles)
