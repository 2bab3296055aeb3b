"""Settings of the curriculum/lint plugin, as written under `plugins:` in mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LintConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folders are relative to mkdocs.yml, like the course plugin's.
    curriculum_dir = c.Type(str, default="curriculum")
    translations_dir = c.Type(str, default="translations")
    # Hashes of the source's word runs, committed: the build needs no copy of the source.
    source_fingerprint = c.Type(str, default="curriculum/source-fingerprint.json")
