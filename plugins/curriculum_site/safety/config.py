"""Typed configuration of the curriculum/safety plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SafetyConfig(Config):
    enabled = c.Type(bool, default=True)
    # The neutral page quick exit leads to, written into each language's folder of the site.
    neutral_page = c.Type(str, default="new-tab.html")
    # Theme template the neutral page is rendered from (overrides/ may replace it).
    neutral_template = c.Type(str, default="neutral-page.html")
