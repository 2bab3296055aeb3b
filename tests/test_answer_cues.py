"""The lint for exercises whose answer shows without understanding: length and place."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import edit_config, fixture_project, plugin_options, strict_build_warnings
from curriculum_site.exercises.order import display_order
from curriculum_site.exercises.parser import parse_markdown
from curriculum_site.lint.__main__ import main as lint_main
from curriculum_site.lint.answers import (
    CourseExercises,
    PlacedPoint,
    answer_cue_findings,
    length_findings,
    upper_tail,
)
from curriculum_site.lint.config import LintConfig

LESSON = Path("lesson.md")


def choice(exercise_id: str, texts: Sequence[str], keyed: Sequence[int], mode: str = "single") -> str:
    options = "".join(f"  - text: {text}\n    feedback: Why.\n"
                      + ("    correct: true\n" if i in keyed else "") for i, text in enumerate(texts))
    return f"/// choice | {exercise_id}\nmode: {mode}\nquestion: Which?\noptions:\n{options}///\n"


def points(markdown: str) -> list[PlacedPoint]:
    return CourseExercises().add(parse_markdown(markdown, str(LESSON)), LESSON)


def words(length: int) -> str:
    return ("x" * (length - 1)) + "."


def test_a_correct_option_twice_as_long_as_the_others_is_reported_at_its_block() -> None:
    markdown = "# Lesson\n\n" + choice("mod-long", [words(80), words(40), words(40)], keyed=[0])
    [finding] = length_findings(points(markdown), 1.5)
    assert (finding.path, finding.line) == (LESSON, 3)
    assert "in 'mod-long', the correct option is 2.0 times as long as the others" in finding.message
    assert "80 characters against 40" in finding.message and "Fix:" in finding.message


def test_the_limit_is_exclusive_and_set_by_the_project() -> None:
    assert length_findings(points(choice("mod-a", [words(60), words(40), words(40)], [0])), 1.5) == []
    assert length_findings(points(choice("mod-b", [words(61), words(40), words(40)], [0])), 1.5)
    assert length_findings(points(choice("mod-c", [words(61), words(40), words(40)], [0])), 2.0) == []


def test_lengths_count_what_a_reader_sees_not_the_markdown() -> None:
    linked = "'[See the guide](https://example.org/a/very/long/address/that/nobody/reads/on/the/page).'"
    assert length_findings(points(choice("mod-link", [linked, words(16), words(16)], [0])), 1.5) == []


def test_several_keyed_options_are_compared_on_average_and_all_keyed_is_not_judged() -> None:
    some = choice("mod-multi", [words(90), words(90), words(40), words(40)], [0, 1], mode="multiple")
    [finding] = length_findings(points(some), 1.5)
    assert "the correct options are on average 2.2 times as long" in finding.message
    every = choice("mod-all", [words(90), words(20)], [0, 1], mode="multiple")
    assert length_findings(points(every), 1.5) == []


def test_a_scenario_step_and_its_follow_up_are_judged_apart() -> None:
    scenario = f"""\
/// scenario | mod-scene
question: What would you do?
choices:
  - text: {words(40)}
    rationale: R.
    recommended: true
  - text: {words(40)}
    rationale: R.
follow_up:
  question: What next?
  choices:
    - text: {words(100)}
      rationale: R.
      recommended: true
    - text: {words(40)}
      rationale: R.
