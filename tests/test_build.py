"""The fixture course builds strictly in two languages through the staged docs tree."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from conftest import FIXTURES, ROOT, ConfigLoader, build_site, fixture_project, plugin_options, read
from curriculum_site.build.plugin import with_notice


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


def test_the_fixture_runs_the_sites_plugins_and_extensions_in_their_order() -> None:
    site, fixture = (yaml.load((folder / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
                     for folder in (ROOT, FIXTURES / "course"))
    assert _names(fixture["plugins"]) == _names(site["plugins"])
    assert plugin_options(fixture, "search") == plugin_options(site, "search")
    assert fixture["markdown_extensions"] == site["markdown_extensions"]


def _names(entries: list) -> list[str]:
    return [entry if isinstance(entry, str) else next(iter(entry)) for entry in entries]


def test_every_language_gets_every_module_page(site: Path) -> None:
    for prefix in ("", "fr/"):
        for page in ("index", "lesson", "session-plan", "handout"):
            assert (site / f"{prefix}modules/01-listening/{page}.html").is_file()
        assert (site / f"{prefix}modules/index.html").is_file()


def test_pages_declare_their_language(site: Path) -> None:
    assert '<html lang="en"' in read(site, "modules/01-listening/lesson.html")
    assert '<html lang="fr"' in read(site, "fr/modules/01-listening/lesson.html")


def test_translated_lesson_is_used_and_english_one_is_not(site: Path) -> None:
    french = read(site, "fr/modules/01-listening/lesson.html")
    assert "girafemot" in french and "zebraword" not in french
    assert "zebraword" in read(site, "modules/01-listening/lesson.html")


def test_missing_translation_falls_back_to_english_with_a_notice(site: Path) -> None:
    handout = read(site, "fr/modules/01-listening/handout.html")
    assert "Listening handout" in handout
    assert "pas encore traduite" in handout
    assert "pas encore traduite" not in read(site, "fr/modules/01-listening/lesson.html")
    assert "not yet translated" not in read(site, "modules/01-listening/handout.html")


def test_the_notice_stands_under_the_pages_title_which_search_keeps_as_the_page_title(site: Path) -> None:
    handout = read(site, "fr/modules/01-listening/handout.html")
    article = re.search(r"<article\b[^>]*>(.*?)</article>", handout, re.S).group(1)
    assert article.index("Listening handout</h1>") < article.index("pas encore traduite")
    index = json.loads(read(site, "fr/search/search_index.json"))
    entry = next(doc for doc in index["docs"] if doc["location"] == "modules/01-listening/handout.html")
    assert entry["title"] == "Listening handout" and "pas encore traduite" in entry["text"]


def test_a_notice_is_shown_as_text_never_as_markup() -> None:
    assert with_notice("# Title\n\nBody.\n", "<b>Not</b> yet") == (
        '# Title\n\n!!! note ""\n    &lt;b&gt;Not&lt;/b&gt; yet\n\n\nBody.\n')
    assert with_notice("No title.\n", "Note").startswith('!!! note ""\n    Note\n\nNo title.')


def test_language_switcher_lands_on_the_same_page(site: Path) -> None:
    french = read(site, "fr/modules/01-listening/session-plan.html")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', french))
    assert links["../../../modules/01-listening/session-plan.html"] == "en"
    english = read(site, "modules/01-listening/session-plan.html")
    assert '<a href="../../fr/modules/01-listening/session-plan.html" hreflang="fr"' in english


def test_navigation_and_generated_pages_are_translated(site: Path) -> None:
    french = read(site, "fr/modules/01-listening/index.html")
    assert "Plan de séance" in french and "Écouter" in french
    plan = read(site, "fr/modules/01-listening/session-plan.html")
    assert "Durée totale" in plan and "0:10" in plan


def test_no_alternate_links_in_head_that_would_fetch_sitemaps_from_file(site: Path) -> None:
    assert 'rel="alternate"' not in read(site, "index.html")


def test_a_broken_module_stops_the_build_with_one_clear_line(tmp_path: Path, caplog) -> None:
    project = fixture_project(tmp_path / "course")
    session = project / "curriculum/modules/01-listening/session.yml"
    session.write_text(session.read_text().replace("minutes: 20", "minutes: 21"))
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "session.yml:5: the steps add up to 31 minutes" in errors[0]
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_curriculum_is_compiled_once_for_every_language(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # i18n runs the build again per language; the curriculum (course, catalogs, staged tree,
    # parsed exercises) is the same for all, so it is read once and shared by every plugin.
    from curriculum_site.build import plugin

    compiled = []
    original = plugin.build_curriculum

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        compiled.append(original(*args, **kwargs))
        return compiled[-1]

    monkeypatch.setattr(plugin, "build_curriculum", counting)
    site = build_site(fixture_project(tmp_path / "project"), tmp_path / "site")
    assert (site / "fr/modules/01-listening/lesson.html").is_file()
    assert len(compiled) == 1


def test_the_build_reports_nothing_an_author_could_not_act_on(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    # i18n's notices about the language switcher links it wrote itself, a skipped error page,
    # anchors reported missing: none of them is a problem an author has or can fix.
    import logging

    with caplog.at_level(logging.INFO):
        build_site(fixture_project(tmp_path / "project"), tmp_path / "site")
    said = [record.getMessage() for record in caplog.records]
    assert not [line for line in said if "'link' option" in line or "Template skipped" in line
                or "anchor" in line], said
