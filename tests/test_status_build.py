"""The build reports stale translations to readers and contributors, and stops on bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, edit_config, fixture_project, plugin_options
from curriculum_site.status import source_version

FRENCH_LESSON = "translations/fr/curriculum/modules/01-listening/lesson.md"
STALE_NOTICE = "La version anglaise de cette page a changé"


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_editing_an_english_file_marks_its_translation_stale(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "course")
    site = build_site(project, tmp_path / "before")
    assert STALE_NOTICE not in read(site, "fr/modules/01-listening/lesson.html")
    assert "<td>stale</td>" not in read(site, "authoring/translation-status.html")

    lesson = project / "curriculum/modules/01-listening/lesson.md"
    lesson.write_text(lesson.read_text() + "\nA new paragraph.\n")
    site = build_site(project, tmp_path / "after")
    assert STALE_NOTICE in read(site, "fr/modules/01-listening/lesson.html")
    assert STALE_NOTICE not in read(site, "fr/modules/01-listening/index.html")  # module.yml unchanged
    status = read(site, "authoring/translation-status.html")
    assert "<code>curriculum/modules/01-listening/lesson.md</code></td>\n<td>stale</td>" in status


def test_a_translation_without_a_version_fails_a_strict_build(tmp_path: Path, caplog) -> None:
    project = fixture_project(tmp_path / "course")
    lesson = project / FRENCH_LESSON
    lesson.write_text(lesson.read_text().replace('translation_of: "', 'translation_of: "zz'))
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("lesson.md:2: 'translation_of: zz" in w and "is not a version" in w for w in warnings)


def errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]


def test_a_translation_of_a_page_that_does_not_exist_stops_the_build(tmp_path: Path, caplog) -> None:
    project = fixture_project(tmp_path / "course")
    orphan = project / "translations/fr/docs/no-such-page.md"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("# Perdu\n")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    assert "no-such-page.md: there is no English file docs/no-such-page.md" in errors(caplog)[0]


CHOICE = """
/// choice | listening-check
mode: single
question: What shows listening?
options:
  - text: Acting on it.
    correct: {first}
    feedback: Yes.
  - text: Thanking them.
    correct: {second}
    feedback: Not yet.
///
"""


def test_a_translated_exercise_must_keep_the_correct_answers(tmp_path: Path, caplog) -> None:
    project = fixture_project(tmp_path / "course")
    english = project / "curriculum/modules/01-listening/lesson.md"
    english.write_text(english.read_text() + CHOICE.format(first="true", second="false"))
    french = project / FRENCH_LESSON
    french.write_text(french.read_text() + CHOICE.format(first="false", second="true"))
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    message = errors(caplog)[0]
    assert "fr/curriculum/modules/01-listening/lesson.md:8: exercise 'listening-check' differs" in message
    assert "differs from curriculum/modules/01-listening/lesson.md:5: correct options" in message


def _french_session_plan(project: Path, version: str) -> None:
    """A French session plan of the fixture module written when it had one 30-minute step."""
    english = (project / "curriculum/modules/01-listening/session.yml").read_text(encoding="utf-8")
    head, rest = english.split("steps:")
    plan = head + (
        "steps:\n  - title: Discussion\n    minutes: 30\n    kind: discussion\n"
        "    instructions: Demandez ce que veut dire écouter.\n") + rest[rest.index("safety_notes:"):]
    (project / "translations/fr/curriculum/modules/01-listening/session.yml").write_text(
        f'translation_of: "{version}"\n' + plan, encoding="utf-8")


def test_a_stale_session_plan_may_lag_behind_a_changed_english_plan(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "course")
    _french_session_plan(project, "000000000000")
    site = build_site(project, tmp_path / "site")
    page = read(site, "fr/modules/01-listening/session-plan.html")
    assert STALE_NOTICE in page and "Demandez ce que veut dire écouter." in page


def test_a_session_plan_that_claims_to_be_current_must_keep_the_english_steps(
        tmp_path: Path, caplog) -> None:
    project = fixture_project(tmp_path / "course")
    english = project / "curriculum/modules/01-listening/session.yml"
    _french_session_plan(project, source_version(english))
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    assert "01-listening/session.yml: the steps or their minutes differ" in errors(caplog)[0]


def test_translations_mirror_the_course_folder_whatever_it_is_called(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "course")
    (project / "curriculum").rename(project / "course")
    (project / "translations/fr/curriculum").rename(project / "translations/fr/course")
    edit_config(project, lambda config: (
        plugin_options(config, "curriculum/course").update(curriculum_dir="course"),
        plugin_options(config, "curriculum/lint").update(
            source_fingerprint="course/source-fingerprint.json")))
    site = build_site(project, tmp_path / "site")
    assert "Écouter, c’est agir" in read(site, "fr/modules/01-listening/lesson.html")
    status = read(site, "authoring/translation-status.html")
    assert "<td><code>fr</code></td>\n<td>2</td>" in status  # up to date: the lesson and module.yml
    assert "<code>course/modules/01-listening/handout.md</code></td>\n<td>missing</td>" in status