///
"""
    [finding] = length_findings(points(scenario), 1.5)
    assert "in 'mod-scene' follow-up, the recommended choice is 2.5 times" in finding.message


def test_a_repeated_exercise_is_counted_once() -> None:
    course = CourseExercises()
    block = choice("mod-once", [words(40), words(40)], [0])
    assert len(course.add(parse_markdown(block, "lesson.md"), LESSON)) == 1
    assert course.add(parse_markdown(block, "handout.md"), Path("handout.md")) == []
    assert len(course.points) == 1


def test_the_chance_of_a_skew_is_computed_exactly() -> None:
    assert upper_tail([0.5, 0.5], 2) == pytest.approx(0.25)
    assert upper_tail([0.5, 0.5], 1) == pytest.approx(0.75)
    assert upper_tail([0.5, 0.25], 0) == pytest.approx(1.0)
    assert upper_tail([1 / 3] * 12, 12) == pytest.approx(3 ** -12)


def course_where_the_answer_is_shown(place: int, count: int = 12) -> str:
    """Exercises of three equal options whose correct one is shown at ``place`` (0-based)."""
    blocks = []
    for n in range(count):
        exercise_id = f"mod-q{n}"
        blocks.append(choice(exercise_id, [words(40)] * 3, keyed=[display_order(exercise_id, 3)[place]]))
    return "\n".join(blocks)


def test_answers_always_shown_first_are_reported_with_every_question() -> None:
    findings = answer_cue_findings(points(course_where_the_answer_is_shown(0)), 0.01, placements=True)
    [first] = [f for f in findings if "shown first" in f.message]
    assert "the keyed option is shown first in 12 of 12 questions, where chance gives about 4.0" \
        in first.message
    assert "lesson.md:1 'mod-q0'" in first.message and "'mod-q11'" in first.message
    assert first.line == 1
    assert not any("shown second" in f.message or "shown last" in f.message for f in findings)


def test_places_are_judged_in_one_language_only() -> None:
    course = points(course_where_the_answer_is_shown(1))
    assert any("shown second" in f.message for f in answer_cue_findings(course, 0.01, placements=True))
    assert answer_cue_findings(course, 0.01, placements=False) == []


def test_answers_written_first_then_shuffled_pass() -> None:
    # What authors tend to do: the answer first, every time. The shuffle spreads it out.
    course = "\n".join(choice(f"mod-first-{n}", [words(40)] * 4, keyed=[0]) for n in range(30))
    assert answer_cue_findings(points(course), 0.01, placements=True) == []


def test_a_slightly_longer_answer_every_time_is_reported_course_wide() -> None:
    course = "\n".join(choice(f"mod-long-{n}", [words(48 if i == n % 3 else 40) for i in range(3)],
                              keyed=[n % 3]) for n in range(12))
    assert length_findings(points(course), 1.5) == []  # 1.2 times: under the limit each time
    [finding] = answer_cue_findings(points(course), 0.01, placements=False)
    assert "the keyed option is the longest in 12 of 12 questions" in finding.message


@pytest.mark.parametrize(("option", "value"), [
    ("keyed_length_ratio", 1), ("keyed_length_ratio", "2"), ("cue_significance", 1.5),
    ("answer_cues", "error"),
])
def test_a_bad_setting_is_refused(option: str, value: object) -> None:
    config = LintConfig()
    config.load_dict({option: value})
    errors, _ = config.validate()
    assert [name for name, _ in errors] == [option]


def test_settings_take_whole_numbers() -> None:
    config = LintConfig()
    config.load_dict({"keyed_length_ratio": 2})
    assert config.validate() == ([], []) and config.keyed_length_ratio == 2.0


REVEALING = choice("listening-giveaway", [
    "Ask the organization what would help, agree on the changes together, then report back on what was done.",
    "Wait.", "Ask a colleague."], keyed=[0])


@pytest.fixture(scope="module")
def revealing_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course with the lint plugin and, in English and French, a giveaway exercise."""
    project = fixture_project(tmp_path_factory.mktemp("cues") / "course")
    for lesson in (project / "curriculum" / "modules" / "01-listening" / "lesson.md",
                   project / "translations" / "fr" / "curriculum" / "modules" / "01-listening" / "lesson.md"):
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\n" + REVEALING, encoding="utf-8")
    return project


def block_line(project: Path) -> int:
    lines = (project / "curriculum/modules/01-listening/lesson.md").read_text(encoding="utf-8").splitlines()
    return lines.index("/// choice | listening-giveaway") + 1


def test_the_build_warns_at_the_exercise_so_strict_fails(
        revealing_project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(revealing_project)
    warnings = strict_build_warnings(revealing_project, tmp_path / "site", caplog)
    where = f"curriculum/modules/01-listening/lesson.md:{block_line(revealing_project)}: "
    assert any(where in w and "'listening-giveaway'" in w and "times as long" in w for w in warnings)
    assert any("translations/fr/curriculum/modules/01-listening/lesson.md:" in w for w in warnings)


def test_make_lint_fails_on_them_unless_the_project_only_reports_them(
        revealing_project: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(revealing_project)
    assert lint_main([]) == 1
    where = f"curriculum/modules/01-listening/lesson.md:{block_line(revealing_project)}: "
    assert where in capsys.readouterr().err
    config = revealing_project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    try:
        edit_config(revealing_project, lambda config: plugin_options(config, "curriculum/lint")
                    .update(answer_cues="info"))
        assert lint_main([]) == 0
        out = capsys.readouterr().out
        assert "Reported only (answer_cues: info" in out and where in out
    finally:
        config.write_text(original, encoding="utf-8")
