"""Remembered answers in Chromium over file://, on the real site: one store for every lesson in
every language, a Forget that erases everything, nothing restored that was not remembered, and
storage that is disabled, full or holds answers that no longer fit.

Chromium keeps one storage for every file:// page, so the store's storage (storage.html in a
hidden frame) is also each page's own: `localStorage` read from a lesson is the store's.
tests/test_firefox_browser.py checks the same in Firefox, where every page's storage differs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, wait_until
from test_zim_browser import kiwix, served_page  # noqa: F401 (fixtures for the Kiwix test)

pytestmark = pytest.mark.browser

SITE_ID = yaml.safe_load((ROOT / "curriculum/curriculum.yml").read_text(encoding="utf-8"))["site_id"]
KEY = f"curriculum:{SITE_ID}:progress"
CATALOG = yaml.safe_load((ROOT / "translations/en/ui.yml").read_text(encoding="utf-8"))
FIRST = "modules/02-building-trust/lesson.html"
SECOND = "fr/modules/03-meaningful-participation/lesson.html"
REFLECTION = "#cx-building-trust-reflect-text"
CHOICE = "building-trust-check-1"
NOTICE = ".cx-remember > .cx-status"
STORED = "[localStorage.length, sessionStorage.length]"
# Every frame of the page, the store's included (Playwright runs init scripts in each).
STORAGE_DISABLED = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""
STORAGE_FULL = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""


def _open(page, site: Path, path: str) -> None:  # noqa: ANN001
    page.goto((site / path).as_uri())
    page.wait_for_selector("[data-cx-remember][data-cx-synced]:not([hidden])")


def _stored(page) -> dict | None:  # noqa: ANN001
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return None if text is None else json.loads(text)


def _notice(page, containing: str = "") -> str:  # noqa: ANN001
    """The remember bar's latest message, once there is one (containing ``containing``)."""
    page.locator(f"{NOTICE} p", has_text=containing).first.wait_for()
    return page.inner_text(NOTICE).strip()


def test_remember_covers_every_lesson_and_forget_on_one_erases_everything(real_site: Path, page) -> None:  # noqa: ANN001
    _open(page, real_site, FIRST)
    page.check("#cx-remember")
    assert _notice(page) == CATALOG["exercises.remembered"]
    page.fill(REFLECTION, "They listened first.")
    wait_until(page, f"(localStorage.getItem('{KEY}') || '').includes('They listened first.')")
    _open(page, real_site, SECOND)
    assert page.is_checked("#cx-remember")  # remembering on an English lesson covers a French one
    page.check("#cx-meaningful-participation-check-1-2")
    page.click("#cx-meaningful-participation-check-1 .cx-check")
    wait_until(page, f"(localStorage.getItem('{KEY}') || '').includes('meaningful-participation')")
    assert _stored(page)["answers"] == {
        "building-trust-reflect": {"v": "They listened first.", "done": True},
        "meaningful-participation-check-1": {"v": [["2"]], "done": True},
    }
    _open(page, real_site, FIRST)
    assert page.input_value(REFLECTION) == "They listened first."
    _open(page, real_site, SECOND)
    page.click(".cx-remember .cx-forget")
    assert _notice(page) == "Vos réponses ont été effacées de cet appareil."
    assert page.evaluate(STORED) == [0, 0]
    _open(page, real_site, FIRST)
    assert not page.is_checked("#cx-remember") and page.input_value(REFLECTION) == ""
    assert page.watch.errors == [] and page.watch.outside == []


def test_over_http_the_same_store_serves_every_lesson_and_forget_erases_it(
        real_site: Path, serve, page) -> None:  # noqa: ANN001
    address = serve(real_site)
    page.goto(address + FIRST)
    page.wait_for_selector("[data-cx-remember][data-cx-synced]:not([hidden])")
    page.check("#cx-remember")
    page.fill(REFLECTION, "Over the room's network.")
    wait_until(page, f"(localStorage.getItem('{KEY}') || '').includes('network')")
    page.goto(address + SECOND)
    page.wait_for_selector("[data-cx-remember][data-cx-synced]:not([hidden])")
    assert page.is_checked("#cx-remember")
    page.click(".cx-remember .cx-forget")
    _notice(page, "effacées")
    assert page.evaluate(STORED) == [0, 0]
    assert page.watch.failed == [] and page.watch.errors == []


