"""Settings of the curriculum/lint plugin, as written under `plugins:` in mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .ownwords import MIN_SHARED_WORDS


class LintConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folders are relative to mkdocs.yml, like the course plugin's.
    curriculum_dir = c.Type(str, default="curriculum")
    translations_dir = c.Type(str, default="translations")
    # The source excerpts pages must not copy from; CI keeps ../shared beside the checkout.
    source_dir = c.Type(str, default="../shared/source")
    min_shared_words = c.Type(int, default=MIN_SHARED_WORDS)
