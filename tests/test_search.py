"""One search index per language, with what our search worker needs to make words alike (its
behaviour in a browser: test_i18n_browser.py, test_served_browser.py)."""

from __future__ import annotations

import json
import re

from conftest import build_site, edit_config, fixture_project, plugin_options, strict_build_warnings
from curriculum_site.search.index import INDEX_SCRIPT_PREFIX, Demotion, LanguageRoot, as_script, split_index
from curriculum_site.search.plugin import WORKER_FOLDER, WORKER_NAME

EN, FR, AR = LanguageRoot("en", ""), LanguageRoot("fr", "fr/"), LanguageRoot("ar", "ar/")
SEPARATOR = r"[\s\-,.]+|['’]"


def test_russian_and_portuguese_stem_and_chinese_pairs_characters() -> None:
    roots = [EN, FR, AR, *(LanguageRoot(language, f"{language}/") for language in ("ru", "pt", "zh"))]
    indexes = split_index(combined(), roots, {"en", "fr", "ar", "ru", "pt", "zh"})
    settings = {root.language: index["config"]["curriculum"] for root, index in indexes.items()}
    assert settings["fr"] == settings["ar"] == {"stemmer": None, "bigrams": False}
    assert settings["ru"] == {"stemmer": "ru", "bigrams": False}
    assert settings["pt"]["stemmer"] == "pt" and settings["zh"]["bigrams"] is True


def test_a_language_lunr_cannot_stem_is_not_stemmed() -> None:
    russian = LanguageRoot("ru", "ru/")
    index = split_index(combined(), [EN, russian], {"en"})[russian]
    assert index["config"]["lang"] == ["en"] and index["config"]["curriculum"]["stemmer"] is None


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


def test_fields_no_entry_uses_are_left_out_and_the_text_is_as_written() -> None:
    index = combined()
    index["config"]["fields"]["tags"] = {"boost": 1000000.0}
    french = split_index(index, [EN, FR], {"en", "fr"})[FR]
    assert french["config"]["fields"] == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}
    assert french["docs"][0]["text"] == "Égalité girafemot"


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
    # Our worker, beside Material's, which it names and loads.
    assert json.loads(config.group(1))["search"] == f"../../../{WORKER_FOLDER}/{WORKER_NAME}"
    worker = (site / WORKER_FOLDER / WORKER_NAME).read_text(encoding="utf-8")
    material = worker.split('"')[1]
    assert worker.startswith("const MATERIAL_WORKER = ") and (site / WORKER_FOLDER / material).is_file()


def test_no_page_writes_table_cells_back_to_back(real_site) -> None:
    """Search strips tags without a space, so adjacent cells would be indexed as one glued word
    ("empowerment105"), and lunr's prefix lookup then fails on the real word (no results at all
    for "empowerment")."""
    glued = re.compile(r"</t[dh]><t[dh][\s>]")
    pages = [page.relative_to(real_site).as_posix() for page in real_site.rglob("*.html")
             if glued.search(page.read_text(encoding="utf-8"))]
    assert pages == []
