"""The built site in Chromium over file://: language, direction, switcher, search, no network."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import LANGUAGES, language_prefix

pytestmark = pytest.mark.browser

DIRECTIONS = {"ar": "rtl"}
LESSON = "modules/02-building-trust/lesson.html"
WORD = re.compile(r"[^\W\d_]{7,}")
# What search indexes: a page's article, not its navigation (where English titles of pages not
# yet translated stand in every language).
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)


def language_root(site: Path, language: str) -> Path:
    return site / language_prefix(language)


def pages_of(site: Path, language: str) -> list[Path]:
    if language_prefix(language):
        return list((site / language).rglob("*.html"))
    others = [site / other for other in LANGUAGES if language_prefix(other)]
    return [p for p in site.rglob("*.html") if not any(p.is_relative_to(o) for o in others)]


def words_of(pages: list[Path]) -> Counter:
    counts: Counter = Counter()
    for page in pages:
        # Only words a reader sees: the theme's scripts hold English UI strings on every page.
        visible = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        for article in ARTICLE.findall(visible):
            counts.update(word.lower() for word in WORD.findall(re.sub(r"<[^>]+>", " ", article)))
    return counts


def word_only_in(site: Path, language: str) -> str:
    """A word that occurs in the articles of this language's pages and in no other language's."""
    elsewhere: set[str] = set()
    for other in LANGUAGES:
        if other != language:
            elsewhere |= set(words_of(pages_of(site, other)))
    own = words_of(pages_of(site, language))
    candidates = [word for word, count in own.most_common() if word not in elsewhere and count >= 2]
    assert candidates, f"no word is unique to the {language} pages"
    return candidates[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_direction_switcher_and_no_network(real_site: Path, page, language: str) -> None:
    lesson = language_root(real_site, language) / LESSON
    page.goto(lesson.as_uri())
    assert page.get_attribute("html", "lang") == language
    assert page.get_attribute("body", "dir") == DIRECTIONS.get(language, "ltr")
    for other in LANGUAGES:
        link = page.locator(f'a.md-select__link[hreflang="{other}"]')
        target = (lesson.parent / link.get_attribute("href")).resolve()
        assert target == (language_root(real_site, other) / LESSON).resolve()
    other = next(o for o in LANGUAGES if o != language)
    page.goto((language_root(real_site, other) / LESSON).as_uri())
    assert page.get_attribute("html", "lang") == other
    assert page.watch.outside == []
    assert page.watch.errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_a_word_of_this_language(real_site: Path, page, language: str) -> None:
    word = word_only_in(real_site, language)
    page.goto((language_root(real_site, language) / "index.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type(word)
    # Material searches when a key is released; Playwright types letters a US keyboard lacks
    # (Arabic, Russian, Chinese) as inserted text, releasing no key. Without a key released after
    # them, the word was only searched if the index was still loading when typing ended.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert page.watch.outside == []
    assert page.watch.errors == []
