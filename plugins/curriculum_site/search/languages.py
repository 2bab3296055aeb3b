"""What each language's search index adds to the words of its pages, so that Material's search
finds what a reader of that language types.

Material's bundle searches every word typed as a prefix (``trust`` finds ``trusted``) and does
not stem it, so stemming the index itself would lose whole words: ``доверие`` would no longer
find the ``довер`` lunr indexed. The words added here, in the index's extra fields, work with
that prefix search instead:

- Russian and Portuguese (``stemmer``): each word of a page brings the other forms of its
  Snowball stem found in the same language's pages, so ``доверие`` finds a page that only says
  ``доверия`` or ``доверию``.
- Chinese (``bigrams``): written without spaces, a page's words are whole clauses. Every two
  neighbouring Chinese characters are indexed as a word, so a two-character word is found
  wherever it stands; Material splits a Chinese query into the words its index knows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import snowballstemmer

_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


@dataclass(frozen=True)
class SearchLanguage:
    stemmer: str | None = None  # a Snowball algorithm, e.g. "russian"
    bigrams: bool = False


SEARCH_LANGUAGES: Mapping[str, SearchLanguage] = {
    "ru": SearchLanguage(stemmer="russian"),
    "pt": SearchLanguage(stemmer="portuguese"),
    "zh": SearchLanguage(bigrams=True),
}


class RelatedWords:
    """For one language, the words to index beside those of a page."""

    def __init__(self, language: str, vocabulary: Iterable[str]) -> None:
        settings = SEARCH_LANGUAGES.get(language, SearchLanguage())
        self.bigrams = settings.bigrams
        self.forms: dict[str, frozenset[str]] = {}
        if settings.stemmer:
            stemmer = snowballstemmer.stemmer(settings.stemmer)
            by_stem: dict[str, set[str]] = defaultdict(set)
            for word in vocabulary:
                by_stem[stemmer.stemWord(word)].add(word)
            self.forms = {word: frozenset(forms) for forms in by_stem.values() if len(forms) > 1
                          for word in forms}

    def of(self, words: Iterable[str]) -> set[str]:
        related: set[str] = set()
        for word in words:
            related |= self.forms.get(word, frozenset())
            if self.bigrams:
                related |= {run[i:i + 2] for run in _CHINESE.findall(word) for i in range(len(run) - 1)}
        return related
