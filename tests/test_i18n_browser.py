"""Every language end to end over file://: language and direction, the switcher, and search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import LANGUAGES, build_site, edit_config, fixture_project, language_prefix, plugin_options
from curriculum_site.status import source_version

pytestmark = pytest.mark.browser

REAL_LANGUAGES = {language: language_prefix(language) for language in LANGUAGES}
RIGHT_TO_LEFT = {"ar"}
LESSON = "modules/01-listening/lesson.html"
REAL_LESSON = "modules/02-building-trust/lesson.html"
# The fixture course's lesson in the languages it adds to English and French, each with a word
# of its own; a few pages in the languages whose search adds word forms or character pairs.
LESSONS = {
    "ar": "# الاستماع\n\nالعمل بما نسمعه، زرافةكلمة.\n",
    "ru": "# Слушать\n\nБез доверия нет работы, а учёба идёт медленно: жирафослово.\n",
    "pt": "# Escutar\n\nEscutar é agir com respeito, e a ação vem depois: girafapalavra.\n",
    # No space between Chinese words: 信任 (trust) stands in the middle of a clause.
    "zh": "# 倾听\n\n倾听意味着根据听到的内容采取行动，建立信任需要时间。\n",
}
# Other forms of the lessons' words on the translated home page: "доверие" for "доверия",
# "respeitar" for "respeito".
HOMES = {"ru": "# Главная\n\nДоверие строится медленно.\n",
         "pt": "# Início\n\nÉ preciso respeitar as pessoas.\n"}
FIXTURE_LANGUAGES = {"en": "", "fr": "fr/", **{language: f"{language}/" for language in LESSONS}}
# Material's own result counter, in the page's language: the worker has answered.
RESULTS_SHOWN = """() => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta").textContent.trim();
  const other = new RegExp("^" + t["search.result.other"].replace("#", "\\\\d+") + "$");
  return meta === t["search.result.none"] || meta === t["search.result.one"] || other.test(meta);
}"""
# Material's worker has its index and has answered the empty query with its placeholder: a query
# typed earlier could be reported as "no results" by that late answer to the empty one.
SEARCH_READY = """() => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  return document.querySelector(".md-search-result__meta").textContent.trim()
    === t["search.result.placeholder"];
}"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course in English, French, Arabic (right to left), Russian, Portuguese and
    Chinese (the fixture has the site's own search separator: Chinese punctuation ends a word)."""
    project = fixture_project(tmp_path_factory.mktemp("i18n") / "course")
    course = project / "curriculum/curriculum.yml"
    course.write_text(course.read_text().replace(
        "languages: [en, fr]", f"languages: [en, fr, {', '.join(LESSONS)}]"))
    edit_config(project, lambda config: plugin_options(config, "i18n")["languages"].extend(
        {"locale": language, "name": language, "build": True} for language in LESSONS))
    for language, text in LESSONS.items():
        translate(project, "curriculum/modules/01-listening/lesson.md", language, text)
    for language, text in HOMES.items():
        translate(project, "docs/index.md", language, text)
    return build_site(project, project / "site")


def translate(project: Path, english: str, language: str, text: str) -> None:
    """Write ``text`` as the up-to-date ``language`` translation of the English file."""
    source = project / english
    target = project / "translations" / language / english
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'---\ntranslation_of: "{source_version(source)}"\n---\n{text}', encoding="utf-8")


def pages_of(site: Path, languages: dict[str, str]) -> list[tuple[str, str]]:
    """(language, page path relative to its language root) for every page of every language."""
    found = []
    for language, prefix in languages.items():
        root = site / prefix
        for path in sorted(root.rglob("*.html")):
            relative = path.relative_to(root).as_posix()
            # The server's error page has no counterpart in other languages (its switcher leads
            # to each home page); its language is checked with curriculum/safety, which writes
            # it in the default language (test_injection.py), and axe checks it (test_a11y.py).
            if relative == "404.html" or relative.split("/")[0] in languages or "/assets/" in f"/{relative}":
                continue
            found.append((language, relative))
    return found


def check_language_and_direction(page, site: Path, languages: dict[str, str]) -> None:
    for language, relative in pages_of(site, languages):
        page.goto((site / languages[language] / relative).as_uri(), wait_until="domcontentloaded")
        lang, direction = page.evaluate(
            "() => [document.documentElement.lang, getComputedStyle(document.body).direction]")
        expected = "rtl" if language in RIGHT_TO_LEFT else "ltr"
        assert (lang, direction) == (language, expected), f"{languages[language]}{relative}"


def search(page, url: str, query: str) -> list[str]:
    """Search from the page at ``url``; the addresses of the results Material shows."""
    page.goto(url)
    field = page.locator("input.md-search__input")
    field.click()  # from file://, Material loads the index when search opens
    page.wait_for_function(SEARCH_READY)
    field.evaluate("(input, query) => { input.value = query;"
                   " input.dispatchEvent(new KeyboardEvent('keyup')); }", query)
    page.wait_for_function(RESULTS_SHOWN)
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def test_fixture_pages_have_their_language_and_direction(page, fixture_site: Path) -> None:
    check_language_and_direction(page, fixture_site, FIXTURE_LANGUAGES)


