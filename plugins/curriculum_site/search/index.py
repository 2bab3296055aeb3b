"""Split Material's combined search index into one index per language tree.

mkdocs-static-i18n writes a single index for every language, so a search from a French page
also finds English, Spanish and Arabic pages, and every page pays for loading all of them. Each
language gets its own index instead, with its locations relative to its own root (the page's
``config.base``), lunr set up for that language only, and a folded copy of every word that has
accents or an Arabic article, so ``egalite`` finds ``égalité`` and ``عمل`` finds ``العمل``.
Trainer pages (answer keys, session plans) stay in the index with a lower boost, so a learner
who searches a lesson's main word gets the lesson first.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

INDEX_SCRIPT_PREFIX = "var __index = "
# Folded words live in extra lunr fields, so results still show the page's own text.
FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}
# Letters that decomposition does not reduce to a base letter, and the Arabic tatweel.
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ـ": ""})
# The Arabic article, alone or after a one-letter conjunction or preposition (wa, fa, bi, ka);
# li + al is written "لل".
_ARABIC_ARTICLES = ("وال", "فال", "بال", "كال", "ال", "لل")
_SHORTEST_STEM = 2
_TAG = re.compile(r"<[^>]*>")


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


def fold(word: str) -> str:
    """``word`` lowercased, without accents, diacritics or a leading Arabic article."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    bare = unicodedata.normalize("NFC", bare).translate(_LETTERS)
    for article in _ARABIC_ARTICLES:
        if bare.startswith(article) and len(bare) - len(article) >= _SHORTEST_STEM:
            return bare[len(article):]
    return bare


def folded_words(text: str, separator: str) -> str:
    """The folded forms of the words of ``text`` (HTML) that differ from the words themselves."""
    plain = html.unescape(_TAG.sub(" ", text))
    words = {word.lower() for word in re.split(separator, plain) if word}
    return " ".join(sorted({fold(word) for word in words} - words - {""}))


def with_folded_fields(doc: Mapping[str, Any], separator: str) -> dict[str, Any]:
    doc = dict(doc)
    for field, folded_field in FOLDED_FIELDS.items():
        words = folded_words(str(doc.get(field) or ""), separator)
        if words:
            doc[folded_field] = words
    return doc


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
    separator = config["separator"]
    fields = dict(config["fields"])
    for field, folded_field in FOLDED_FIELDS.items():
        fields[folded_field] = fields[field]
    docs: dict[LanguageRoot, list[dict[str, Any]]] = {root: [] for root in roots}
    for doc in index["docs"]:
        root = language_of(doc["location"], roots)
        relative = {**doc, "location": doc["location"][len(root.prefix):]}
        if "boost" not in relative and demotion.matches(relative["location"]):
            relative["boost"] = demotion.boost
        docs[root].append(with_folded_fields(relative, separator))
    return {
        root: {
            "config": {**config, "fields": fields,
                       "lang": [root.language if root.language in stemmed_languages else "en"]},
            "docs": docs[root],
        }
        for root in roots
    }


def as_json(index: Mapping[str, Any]) -> str:
    # UTF-8, not \uXXXX escapes: Arabic text is half the size and parses faster.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def as_script(index: Mapping[str, Any]) -> str:
    """What Material's bundle loads from file://: a script that sets the global ``__index``."""
    return INDEX_SCRIPT_PREFIX + as_json(index)
