"""curriculum/safety: quick exit, a fixed Content-Security-Policy, nothing injected, no third parties.

Thin hooks over the pure modules: htmlscan reads a page as a browser does, checks says what is
wrong, csp holds the policy, titles escapes author text the theme prints, locate names the file
to edit.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..build.access import curriculum_build
from ..errors import AuthorError, shown
from ..languages import current_language
from . import csp
from .checks import Problem, checked_elements, content_problems, page_problems
from .config import SafetyConfig
from .htmlscan import without_comments
from .locate import Place, in_page_or_theme, in_source, in_theme
from .titles import escape_nav, escape_page_meta, relative_error_page_links

CATALOG_PREFIX = "safety."
ERROR_PAGE = "404.html"


class SafetyPlugin(BasePlugin[SafetyConfig]):
    # After i18n's on_config (-100), which sets this pass's language.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # i18n runs the whole build again per language: everything below is per pass.
        self._project = Path(config.config_file_path or ".").resolve().parent
        self._build = curriculum_build(config)
        # Material's error page (one of its static templates) is written once, at the site's
        # root, by the default language's pass (the first of every build).
        if current_language(config) == self._build.default_language.code:
            config.theme.static_templates.add(ERROR_PAGE)
        else:
            config.theme.static_templates.discard(ERROR_PAGE)
        custom_dir = config.theme.custom_dir
        self._custom_dir = Path(custom_dir) if custom_dir else None
        self._env: Environment | None = None
        self._strings: dict[str, str] = {}
        self._site_texts: dict[str, Any] = {}
        self._nav: Navigation | None = None
        return None

    # on_env runs once per build, after every page's Markdown is read (so every title is known)
    # and before any template is rendered; i18n's on_config has set this build's language.
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if not self.config.enabled:
            return None
        catalog = self._build.catalogs[current_language(config)]
        self._strings = {key.removeprefix(CATALOG_PREFIX): text for key, text in catalog.items()
                         if key.startswith(CATALOG_PREFIX)}
        self._env = env
        env.globals["content_security_policy"] = csp.policy()
        env.globals["safety_ui"] = self._strings
        env.globals["quick_exit_page"] = self._neutral_path(config)
        self._escape_texts(config, files)
        return env

    def _escape_texts(self, config: MkDocsConfig, files: Files) -> None:
        if self._nav is not None:
            escape_nav(self._nav.items)
        for file in files.documentation_pages():
            if file.page is not None:
                source = self._source(file.page, config)
                escape_page_meta(file.page, source, shown(source, self._project))
        # Material prints the site name as HTML; i18n sets it per language from mkdocs.yml,
        # and keeps the original to restore: the escaped text lasts this build only.
        self._site_texts = {"site_name": config.site_name}
        config.site_name = escape(config.site_name, quote=True)

    # Kept for on_env: titles are escaped once every plugin has read them as plain text.
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        self._nav = nav
        return None

    # Last of all page-content hooks, so it sees the content every other plugin produced.
    @event_priority(-200)
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        problems = content_problems(html, checked_elements(html), page.file.url)
        if problems:
            raise _error(problems[0], in_source(self._source(page, config), self._project,
                                                problems[0].needle))
        # An author's comments (notes, drafts, answers being written) are not published.
        return without_comments(html)

    # The server's error page is written once, in the default language, with paths that work
    # wherever the site is served: relative, unless site_url says where the site lives.
    def on_template_context(self, context: TemplateContext, template_name: str,
                            config: MkDocsConfig) -> TemplateContext | None:
        if not self.config.enabled or template_name != ERROR_PAGE or config.site_url:
            return None
        context["base_url"] = "."
        # i18n resets the switcher's links for every page, from its own copy.
        config.extra["alternate"] = relative_error_page_links(config.extra.get("alternate") or [])
        return context

    # Last of all output hooks: what is checked is what is written.
    @event_priority(-200)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        problems = page_problems(checked_elements(output), page.url)
        if problems:
            raise _error(problems[0], in_page_or_theme(self._source(page, config), self._custom_dir,
                                                       self._project, problems[0].needle))
        return None

    @event_priority(-200)
    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not template_name.endswith(".html"):
            return None
        problems = page_problems(checked_elements(output_content), template_name)
        if problems:
            raise _error(problems[0], in_theme(self._custom_dir, self._project, problems[0].needle))
        return None

    # Before i18n's on_post_build (-100), which starts the next language's build.
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self._env is None:
            return
        for key, value in self._site_texts.items():
            setattr(config, key, value)
        target = Path(config.site_dir) / self._neutral_path(config)
        target.parent.mkdir(parents=True, exist_ok=True)
        page = self._env.get_template(self.config.neutral_template).render(
            config=config, title=self._strings["neutral_title"])
        target.write_text(page, encoding="utf-8")

    def _source(self, page: Page, config: MkDocsConfig) -> Path:
        """The file the author edits for ``page`` (not the staged copy the build reads)."""
        return self._build.author_file(page.file.src_uri)

    def _neutral_path(self, config: MkDocsConfig) -> str:
        """In each language's folder, so quick exit stays in the reader's language."""
        return self._build.language(current_language(config)).path(self.config.neutral_page)


def _error(problem: Problem, place: Place) -> AuthorError:
    return AuthorError(place.path, problem.detail, line=place.line, fix=problem.fix)
