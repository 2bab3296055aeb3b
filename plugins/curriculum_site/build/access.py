"""The one way our other plugins reach the build's curriculum: ``curriculum_build(config)``."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .curriculum import CurriculumBuild

COURSE_PLUGIN = "curriculum/course"


def curriculum_build(config: MkDocsConfig) -> CurriculumBuild:
    """The curriculum the course plugin compiled for this build (in its on_config)."""
    build = getattr(config.plugins.get(COURSE_PLUGIN), "build", None)
    if not isinstance(build, CurriculumBuild):
        raise PluginError(f"the curriculum/ plugins need '{COURSE_PLUGIN}' (enabled) in mkdocs.yml's "
                          "plugins: it compiles the curriculum they all read.")
    return build
