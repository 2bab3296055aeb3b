"""What our search worker (assets/search-worker.js) does to each word of a language's index and
of a reader's query, so that Material's search finds what a reader of that language types.

Material's bundle searches every word typed as a prefix (``trust`` finds ``trusted``) and lunr
does not pass such a word through the index's pipeline; the worker therefore makes the index's
words and the query's words alike itself: lowercase, without accents, diacritics or a leading
Arabic article in every language, and

- Russian and Portuguese (``stemmer``): reduced to their Snowball stem by the stemmer of lunr's
  that Material loads for the language, so ``доверие`` finds a page that only says ``доверия``;
- Chinese (``bigrams``): written without spaces, a page's words are whole clauses. Each clause
  is indexed as its pairs of neighbouring characters, so a two-character word is found wherever
  it stands; Material splits a Chinese query into the words its index knows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class SearchLanguage:
    stemmer: bool = False  # Snowball stems, when lunr has the language's stemmer
    bigrams: bool = False


SEARCH_LANGUAGES: Mapping[str, SearchLanguage] = {
    "ru": SearchLanguage(stemmer=True),
    "pt": SearchLanguage(stemmer=True),
    "zh": SearchLanguage(bigrams=True),
}


@dataclass(frozen=True)
class WorkerSettings:
    """The index config's "curriculum" entry, as the worker reads it."""

    stemmer: str | None  # the lunr language whose stemmer to use
    bigrams: bool


def worker_settings(language: str, stemmed_languages: Collection[str]) -> dict[str, object]:
    settings = SEARCH_LANGUAGES.get(language, SearchLanguage())
    stemmer = language if settings.stemmer and language in stemmed_languages else None
    return asdict(WorkerSettings(stemmer=stemmer, bigrams=settings.bigrams))
