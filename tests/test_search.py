"""One search index per language, folded so missing accents and Arabic articles still match."""

from __future__ import annotations

import json
import re

import pytest

from conftest import build_site, edit_config, fixture_project, plugin_options, strict_build_warnings
from curriculum_site.search.index import (
    INDEX_SCRIPT_PREFIX,
    Demotion,
    LanguageRoot,
    as_script,
    fold,
    folded_words,
    split_index,
)
from curriculum_site.search.languages import RelatedWords

EN, FR, AR = LanguageRoot("en", ""), LanguageRoot("fr", "fr/"), LanguageRoot("ar", "ar/")
SEPARATOR = r"[\s\-,.]+|['’]"


@pytest.mark.parametrize(("word", "folded"), [
    ("égalité", "egalite"), ("Écouter", "ecouter"), ("niño", "nino"), ("cœur", "coeur"),
    ("العمل", "عمل"), ("والعمل", "عمل"), ("للعمل", "عمل"), ("أَمان", "امان"), ("ال", "ال"),
    ("trust", "trust"), ("Ещё", "еще"), ("Ação", "acao"),
    ("район", "район"),  # Russian й is a letter of its own, not и with a mark
])
def test_fold_drops_accents_diacritics_and_the_arabic_article(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_only_words_that_change_are_added_once() -> None:
    text = "<p>L’écoute et l'<em>égalité</em>, l’écoute.</p>"
    assert folded_words(text, SEPARATOR) == "ecoute egalite"
    assert folded_words("<p>Plain English</p>", SEPARATOR) == ""


def test_russian_and_portuguese_words_bring_the_other_forms_of_their_stem() -> None:
    russian = RelatedWords("ru", ["доверие", "доверия", "доверию", "работа", "стигма"])
    assert russian.of({"доверию"}) == {"доверие", "доверия", "доверию"}
    assert russian.of({"стигма"}) == set()
    portuguese = RelatedWords("pt", ["confiança", "confianças", "respeito"])
    assert portuguese.of({"confiança"}) == {"confiança", "confianças"}


def test_words_of_other_languages_bring_nothing() -> None:
    assert RelatedWords("fr", ["confiance", "confiances"]).of({"confiance"}) == set()


def test_chinese_is_indexed_by_pairs_of_neighbouring_characters() -> None:
    assert RelatedWords("zh", []).of({"建立信任", "hiv检测", "与"}) == {"建立", "立信", "信任", "检测"}
    text = "<p>本页尚未翻译，因此以英文显示。</p>"
    assert "英文" in folded_words(text, r"[\s，。]+", RelatedWords("zh", [])).split()


def test_a_word_form_from_another_page_of_the_language_makes_a_page_findable() -> None:
    index = {**combined(), "docs": [{"location": "ru/a.html", "title": "Доверие", "text": ""},
                                    {"location": "ru/b.html", "title": "", "text": "Без доверия."}]}
    russian = split_index(index, [EN, LanguageRoot("ru", "ru/")], {"en", "ru"})
    second = russian[LanguageRoot("ru", "ru/")]["docs"][1]
    assert "доверие" in second["text_folded"].split()


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


def test_trainer_pages_get_the_lower_boost_in_every_language_unless_the_page_set_one() -> None:
    index = combined()
    index["docs"] += [
        {"location": "modules/x/answer-key.html", "title": "Answer key", "text": ""},
        {"location": "fr/modules/x/answer-key.html#q1", "title": "Q1", "text": ""},
        {"location": "fr/trainers/agenda.html", "title": "Agenda", "text": "", "boost": 2},
    ]
    demotion = Demotion(("modules/*/answer-key.html", "trainers/*"), 0.3)
    indexes = split_index(index, [EN, FR, AR], {"en", "fr", "ar"}, demotion)
    boosts = {(root.language, d["location"]): d.get("boost")
              for root, language_index in indexes.items() for d in language_index["docs"]}
    assert boosts[("en", "modules/x/answer-key.html")] == 0.3
    assert boosts[("fr", "modules/x/answer-key.html#q1")] == 0.3  # a section of the page too
    assert boosts[("fr", "trainers/agenda.html")] == 2  # the page's own `search: boost`
    assert boosts[("fr", "modules/x/lesson.html#ecoute")] is None


def test_a_pattern_no_page_matches_is_named() -> None:
    demotion = Demotion(("modules/*/answer-key.html", "trainer/*"))
    assert demotion.unused(["modules/x/answer-key.html#q1", "trainers/agenda.html"]) == ["trainer/*"]


def test_a_trainer_page_pattern_that_matches_nothing_fails_the_strict_build(tmp_path, caplog) -> None:
    project = fixture_project(tmp_path / "course")
    edit_config(project, lambda config: plugin_options(config, "curriculum/search").update(
        trainer_pages=["modules/*/answer-keys.html"]))
    warnings = strict_build_warnings(project, tmp_path / "site", caplog)
    assert any("no page matches 'modules/*/answer-keys.html'" in warning for warning in warnings)


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
        "fr/search/search_index.js", "fr/search/search_index.json",
        "search/search_index.js", "search/search_index.json"]
    french = json.loads((site / "fr/search/search_index.js").read_text(encoding="utf-8")
                        .removeprefix(INDEX_SCRIPT_PREFIX))
    # The same index for file:// (the script) and for http (the JSON Material fetches).
    assert json.loads((site / "fr/search/search_index.json").read_text(encoding="utf-8")) == french
    assert french["config"]["lang"] == ["fr"]
    assert {d["location"] for d in french["docs"]} >= {"modules/01-listening/lesson.html"}
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       (site / "fr/modules/01-listening/lesson.html").read_text(), re.S)
    # The language's root relative to the page, not through the site's root: it holds when the
    # language's folder is the server's root too.
    assert json.loads(config.group(1))["base"] == "../../"


def test_no_page_writes_table_cells_back_to_back(real_site) -> None:
    """Search strips tags without a space, so adjacent cells would be indexed as one glued word
    ("empowerment105"), and lunr's prefix lookup then fails on the real word (no results at all
    for "empowerment")."""
    glued = re.compile(r"</t[dh]><t[dh][\s>]")
    pages = [page.relative_to(real_site).as_posix() for page in real_site.rglob("*.html")
             if glued.search(page.read_text(encoding="utf-8"))]
    assert pages == []
