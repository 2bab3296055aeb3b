"""Site builds with curriculum/safety: the policy on every page, neutral pages, and the gates."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from conftest import PREFIXES, ROOT, build_site, fixture_project
from curriculum_site.safety import csp
from curriculum_site.safety.checks import NAVIGATION, checked_elements
from curriculum_site.safety.external import external_assets
from curriculum_site.safety.htmlscan import Element, may_hold_script_attribute, parse

NEUTRAL = "new-tab.html"


def _pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != NEUTRAL]


def test_every_page_starts_with_the_fixed_policy_and_holds_no_inline_script(real_site: Path) -> None:
    pages = _pages(real_site)
    assert len(pages) > 40 and real_site / "404.html" in pages
    for page in pages:
        elements = parse(page.read_text(encoding="utf-8")).elements()
        meta = csp.policy_element(elements)
        assert meta is not None, page
        assert meta.attrs["content"] == csp.policy(), page
        assert csp.inline_scripts(elements) == [], page
        assert external_assets(elements) == [], page


CHECKED_TAGS = {"head", "body", "script", "style", "meta", "form", "base", "object", "embed", "template",
                "link", "img", "iframe", "source", "audio", "video", "track"}


def test_the_build_reads_every_element_a_check_needs_on_every_page(real_site: Path) -> None:
    fallback = []
    for page in _pages(real_site):
        html = page.read_text(encoding="utf-8")
        every = parse(html).elements()
        assert csp.script_in_attributes(every) == [], page
        read = parse(html, inert_from=NAVIGATION)
        outside = read.elements()
        # The navigation (and the table of contents beside it) is left out whole: what keeps the
        # check's cost per page from growing with the course. Only the storage frame has none.
        assert "md-nav__item" not in read.text, page
        assert (NAVIGATION in html) == (page.name != "storage.html"), page
        # Nothing a check reads was in what was left out.
        assert _read_by_checks(every) == _read_by_checks(outside), page
        if may_hold_script_attribute(read.text):
            fallback.append(page)
            assert checked_elements(html) == outside, page
            continue
        assert checked_elements(html) == _read_by_checks(outside), page
    # Reading only those elements is what keeps the check's cost per page low: a page falls back
    # to reading every element only when an attribute value starts with "j" (a heading's id in
    # French, say).
    assert len(fallback) <= len(_pages(real_site)) // 20, fallback


def _read_by_checks(elements: list[Element]) -> list[Element]:
    """By tag, by style attribute, and the first element of <head> (where the policy goes)."""
    return [e for i, e in enumerate(elements)
            if e.tag in CHECKED_TAGS or "style" in e.attrs or (i and elements[i - 1].tag == "head")]


def test_materials_storage_helpers_are_a_file_that_can_neither_read_nor_write(real_site: Path) -> None:
    html = (real_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/curriculum/theme-storage.js"></script>' in html
    helpers = (real_site / "assets/curriculum/theme-storage.js").read_text(encoding="utf-8")
    assert "var __md_get = () => null;" in helpers and "var __md_set = () => {};" in helpers
    assert "localStorage" not in html.split("</head>")[0] and "Storage" not in helpers


def test_each_language_has_a_neutral_page_that_names_nothing(fixture_site: Path) -> None:
    titles = {"": "New tab", "fr/": "Nouvel onglet"}
    for folder, title in titles.items():
        page = (fixture_site / folder / NEUTRAL).read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in page
        assert "<script" not in page and "Fixture course" not in page
        assert csp.policy_element(parse(page).elements()).attrs["content"] == "default-src 'none'"


def test_the_exit_control_leads_to_the_neutral_page_of_the_pages_language(fixture_site: Path) -> None:
    english = (fixture_site / "modules/01-listening/lesson.html").read_text(encoding="utf-8")
    french = (fixture_site / "fr/modules/01-listening/lesson.html").read_text(encoding="utf-8")
    assert '<a href="../../new-tab.html" class="cq-exit"' in english
    assert ">Exit this page</a>" in english
    assert '<a href="../../new-tab.html" class="cq-exit"' in french  # fr/new-tab.html
    assert ">Quitter cette page</a>" in french


def _failed_build(project: Path, caplog: pytest.LogCaptureFixture) -> str:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, project / "site")
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_external_image_in_a_page_fails_the_build_naming_the_file(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = fixture_project(tmp_path / "course")
    _append(project / "docs/index.md", "\n![Logo](https://cdn.example.org/logo.png)\n")
    log = _failed_build(project, caplog)
    assert "Error reading docs/index.md:5: <img> in index.html would load " \
           "'https://cdn.example.org/logo.png' from outside the site" in log


def test_raw_script_in_a_lesson_fails_the_build_naming_the_file(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = fixture_project(tmp_path / "course")
    _append(project / "curriculum/modules/01-listening/lesson.md", "\n<script>alert(1)</script>\n")
    log = _failed_build(project, caplog)
    assert "Error reading curriculum/modules/01-listening/lesson.md:5: a <script> element" in log


@pytest.mark.parametrize(("addition", "reported"), [
    ('<script src="https://cdn.example.org/analytics.js"></script>', "would load"),
    ('<img src="https://tracker.example/p.gif" alt="">', "would load"),
    ('<button onclick="history.back()">Back</button>', "is script the Content-Security-Policy blocks"),
    ('<script>history.back()</script>', "allows no script written into a page"),
])
def test_a_theme_override_adding_a_third_party_or_inline_script_fails_naming_it(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, addition: str, reported: str) -> None:
    project = fixture_project(tmp_path / "course")
    _append(project / "overrides/partials/quick-exit.html", f"\n{addition}\n")
    log = _failed_build(project, caplog)
    assert "Error reading overrides/partials/quick-exit.html:9:" in log and reported in log


def test_a_theme_setting_that_loads_web_fonts_fails_naming_mkdocs_yml(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = fixture_project(tmp_path / "course")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", ""),
                      encoding="utf-8")
    log = _failed_build(project, caplog)
    assert "Error reading mkdocs.yml: <link> in" in log and "fonts.g" in log


def test_a_page_without_the_policy_first_in_head_fails_the_build(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = fixture_project(tmp_path / "course")
    main = project / "overrides/main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace('{% include "partials/content-security-policy.html" %}', ""),
                    encoding="utf-8")
    log = _failed_build(project, caplog)
    assert "does not start <head> with the Content-Security-Policy" in log


def test_the_privacy_page_names_exactly_the_one_key_the_site_may_store(real_site: Path) -> None:
    site_id = yaml.safe_load((ROOT / "curriculum/curriculum.yml").read_text(encoding="utf-8"))["site_id"]
    # The site's one store of remembered answers is the only script that writes storage.
    script = (real_site / "assets/curriculum/storage.js").read_text(encoding="utf-8")
    assert '"curriculum:" + site + ":progress"' in script
    for language in PREFIXES:
        page = (real_site / language / "privacy.html").read_text(encoding="utf-8")
        assert f"<code>curriculum:{site_id}:progress</code>" in page, language


def test_content_notes_render_as_titled_boxes_before_their_passage(real_site: Path) -> None:
    for language, title in (("", "Content note"), ("fr/", "Avertissement sur le contenu")):
        page = (real_site / language / "modules/04-do-no-harm/lesson.html").read_text(encoding="utf-8")
        assert f'<div class="admonition warning">\n<p class="admonition-title">{title}</p>' in page
