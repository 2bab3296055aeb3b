"""The curriculum as one build sees it, compiled once before the first language is rendered.

mkdocs-static-i18n renders the site once per language; everything that does not depend on the
language being rendered — the course, every language's catalog, the staged docs tree, the
translation status, every exercise block scanned and parsed — is read here once, and every
plugin of ours reads it from this one object (``curriculum_build(config)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..catalog import SOURCE_LANGUAGE, Catalog, load_catalog
from ..course.loader import load_course
from ..course.model import Course, Module
from ..errors import AuthorError, shown
from ..exercises.model import VIEWS, Exercise, LocatedExercise, View
from ..exercises.parity import check_parity
from ..exercises.parser import parse_blocks
from ..exercises.scan import ScannedBlock, scan_blocks
from ..languages import SiteLanguage
from ..status import LanguageStatus, Layout, check_orphans, language_status
from ..trainer.schedule import LessonExercises
from ..yamlsource import decode_markdown, read_text
from .pages import AGENDA, FACILITATOR_GUIDE, TRANSLATION_STATUS, PageRenderer, TimedSession
from .staging import StagedFile, copy_tree, module_sources, outdated_pages, suffixed, unique_destinations
from .translation import translated_module

# Catalog keys whose English text may appear as a title in the nav, translated per language.
NAV_KEY_PREFIXES = ("nav.", "trainer.nav_")
# The exercise view of a page by its file name, unless its front matter names one.
VIEW_BY_PAGE: Mapping[str, View] = {"handout": "handout", "session-plan": "trainer"}


@dataclass(frozen=True)
class SourceText:
    """An author's Markdown file, read, scanned and its exercises parsed, once."""

    path: Path
    shown: str  # relative to the project: how errors name it
    text: str
    blocks: tuple[ScannedBlock, ...]
    exercises: tuple[LocatedExercise, ...]


@dataclass(frozen=True)
class Settings:
    """Where the course plugin finds and writes things (its typed config, resolved)."""

    project: Path
    curriculum_dir: Path
    translations_dir: Path
    stage_dir: Path
    template_dirs: tuple[Path, ...]

    @property
    def layout(self) -> Layout:
        return Layout(self.project, self.curriculum_dir, self.translations_dir)


@dataclass(frozen=True)
class CurriculumBuild:
    settings: Settings
    course: Course
    languages: tuple[SiteLanguage, ...]  # the default first
    catalogs: Mapping[str, Catalog]
    files: Mapping[str, StagedFile]  # the staged docs tree, by src_uri
    statuses: tuple[LanguageStatus, ...]
    # Staged pages (by src_uri) built from a stale or unversioned translation.
    outdated: frozenset[str]
    # English nav title -> its translation, per language.
    nav_titles: Mapping[str, Mapping[str, str]]
    sources: Mapping[Path, SourceText]  # every author Markdown file staged, by its path
    # The text of every other file a page is staged from (a session plan's session.yml), or of
    # the generated page itself, by path.
    texts: Mapping[Path, str]
    # Every exercise of every source, by its block as written (kind, id, body): pages that
    # repeat a lesson's block (answer keys, trainer guides) reuse its parse.
    parsed: Mapping[tuple[str, str, str], Exercise]

    @property
    def project(self) -> Path:
        return self.settings.project

    @property
    def site_id(self) -> str:
        return self.course.site_id

    def language(self, code: str) -> SiteLanguage:
        return next(language for language in self.languages if language.code == code)

    @property
    def default_language(self) -> SiteLanguage:
        return self.languages[0]

    def author_file(self, src_uri: str) -> Path:
        """The file an author edits for a staged page (the staged copy for a generated page)."""
        staged = self.files.get(src_uri)
        if staged is not None and staged.source is not None:
            return staged.source
        return self.settings.stage_dir / src_uri

    def text_of(self, path: Path) -> str:
        """The text of a staged page's author file (Markdown or YAML), as read for this build."""
        source = self.sources.get(path)
        return source.text if source is not None else self.texts[path]

    def source_text(self, src_uri: str) -> SourceText | None:
        """The author's Markdown behind a staged page, as read once (None for YAML or assets)."""
        return self.sources.get(self.author_file(src_uri))

    def shown(self, path: Path) -> str:
        """``path`` relative to the project, as an author finds it."""
        return shown(path, self.project)

    def module_title(self, src_uri: str, language: str) -> str | None:
        """The title, in ``language``, of the module a page under modules/<folder>/ belongs to."""
        parts = PurePosixPath(src_uri).parts
        module = next((m for m in self.course.modules if parts[:2] == ("modules", m.folder)), None)
        if module is None:
            return None
        return self.nav_titles.get(language, {}).get(module.title, module.title)

    def default_view(self, src_uri: str) -> View:
        stem = Path(src_uri).name.split(".")[0]
        return VIEW_BY_PAGE.get(stem, "learner")

    def page_view(self, src_uri: str, meta: Mapping[str, object]) -> View:
        """The page's exercise view: its front matter's ``exercise_view``, else by its name."""
        view = meta.get("exercise_view", self.default_view(src_uri))
        if view not in VIEWS:
            raise AuthorError(self.author_file(src_uri), f"'exercise_view: {view}' is not a view.",
                              fix=f"Use one of: {', '.join(VIEWS)}.")
        return view  # type: ignore[return-value]


