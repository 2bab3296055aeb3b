"""Typed configuration of the curriculum/search plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    # Pages a learner does not come for (answer keys, session plans, trainer and author guides),
    # as globs of their address inside a language tree, e.g. "modules/*/answer-key.html". They
    # stay in the index, so a trainer still finds them, but rank below learner pages.
    trainer_pages = c.ListOfItems(c.Type(str), default=[])
    # lunr multiplies the score of every entry of a trainer page by this (Material's per-page
    # `search: boost`). Measured on the curriculum in its four languages (2026-11-30): at 1 the
    # answer key comes first for "trust", "participation" or "harm"; at 0.5 and 0.3 the lesson
    # does; at 0.2 a search for "Answer key" lists module overviews' "Key points" first.
    trainer_boost = c.Type(float, default=0.3)
