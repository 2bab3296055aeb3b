"""Every language's UI catalog has exactly the English keys; a broken one names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from curriculum_site.catalog import load_catalog
from curriculum_site.course import load_course
from curriculum_site.errors import AuthorError

LANGUAGES = load_course(ROOT / "curriculum").languages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key(language: str) -> None:
    english = load_catalog(ROOT / "translations", "en")
    catalog = load_catalog(ROOT / "translations", language)
    assert catalog.keys() == english.keys()


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
