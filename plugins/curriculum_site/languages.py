"""Which language a build pass renders, and where each language lives in the built site.

mkdocs-static-i18n (1.3.1) builds the default language first, then, from its own on_post_build
(priority -100), runs the whole build once more per other language, on the same config and
plugin instances, with its ``building`` flag set. Everything about languages that our plugins
ask of MkDocs and i18n is asked here, and nowhere else.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

I18N_PLUGIN = "i18n"
# The logger i18n checks the language switcher's links with.
I18N_SWITCHER_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"


@dataclass(frozen=True)
class SiteLanguage:
    """A language of the site and the folder its pages are written to."""

    code: str
    default: bool

    @property
    def folder(self) -> str:
        """'' for the default language (the site's root), else 'fr/' (i18n's layout)."""
        return "" if self.default else f"{self.code}/"

    def path(self, name: str) -> str:
        """Site path of ``name`` inside this language's tree."""
        return posixpath.join(self.folder, name) if self.folder else name

    @property
    def home(self) -> str:
        return self.path("index.html")


def current_language(config: MkDocsConfig) -> str:
    """The language this pass renders (set by i18n's on_config, priority -100)."""
    return str(config.theme["language"])


def site_languages(config: MkDocsConfig) -> tuple[SiteLanguage, ...]:
    """Every language the site is built in, the default first."""
    i18n = _i18n(config)
    if i18n is None:
        return (SiteLanguage(current_language(config), True),)
    built = [SiteLanguage(str(language.locale), bool(language.default))
             for language in i18n.config.languages if language.build]
    return tuple(sorted(built, key=lambda language: not language.default))


def is_language_rerun(config: MkDocsConfig) -> bool:
    """True while i18n rebuilds the site for one more language, inside the default language's
    build; False during the default language's (outermost) build, from its on_config to the
    end of its on_post_build, after every language is written."""
    i18n = _i18n(config)
    return bool(i18n is not None and i18n.building)


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get(I18N_PLUGIN)


class _OwnSwitcherLinks(logging.Filter):
    """i18n writes the language switcher's links itself in the first pass, then, on each other
    language's pass, reports every one of them (INFO) as if an author had written it, because
    with `use_directory_urls: false` they end in 'index.html' rather than '/'. Nothing an author
    can or should change: these notices are dropped, and only these."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "configuration contains a 'link' option" not in record.getMessage()


def quiet_own_switcher_notices(config: MkDocsConfig) -> None:
    """Drop i18n's notices about the links it generated, unless mkdocs.yml writes its own
    `extra.alternate` (then a notice may be the author's to act on). Call before i18n's first
    on_config, which fills `extra.alternate`."""
    logger = logging.getLogger(I18N_SWITCHER_LOGGER)
    for existing in [f for f in logger.filters if isinstance(f, _OwnSwitcherLinks)]:
        logger.removeFilter(existing)
    if _i18n(config) is not None and "alternate" not in config.extra:
        logger.addFilter(_OwnSwitcherLinks())
