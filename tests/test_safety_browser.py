"""Quick exit, storage and the Content-Security-Policy in Chromium over file://, on the real site."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, PREFIXES, ROOT, language_prefix
from curriculum_site.catalog import load_catalog

pytestmark = pytest.mark.browser

LESSON = "modules/04-do-no-harm/lesson.html"
EXERCISE = 'data-cx-view="learner"'
NEUTRAL_TITLES = {language_prefix(language):
                  load_catalog(ROOT / "translations", language)["safety.neutral_title"]
                  for language in LANGUAGES}
# Reports every violation of the page's policy, across navigations, to the test.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) =>
  window.reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`));
"""


@pytest.fixture
def violations(page) -> list[str]:  # noqa: ANN001
    found: list[str] = []
    page.expose_function("reportViolation", lambda report: found.append(report))
    page.context.add_init_script(REPORT_VIOLATIONS)
    return found


def _csp_errors(page) -> list[str]:  # noqa: ANN001
    return [error for error in page.watch.errors if "Content Security Policy" in error]


def _leave_with_shift(page) -> None:  # noqa: ANN001
    for _ in range(3):
        page.keyboard.press("Shift")


@pytest.mark.parametrize("language", PREFIXES)
def test_shift_three_times_leaves_for_the_neutral_page_in_the_readers_language(
        real_site: Path, page, language: str) -> None:  # noqa: ANN001
    page.goto((real_site / language / LESSON).as_uri())
    _leave_with_shift(page)
    page.wait_for_url(f"**/{language}new-tab.html")
    assert page.title() == NEUTRAL_TITLES[language]
    assert page.inner_text("body").strip() == ""
    assert page.watch.outside == []


def test_exit_is_first_in_tab_order_large_enough_and_leaves_by_keyboard(real_site: Path, page) -> None:  # noqa: ANN001
    page.goto((real_site / LESSON).as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("e => e.textContent.trim()") == "Exit this page"
    box = focused.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/new-tab.html")
    assert page.title() == "New tab"


def test_the_exit_control_stays_visible_on_a_small_screen(real_site: Path, page) -> None:  # noqa: ANN001
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto((real_site / "ar" / LESSON).as_uri())
    page.mouse.wheel(0, 3000)
    exit_control = page.locator("a[data-cq-exit]")
    assert exit_control.is_visible()
    box = exit_control.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320 and 0 <= box["y"] < 64
    exit_control.click()
    page.wait_for_url("**/ar/new-tab.html")


def test_back_after_exit_does_not_return_to_the_curriculum(real_site: Path, page) -> None:  # noqa: ANN001
    page.goto((real_site / "index.html").as_uri())
    page.click("a.md-footer__link--next")  # a link to another page of the site
    page.wait_for_url("**/modules/index.html")
    page.click("a.md-footer__link--next")
    page.click(".md-sidebar--secondary a.md-nav__link >> nth=1")  # a heading on the same page
    assert "#" in page.url
    page.click("a[data-cq-exit]")
    page.wait_for_url("**/new-tab.html")
    page.go_back()
    assert page.url == "about:blank"
    assert page.evaluate("history.length") == 2  # the blank start page and the neutral page


def test_typing_capital_letters_does_not_exit(real_site: Path, page) -> None:  # noqa: ANN001
    page.goto((real_site / "index.html").as_uri())
    page.click("input[data-md-component=search-query]")
    for letter in "HIV":
        page.keyboard.press(f"Shift+{letter}")
    assert page.url.endswith("/index.html")
    assert page.input_value("input[data-md-component=search-query]") == "HIV"


# Answers and checks every exercise on a page, as a reader would, in one round trip: each
# visible step in order (a scenario's follow-up appears once the first step is checked).
ANSWER_EVERY_EXERCISE = """() => {
  for (const exercise of document.querySelectorAll('.cx[data-cx-view="learner"]')) {
    for (const text of exercise.querySelectorAll("textarea")) {
      text.value = "My own thoughts.";
      text.dispatchEvent(new Event("input", { bubbles: true }));
    }
    for (const step of exercise.querySelectorAll("fieldset")) {
      const choice = step.querySelector("input[type=radio], input[type=checkbox]");
      if (!choice || step.closest("[hidden]")) continue;
      choice.click();
      step.querySelector(".cx-check")?.click();
    }
    exercise.querySelectorAll(".cx-check:not(fieldset .cx-check)").forEach((b) => b.click());
  }
  return document.querySelectorAll(".cx-status:not(:empty)").length;
}"""


def _crawl(site: Path) -> list[Path]:
    """Every page of the default language, and every exercise page of the other languages (the
    same templates and scripts; a full crawl of all four would take four times as long)."""
    pages = sorted(p for p in site.rglob("*.html") if p.name != "new-tab.html")
    translated = [site / prefix for prefix in PREFIXES if prefix]

    def wanted(page: Path) -> bool:
        in_translation = any(page.is_relative_to(folder) for folder in translated)
        return not in_translation or EXERCISE in page.read_text(encoding="utf-8")

    return [page for page in pages if wanted(page)]


def test_a_full_visit_answering_exercises_stores_nothing_and_breaks_no_policy(
        real_site: Path, page, violations: list[str]) -> None:  # noqa: ANN001
    responses = 0
    pages = _crawl(real_site)
    for html in pages:
        page.goto(html.as_uri())
        responses += page.evaluate(ANSWER_EVERY_EXERCISE)
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0, html
    assert responses > 20  # the exercises did answer: feedback or a comparison was shown
    assert violations == [] and _csp_errors(page) == []
    assert page.watch.outside == [] and page.watch.dialogs == []


@pytest.mark.parametrize(("language", "query"), [("", "trust"), ("fr/", "confiance")])
def test_search_and_language_switch_work_under_the_policy(
        real_site: Path, page, violations: list[str], language: str, query: str) -> None:  # noqa: ANN001
    page.goto((real_site / language / "index.html").as_uri())
    page.click("input[data-md-component=search-query]")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").count() > 0
    page.keyboard.press("Escape")
    page.click(".md-select >> nth=0")
    page.click('a[hreflang="es"]')
    page.wait_for_url("**/es/index.html")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert violations == [] and page.watch.errors == []
    assert page.watch.outside == [] and page.watch.dialogs == []