def test_nothing_typed_or_chosen_comes_back_after_reload_or_back(real_site: Path, page) -> None:  # noqa: ANN001
    def answer() -> None:
        page.fill(REFLECTION, "Something private.")
        page.check(f"#cx-{CHOICE}-2")

    def shown() -> tuple[str, list[str]]:
        checked = page.eval_on_selector_all(".cx input:checked", "inputs => inputs.map(e => e.id)")
        return page.input_value(REFLECTION), checked

    _open(page, real_site, FIRST)
    answer()
    page.reload()
    _open(page, real_site, FIRST)
    assert shown() == ("", [])
    answer()
    page.goto((real_site / "privacy.html").as_uri())
    page.go_back()
    page.wait_for_selector("[data-cx-remember][data-cx-synced]:not([hidden])")
    assert shown() == ("", [])
    assert page.evaluate(STORED) == [0, 0]


@pytest.mark.parametrize(("record", "kept", "remembering"), [
    # An exercise that changed type but kept its id: the record stays, without that answer.
    (json.dumps({"version": 1, "answers": {CHOICE: {"v": "abc", "done": True}}}),
     {"version": 1, "answers": {}}, True),
    # Options that no longer exist, and a scale rating out of range.
    (json.dumps({"version": 1, "answers": {CHOICE: {"v": [["9"]], "done": True},
                                           "building-trust-confidence-before": {"v": [7], "done": True}}}),
     {"version": 1, "answers": {}}, True),
    (json.dumps({"version": 1, "answers": []}), None, False),
    ("{not json", None, False),
])
def test_stored_answers_that_do_not_fit_are_dropped_and_forget_still_works(
        real_site: Path, page, record: str, kept: dict | None, remembering: bool) -> None:  # noqa: ANN001
    page.goto((real_site / FIRST).as_uri())
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, record])
    _open(page, real_site, FIRST)
    assert _notice(page) == CATALOG["exercises.discarded"]
    expected = json.dumps(json.dumps(kept, separators=(",", ":"))) if kept else "null"
    wait_until(page, f"localStorage.getItem('{KEY}') === {expected}")  # the store drops what did not fit
    assert _stored(page) == kept
    assert page.is_checked("#cx-remember") is remembering
    assert page.eval_on_selector_all(".cx input:checked", "l => l.length") == 0
    page.click(".cx-remember .cx-forget")
    _notice(page, CATALOG["exercises.forgotten"])
    assert page.evaluate(STORED) == [0, 0]
    assert page.watch.errors == []


def test_with_storage_disabled_exercises_work_and_nothing_claims_to_remember(real_site: Path, page) -> None:  # noqa: ANN001
    page.context.add_init_script(STORAGE_DISABLED)
    _open(page, real_site, FIRST)
    page.click("#cx-remember")  # the page refuses at once: Playwright's check() would call that a failure
    assert _notice(page) == CATALOG["exercises.storage_unavailable"]
    assert not page.is_checked("#cx-remember")
    page.check(f"#cx-{CHOICE}-1")
    page.click(f"#cx-{CHOICE} .cx-check")
    assert page.inner_text(f"#cx-{CHOICE} .cx-status").strip()
    page.click(".cx-remember .cx-forget")
    assert _notice(page, CATALOG["exercises.forget_failed"]) == CATALOG["exercises.forget_failed"]
    assert page.watch.errors == []


def test_with_storage_full_remember_says_so_and_forget_still_erases(real_site: Path, page) -> None:  # noqa: ANN001
    page.goto((real_site / FIRST).as_uri())
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"version": 1, "answers": {}})])
    page.context.add_init_script(STORAGE_FULL)
    _open(page, real_site, FIRST)
    assert page.is_checked("#cx-remember")  # an earlier record is still read
    page.fill(REFLECTION, "Too much.")
    assert _notice(page) == CATALOG["exercises.storage_unavailable"]  # the write failed: said once
    page.click(".cx-remember .cx-forget")
    _notice(page, CATALOG["exercises.forgotten"])
    assert page.evaluate(STORED) == [0, 0]
    assert page.watch.errors == []


def test_in_kiwix_one_store_serves_every_languages_zim_and_forget_erases_it(
        served_page, kiwix) -> None:  # noqa: ANN001, F811 (the fixtures imported above)
    """kiwix-serve gives every ZIM one origin: each ZIM's copy of the store shares its storage."""
    page = served_page
    page.goto(f"{kiwix['en']}/{FIRST}")
    page.wait_for_selector("[data-cx-remember][data-cx-synced]:not([hidden])")
    page.check("#cx-remember")
    page.fill(REFLECTION, "In the room.")
    wait_until(page, f"(localStorage.getItem('{KEY}') || '').includes('In the room.')")
    page.goto(f"{kiwix['fr']}/{SECOND}")
    page.wait_for_selector("[data-cx-remember][data-cx-synced]:not([hidden])")
    assert page.is_checked("#cx-remember")
    page.click(".cx-remember .cx-forget")
    _notice(page, "effacées")
    assert page.evaluate(STORED) == [0, 0]
    page.wait_for_load_state("networkidle")  # the search worker's loads, as test_zim_browser does
    assert page.problems == [] and page.watch.errors == []
