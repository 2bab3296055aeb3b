"""Respectful language: each language's glossary of terms to avoid, and where a text uses them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..catalog import SOURCE_LANGUAGE
from ..errors import AuthorError
from ..exercises.scan import prose_lines
from ..fields import Fields, Origin
from ..yamlsource import load_yaml

GLOSSARY_NAME = "glossary.yml"
# A code block or a `code span` quotes a term (e.g. an authoring guide naming what to avoid).
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
# Letters of scripts written without spaces between words: Chinese characters (CJK blocks),
# Japanese kana.
_UNSPACED = re.compile("[\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                       "\U00020000-\U0003134f]")


@dataclass(frozen=True)
class Term:
    avoid: tuple[str, ...]
    prefer: str
    why: str


@dataclass(frozen=True)
class Glossary:
    path: Path
    language: str
    terms: tuple[Term, ...]

    @cached_property
    def _by_phrase(self) -> dict[str, Term]:
        return {_phrase_key(phrase): term for term in self.terms for phrase in term.avoid}

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # Longest first, so "prostituted women" is reported as itself, not as "prostituted".
        phrases = sorted(self._by_phrase, key=len, reverse=True)
        spaced = [phrase for phrase in phrases if not _UNSPACED.match(phrase[0])]
        unspaced = [phrase for phrase in phrases if _UNSPACED.match(phrase[0])]
        # Each group starts with what every phrase in it starts with (a word start, one of its
        # first letters), so the search skips most positions at once, not phrase by phrase.
        groups = [f"{start}(?=[{''.join(map(re.escape, _first_letters(group)))}])"
                  f"(?:{'|'.join(map(_whole_phrase, group))})"
                  for start, group in ((r"(?<!\w)", spaced), ("", unspaced)) if group]
        return re.compile("|".join(groups), re.IGNORECASE)

    def term_for(self, found: str) -> Term:
        return self._by_phrase[_phrase_key(found)]


@dataclass(frozen=True)
class TermHit:
    line: int
    found: str
    term: Term

    def message(self) -> str:
        return f"'{self.found}' is on the glossary's list of terms to avoid: prefer {self.term.prefer}. " \
               f"Why: {self.term.why}"


def glossary_path(curriculum_dir: Path, translations_dir: Path, language: str) -> Path:
    """English beside the course (curriculum/glossary.yml), others in translations/<lang>/."""
    if language == SOURCE_LANGUAGE:
        return curriculum_dir / GLOSSARY_NAME
    return translations_dir / language / GLOSSARY_NAME


def load_glossary(path: Path, language: str) -> Glossary:
    """Read and check a glossary file; an author mistake is an AuthorError naming the line."""
    if not path.is_file():
        raise AuthorError(path, f"the '{language}' glossary of terms to avoid is missing.",
                          fix="create it with 'language:' and 'terms:', like curriculum/glossary.yml.")
    fields = Fields(load_yaml(path), Origin(path, guide="curriculum/glossary.yml"), "a glossary")
    fields.reject_unknown(("language", "terms"))
    if fields.text("language") != language:
        raise fields.error("language", f"a glossary starts with 'language: {language}'.",
                           f"write 'language: {language}'.")
    return Glossary(path, language, tuple(_term(term) for term in fields.mappings("terms")))


def _term(term: Fields) -> Term:
    term.reject_unknown(("avoid", "prefer", "why"))
    # One word or phrase may be written without the list's brackets.
    avoid = (term.text("avoid"),) if isinstance(term.data.get("avoid"), str) else term.texts("avoid")
    return Term(avoid, term.text("prefer"), term.text("why"))


def find_terms(text: str, glossary: Glossary) -> list[TermHit]:
    """Every whole-word, case-insensitive use of an avoided term, outside code, with its line."""
    prose = _normal(_without_code(text))
    hits = []
    for match in glossary.pattern.finditer(prose):
        line = prose.count("\n", 0, match.start()) + 1
        found = " ".join(match.group().split())
        hits.append(TermHit(line, found, glossary.term_for(found)))
    return hits


def _whole_phrase(phrase: str) -> str:
    """A phrase that may wrap across lines, ending a word where its script has word spaces:
    Chinese is written without them, so "卖淫" inside "组织卖淫" is found. (Where it must start
    a word is said once for its group, in ``Glossary.pattern``.)"""
    body = r"\s+".join(map(re.escape, phrase.split()))
    after = "" if _UNSPACED.match(phrase[-1]) else r"(?!\w)"
    return f"{body}{after}"


def _first_letters(phrases: list[str]) -> set[str]:
    return {case for phrase in phrases for case in (phrase[0].lower(), phrase[0].upper())}


def _phrase_key(phrase: str) -> str:
    return " ".join(_normal(phrase).lower().split())


def _normal(text: str) -> str:
    # NFC keeps string offsets line-stable and makes a decomposed "é" match a composed one.
    return unicodedata.normalize("NFC", text)


def _without_code(text: str) -> str:
    """The text with code (blocks, spans) and comments blanked out, keeping every line where it was."""
    return "\n".join(_CODE_SPAN.sub(lambda m: " " * len(m.group()), line) for line in prose_lines(text))
