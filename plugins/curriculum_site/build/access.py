"""The one way our other plugins reach the build's curriculum: ``curriculum_build(config)``;
and the one way a command run outside a build reaches a plugin's settings: ``listed_plugin``."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..errors import AuthorError
from .curriculum import CurriculumBuild

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
