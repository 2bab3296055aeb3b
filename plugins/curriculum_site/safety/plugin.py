"""curriculum/safety: quick exit, a strict Content-Security-Policy, no third-party assets.

Thin hooks over the pure modules: htmlscan reads a page, checks says what is wrong, csp writes
the policy, locate names the file to edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..catalog import SOURCE_LANGUAGE, load_catalog
from ..errors import AuthorError
from . import csp
from .checks import Problem, content_problems, page_problems
from .config import SafetyConfig
from .htmlscan import scan
from .locate import Place, in_source, in_theme
from .neutral import neutral_page_path

CSP_PARTIAL = "partials/content-security-policy.html"
CATALOG_PREFIX = "safety."


class SafetyPlugin(BasePlugin[SafetyConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # i18n runs the whole build again per language: everything below is per build.
        self._project = Path(config.config_file_path or ".").resolve().parent
        custom_dir = config.theme.custom_dir
        self._custom_dir = Path(custom_dir) if custom_dir else None
        self._env: Environment | None = None
        self._strings: dict[str, str] = {}
        return None

    # on_env runs once per build, after i18n's on_config has set this build's language.
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if not self.config.enabled:
            return None
        catalog = load_catalog(self._project / self.config.translations_dir, _language(config))
        self._strings = {key.removeprefix(CATALOG_PREFIX): text for key, text in catalog.items()
                         if key.startswith(CATALOG_PREFIX)}
        self._env = env
        env.globals["content_security_policy"] = csp.policy()
        env.globals["safety_ui"] = self._strings
        env.globals["quick_exit_page"] = self._neutral_path(config)
        return env

    # Last of all page-content hooks, so it sees the content every other plugin produced.
    @event_priority(-200)
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        problems = content_problems(scan(html), page.file.url)
        if problems:
            staged = page.file.abs_src_path or page.file.src_uri
            source = Path(config.extra.get("curriculum_sources", {}).get(staged, staged))
            raise _error(problems[0], in_source(source, self._project, problems[0].needle))
        return None

    # Last of all output hooks: the hashes must be those of the final page.
    @event_priority(-200)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        return self._secure(output, page.url)

    @event_priority(-200)
    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not template_name.endswith(".html"):
            return None
        return self._secure(output_content, template_name)

    def _secure(self, output: str, page_url: str) -> str:
        """The page with its policy completed, after checking everything the theme added."""
        elements = scan(output)
        problems = page_problems(elements, page_url)
        if problems:
            raise _error(problems[0], in_theme(self._custom_dir, self._project, problems[0].needle))
        meta = csp.policy_element(elements)
        assert meta is not None and self._env is not None  # page_problems checked the first
        rendered = self._env.get_template(CSP_PARTIAL).render(
            content_security_policy=csp.page_policy(elements)).strip()
        return output[:meta.start] + rendered + output[meta.end:]

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self._env is None:
            return
        target = Path(config.site_dir) / self._neutral_path(config)
        target.parent.mkdir(parents=True, exist_ok=True)
        page = self._env.get_template(self.config.neutral_template).render(
            config=config, title=self._strings["neutral_title"])
        target.write_text(page, encoding="utf-8")

    def _neutral_path(self, config: MkDocsConfig) -> str:
        i18n: Any = config.plugins.get("i18n")
        default = i18n.default_language if i18n is not None else _language(config)
        return neutral_page_path(self.config.neutral_page, _language(config), default or SOURCE_LANGUAGE)


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def _error(problem: Problem, place: Place) -> AuthorError:
    return AuthorError(place.path, problem.detail, line=place.line, fix=problem.fix)
