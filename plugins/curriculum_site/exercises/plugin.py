"""MkDocs plugin owning the exercise blocks: thin hooks over the pure parser and renderer."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from curriculum_site.catalog import catalog_path, load_catalog
from curriculum_site.errors import AuthorError

from .blocks import ExercisesExtension, PageSource
from .config import ExercisesConfig
from .fields import MarkdownFields
from .model import EXERCISE_TYPES, LocatedExercise
from .render import ExerciseRenderer, index_script, plain_label
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


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # mkdocs-static-i18n runs the whole build again per language on this same instance and
        # config: everything below is per build, and nothing may be added twice.
        self._project = Path(config.config_file_path or ".").resolve().parent
        self._renderers: dict[str, ExerciseRenderer] = {}
        self._by_view_and_id: dict[tuple[str, str], LocatedExercise] = {}
        self._index: dict[str, dict[str, Any]] = {}
        self._progress_pages: set[str] = set()
        self._extension = ExercisesExtension(
            self._renderer(config.theme["language"]), site_id=str(config.extra.get("site_id", ""))
        )
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

    def _renderer(self, language: str) -> ExerciseRenderer:
        if language not in self._renderers:
            translations = self._project / self.config.translations_dir
            self._renderers[language] = ExerciseRenderer(
                load_catalog(translations, language),
                catalog_source=str(catalog_path(translations, language)),
                fields=MarkdownFields(self.config.field_markdown_extensions),
            )
        return self._renderers[language]

    # Page hooks run after i18n's on_config (priority -100) has set this build's language.

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        path, text = self._author_source(page, config, markdown)
        self._extension.renderer = self._renderer(config.theme["language"])
        self._extension.source = PageSource.from_markdown(path, text)
        self._extension.set_view(str(page.meta.get("exercise_view", self.config.default_view)), path=path)
        return None

    def _author_source(self, page: Page, config: MkDocsConfig, markdown: str) -> tuple[str, str]:
        """The file the author edits (not a staged copy), relative to the project, and its text."""
        staged = page.file.abs_src_path or ""
        real = Path(config.extra.get("curriculum_sources", {}).get(staged, staged) or page.file.src_uri)
        try:
            shown = str(real.resolve().relative_to(self._project))
        except ValueError:
            shown = str(real)
        try:
            return shown, real.read_text(encoding="utf-8")
        except OSError:
            return shown, markdown

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
            if view == "learner":
                self._add_to_index(page, located)
        if self._extension.page.has_progress:
            self._progress_pages.add(page.file.src_uri)
        return None

    def _add_to_index(self, page: Page, located: LocatedExercise) -> None:
        module = str(
            page.meta.get("module") or Path(page.file.src_uri).parent.as_posix() or page.file.src_uri
        )
        entry = self._index.setdefault(
            module,
            {
                "module": module,
                "title": page.meta.get("module_title") or page.title,
                "url": page.url,
                "exercises": [],
            },
        )
        label = plain_label(self._extension.renderer.fields, located.exercise)
        entry["exercises"].append({"id": located.exercise.id, "label": label, "type": located.exercise.type})

    # Every page's content exists by now (MkDocs renders all pages before any template).
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled or page.file.src_uri not in self._progress_pages or page.content is None:
            return None
        index = [{**entry, "url": get_relative_url(entry["url"], page.url)} for entry in self._index.values()]
        page.content = page.content.replace(str(index_script([])), str(index_script(index)), 1)
        return None

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        target = Path(config.site_dir) / SITE_ASSETS
        target.mkdir(parents=True, exist_ok=True)
        for name in ("plural.js", "exercises.js", "exercises.css", "storage.js"):
            shutil.copyfile(ASSETS / name, target / name)


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
