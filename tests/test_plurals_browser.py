"""The browser picks the same plural form as the build: Intl.PluralRules against Babel's CLDR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT
from curriculum_site.catalog import load_catalog
from curriculum_site.plurals import PluralRules

pytestmark = pytest.mark.browser

PLURAL_SCRIPT = ROOT / "plugins" / "curriculum_site" / "exercises" / "assets" / "plural.js"
COUNTS = [*range(0, 250), 1000, 1_000_000, 2_000_000]


def load_plural_script(page, language: str) -> None:
    page.set_content(f'<!doctype html><html lang="{language}"><head></head><body></body></html>')
    page.add_script_tag(path=str(Path(PLURAL_SCRIPT)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_browser_and_the_build_pick_the_same_form_for_every_count(page, language: str) -> None:
    catalog = load_catalog(ROOT / "translations", language)
    forms = catalog.plurals["count.minutes"]
    load_plural_script(page, language)
    shown = page.evaluate("([forms, counts]) => counts.map((n) => window.curriculumPlural(forms, n))",
                          [forms, COUNTS])
    assert shown == [catalog.plural("count.minutes", n) for n in COUNTS]
    categories = page.evaluate(
        "([lang, counts]) => counts.map((n) => new Intl.PluralRules(lang).select(n))", [language, COUNTS])
    rules = PluralRules.of(language, "ui.yml")
    assert categories == [rules.category(n) for n in COUNTS]


def test_other_values_and_plain_strings_are_filled_in(page) -> None:
    load_plural_script(page, "en")
    forms = json.dumps({"one": "{done} of {count} exercise", "other": "{done} of {count} exercises"})
    assert page.evaluate(f"window.curriculumPlural({forms}, 1, {{done: 0}})") == "0 of 1 exercise"
    assert page.evaluate(f"window.curriculumPlural({forms}, 3, {{done: 2, x: 1}})") == "2 of 3 exercises"
    assert page.evaluate("window.curriculumPlural('{a} {b}', 3, {a: 1})") == "1 {b}"
