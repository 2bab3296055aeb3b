"""Four languages end to end over file://: language and direction, the switcher, and search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import build_site, fixture_project
from curriculum_site.status import source_version

pytestmark = pytest.mark.browser

REAL_LANGUAGES = {"en": "", "fr": "fr/", "es": "es/", "ar": "ar/"}
RIGHT_TO_LEFT = {"ar"}
LESSON = "modules/01-listening/lesson.html"
REAL_LESSON = "modules/02-building-trust/lesson.html"
ARABIC_LESSON = "# الاستماع\n\nالعمل بما نسمعه، زرافةكلمة.\n"
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
    """The fixture course in English, French and Arabic (right to left)."""
    project = fixture_project(tmp_path_factory.mktemp("i18n") / "course")
    course = project / "curriculum/curriculum.yml"
    course.write_text(course.read_text().replace("languages: [en, fr]", "languages: [en, fr, ar]"))
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append({"locale": "ar", "name": "العربية", "build": True})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    english = project / "curriculum/modules/01-listening/lesson.md"
    arabic = project / "translations/ar/curriculum/modules/01-listening/lesson.md"
    arabic.parent.mkdir(parents=True)
    arabic.write_text(f'---\ntranslation_of: "{source_version(english)}"\n---\n{ARABIC_LESSON}')
    return build_site(project, project / "site")


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
    check_language_and_direction(page, fixture_site, {"en": "", "fr": "fr/", "ar": "ar/"})


@pytest.mark.parametrize(("prefix", "query", "found"), [
    ("fr/", "girafemot", True), ("fr/", "zebraword", False),
    ("", "zebraword", True), ("", "girafemot", False),
    ("ar/", "زرافةكلمة", True), ("ar/", "girafemot", False), ("fr/", "زرافةكلمة", False),
])
def test_search_finds_only_pages_of_the_pages_language(page, fixture_site: Path, prefix: str,
                                                        query: str, found: bool) -> None:
    results = search(page, (fixture_site / prefix / LESSON).as_uri(), query)
    assert results == ([(fixture_site / prefix / LESSON).as_uri()] if found else [])
    assert page.watch.outside == [] and page.watch.errors == []


@pytest.mark.parametrize(("prefix", "query"), [("fr/", "ecouter"), ("fr/", "Écouter"),
                                               ("ar/", "عمل"), ("ar/", "العمل")])
def test_search_forgives_missing_accents_and_the_arabic_article(page, fixture_site: Path,
                                                                  prefix: str, query: str) -> None:
    results = search(page, (fixture_site / prefix / "index.html").as_uri(), query)
    assert (fixture_site / prefix / LESSON).as_uri() in results


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
