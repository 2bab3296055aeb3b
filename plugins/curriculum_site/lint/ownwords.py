"""Own words: no English page may share a long run of consecutive words with the source excerpt.

The curriculum may use the source's facts, with citation, but every sentence is written anew.
A run of 12 or more words in the same order is copied text, whatever the punctuation around it.
The build compares hashes of runs with the committed fingerprint (``fingerprint.py``), so it
needs no copy of the source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import AuthorError
from .fingerprint import read_fingerprint, run_hash

MIN_SHARED_WORDS = 12
# The citation header of a source file ends at this line; the excerpt itself follows.
HEADER_END = "----"
_WORD = re.compile(r"\w+")
# Typographic apostrophes and dashes join or split words differently in the source and in pages.
_SPELLING = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True)
class Word:
    text: str
    line: int


@dataclass(frozen=True)
class Excerpt:
    path: Path
    size: int  # how many consecutive words make a copied run
    runs: frozenset[str]  # the hash of every run of ``size`` consecutive words


@dataclass(frozen=True)
class SharedRun:
    line: int
    words: tuple[str, ...]
    source: Path

    def message(self) -> str:
        shown = " ".join(self.words)
        if len(self.words) > 2 * MIN_SHARED_WORDS:
            shown = " ".join(self.words[:2 * MIN_SHARED_WORDS]) + " …"
        return (f"{len(self.words)} consecutive words are copied from the source excerpt "
                f"{self.source.name}: \"{shown}\". Write the sentence in your own words "
                f"(the facts may stay, with their citation).")


def words(text: str) -> list[Word]:
    """The words of a text, lower-cased, each with its 1-based line."""
    text = unicodedata.normalize("NFKC", text).translate(_SPELLING)
    found: list[Word] = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        found.extend(Word(match.group().lower(), line_number) for match in _WORD.finditer(line))
    return found


def load_fingerprint(path: Path) -> tuple[Excerpt, ...]:
    """The excerpts as the committed fingerprint describes them: what the build checks against."""
    return tuple(Excerpt(Path(name), size, runs)
                 for name, (size, runs) in read_fingerprint(path).items())


def load_excerpts(source_dir: Path, min_words: int = MIN_SHARED_WORDS) -> tuple[Excerpt, ...]:
    """Every ``*.txt`` excerpt in ``source_dir``, without its citation header (maintainers only:
    the fingerprint is made from these)."""
    if not source_dir.is_dir():
        raise AuthorError(source_dir, "the folder of source excerpts is missing.",
                          fix="name the folder that holds the source excerpts (*.txt).")
    paths = sorted(source_dir.glob("*.txt"))
    if not paths:
        raise AuthorError(source_dir, "the folder holds no source excerpt (*.txt).",
                          fix="restore the source excerpt files.")
    return tuple(_excerpt(path, min_words) for path in paths)


def _excerpt(path: Path, min_words: int) -> Excerpt:
    lines = path.read_text(encoding="utf-8").split("\n")
    if HEADER_END not in (line.strip() for line in lines):
        raise AuthorError(path, f"the citation header must end with a '{HEADER_END}' line.",
                          fix=f"add a line '{HEADER_END}' after the citation.")
    body = lines[[line.strip() for line in lines].index(HEADER_END) + 1:]
    texts = [word.text for word in words("\n".join(body))]
    return Excerpt(path, min_words, frozenset(map(run_hash, _runs(texts, min_words))))


def _runs(texts: list[str], size: int) -> Iterable[tuple[str, ...]]:
    return (tuple(texts[i:i + size]) for i in range(len(texts) - size + 1))


def shared_runs(text: str, excerpts: Iterable[Excerpt]) -> list[SharedRun]:
    """Each longest run of words (at least the excerpt's size) ``text`` shares with an excerpt."""
    page = words(text)
    texts = [word.text for word in page]
    found: list[SharedRun] = []
    for excerpt in excerpts:
        copied = [run_hash(run) in excerpt.runs for run in _runs(texts, excerpt.size)]
        start = 0
        while start < len(copied):
            if not copied[start]:
                start += 1
                continue
            end = start
            while end + 1 < len(copied) and copied[end + 1]:
                end += 1
            run = tuple(texts[start:end + excerpt.size])
            found.append(SharedRun(page[start].line, run, excerpt.path))
            start = end + 1
    return sorted(found, key=lambda run: run.line)
