"""Fixture-site builds with the plugin: views per page, site-wide checks, assets, progress index."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import fixture_project

from .exercise_samples import CHOICE, REFLECTION, SCALES

SITE_ID = "fixture-course"
PAGES = {
    "modules/trust/lesson.md": "# Building trust\n\n" + CHOICE + "\n" + REFLECTION + "\n" + SCALES,
    "modules/trust/answers.md": "---\nexercise_view: trainer\n---\n\n# Answer key\n\n" + CHOICE,
    "progress.md": "# My progress\n\n/// progress\n///\n",
}


def make_project(root: Path, pages: dict[str, str]) -> Path:
    """The fixture course (whose lessons hold no exercise) with these pages in its docs/."""
    project = fixture_project(root / "project")
    for name, text in pages.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "curriculum/exercises" not in text:
        text = text.replace("  - curriculum/course\n", "  - curriculum/course\n  - curriculum/exercises\n")
        config.write_text(text, encoding="utf-8")
    return project


def run_build(root: Path, config=None):  # noqa: ANN001
    config = config or load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    build(config)
    return config


def test_site_gets_views_shared_assets_and_a_progress_index(tmp_path: Path) -> None:
    root = make_project(tmp_path, PAGES)
    run_build(root)
    site = root / "site"
    lesson = (site / "modules/trust/lesson.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="../../assets/curriculum/exercises.js" defer></script>', lesson)
    # The plural forms script first, since exercises.js and the theme's scripts use it.
    scripts = re.findall(r'<script src="../../(assets/curriculum/[\w.-]+)" defer></script>', lesson)
    assert scripts[0] == "assets/curriculum/plural.js" and "assets/curriculum/exercises.js" in scripts
    assert "curriculumPlural" in (site / "assets/curriculum/plural.js").read_text(encoding="utf-8")
    assert 'href="../../assets/curriculum/exercises.css"' in lesson
    assert (site / "assets/curriculum/exercises.js").stat().st_size > 1000
    assert "cx-remember" in lesson and "Ask what stops services" not in lesson
    answers = (site / "modules/trust/answers.html").read_text(encoding="utf-8")
    assert "Ask what stops services" in answers and "<input" not in answers.split('class="cx ')[1]
    progress = (site / "progress.html").read_text(encoding="utf-8")
    index = json.loads(re.search(r'class="cx-index">(.*?)</script>', progress).group(1))  # type: ignore[union-attr]
    assert [entry["url"] for entry in index] == ["modules/trust/lesson.html"]
    assert index[0]["title"] == "Building trust"
    assert [e["id"] for e in index[0]["exercises"]] == [
        "trust-building-listening",
        "trust-building-reflect",
        "trust-building-confidence-before",
        "trust-building-confidence-after",
    ]
    assert f'"site": "{SITE_ID}"' in progress


def test_rebuilding_on_the_same_config_adds_nothing_twice(tmp_path: Path) -> None:
    # mkdocs-static-i18n runs build() again per language on the same plugin and config.
    root = make_project(tmp_path, PAGES)
    config = run_build(root)
    run_build(root, config)
    scripts = [str(s) for s in config.extra_javascript]
    assert scripts.count("assets/curriculum/exercises.js") == 1
    assert scripts.count("assets/curriculum/plural.js") == 1
    assert config.extra_css.count("assets/curriculum/exercises.css") == 1
    assert sum(type(e).__name__ == "ExercisesExtension" for e in config.markdown_extensions) == 1


def _failed_build(root: Path, caplog: pytest.LogCaptureFixture) -> str:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        run_build(root)
    return "\n".join(record.getMessage() for record in caplog.records)


def test_same_id_on_two_learner_pages_names_both_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pages = {"a.md": "# A\n\n" + REFLECTION, "b.md": "# B\n\nText.\n\n" + REFLECTION}
    log = _failed_build(make_project(tmp_path, pages), caplog)
    assert re.search(
        r"docs/[ab]\.md:5: the exercise id 'trust-building-reflect' is already used at docs/[ab]\.md:3", log
    )


def test_unknown_block_type_stops_the_build_with_a_suggestion(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pages = {"index.md": "# A\n\nIntro.\n\n/// choise | mod-typo\nquestion: Q\n///\n"}
    log = _failed_build(make_project(tmp_path, pages), caplog)
    assert "docs/index.md:5: '/// choise | mod-typo' is not a known block type" in log
    assert "Did you mean '/// choice'?" in log


def test_unknown_view_in_front_matter_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pages = {"index.md": "---\nexercise_view: teacher\n---\n\n# A\n\n" + REFLECTION}
    log = _failed_build(make_project(tmp_path, pages), caplog)
    assert "'exercise_view: teacher' is not a view" in log


def test_links_to_an_exercise_find_its_anchor_and_a_missing_anchor_fails(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The exercise's ids are in HTML the block renders, not in Markdown's tree: MkDocs must know
    # them all the same, or every link to an exercise is reported as broken.
    guide = "# Guide\n\n[The first question](modules/trust/lesson.md#cx-trust-building-listening)\n"
    pages = {**PAGES, "guide.md": guide}
    with caplog.at_level(logging.INFO):
        run_build(make_project(tmp_path / "good", pages))
    assert not [r.getMessage() for r in caplog.records if "anchor" in r.getMessage()]
    caplog.clear()
    broken = {**PAGES, "guide.md": guide.replace("listening", "listening-typo")}
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):  # a warning fails it
        run_build(make_project(tmp_path / "broken", broken))
    assert "does not contain an anchor '#cx-trust-building-listening-typo'" in caplog.text
