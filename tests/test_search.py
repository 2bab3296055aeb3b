"""One search index per language, folded so missing accents and Arabic articles still match."""

from __future__ import annotations

import json
import re

import pytest

from conftest import build_site, fixture_project
from curriculum_site.search.index import (
    INDEX_SCRIPT_PREFIX,
    LanguageRoot,
    as_script,
    fold,
    folded_words,
    split_index,
)

EN, FR, AR = LanguageRoot("en", ""), LanguageRoot("fr", "fr/"), LanguageRoot("ar", "ar/")
SEPARATOR = r"[\s\-,.]+|['’]"


@pytest.mark.parametrize(("word", "folded"), [
    ("égalité", "egalite"), ("Écouter", "ecouter"), ("niño", "nino"), ("cœur", "coeur"),
    ("العمل", "عمل"), ("والعمل", "عمل"), ("للعمل", "عمل"), ("أَمان", "امان"), ("ال", "ال"),
    ("trust", "trust"),
])
def test_fold_drops_accents_diacritics_and_the_arabic_article(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_only_words_that_change_are_added_once() -> None:
    text = "<p>L’écoute et l'<em>égalité</em>, l’écoute.</p>"
    assert folded_words(text, SEPARATOR) == "ecoute egalite"
    assert folded_words("<p>Plain English</p>", SEPARATOR) == ""


def combined() -> dict:
    return {
        "config": {"lang": ["en", "fr", "ar"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"],
                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "index.html", "title": "Home", "text": "zebraword"},
            {"location": "fr/index.html", "title": "Accueil", "text": "Égalité girafemot"},
            {"location": "fr/modules/x/lesson.html#ecoute", "title": "Écoute", "text": ""},
            {"location": "ar/index.html", "title": "الرئيسية", "text": "العمل"},
        ],
    }


def test_each_language_gets_only_its_pages_relative_to_its_root() -> None:
    indexes = split_index(combined(), [EN, FR, AR], {"en", "fr", "ar"})
    locations = {root.language: [d["location"] for d in index["docs"]] for root, index in indexes.items()}
    assert locations == {"en": ["index.html"], "fr": ["index.html", "modules/x/lesson.html#ecoute"],
                         "ar": ["index.html"]}
    assert [indexes[root]["config"]["lang"] for root in (EN, FR, AR)] == [["en"], ["fr"], ["ar"]]


def test_folded_words_are_searchable_fields_with_the_same_boost() -> None:
    french = split_index(combined(), [EN, FR], {"en", "fr"})[FR]
    assert french["config"]["fields"]["title_folded"] == {"boost": 1000.0}
    assert french["docs"][0]["text_folded"] == "egalite"
    assert french["docs"][1]["title_folded"] == "ecoute"
    assert french["docs"][0]["text"] == "Égalité girafemot"  # results still show the real text


def test_a_language_lunr_cannot_stem_is_indexed_as_english() -> None:
    assert split_index(combined(), [EN, FR, AR], {"en"})[AR]["config"]["lang"] == ["en"]


def test_the_script_is_utf8_not_escape_codes() -> None:
    script = as_script(split_index(combined(), [EN, FR, AR], {"en"})[AR])
    assert script.startswith(INDEX_SCRIPT_PREFIX) and "العمل" in script and "\\u" not in script
    assert json.loads(script.removeprefix(INDEX_SCRIPT_PREFIX))["docs"][0]["text_folded"] == "عمل"


def test_a_built_site_has_one_utf8_index_per_language_and_no_combined_copy(tmp_path) -> None:
    project = fixture_project(tmp_path / "course")
    site = build_site(project, tmp_path / "site")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("search_index.*")) == [
        "fr/search/search_index.js", "search/search_index.js"]
    french = json.loads((site / "fr/search/search_index.js").read_text(encoding="utf-8")
                        .removeprefix(INDEX_SCRIPT_PREFIX))
    assert french["config"]["lang"] == ["fr"]
    assert {d["location"] for d in french["docs"]} >= {"modules/01-listening/lesson.html"}
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       (site / "fr/modules/01-listening/lesson.html").read_text(), re.S)
    assert json.loads(config.group(1))["base"] == "../../../fr/"
