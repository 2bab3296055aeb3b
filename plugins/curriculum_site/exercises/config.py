"""Settings of the exercises plugin, as written under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Choice, ListOfItems, Type

from .model import VIEWS


class ExercisesConfig(Config):
    enabled = Type(bool, default=True)
    # Folder holding <language>/ui.yml, relative to mkdocs.yml.
    translations_dir = Type(str, default="translations")
    # View for pages without `exercise_view` in their front matter.
    default_view = Choice(VIEWS, default="learner")
    # Markdown extensions for the text inside exercise fields (not the page's own list).
    field_markdown_extensions = ListOfItems(Type(str), default=["sane_lists"])
