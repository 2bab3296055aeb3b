"""Plural forms of UI strings, by each language's CLDR plural rules.

A string that shows a count is written in ui.yml as one text per CLDR plural category the
language uses (English: one, other; French and Spanish: one, many, other; Arabic: zero, one,
two, few, many, other), and `{count}` is the number that picks the form. Babel's copy of CLDR
picks it at build time; in the browser, Intl.PluralRules does (exercises/assets/plural.js).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.plural import PluralRule

from .errors import AuthorError
from .yamlsource import line_of

CATEGORIES = ("zero", "one", "two", "few", "many", "other")  # CLDR's order
COUNT = "count"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The whole numbers a form is tried on (every count we show is whole): enough to tell a form
# used for one number only ("one minute") from one used for many (French "many": millions).
SAMPLE = (*range(1001), 1_000_000, 2_000_000)
GUIDE = "docs/authoring/translating.md"


@dataclass(frozen=True)
class PluralRules:
    language: str
    rule: PluralRule

    @classmethod
    def of(cls, language: str, path: str | Path) -> PluralRules:
        rules = _rules(language)
        if rules is None:
            raise AuthorError(path, f"CLDR has no plural rules for the language code '{language}'.",
                              fix="name the language's folder with its ISO 639 code, e.g. 'pt' or "
                                  "'pt-BR'.")
        return rules

    @cached_property
    def categories(self) -> tuple[str, ...]:
        used = {*self.rule.tags, "other"}
        return tuple(category for category in CATEGORIES if category in used)

    def category(self, count: int) -> str:
        return str(self.rule(count))

    @cached_property
    def _sample(self) -> dict[str, list[int]]:
        numbers: dict[str, list[int]] = {}
        for n in SAMPLE:
            numbers.setdefault(self.category(n), []).append(n)
        return numbers

    def numbers(self, category: str) -> list[int]:
        return self._sample.get(category, [])

    def describe(self, category: str) -> str:
        """'few' (3–10, 103–110, …): the first numbers a category is used for, for translators."""
        numbers = self.numbers(category)
        endless = len(numbers) > 6 or SAMPLE[-1] in numbers
        shown = ", ".join(map(str, numbers[:6])) + (", …" if endless else "")
        return f"'{category}' (for {shown})"


# Catalogs are loaded many times per build (per plugin and language): read CLDR once per language.
@cache
def _rules(language: str) -> PluralRules | None:
    try:
        return PluralRules(language, Locale.parse(language, sep="-").plural_form)
    except (UnknownLocaleError, ValueError):
        return None


def fill(text: str, **values: object) -> str:
    """Put values into `{name}` placeholders; others stay as written, as in the browser's script."""
    return PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


def names(text: str) -> set[str]:
    """The names of the placeholders in ``text``."""
    return set(PLACEHOLDER.findall(text))


def placeholders(forms: Mapping[str, str]) -> set[str]:
    return {name for text in forms.values() for name in names(text)}


def check_forms(key: str, value: Any, rules: PluralRules, path: str | Path, line: int | None,
                allowed: Collection[str] | None = None) -> dict[str, str]:
    """The forms of one plural string, or an AuthorError at the line of what is wrong.

    ``allowed``: the placeholders a translation may use (those of the English forms).
    """
    needed = ", ".join(rules.describe(c) for c in rules.categories)
    if not isinstance(value, dict):
        raise AuthorError(path, f"'{key}' shows a count, so it needs one text per plural form of "
                          f"'{rules.language}': {needed}.", line=line,
                          fix=f"write each form on its own line under '{key}:', e.g. "
                              f"'  other: \"{{count}} …\"' ({GUIDE}).")
    forms: dict[str, str] = {}
    for category, text in value.items():
        where = line_of(value, category) or line
        if category not in rules.categories:
            raise AuthorError(path, f"'{key}' has a form '{category}', which '{rules.language}' does "
                              f"not use.", line=where,
                              fix=f"use only {', '.join(rules.categories)} (CLDR's plural rules).")
        if not isinstance(text, str) or not text.strip():
            raise AuthorError(path, f"'{key}' needs text for its form '{category}'.", line=where,
                              fix=f"write '{category}: the translated text'.")
        if f"{{{COUNT}}}" not in text and len(rules.numbers(category)) != 1:
            raise AuthorError(path, f"the form {rules.describe(category)} of '{key}' is used for "
                              "several numbers, so it must show the number.", line=where,
                              fix="write {count} where the number goes.")
        unknown = sorted(names(text) - {COUNT, *(allowed or ())})
        if allowed is not None and unknown:
            raise AuthorError(path, f"the form '{category}' of '{key}' has "
                              f"{', '.join('{' + u + '}' for u in unknown)}, which the English text "
                              "does not have.", line=where,
                              fix=f"use only {', '.join('{' + a + '}' for a in sorted({COUNT, *allowed}))}.")
        forms[str(category)] = text
    missing = [rules.describe(c) for c in rules.categories if c not in forms]
    if missing:
        raise AuthorError(path, f"'{key}' lacks the plural form(s) {', '.join(missing)} that "
                          f"'{rules.language}' uses.", line=line,
                          fix=f"add each of them under '{key}:' ({GUIDE}).")
    return forms
