"""Text from authors and translators can never run as script, navigate or embed (issue 13).

One fixture build carries every injection that text may hold — a translated lesson's title, a
description that breaks out of its attribute, a translated module title, a translated UI
string, a translated site name — and must show each as text on every page, learner and
trainer alike, in both languages. Content that would navigate or declare stops the build at
its file and line. The browser checks prove no dialog opens and nothing leaves the site.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from conftest import build_site, edit_config, fixture_project, plugin_options
from curriculum_site.safety import csp
from curriculum_site.safety.checks import page_problems
from curriculum_site.safety.htmlscan import parse

MODULE = "curriculum/modules/01-listening"
FRENCH_MODULE = f"translations/fr/{MODULE}"
TITLE = "<script>alert(1)</script>"
DESCRIPTION = '"><script>alert(2)</script><meta x="'
MODULE_TITLE = "Écouter `<script>alert(3)</script>`"
NAV_HOME = "<script>alert(4)</script>"
SITE_NAME = "<img src=x onerror=alert(5)>"
# Pages of both views in both languages: a lesson (learner) and a session plan (trainer).
VIEW_PAGES = ("modules/01-listening/lesson.html", "modules/01-listening/session-plan.html",
              "fr/modules/01-listening/lesson.html", "fr/modules/01-listening/session-plan.html")


def _front_matter(path: Path, *lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    head = text.split("---\n", 2)[1] if text.startswith("---\n") else ""
    path.write_text("---\n" + head + "".join(f"{line}\n" for line in lines) + "---\n" + body,
                    encoding="utf-8")


def _set_yaml(path: Path, key: str, value: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("injected") / "course")
    _front_matter(project / FRENCH_MODULE / "lesson.md", f"title: {yaml.safe_dump(TITLE).strip()}")
    _front_matter(project / MODULE / "lesson.md", f"description: '{DESCRIPTION}'")
    _set_yaml(project / FRENCH_MODULE / "module.yml", "title", MODULE_TITLE)
    _set_yaml(project / "translations/fr/ui.yml", "nav.home", NAV_HOME)
    edit_config(project, lambda config: plugin_options(config, "i18n")["languages"][1].update(
        site_name=SITE_NAME))
    return build_site(project, project / "site")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_shows_the_injected_text_and_holds_no_inline_script(injected_site: Path) -> None:
    pages = _pages(injected_site)
    assert len(pages) > 10 and injected_site / "404.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        elements = parse(html).elements()
        assert csp.inline_scripts(elements) == [], page
        assert csp.script_in_attributes(elements) == [], page
        assert "alert(" not in "".join(e.text for e in elements), page
        if page.name != "new-tab.html":
            assert page_problems(elements, page.name) == [], page
            assert csp.policy_element(elements).attrs["content"] == csp.policy(), page


def test_a_translated_title_shows_as_text_in_title_and_header(injected_site: Path) -> None:
    lesson = (injected_site / "fr/modules/01-listening/lesson.html").read_text(encoding="utf-8")
    shown = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<title>{shown} - " in lesson
    assert lesson.count(shown) == 2  # <title> and the header (the navigation says "Leçon")


def test_a_description_cannot_leave_its_attribute(injected_site: Path) -> None:
    lesson = (injected_site / "modules/01-listening/lesson.html").read_text(encoding="utf-8")
    metas = [e for e in parse(lesson).elements() if e.tag == "meta"]
    description = [e for e in metas if e.attrs.get("name") == "description"]
    assert [e.attrs["content"] for e in description] == [DESCRIPTION]
    assert [e for e in metas if "x" in e.attrs] == []


@pytest.mark.parametrize("page", VIEW_PAGES)
def test_a_translated_module_title_and_ui_string_show_as_text_in_every_view(
        injected_site: Path, page: str) -> None:
    html = (injected_site / page).read_text(encoding="utf-8")
    if page.startswith("fr/"):
        assert "Écouter `&lt;script&gt;alert(3)&lt;/script&gt;`" in html  # the navigation
        assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html  # nav.home, translated
        assert "&lt;img src=x onerror=alert(5)&gt;" in html  # the French site name
    assert "<script>alert" not in html and "<img src=x" not in html


def test_the_error_page_is_in_the_default_language_with_relative_paths(injected_site: Path) -> None:
    html = (injected_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    links = [value for e in parse(html).elements()
             for name, value in e.attrs.items() if name in ("href", "src")]
    assert links and not [url for url in links if url.startswith("/")], links
    assert '"./assets/stylesheets/' in html


def _failed_build(project: Path, caplog: pytest.LogCaptureFixture) -> str:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, project / "site")
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


@pytest.mark.parametrize(("lesson", "addition", "said"), [
    (MODULE, '\n<![CDATA[ x > <script src="file:///tmp/evil.js"></script> ]]>\n',
     "a <script> element in the content"),
    (FRENCH_MODULE, '\n<meta http-equiv="refresh" content="3;url=https://example.org/">\n',
     '<meta http-equiv="refresh"> in fr/modules/01-listening/lesson.html would change how the page'),
    (MODULE, '\n<p><![CDATA[ x ]]></p>\n', "is a markup declaration"),
    (MODULE, '\n<base href="https://example.org/">\n', "would change where every link"),
    (MODULE, '\n<object data="movie.swf"></object>\n', "would embed"),
    (MODULE, '\n<form action="https://example.org/c"><input name="q"></form>\n', "would send"),
])
def test_content_that_runs_navigates_embeds_or_declares_stops_the_build_at_its_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, lesson: str, addition: str,
        said: str) -> None:
    project = fixture_project(tmp_path / "course")
    path = project / lesson / "lesson.md"
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")
    log = _failed_build(project, caplog)
    assert f"Error reading {lesson}/lesson.md:{lines + 2}: " in log and said in log, log


def test_a_comment_in_a_lesson_is_not_published(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "course")
    path = project / MODULE / "lesson.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n<!-- draft: the answer is B -->\n",
                    encoding="utf-8")
    site = build_site(project, project / "site")
    assert "the answer is B" not in (site / "modules/01-listening/lesson.html").read_text(encoding="utf-8")


def test_a_front_matter_title_that_is_not_text_is_reported_against_the_page(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = fixture_project(tmp_path / "course")
    _front_matter(project / FRENCH_MODULE / "lesson.md", "title: [Écouter, agir]")
    log = _failed_build(project, caplog)
    assert f"Error reading {FRENCH_MODULE}/lesson.md:3: the front matter 'title' must be text" in log


# In Chromium over file://: a page that opened a dialog or asked for anything outside the site
# would show it here, on every page of the injected build.
@pytest.mark.browser
def test_no_dialog_opens_and_nothing_leaves_the_site_on_any_injected_page(injected_site: Path, page) -> None:  # noqa: ANN001
    for html in _pages(injected_site):
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
    assert page.watch.dialogs == []
    assert page.watch.outside == []
    assert page.watch.errors == []
