"""Author mistakes in curriculum.yml, module.yml and session.yml: one clear error each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import FIXTURES, fixture_project
from curriculum_site.build.access import project_curriculum
from curriculum_site.course import load_course
from curriculum_site.errors import AuthorError
from curriculum_site.status import recorded_version


@pytest.fixture
def curriculum(tmp_path: Path) -> Path:
    target = tmp_path / "curriculum"
    shutil.copytree(FIXTURES / "course" / "curriculum", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def error_of(curriculum: Path) -> AuthorError:
    with pytest.raises(AuthorError) as caught:
        load_course(curriculum)
    return caught.value


def test_the_fixture_loads_with_its_module_in_order(curriculum: Path) -> None:
    course = load_course(curriculum)
    assert course.site_id == "fixture-course"
    assert [m.id for m in course.modules] == ["listening"]
    assert [s.minutes for s in course.modules[0].session.steps] == [10, 20]


def test_missing_curriculum_yml_names_the_file(curriculum: Path) -> None:
    (curriculum / "curriculum.yml").unlink()
    error = error_of(curriculum)
    assert error.path.endswith("curriculum.yml")
    assert "missing" in str(error)


def test_malformed_yaml_names_the_line(curriculum: Path) -> None:
    edit(curriculum / "curriculum.yml", "version: 0.0.1", "version: [0.0.1")
    error = error_of(curriculum)
    assert error.line == 4
    assert "not valid YAML" in str(error)


def test_unknown_module_in_the_order(curriculum: Path) -> None:
    edit(curriculum / "curriculum.yml", "  - 01-listening", "  - 01-listening\n  - 02-missing")
    error = error_of(curriculum)
    assert error.line == 10 and "02-missing" in str(error) and "no folder" in str(error)


def test_folder_not_in_the_order(curriculum: Path) -> None:
    shutil.copytree(curriculum / "modules" / "01-listening", curriculum / "modules" / "02-extra")
    error = error_of(curriculum)
    assert "02-extra" in error.path and "not listed" in str(error)


def test_module_listed_twice(curriculum: Path) -> None:
    edit(curriculum / "curriculum.yml", "  - 01-listening", "  - 01-listening\n  - 01-listening")
    error = error_of(curriculum)
    assert error.line == 10 and "twice" in str(error)


def test_duplicate_module_id(curriculum: Path) -> None:
    shutil.copytree(curriculum / "modules" / "01-listening", curriculum / "modules" / "02-listening")
    edit(curriculum / "curriculum.yml", "  - 01-listening", "  - 01-listening\n  - 02-listening")
    error = error_of(curriculum)
    assert "02-listening" in error.path and "also used" in str(error)


def test_missing_required_metadata(curriculum: Path) -> None:
    edit(curriculum / "modules/01-listening/module.yml", "summary: Why listening must lead to action.\n", "")
    error = error_of(curriculum)
    assert error.path.endswith("module.yml") and "no 'summary'" in str(error)


def test_unknown_key_names_its_line(curriculum: Path) -> None:
    edit(curriculum / "modules/01-listening/module.yml", "duration: 30", "duration: 30\nlenght: 3")
    error = error_of(curriculum)
    assert error.line == 5 and "'lenght'" in str(error)


def test_unknown_source_reference(curriculum: Path) -> None:
    edit(curriculum / "modules/01-listening/module.yml", 'sources: ["1.2.1"]', 'sources: ["9.9"]')
    error = error_of(curriculum)
    assert error.line == 8 and "'9.9'" in str(error) and "1.2.1" in error.fix


def test_id_must_match_folder(curriculum: Path) -> None:
    edit(curriculum / "modules/01-listening/module.yml", "id: listening", "id: hearing")
    error = error_of(curriculum)
    assert error.line == 1 and "does not match" in str(error)


def test_session_minutes_must_add_up(curriculum: Path) -> None:
    edit(curriculum / "modules/01-listening/session.yml", "minutes: 20", "minutes: 25")
    error = error_of(curriculum)
    assert error.path.endswith("session.yml") and "35 minutes" in str(error) and error.line == 5


def test_step_without_minutes_names_the_step(curriculum: Path) -> None:
    edit(curriculum / "modules/01-listening/session.yml", "    minutes: 10\n", "")
    error = error_of(curriculum)
    assert error.path.endswith("session.yml") and "no 'minutes'" in str(error) and error.line == 6


def test_session_total_must_match_module_duration(curriculum: Path) -> None:
    edit(curriculum / "modules/01-listening/module.yml", "duration: 30", "duration: 45")
    error = error_of(curriculum)
    assert "45" in str(error) and error.path.endswith("session.yml")


def test_missing_lesson_page(curriculum: Path) -> None:
    (curriculum / "modules/01-listening/lesson.md").unlink()
    error = error_of(curriculum)
    assert error.path.endswith("lesson.md") and "missing" in str(error)


def test_a_key_written_twice_is_an_error_at_its_second_line(curriculum: Path) -> None:
    module = curriculum / "modules/01-listening/module.yml"
    edit(module, "summary: Why", "title: Listening again\nsummary: Why")
    error = error_of(curriculum)
    assert error.path.endswith("module.yml") and error.line == 3
    assert "the key 'title' is written twice (first at line 2)" in str(error)
    assert "Fix: keep one of them" in str(error)


def test_runaway_nesting_is_an_error_not_a_recursion_error(curriculum: Path) -> None:
    module = curriculum / "modules/01-listening/module.yml"
    edit(module, "key_points: [Act on what you hear.]",
         "key_points:\n  - " + "[" * 5000 + "]" * 5000)
    error = error_of(curriculum)
    assert error.path.endswith("module.yml") and error.line == 7
    assert "nested more than 50 deep" in str(error) and "Fix:" in str(error)



def test_a_control_character_is_an_error_at_its_line(curriculum: Path) -> None:
    module = curriculum / "modules/01-listening/module.yml"
    edit(module, "summary: Why", "summary: \x07Why")
    error = error_of(curriculum)
    assert error.path.endswith("module.yml") and error.line == 3
    assert "character YAML does not allow (U+0007" in str(error) and "Fix: delete it" in str(error)


def test_a_number_where_text_belongs_is_an_error_not_silently_rewritten(curriculum: Path) -> None:
    # YAML reads 1.10 as the number 1.1: the version an author wrote would be lost.
    edit(curriculum / "curriculum.yml", "version: 0.0.1", "version: 1.10")
    error = error_of(curriculum)
    assert error.line == 3 and "'version' must be text, not a number (1.1)" in str(error)
    assert "put the text in quotes" in error.fix
    step = curriculum / "modules/01-listening/session.yml"
    edit(step, "  - title: Discussion", "  - title: Discussion\n    colour: red")
    edit(curriculum / "curriculum.yml", "version: 1.10", "version: 0.0.1")
    error = error_of(curriculum)
    assert error.line == 11 and "'steps[2].colour' is not a known key in steps[2]" in str(error)


@pytest.mark.parametrize(("file", "old", "new", "line", "said"), [
    ("session.yml", "    minutes: 20", "    minutes: 481", 11,
     "'steps[2].minutes' is 481 minutes, more than the 480"),
    ("session.yml", "    minutes: 20", "    minutes: 1000000000000", 11, "more than the 480 (8 hours)"),
    ("module.yml", "duration: 30", "duration: 961", 4, "'duration' is 961 minutes, more than the 960"),
    ("session.yml", "total_minutes: 30", "total_minutes: 99999", 1, "more than the 960 (16 hours)"),
])
def test_minutes_have_sane_bounds(curriculum: Path, file: str, old: str, new: str, line: int,
                                  said: str) -> None:
    edit(curriculum / "modules/01-listening" / file, old, new)
    error = error_of(curriculum)
    assert error.path.endswith(file) and error.line == line
    assert said in str(error) and "Fix:" in str(error)


def test_a_lesson_saved_as_latin_1_names_the_file_and_line(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "course")
    lesson = project / "curriculum/modules/01-listening/lesson.md"
    lesson.write_bytes("# Listening\n\nÉcouter, c'est agir.\n".encode("latin-1"))
    with pytest.raises(AuthorError) as caught:
        project_curriculum(load_config(str(project / "mkdocs.yml")))
    assert caught.value.path.endswith("lesson.md") and caught.value.line == 3
    assert "not UTF-8 text (byte 0xc9" in str(caught.value) and "Fix: save it as UTF-8" in str(caught.value)


def test_a_byte_order_mark_before_front_matter_is_named_as_such(tmp_path: Path) -> None:
    lesson = tmp_path / "lesson.md"
    lesson.write_text('\ufeff---\ntranslation_of: "39705a179e70"\n---\n# Écouter\n', encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        recorded_version(lesson)
    assert caught.value.line == 1 and "byte-order mark" in str(caught.value)
    assert "Fix: save it as 'UTF-8' without BOM" in str(caught.value)
    lesson.write_text('\ufeff# No front matter\n', encoding="utf-8")
    assert recorded_version(lesson) == (None, None)