@pytest.mark.parametrize(("prefix", "query", "found"), [
    ("fr/", "girafemot", True), ("fr/", "zebraword", False),
    ("", "zebraword", True), ("", "girafemot", False),
    ("ar/", "زرافةكلمة", True), ("ar/", "girafemot", False), ("fr/", "زرافةكلمة", False),
    ("ru/", "жирафослово", True), ("pt/", "girafapalavra", True), ("zh/", "倾听", True),
    ("", "жирафослово", False), ("ru/", "girafapalavra", False), ("pt/", "倾听", False),
    ("ar/", "倾听", False),
])
def test_search_finds_only_pages_of_the_pages_language(page, fixture_site: Path, prefix: str,
                                                        query: str, found: bool) -> None:
    results = search(page, (fixture_site / prefix / LESSON).as_uri(), query)
    assert results == ([(fixture_site / prefix / LESSON).as_uri()] if found else [])
    assert page.watch.outside == [] and page.watch.errors == []


@pytest.mark.parametrize(("prefix", "query"), [("fr/", "ecouter"), ("fr/", "Écouter"),
                                               ("ar/", "عمل"), ("ar/", "العمل"),
                                               ("ru/", "учеба"), ("pt/", "acao")])
def test_search_forgives_missing_accents_and_the_arabic_article(page, fixture_site: Path,
                                                                  prefix: str, query: str) -> None:
    results = search(page, (fixture_site / prefix / "index.html").as_uri(), query)
    assert (fixture_site / prefix / LESSON).as_uri() in results


@pytest.mark.parametrize(("prefix", "query"), [("ru/", "доверие"), ("pt/", "respeitar")])
def test_a_word_finds_the_pages_with_its_other_forms(page, fixture_site: Path, prefix: str,
                                                     query: str) -> None:
    """The lesson only says "доверия" and "respeito"; the home page has the form searched."""
    results = search(page, (fixture_site / prefix / LESSON).as_uri(), query)
    assert {(fixture_site / prefix / "index.html").as_uri(),
            (fixture_site / prefix / LESSON).as_uri()} <= set(results)
    assert page.watch.outside == [] and page.watch.errors == []


@pytest.mark.parametrize("query", ["信任", "时间", "行动"])
def test_a_two_character_chinese_word_finds_the_page_it_stands_in(page, fixture_site: Path,
                                                                  query: str) -> None:
    """Each word stands inside a clause of the translated lesson, with no space around it."""
    results = search(page, (fixture_site / "zh" / "index.html").as_uri(), query)
    assert (fixture_site / "zh" / LESSON).as_uri() in results
    assert all(result.startswith((fixture_site / "zh").as_uri() + "/") for result in results)
    assert page.watch.outside == [] and page.watch.errors == []


def test_real_pages_have_their_language_and_direction(page, real_site: Path) -> None:
    check_language_and_direction(page, real_site, REAL_LANGUAGES)


def switcher_links(html: str) -> dict[str, str]:
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([\w-]+)"', html)}


def test_switcher_on_every_page_leads_to_the_same_page(real_site: Path) -> None:
    for language, relative in pages_of(real_site, REAL_LANGUAGES):
        path = real_site / REAL_LANGUAGES[language] / relative
        html = path.read_text(encoding="utf-8")
        if 'id="__config"' not in html:
            continue  # not a page of the site's theme (the quick-exit page): no switcher
        links = switcher_links(html)
        assert set(links) == set(REAL_LANGUAGES), path
        for other, href in links.items():
            target = (path.parent / href).resolve()
            assert target == (real_site / REAL_LANGUAGES[other] / relative).resolve(), (path, other)


@pytest.mark.parametrize("language", REAL_LANGUAGES)
def test_switcher_round_trips_in_the_browser(page, real_site: Path, language: str) -> None:
    start = (real_site / REAL_LANGUAGES[language] / REAL_LESSON).as_uri()
    for other in REAL_LANGUAGES:
        page.goto(start)
        with page.expect_navigation():
            page.eval_on_selector(f".md-select a[hreflang={other}]", "a => a.click()")
        assert page.url == (real_site / REAL_LANGUAGES[other] / REAL_LESSON).as_uri()
        with page.expect_navigation():
            page.eval_on_selector(f".md-select a[hreflang={language}]", "a => a.click()")
        assert page.url == start
    assert page.watch.outside == []


@pytest.mark.parametrize("language", REAL_LANGUAGES)
def test_real_search_stays_in_the_pages_language(page, real_site: Path, language: str) -> None:
    results = search(page, (real_site / REAL_LANGUAGES[language] / REAL_LESSON).as_uri(), "trust")
    assert results, "the word is on the page: search must find it"
    own_tree = (real_site / REAL_LANGUAGES[language]).as_uri() + "/"
    others = [(real_site / p).as_uri() + "/" for lang, p in REAL_LANGUAGES.items()
              if lang != language and p]
    assert all(r.startswith(own_tree) and not r.startswith(tuple(others)) for r in results)
    assert page.watch.outside == [] and page.watch.errors == []
