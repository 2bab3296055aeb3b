"""Trainer pages in Chromium over file://: on paper, the running clock, the agenda's totals."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, PREFIXES, ROOT
from curriculum_site.catalog import Catalog, load_catalog
from curriculum_site.course import load_course
from curriculum_site.plurals import fill
from curriculum_site.trainer.pdf import pdf_jobs, print_pdf

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
MODULE = "modules/02-building-trust"
# Everything a reader of a printed page cannot use; the quick-exit button lives in the header.
SITE_CHROME = ("header", ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search",
               "[data-print='hide']", ".md-top")
ANSWERS = ".cx-key, .cx-answers, .cx-feedback, .cx-explanation, .cx-discussion, .cx-good"
VISIBLE = "els => els.filter(el => el.getClientRects().length > 0).length"


def visible(page, selector: str) -> int:
    return page.eval_on_selector_all(selector, VISIBLE)


def open_page(page, site: Path, path: str, media: str = "screen"):
    page.emulate_media(media=media)
    page.goto((site / path).as_uri())
    return page


@pytest.mark.parametrize("path", [f"{MODULE}/session-plan.html", f"ar/{MODULE}/handout.html",
                                  f"{MODULE}/answer-key.html", "trainers/facilitator-guide.html"])
def test_printed_pages_show_the_content_without_navigation_header_or_exit(real_site, page, path) -> None:
    open_page(page, real_site, path, media="print")
    for selector in SITE_CHROME:
        assert visible(page, f"{selector}, {selector} *") == 0, f"{selector} is printed on {path}"
    assert visible(page, "article h1") == 1
    page.emulate_media(media="screen")
    assert visible(page, ".md-header") == 1
    assert page.watch.outside == [] and page.watch.errors == []


def test_a_handout_never_shows_answers_and_the_trainer_copies_do(real_site, page) -> None:
    key = open_page(page, real_site, f"{MODULE}/answer-key.html", media="print")
    assert visible(key, ".cx-key .cx-good") >= 1 and visible(key, ".cx-discussion") >= 1
    discussion = key.locator(".cx-discussion").first.inner_text()
    plan = open_page(page, real_site, f"{MODULE}/session-plan.html")
    plan.get_by_role("link", name="Answer key: Check your understanding").click()
    plan.wait_for_load_state()
    assert plan.url.endswith("answer-key.html#cx-building-trust-check-1")
    assert visible(plan, "#cx-building-trust-check-1 .cx-good") == 1
    for language in PREFIXES:
        handout = open_page(page, real_site, f"{language}{MODULE}/handout.html", media="print")
        assert visible(handout, ANSWERS) == 0
        assert discussion.splitlines()[-1] not in handout.locator("article").inner_text()


def test_setting_the_start_time_turns_offsets_into_times_of_day(real_site, page) -> None:
    open_page(page, real_site, f"{MODULE}/session-plan.html")
    times = page.locator('[data-clock="building-trust"]')
    assert times.first.inner_text() == "0:00"
    page.get_by_label("Session start time").fill("09:30")
    assert times.first.inner_text() == "9:30"
    assert page.locator("table").first.inner_text().splitlines()[-1].startswith("12:00")
    assert page.watch.errors == []


def test_without_javascript_the_plan_keeps_its_offsets_and_hides_the_clock(browser, real_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((real_site / MODULE / "session-plan.html").as_uri())
    assert visible(page, "[data-session-clock]") == 0
    assert page.locator('[data-clock="building-trust"]').nth(1).inner_text() == "0:10"
    context.close()


def agenda_totals(page) -> dict[str, str]:
    names = ("training", "breaks", "day", "end")
    return {name: page.locator(f'[data-agenda-total="{name}"]').inner_text() for name in names}


def duration(minutes: int, language: str = "en") -> str:
    """What the agenda should show, from the catalog's plural forms as Babel picks them."""
    catalog: Catalog = load_catalog(ROOT / "translations", language)
    hours = catalog.plural("count.hours", minutes // 60)
    rest = catalog.plural("count.minutes", minutes % 60)
    if minutes < 60:
        return rest
    return hours if minutes % 60 == 0 else fill(catalog["trainer.duration"], hours=hours, minutes=rest)


def clock(minutes: int) -> str:
    # A whole course runs past midnight when taught in one go: the agenda shows the clock time.
    return f"{minutes // 60 % 24}:{minutes % 60:02d}"


def test_the_agenda_builder_adds_up_the_chosen_modules_and_breaks(real_site, page) -> None:
    modules = load_course(ROOT / "curriculum").modules
    minutes = [module.duration for module in modules]
    open_page(page, real_site, "trainers/agenda.html")
    page.locator("#agenda-start").fill("09:00")
    breaks = 15 * (len(modules) - 1)
    day = sum(minutes) + breaks
    assert agenda_totals(page) == {"training": duration(sum(minutes)), "breaks": duration(breaks),
                                   "day": duration(day), "end": clock(9 * 60 + day)}
    # Without the first module, and a 30-minute break after the second one.
    page.locator(f"#agenda-use-{modules[0].id}").uncheck()
    page.locator(f"#agenda-break-{modules[2].id}").fill("30")
    training = sum(minutes[1:])
    breaks = 30 + 15 * (len(modules) - 3)
    assert agenda_totals(page) == {"training": duration(training), "breaks": duration(breaks),
                                   "day": duration(training + breaks),
                                   "end": clock(9 * 60 + training + breaks)}
    rows = page.locator("[data-agenda-rows] tr")
    assert rows.count() == 2 * (len(modules) - 1) - 1
    first = f"{modules[1].number}. {modules[1].title}"
    assert rows.first.inner_text().split("\t")[:2] == [f"9:00–{clock(9 * 60 + minutes[1])}", first]
    assert page.watch.outside == [] and page.watch.errors == []


def test_the_agenda_says_durations_in_each_plural_form_of_arabic(real_site, page) -> None:
    modules = load_course(ROOT / "curriculum").modules
    open_page(page, real_site, "ar/trainers/agenda.html")
    for module in modules[2:]:
        page.locator(f"#agenda-use-{module.id}").uncheck()
    shown = {}
    # zero, one, two, few (3-10), many (11-99) minutes; one and two hours; an hour and a minute.
    for minutes in (0, 1, 2, 5, 15, 60, 120, 61, 135):
        page.locator(f"#agenda-break-{modules[0].id}").fill(str(minutes))
        shown[minutes] = page.locator('[data-agenda-total="breaks"]').inner_text()
    assert shown == {minutes: duration(minutes, "ar") for minutes in shown}
    assert shown[2] == "دقيقتان" and shown[5] == "5 دقائق" and shown[61] == "ساعة واحدة ودقيقة واحدة"
    assert page.watch.errors == []


def test_the_agenda_prints_without_its_form(real_site, page) -> None:
    open_page(page, real_site, "ar/trainers/agenda.html", media="print")
    assert visible(page, "[data-agenda]") == 0 and visible(page, "[data-agenda-result] tbody tr") > 0
    assert page.locator("body").get_attribute("dir") == "rtl"


def test_make_pdf_prints_the_guide_and_every_handout_of_every_language(real_site, tmp_path) -> None:
    jobs = pdf_jobs(real_site, tmp_path)
    modules = load_course(ROOT / "curriculum").modules
    assert len(jobs) == len(LANGUAGES) * (1 + len(modules))
    assert tmp_path / "ar" / "facilitator-guide.pdf" in [job.pdf for job in jobs]


@pytest.mark.parametrize("language", ["", "ar/", "zh/"])
def test_session_plan_and_handout_print_to_pdf_for_a_person_to_look_at(
    real_site, page, language
) -> None:
    """Writes tests/artifacts/*.pdf (A4 session plan, US Letter handout) in English, Arabic and
    Chinese."""
    name = language.strip("/") or "en"
    for path, paper in (("session-plan.html", "A4"), ("handout.html", "Letter")):
        pdf = ARTIFACTS / f"{name}-{path.replace('.html', '')}-{paper}.pdf"
        print_pdf(page, real_site / language / MODULE / path, pdf, paper)
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    assert page.watch.outside == []
