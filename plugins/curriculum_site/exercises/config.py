"""Settings of the exercises plugin, as written under `plugins:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import ListOfItems, Type


class ExercisesConfig(Config):
    enabled = Type(bool, default=True)
    # Markdown extensions for the text inside exercise fields (not the page's own list).
    field_markdown_extensions = ListOfItems(Type(str), default=["sane_lists"])
