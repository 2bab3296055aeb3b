"""Fixture-site builds with the plugin: views per page, site-wide checks, assets, progress index."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from curriculum_site.exercises.plugin import ExercisesPlugin

from .conftest import TRANSLATIONS
from .exercise_samples import CHOICE, REFLECTION, SCALES

PAGES = {
    "modules/trust/lesson.md": "# Building trust\n\n" + CHOICE + "\n" + REFLECTION + "\n" + SCALES,
    "modules/trust/answers.md": "---\nexercise_view: trainer\n---\n\n# Answer key\n\n" + CHOICE,
    "progress.md": "# My progress\n\n/// progress\n///\n",
}


def make_project(root: Path, pages: dict[str, str]) -> Path:
    (root / "translations" / "en").mkdir(parents=True)
    shutil.copy(TRANSLATIONS / "en" / "ui.yml", root / "translations" / "en" / "ui.yml")
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nuse_directory_urls: false\ntheme:\n  name: material\n  font: false\n"
        "extra:\n  site_id: swit-test\nmarkdown_extensions:\n  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    return root


def run_build(root: Path, config=None, plugin: ExercisesPlugin | None = None):  # noqa: ANN001
    config = config or load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    if plugin is None:
        plugin = ExercisesPlugin()
        plugin.load_config({}, str(root / "mkdocs.yml"))
        config.plugins["curriculum/exercises"] = plugin
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
    assert '"site": "swit-test"' in progress


def test_rebuilding_on_the_same_config_adds_nothing_twice(tmp_path: Path) -> None:
    # mkdocs-static-i18n runs build() again per language on the same plugin and config.
    root = make_project(tmp_path, PAGES)
    config = run_build(root)
    run_build(root, config, plugin=config.plugins["curriculum/exercises"])
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
