"""The one way our other plugins reach the build's curriculum: ``curriculum_build(config)``;
and the one way commands and tests run outside a build reach it: ``project_curriculum(config)``
compiles it as the course plugin would, from a loaded mkdocs.yml (``load_config``)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..errors import AuthorError
from ..languages import site_languages
from .curriculum import CurriculumBuild, Settings, build_curriculum
from .plugin import CoursePlugin

COURSE_PLUGIN = "curriculum/course"
_Plugin = TypeVar("_Plugin", bound=BasePlugin)


def curriculum_build(config: MkDocsConfig) -> CurriculumBuild:
    """The curriculum the course plugin compiled for this build (in its on_config)."""
    build = getattr(config.plugins.get(COURSE_PLUGIN), "build", None)
    if not isinstance(build, CurriculumBuild):
        raise PluginError(f"the curriculum/ plugins need '{COURSE_PLUGIN}' (enabled) in mkdocs.yml's "
                          "plugins: it compiles the curriculum they all read.")
    return build


def listed_plugin(config: MkDocsConfig, name: str, kind: type[_Plugin]) -> _Plugin:
    """Plugin ``name`` of a loaded mkdocs.yml (``mkdocs.config.load_config``), configured as a
    build would configure it; an AuthorError when mkdocs.yml does not list it."""
    plugin = config.plugins.get(name)
    if not isinstance(plugin, kind):
        first = " first" if name == COURSE_PLUGIN else ""
        raise AuthorError(Path(config.config_file_path), f"the {name} plugin is not listed.",
                          fix=f"add '- {name}'{first} under plugins.")
    return plugin


def course_settings(config: MkDocsConfig) -> Settings:
    """Where a project's curriculum, translations and stage are: its course plugin's settings."""
    return listed_plugin(config, COURSE_PLUGIN, CoursePlugin).settings(config)


def project_curriculum(config: MkDocsConfig) -> CurriculumBuild:
    """The curriculum a build of ``config`` compiles in its on_config (checked, staged in
    memory, every source parsed), without writing anything or building the site."""
    return build_curriculum(course_settings(config), site_languages(config))
