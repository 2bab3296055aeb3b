"""Exercises in Chromium over file://, by keyboard alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import wait_until

from .test_plugin_build import PAGES, SITE_ID, make_project, run_build

pytestmark = pytest.mark.browser
STATUS = "#cx-trust-building-listening .cx-status"
STORAGE_KEY = f"curriculum:{SITE_ID}:progress"
# The lesson's remember bar, or the progress page, once the site's store has answered.
SYNCED = "[data-cx-synced]"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("exercise-site"), PAGES)
    run_build(root)
    return root / "site"


def test_keyboard_only_check_announces_neutral_feedback(site: Path, page) -> None:  # noqa: ANN001
    page.goto((site / "modules/trust/lesson.html").as_uri())
    page.focus("#cx-trust-building-listening-1")
    page.keyboard.press("ArrowDown")  # moves the choice to option 2; must not check anything
    assert page.is_checked("#cx-trust-building-listening-2")
    assert page.inner_text(STATUS) == ""
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    status = page.inner_text(STATUS)
    assert "This is not the suggested answer." in status
    assert "Explaining is not acting." in status
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert "This matches the suggested answer." in page.inner_text(STATUS)
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None  # nothing stored by default
    assert page.watch.errors == [] and page.watch.outside == []


def _remember_a_reflection(site: Path, page) -> None:  # noqa: ANN001
    page.goto((site / "modules/trust/lesson.html").as_uri())
    page.wait_for_selector(SYNCED)
    page.check("#cx-remember")
    page.fill("#cx-trust-building-reflect-text", "They listened.")
    wait_until(page, f"localStorage.getItem('{STORAGE_KEY}')?.includes('They listened.')")


def test_remembering_is_opt_in_and_forgetting_erases_everything(site: Path, page) -> None:  # noqa: ANN001
    _remember_a_reflection(site, page)
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["version"] == 1
    assert stored["answers"]["trust-building-reflect"] == {"v": "They listened.", "done": True}
    page.reload()
    page.wait_for_selector(SYNCED)
    assert page.input_value("#cx-trust-building-reflect-text") == "They listened."
    page.goto((site / "progress.html").as_uri())
    page.wait_for_selector(SYNCED)
    assert "1 of 4 exercises done" in page.inner_text(".cx-progress-list")
    page.goto((site / "modules/trust/lesson.html").as_uri())
    page.wait_for_selector(SYNCED)
    page.click(".cx-forget")
    page.locator(".cx-remember .cx-status p", has_text="erased").wait_for()
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_the_progress_page_forgets_everything_too(site: Path, page) -> None:  # noqa: ANN001
    _remember_a_reflection(site, page)
    page.goto((site / "progress.html").as_uri())
    page.wait_for_selector(SYNCED)
    page.fill("#cx-progress-name", "Sam")
    wait_until(page, f"localStorage.getItem('{STORAGE_KEY}')?.includes('Sam')")
    page.click(".cx-progress .cx-forget")
    page.locator(".cx-progress > .cx-status p", has_text="erased").wait_for()
    assert page.inner_text(".cx-progress-list").startswith("Nothing is remembered on this device.")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    page.goto((site / "modules/trust/lesson.html").as_uri())
    page.wait_for_selector(SYNCED)
    assert not page.is_checked("#cx-remember") and page.input_value("#cx-trust-building-reflect-text") == ""


def test_scale_shows_the_learners_own_change(site: Path, page) -> None:  # noqa: ANN001
    page.goto((site / "modules/trust/lesson.html").as_uri())
    for exercise, ratings in (("before", (2, 3)), ("after", (4, 3))):
        for number, rating in enumerate(ratings, start=1):
            page.check(f"#cx-trust-building-confidence-{exercise}-s{number}-{rating}")
    page.click("#cx-trust-building-confidence-after .cx-check")
    status = page.inner_text("#cx-trust-building-confidence-after .cx-status")
    assert "Before: Slightly confident. Now: Confident." in status


def test_corrupt_storage_is_ignored(site: Path, page) -> None:  # noqa: ANN001
    page.goto((site / "modules/trust/lesson.html").as_uri())
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{not json')")
    page.reload()
    page.wait_for_selector(SYNCED)
    assert not page.is_checked("#cx-remember")
    assert "no longer matched" in page.inner_text(".cx-remember .cx-status")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.check("#cx-trust-building-listening-1")
    page.click("#cx-trust-building-listening .cx-check")
    assert "suggested answer" in page.inner_text(STATUS)
    assert page.watch.errors == []