def build_curriculum(settings: Settings, languages: tuple[SiteLanguage, ...]) -> CurriculumBuild:
    """Load, check and stage the whole curriculum in every language (the stage is written by
    ``write_stage``); raises AuthorError at an author's first mistake."""
    course = load_course(settings.curriculum_dir)
    catalogs = {code: load_catalog(settings.translations_dir, code) for code in course.languages}
    compiler = _Compiler(settings, course, catalogs)
    staged = compiler.stage()
    statuses = tuple(_statuses(settings, course))
    staged.append(StagedFile(TRANSLATION_STATUS, PageRenderer(
        catalogs[SOURCE_LANGUAGE], list(settings.template_dirs)).translation_status(list(statuses)),
        None, SOURCE_LANGUAGE))
    by_uri = unique_destinations(staged)
    sources = compiler.sources
    _check_exercise_parity(settings, course, sources)
    return CurriculumBuild(
        settings=settings, course=course, languages=languages, catalogs=catalogs,
        files=by_uri, statuses=statuses,
        outdated=frozenset(outdated_pages(staged, list(statuses))),
        nav_titles=compiler.nav_titles, sources=sources, parsed=_by_block(sources.values()),
        texts=_other_texts(by_uri.values(), settings.stage_dir))


class _Compiler:
    """Stages every page of every language, reading and parsing each author file once."""

    def __init__(self, settings: Settings, course: Course, catalogs: Mapping[str, Catalog]) -> None:
        self.settings = settings
        self.course = course
        self.catalogs = catalogs
        self.nav_titles: dict[str, dict[str, str]] = {}
        self.sources: dict[Path, SourceText] = {}

    def stage(self) -> list[StagedFile]:
        default = SOURCE_LANGUAGE
        course, project = self.course, self.settings.project
        staged = copy_tree(project / "docs", "", default, default)
        staged += module_sources(course, course.root, default, default)
        staged += self._generated(list(course.modules), default, course.root)
        layout = self.settings.layout
        for language in course.languages:
            if language == default:
                continue
            staged += copy_tree(layout.translation_path("docs", language), "", language, default)
            translated_course = layout.translation_path(layout.course, language)
            staged += module_sources(course, translated_course, language, default)
            modules = [translated_module(m, translated_course / "modules" / m.folder) or m
                       for m in course.modules]
            staged += self._generated(modules, language, translated_course)
        for file in staged:
            if file.source is not None and file.source.suffix == ".md":
                self.source(file.source, file.content)
        return staged

    def source(self, path: Path, content: bytes | None = None) -> SourceText:
        """An author's Markdown file, read and parsed the first time it is asked for."""
        if path not in self.sources:
            text = decode_markdown(content if content is not None else path.read_bytes(), path)
            name = shown(path, self.settings.project)
            blocks = tuple(scan_blocks(text))
            self.sources[path] = SourceText(path, name, text, blocks,
                                            tuple(parse_blocks(blocks, name)))
        return self.sources[path]

    def _generated(self, modules: list[Module], language: str,
                   curriculum_root: Path) -> list[StagedFile]:
        strings = self.catalogs[language]
        renderer = PageRenderer(strings, list(self.settings.template_dirs))
        titles = self.nav_titles.setdefault(language, {})
        for key, value in self.catalogs[SOURCE_LANGUAGE].items():
            if key.startswith(NAV_KEY_PREFIXES):
                titles[value] = strings[key]
        for english, translated in zip(self.course.modules, modules, strict=True):
            titles[english.title] = translated.title
        staged = [StagedFile(suffixed("modules/index.md", language, SOURCE_LANGUAGE),
                             renderer.course_overview(self.course, modules), None, language)]
        sessions = []
        for module in modules:
            base = f"modules/{module.folder}/"
            lesson = self._lesson_exercises(module, curriculum_root)
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
                              (AGENDA, renderer.agenda(modules))):
            staged.append(StagedFile(suffixed(dest, language, SOURCE_LANGUAGE), content, None, language))
        return staged

    def _lesson_exercises(self, module: Module, curriculum_root: Path) -> LessonExercises:
        """The exercises of the lesson in this language, or of the English lesson it falls back to."""
        translated = curriculum_root / "modules" / module.folder / "lesson.md"
        path = translated if translated.is_file() else module.lesson
        source = self.source(path)
        return LessonExercises(path, tuple(block for block in source.blocks if block.is_exercise))


def _other_texts(files: Iterable[StagedFile], stage_dir: Path) -> dict[Path, str]:
    texts = {}
    for file in files:
        if file.source is None and file.dest.endswith(".md"):
            texts[stage_dir / file.dest] = file.content.decode("utf-8")
        elif file.source is not None and file.source.suffix == ".yml":
            texts[file.source] = read_text(file.source)
    return texts


def _by_block(sources: Iterable[SourceText]) -> dict[tuple[str, str, str], Exercise]:
    parsed = {}
    for source in sources:
        blocks = [block for block in source.blocks if block.is_exercise]
        for block, located in zip(blocks, source.exercises, strict=True):
            parsed[(block.kind, block.argument, block.body)] = located.exercise
    return parsed


def _statuses(settings: Settings, course: Course) -> list[LanguageStatus]:
    statuses = []
    for language in course.languages:
        if language == SOURCE_LANGUAGE:
            continue
        check_orphans(language, settings.layout)
        statuses.append(language_status(language, settings.layout))
    return statuses


def _check_exercise_parity(settings: Settings, course: Course,
                           sources: Mapping[Path, SourceText]) -> None:
    """Every translated Markdown file keeps its English file's exercises (ids, types, answers)."""
    layout = settings.layout
    for language in course.languages:
        folder = layout.translations_dir / language
        for path, translated in sources.items():
            if language == SOURCE_LANGUAGE or not path.is_relative_to(folder):
                continue
            english = layout.english_path(path, language)
            if english in sources:
                check_parity(sources[english].exercises, translated.exercises)
