"""Without JavaScript, in Chromium over file://: no control that needs a script is shown, and the
questions, the answers section and the follow-ups stay readable, in every language and view."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PREFIXES

pytestmark = pytest.mark.browser

# Buttons shown without a script, but for the language menu (it opens on focus, in CSS alone).
DEAD_BUTTONS = """() => [...document.querySelectorAll("button")].filter((b) =>
  !b.closest(".md-select") && b.getClientRects().length && getComputedStyle(b).visibility !== "hidden")
  .map((b) => b.outerHTML.slice(0, 80))"""
LESSON = "modules/02-building-trust/lesson.html"
SESSION_PLAN = "modules/02-building-trust/session-plan.html"
ANSWER_KEY = "modules/02-building-trust/answer-key.html"


@pytest.fixture
def no_script(browser):  # noqa: ANN001
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", PREFIXES)
def test_a_lesson_without_javascript_shows_questions_answers_and_follow_ups_but_no_dead_controls(
        real_site: Path, no_script, language: str) -> None:  # noqa: ANN001
    no_script.goto((real_site / language / LESSON).as_uri())
    assert no_script.evaluate("document.documentElement.className") == "no-js"
    exercises = no_script.locator('.cx[data-cx-view="learner"]')
    assert exercises.count() >= 3
    assert no_script.locator(".cx-check").count() >= 3
    assert no_script.evaluate(DEAD_BUTTONS) == []
    assert no_script.locator("[data-cx-remember]").is_hidden()
    for question in no_script.locator(".cx-question").all():
        assert question.is_visible()
    follow_ups = no_script.locator("[data-cx-follow-up]")
    assert follow_ups.count() >= 1 and all(f.is_visible() for f in follow_ups.all())
    answers = no_script.locator("details.cx-answers").first
    answers.locator("summary").click()  # <details> opens without a script
    assert answers.locator(".cx-feedback").first.is_visible()


@pytest.mark.parametrize("language", PREFIXES)
def test_a_session_plan_without_javascript_hides_its_clock_and_shows_its_answer_key(
        real_site: Path, no_script, language: str) -> None:  # noqa: ANN001
    no_script.goto((real_site / language / SESSION_PLAN).as_uri())
    assert no_script.locator("[data-session-clock]").first.is_hidden()
    assert no_script.evaluate(DEAD_BUTTONS) == []
    no_script.goto((real_site / language / ANSWER_KEY).as_uri())
    assert no_script.locator('.cx[data-cx-view="trainer"] .cx-key').first.is_visible()
    assert no_script.evaluate(DEAD_BUTTONS) == []
