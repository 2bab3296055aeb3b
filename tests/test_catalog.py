"""Every language's UI catalog has exactly the English keys, and every string that shows a count
has the plural forms its language uses (CLDR); a broken one names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT
from curriculum_site.catalog import load_catalog
from curriculum_site.errors import AuthorError
from curriculum_site.plurals import PluralRules


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key(language: str) -> None:
    english = load_catalog(ROOT / "translations", "en")
    catalog = load_catalog(ROOT / "translations", language)
    assert catalog.keys() == english.keys()
    assert catalog.plurals.keys() == english.plurals.keys()
    assert english.plurals, "the counted strings are plural strings"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_counted_string_has_exactly_the_plural_forms_of_its_language(language: str) -> None:
    catalog = load_catalog(ROOT / "translations", language)
    categories = set(PluralRules.of(language, "ui.yml").categories)
    for key, forms in catalog.plurals.items():
        assert set(forms) == categories, key


def test_the_languages_use_the_cldr_categories_they_need() -> None:
    expected = {"en": ("one", "other"), "fr": ("one", "many", "other"), "es": ("one", "many", "other"),
                "ar": ("zero", "one", "two", "few", "many", "other"),
                "ru": ("one", "few", "many", "other"), "pt": ("one", "many", "other"), "zh": ("other",)}
    assert {language: PluralRules.of(language, "ui.yml").categories for language in expected} == expected


@pytest.mark.parametrize(("language", "count", "text"), [
    ("en", 1, "1 minute"), ("en", 0, "0 minutes"), ("en", 90, "90 minutes"),
    ("fr", 0, "0 minute"), ("fr", 1, "1 minute"), ("fr", 2, "2 minutes"),
    ("fr", 1_000_000, "1000000 de minutes"),
    ("es", 0, "0 minutos"), ("es", 1, "1 minuto"), ("es", 45, "45 minutos"),
    ("ar", 0, "0 دقيقة"), ("ar", 1, "دقيقة واحدة"), ("ar", 2, "دقيقتان"), ("ar", 5, "5 دقائق"),
    ("ar", 15, "15 دقيقة"), ("ar", 100, "100 دقيقة"), ("ar", 103, "103 دقائق"),
    ("ru", 1, "1 минута"), ("ru", 21, "21 минута"), ("ru", 3, "3 минуты"), ("ru", 24, "24 минуты"),
    ("ru", 0, "0 минут"), ("ru", 11, "11 минут"), ("ru", 45, "45 минут"),
    ("pt", 0, "0 minuto"), ("pt", 1, "1 minuto"), ("pt", 2, "2 minutos"),
    ("pt", 1_000_000, "1000000 de minutos"),
    ("zh", 1, "1 分钟"), ("zh", 90, "90 分钟"),
])
def test_a_count_takes_its_languages_plural_form(language: str, count: int, text: str) -> None:
    assert load_catalog(ROOT / "translations", language).plural("count.minutes", count) == text


def test_other_values_are_filled_in_beside_the_count() -> None:
    english = load_catalog(ROOT / "translations", "en")
    assert english.plural("exercises.progress_count", 1, done=0) == "0 of 1 exercise done"
    assert english.plural("exercises.progress_count", 6, done=2) == "2 of 6 exercises done"


def write_catalogs(root: Path, english: str, french: str) -> Path:
    for language, text in (("en", english), ("fr", french)):
        (root / language).mkdir(parents=True)
        (root / language / "ui.yml").write_text(text, encoding="utf-8")
    return root


def test_missing_key_is_named(tmp_path: Path) -> None:
    root = write_catalogs(tmp_path, "a: A\nb: B\n", "a: Á\n")
    with pytest.raises(AuthorError, match="missing: b") as caught:
        load_catalog(root, "fr")
    assert caught.value.path.endswith("fr/ui.yml")


def test_unknown_key_names_its_line(tmp_path: Path) -> None:
    root = write_catalogs(tmp_path, "a: A\n", "a: Á\nzz: Z\n")
    with pytest.raises(AuthorError, match="'zz' is not a key") as caught:
        load_catalog(root, "fr")
    assert caught.value.line == 2


def test_empty_text_is_rejected(tmp_path: Path) -> None:
    root = write_catalogs(tmp_path, "a: A\n", "a: ''\n")
    with pytest.raises(AuthorError, match="non-empty") as caught:
        load_catalog(root, "fr")
    assert caught.value.line == 1


@pytest.mark.parametrize("french", ['a: "{x} et"\n', 'a: "{x} et {y} et {z}"\n', 'a: "{x} et {why}"\n'])
def test_a_text_keeps_the_placeholders_of_the_english_one(tmp_path: Path, french: str) -> None:
    root = write_catalogs(tmp_path, 'a: "{x} and {y}"\n', french)
    with pytest.raises(AuthorError, match=r"'a' must hold the placeholders .*: \{x\}, \{y\}") as caught:
        load_catalog(root, "fr")
    assert caught.value.line == 1


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Duration: 45 minutes"), ("fr", "Durée\u00a0: 45 minutes"), ("zh", "时长：45 minutes")])
def test_a_label_is_punctuated_as_its_language_writes_it(language: str, text: str) -> None:
    catalog = load_catalog(ROOT / "translations", language)
    assert catalog.labelled(text.split(":")[0].split("\u00a0")[0].split("：")[0], "45 minutes") == text


ENGLISH_PLURAL = ('n: N\nm:\n  one: "{count} minute of {total}"\n'
                  '  other: "{count} minutes of {total}"\n')


@pytest.mark.parametrize(("french", "line", "problem"), [
    ('n: N\nm:\n  one: "{count} minute"\n  other: "{count} minutes"\n', 2,
     r"'m' lacks the plural form\(s\) 'many' \(for 1000000, 2000000, …\)"),
    ('n: N\nm:\n  one: "{count} minute"\n  few: "{count} minutes"\n  many: "x {count}"\n'
     '  other: "{count} minutes"\n', 4, "'m' has a form 'few', which 'fr' does not use"),
    ('n: N\nm: "{count} minutes"\n', 2, "'m' shows a count, so it needs one text per plural form"),
    ('n:\n  one: N\n  other: N\nm:\n  one: "{count}"\n  many: "{count}"\n  other: "{count}"\n', 1,
     "'n' is one text in English"),
    ('n: N\nm:\n  one: "une minute"\n  many: "{count}"\n  other: "{count}"\n', 3,
     r"the form 'one' \(for 0, 1\) of 'm' is used for several numbers"),
    ('n: N\nm:\n  one: "{count}"\n  many: "{count} {totl}"\n  other: "{count}"\n', 4,
     r"the form 'many' of 'm' has \{totl\}, which the English text does not have"),
    ('n: N\nm:\n  one: "{count}"\n  many: ""\n  other: "{count}"\n', 4, "needs text for its form 'many'"),
])
def test_a_plural_string_missing_or_misusing_a_form_names_its_line(
        tmp_path: Path, french: str, line: int, problem: str) -> None:
    root = write_catalogs(tmp_path, ENGLISH_PLURAL, french)
    with pytest.raises(AuthorError, match=problem) as caught:
        load_catalog(root, "fr")
    assert caught.value.path.endswith("fr/ui.yml") and caught.value.line == line


def test_a_form_for_one_number_only_may_spell_the_number_out(tmp_path: Path) -> None:
    arabic = ('n: N\nm:\n  zero: "{count}"\n  one: "دقيقة واحدة"\n  two: "دقيقتان"\n  few: "{count}"\n'
              '  many: "{count}"\n  other: "{count}"\n')
    for language, text in (("en", ENGLISH_PLURAL), ("ar", arabic)):
        (tmp_path / language).mkdir()
        (tmp_path / language / "ui.yml").write_text(text, encoding="utf-8")
    assert load_catalog(tmp_path, "ar").plural("m", 2) == "دقيقتان"


def test_english_itself_needs_its_forms(tmp_path: Path) -> None:
    root = write_catalogs(tmp_path, 'n: N\nm:\n  other: "{count} minutes"\n', "n: N\n")
    with pytest.raises(AuthorError, match="'m' lacks the plural form") as caught:
        load_catalog(root, "en")
    assert caught.value.path.endswith("en/ui.yml") and caught.value.line == 2


def test_a_language_cldr_does_not_know_is_named(tmp_path: Path) -> None:
    root = write_catalogs(tmp_path, "n: N\n", "n: N\n")
    (root / "fr").rename(root / "zz-unknown")
    with pytest.raises(AuthorError, match="CLDR has no plural rules for the language code 'zz-unknown'"):
        load_catalog(root, "zz-unknown")
