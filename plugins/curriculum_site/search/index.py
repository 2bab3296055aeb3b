"""Split Material's combined search index into one index per language tree.

mkdocs-static-i18n writes a single index for every language, so a search from a French page
also finds English, Spanish and Arabic pages, and every page pays for loading all of them. Each
language gets its own index instead, with its locations relative to its own root (the page's
``config.base``), lunr set up for that language only, and the settings our search worker
(assets/search-worker.js) reads to make the words of the index and of the query alike: folded,
so ``egalite`` finds ``égalité`` and ``عمل`` finds ``العمل``, and what its language adds
(languages.py: word stems, Chinese character pairs).
Trainer pages (answer keys, session plans) stay in the index with a lower boost, so a learner
who searches a lesson's main word gets the lesson first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from .languages import worker_settings

INDEX_SCRIPT_PREFIX = "var __index = "
# What Material shows of a result (and suggests from): kept in every index.
SHOWN_FIELDS = ("title", "text")


@dataclass(frozen=True)
class LanguageRoot:
    language: str
    prefix: str  # where its pages are, relative to the site root: "" or "fr/"


@dataclass(frozen=True)
class Demotion:
    """Pages ranked below the others: globs of their address in a language tree, and the boost
    lunr multiplies their entries' scores by."""

    patterns: tuple[str, ...] = ()
    boost: float = 1.0

    def matches(self, location: str) -> bool:
        page = location.split("#", 1)[0]
        return any(fnmatchcase(page, pattern) for pattern in self.patterns)

    def unused(self, locations: Iterable[str]) -> list[str]:
        """The patterns no page matches: a renamed page would otherwise silently rank as before."""
        pages = {location.split("#", 1)[0] for location in locations}
        return [pattern for pattern in self.patterns
                if not any(fnmatchcase(page, pattern) for page in pages)]


def language_of(location: str, roots: Iterable[LanguageRoot]) -> LanguageRoot:
    """The language tree a location belongs to: the longest matching prefix."""
    return max((root for root in roots if location.startswith(root.prefix)),
               key=lambda root: len(root.prefix))


def split_index(index: Mapping[str, Any], roots: list[LanguageRoot], stemmed_languages: set[str],
                demotion: Demotion = Demotion()) -> dict[LanguageRoot, dict[str, Any]]:
    """One index per language root, with locations relative to that root.

    ``stemmed_languages`` are those lunr supports (Material ships their lunr.<lang>.min.js);
    others are indexed as lunr's default, English. Entries of pages ``demotion`` matches get its
    boost, unless their page's front matter already set one (``search: boost``).
    """
    config = dict(index["config"])
    docs: dict[LanguageRoot, list[dict[str, Any]]] = {root: [] for root in roots}
    for doc in index["docs"]:
        root = language_of(doc["location"], roots)
        relative = {**doc, "location": doc["location"][len(root.prefix):]}
        if "boost" not in relative and demotion.matches(relative["location"]):
            relative["boost"] = demotion.boost
        docs[root].append(relative)
    return {
        root: {
            "config": {**config, "fields": _fields_in_use(config["fields"], docs[root]),
                       "lang": [root.language if root.language in stemmed_languages else "en"],
                       "curriculum": worker_settings(root.language, stemmed_languages)},
            "docs": docs[root],
        }
        for root in roots
    }


def _fields_in_use(fields: Mapping[str, Any], docs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fields some entry has. lunr gives every word of the index a posting list per field,
    so a field no entry uses (Material's "tags") costs memory in proportion to the whole
    vocabulary (about 7% of the heap of the Arabic index, 2026-11-30)."""
    return {name: spec for name, spec in fields.items()
            if name in SHOWN_FIELDS or any(doc.get(name) for doc in docs)}


def as_json(index: Mapping[str, Any]) -> str:
    # UTF-8, not \uXXXX escapes: Arabic text is half the size and parses faster.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def as_script(index: Mapping[str, Any]) -> str:
    """What Material's bundle loads from file://: a script that sets the global ``__index``."""
    return INDEX_SCRIPT_PREFIX + as_json(index)
