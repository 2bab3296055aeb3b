"""MkDocs plugin owning the exercise blocks: thin hooks over the pure parser and renderer."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path, PurePosixPath

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from curriculum_site.build.access import curriculum_build
from curriculum_site.build.curriculum import CurriculumBuild
from curriculum_site.catalog import catalog_path
from curriculum_site.errors import AuthorError
from curriculum_site.languages import current_language

from .blocks import ExercisesExtension, PageSource
from .config import ExercisesConfig
from .field_markdown import MarkdownFields
from .model import EXERCISE_TYPES, LocatedExercise
from .progress import LearnerPage, progress_index
from .render import ExerciseRenderer
from .scan import leftover_markers

ASSETS = Path(__file__).parent / "assets"
SITE_ASSETS = "assets/curriculum"
SCRIPT = f"{SITE_ASSETS}/exercises.js"
# Plural forms of counted strings; first, since this script and the theme's agenda.js use it.
PLURAL_SCRIPT = f"{SITE_ASSETS}/plural.js"
STYLESHEET = f"{SITE_ASSETS}/exercises.css"
# The one store of remembered answers (a page every exercise page frames; see storage.js). A
# theme template, so MkDocs renders it like 404.html and the safety plugin secures it like a page.
THEME_DIR = Path(__file__).parent / "theme"
STORAGE_PAGE = f"{SITE_ASSETS}/storage.html"
_HEADING = re.compile(r"^#[ ]+(.+?)[ #]*$", re.MULTILINE)


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    # After i18n's on_config (-100): this pass's language is known.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # mkdocs-static-i18n runs the whole build again per language on this same instance and
        # config: everything below is per pass, and nothing may be added twice.
        build = curriculum_build(config)
        language = current_language(config)
        self._build = build
        self._by_view_and_id: dict[tuple[str, str], LocatedExercise] = {}
        renderer = ExerciseRenderer(
            build.catalogs[language],
            catalog_source=build.shown(catalog_path(build.settings.translations_dir, language)),
            fields=self._field_converter(),
            override_dirs=_override_dirs(config),
        )
        self._extension = ExercisesExtension(renderer, site_id=build.site_id, parsed=build.parsed)
        config.markdown_extensions[:] = [
            ext for ext in config.markdown_extensions if not isinstance(ext, ExercisesExtension)
        ]
        config.markdown_extensions.append(self._extension)  # type: ignore[arg-type]
        scripts = [str(script) for script in config.extra_javascript]
        if PLURAL_SCRIPT not in scripts:
            config.extra_javascript.insert(0, _deferred(PLURAL_SCRIPT))
        if SCRIPT not in scripts:
            config.extra_javascript.append(_deferred(SCRIPT))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(THEME_DIR))
        config.theme.static_templates.add(STORAGE_PAGE)
        return config

    def _field_converter(self) -> MarkdownFields:
        """One converter for every language's pass: a field's HTML depends on its text alone, and
        an English lesson is shown again, untranslated, in each language that falls back to it."""
        fields: MarkdownFields | None = getattr(self, "_fields", None)
        if fields is None:
            fields = self._fields = MarkdownFields(self.config.field_markdown_extensions)
        return fields

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        build, uri = self._build, page.file.src_uri
        source = build.source_text(uri)
        if source is None:  # a page generated from data: errors name the staged page
            page_source = PageSource.from_markdown(build.shown(build.author_file(uri)), markdown)
        else:
            page_source = PageSource(source.shown, source.blocks, tuple(source.text.splitlines()))
        self._extension.start_page(page_source, build.page_view(uri, page.meta), page.url)
        return None

    # After every page is rendered, before the next page resets the extension's page state.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        source = self._extension.source
        for kind, argument in leftover_markers(html):
            raise _leftover_error(source, kind, argument)
        view = self._extension.view
        for located in self._extension.page.exercises:
            key = (view, located.exercise.id)
            first = self._by_view_and_id.setdefault(key, located)
            if first is not located:
                raise AuthorError(
                    located.path,
                    f"the exercise id '{located.exercise.id}' is already used at {first.path}:{first.line}.",
                    line=located.line,
                    fix="Exercise ids must be unique across the site: prefix them with the module id.",
                )
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= self._extension.page.anchors
        return None

    # After i18n's on_nav (-100): these are the pages of this language's tree.
    @event_priority(-110)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        build, language = self._build, current_language(config)
        pages = [page for file in files.documentation_pages()
                 if (page := _learner_page(build, file, language)) is not None]
        self._extension.progress = progress_index(pages, self._extension.renderer.fields)
        return None

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        target = Path(config.site_dir) / SITE_ASSETS
        target.mkdir(parents=True, exist_ok=True)
        for name in ("plural.js", "exercises.js", "exercises.css", "storage.js"):
            shutil.copyfile(ASSETS / name, target / name)


def _learner_page(build: CurriculumBuild, file: File, language: str) -> LearnerPage | None:
    """The page of ``file`` if it shows exercises to learners (an answer key shows them to
    trainers), as its staged front matter says."""
    source = build.source_text(file.src_uri)
    staged = build.files.get(file.src_uri)
    if source is None or staged is None or not source.exercises:
        return None
    text, meta = get_data(staged.content.decode("utf-8"))
    if build.page_view(file.src_uri, meta) != "learner":
        return None
    title = meta.get("title") or _first_heading(text) or PurePosixPath(file.src_uri).stem
    module = build.module_title(file.src_uri, language)
    return LearnerPage(file.src_uri, file.url, module or str(title), meta, source.exercises)


def _first_heading(markdown: str) -> str | None:
    match = _HEADING.search(markdown)
    return match.group(1).strip() if match else None


def _override_dirs(config: MkDocsConfig) -> tuple[Path, ...]:
    """The theme's custom_dir, whose curriculum/exercises/ templates replace ours by name."""
    custom_dir = config.theme.custom_dir
    return (Path(custom_dir),) if custom_dir else ()


def _deferred(path: str) -> ExtraScriptValue:
    script = ExtraScriptValue(path)
    script.defer = True
    return script


def _leftover_error(source: PageSource, kind: str, argument: str) -> AuthorError:
    line = source.marker_line(kind, argument)
    header = f"/// {kind} | {argument}" if argument else f"/// {kind}"
    if kind in (*EXERCISE_TYPES, "progress"):
        detail = f"'{header}' was shown as plain text instead of an exercise."
        fix = "Check the line after the header: the YAML body must start at the left margin."
    else:
        detail = f"'{header}' is not a known block type, so it was shown as plain text."
        close = difflib.get_close_matches(kind, [*EXERCISE_TYPES, "progress"], n=1)
        fix = (
            f"Did you mean '/// {close[0]}'?"
            if close
            else f"Exercise types are: {', '.join(EXERCISE_TYPES)}."
        )
    return AuthorError(source.path, detail, line=line, fix=fix)
