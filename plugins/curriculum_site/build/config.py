"""Typed configuration of the curriculum/course plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CourseConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folders are relative to mkdocs.yml.
    curriculum_dir = c.Type(str, default="curriculum")
    translations_dir = c.Type(str, default="translations")
    # Where the compiled docs tree is written; MkDocs reads it as its docs_dir.
    stage_dir = c.Type(str, default=".build/stage")
    # A nav entry whose value is this text is replaced by the modules, in course order.
    nav_placeholder = c.Type(str, default="!modules")
