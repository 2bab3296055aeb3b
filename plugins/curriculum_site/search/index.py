"""Split Material's combined search index into one index per language tree.

mkdocs-static-i18n writes a single index for every language, so a search from a French page
also finds English, Spanish and Arabic pages, and every page pays for loading all of them. Each
language gets its own index instead, with its locations relative to its own root (the page's
``config.base``), lunr set up for that language only, and a folded copy of every word that has
accents or an Arabic article, so ``egalite`` finds ``égalité`` and ``عمل`` finds ``العمل``, with
the related words its language adds (languages.py: word forms, Chinese character pairs).
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

from .languages import RelatedWords

INDEX_SCRIPT_PREFIX = "var __index = "
# Folded words live in extra lunr fields, so results still show the page's own text.
FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}
# What Material shows of a result (and suggests from): kept in every index.
SHOWN_FIELDS = tuple(FOLDED_FIELDS)
# Letters that decomposition does not reduce to a base letter, and the Arabic tatweel.
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ـ": ""})
# Letters of their own that Unicode decomposes into a base letter and a mark: Russian й is not и.
_OWN_LETTERS = frozenset("йЙ")
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
    bare = "".join(char if char in _OWN_LETTERS else _without_marks(char)
                   for char in unicodedata.normalize("NFC", word.lower()))
    bare = unicodedata.normalize("NFC", bare).translate(_LETTERS)
    for article in _ARABIC_ARTICLES:
        if bare.startswith(article) and len(bare) - len(article) >= _SHORTEST_STEM:
            return bare[len(article):]
    return bare


def _without_marks(char: str) -> str:
    return "".join(part for part in unicodedata.normalize("NFD", char)
                   if unicodedata.category(part) != "Mn")


def words_of(text: str, separator: str) -> set[str]:
    """The lowercased words of ``text`` (HTML), as lunr splits them."""
    plain = html.unescape(_TAG.sub(" ", text))
    return {word.lower() for word in re.split(separator, plain) if word}


def folded_words(text: str, separator: str, related: RelatedWords | None = None) -> str:
    """The words of ``text`` (HTML) and those ``related`` adds, and the folded forms of both,
    in so far as they differ from the words themselves."""
    words = words_of(text, separator)
    extra = (words | related.of(words)) if related else words
    return " ".join(sorted((extra | {fold(word) for word in extra}) - words - {""}))


def with_folded_fields(doc: Mapping[str, Any], separator: str,
                       related: RelatedWords | None = None) -> dict[str, Any]:
    doc = dict(doc)
    for field, folded_field in FOLDED_FIELDS.items():
        words = folded_words(str(doc.get(field) or ""), separator, related)
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
        docs[root].append(relative)
    indexes = {}
    for root in roots:
        language_docs = _with_extra_fields(docs[root], root.language, separator)
        indexes[root] = {
            "config": {**config, "fields": _fields_in_use(fields, language_docs),
                       "lang": [root.language if root.language in stemmed_languages else "en"]},
            "docs": language_docs,
        }
    return indexes


def _fields_in_use(fields: Mapping[str, Any], docs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fields some entry has. lunr gives every word of the index a posting list per field,
    so a field no entry uses (Material's "tags", the folded fields of English) costs memory
    in proportion to the whole vocabulary (about 10% of the heap of an Arabic index)."""
    return {name: spec for name, spec in fields.items()
            if name in SHOWN_FIELDS or any(doc.get(name) for doc in docs)}


def _with_extra_fields(docs: list[dict[str, Any]], language: str, separator: str) -> list[dict[str, Any]]:
    """The folded and related words of each entry, related within the whole language."""
    vocabulary = (word for doc in docs for field in FOLDED_FIELDS
                  for word in words_of(str(doc.get(field) or ""), separator))
    related = RelatedWords(language, vocabulary)
    return [with_folded_fields(doc, separator, related) for doc in docs]


def as_json(index: Mapping[str, Any]) -> str:
    # UTF-8, not \uXXXX escapes: Arabic text is half the size and parses faster.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def as_script(index: Mapping[str, Any]) -> str:
    """What Material's bundle loads from file://: a script that sets the global ``__index``."""
    return INDEX_SCRIPT_PREFIX + as_json(index)
