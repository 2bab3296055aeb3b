"""The parser: valid bodies become models; every author mistake names file, line and fix."""

from __future__ import annotations

import pytest

from curriculum_site.errors import AuthorError
from curriculum_site.exercises.model import ChoiceExercise, ScaleExercise, ScenarioExercise
from curriculum_site.exercises.parser import link_after_scale, parse_exercise, parse_markdown

from .exercise_samples import ALL


def parse(kind: str, body: str, exercise_id: str = "mod-x") -> object:
    return parse_exercise(kind, exercise_id, body, path="curriculum/lesson.md", line=10)


def error_of(kind: str, body: str, exercise_id: str = "mod-x") -> AuthorError:
    with pytest.raises(AuthorError) as caught:
        parse(kind, body, exercise_id)
    return caught.value


def test_every_sample_block_parses_with_its_line() -> None:
    located = parse_markdown(ALL, "lesson.md")
    assert [item.exercise.type for item in located] == [
        "choice",
        "choice",
        "scenario",
        "reflection",
        "scale",
        "scale",
    ]
    assert located[0].line == 2  # right after "# Lesson"
    choice = located[0].exercise
    assert isinstance(choice, ChoiceExercise)
    assert [o.correct for o in choice.options] == [True, False]
    scenario = located[2].exercise
    assert isinstance(scenario, ScenarioExercise) and scenario.follow_up is not None
    after = located[5].exercise
    assert isinstance(after, ScaleExercise)
    assert after.statements == located[4].exercise.statements  # type: ignore[union-attr]


OPTION = "  - text: A\n    feedback: fa\n"

# name: (line of the mistake, block type, body, in the detail, in the fix)
MISTAKES = {
    "unknown type": (10, "quiz", "question: Q\n", "unknown exercise type 'quiz'", "choice, scenario"),
    "bad id": (10, "choice", "question: Q\n", "lowercase letters, digits and hyphens", "<module-id>-"),
    "unknown option": (
        12,
        "choice",
        "question: Q\nanswer: 2\noptions:\n" + OPTION * 2,
        "'answer' is not a known key",
        "spelling",
    ),
    "unknown option in an option": (
        15,
        "choice",
        "question: Q\noptions:\n  - text: A\n    feedback: f\n    corect: true\n" + OPTION,
        "'options[1].corect' is not a known key",
        "spelling",
    ),
    "no correct option": (
        10,
        "choice",
        "question: Q\noptions:\n" + OPTION * 2,
        "no option is marked",
        "correct: true",
    ),
    "several correct in single mode": (
        10,
        "choice",
        "question: Q\noptions:\n" + (OPTION + "    correct: true\n") * 2,
        "allows one correct option",
        "mode: multiple",
    ),
    "option without feedback": (
        13,
        "choice",
        "question: Q\noptions:\n  - text: A\n    correct: true\n" + OPTION,
        "option 1 has no 'feedback'",
        "feedback:",
    ),
    "empty question": (
        11,
        "choice",
        "question: ''\noptions:\n  - text: A\n    correct: true\n    feedback: f\n" + OPTION,
        "'question' is empty",
        "question",
    ),
    "missing question": (
        11,
        "choice",
        "options:\n  - text: A\n    correct: true\n    feedback: f\n" + OPTION,
        "the block has no 'question'",
        "question:",
    ),
    "yes read as boolean": (
        13,
        "choice",
        "question: Q\noptions:\n  - text: yes\n    correct: true\n    feedback: f\n" + OPTION,
        "'options[1].text' must be text",
        "quotes",
    ),
    "one option only": (12, "choice", "question: Q\noptions:\n" + OPTION, "at least 2", "- "),
    "bad mode": (11, "choice", "mode: several\nquestion: Q\n", "'several' is not a known value for 'mode'",
                 "single, multiple"),
    "empty prompt": (11, "reflection", "prompt: '  '\n", "'prompt' is empty", "prompt"),
    "scale without statements": (12, "scale", "phase: before\nstatements: []\n", "at least one item",
                                 "statements"),
    "scale without phase": (11, "scale", "statements: [a]\n", "has no 'phase'", "before, after"),
    "after scale with statements": (
        10,
        "scale",
        "phase: after\ncompare: x\nstatements: [a]\n",
        "cannot have its own",
        "Remove",
    ),
    "scenario without recommended choice": (
        10,
        "scenario",
        "question: Q\nchoices:\n  - text: a\n    rationale: r\n  - text: b\n    rationale: r\n",
        "recommended",
        "recommended: true",
    ),
    "scenario with unknown sector": (
        11,
        "scenario",
        "sector: army\nquestion: Q\n",
        "'army' is not a known value for 'sector'",
        "health, police",
    ),
    "body is a list": (11, "reflection", "- prompt: x\n", "must be a set of 'key: value' lines",
                       "name: value"),
}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_mistake_names_file_line_detail_and_fix(name: str) -> None:
    line, kind, body, detail, fix = MISTAKES[name]
    error = error_of(kind, body, "Bad Id" if name == "bad id" else "mod-x")
    assert error.path == "curriculum/lesson.md"
    # The header is on line 10: a mistake in one field names that field's line below it.
    assert error.line == line
    assert detail in error.detail
    assert fix in error.fix
    assert str(error).startswith(f"Error reading curriculum/lesson.md:{line}: ")


def test_malformed_yaml_reports_the_line_inside_the_file() -> None:
    body = "question: Q\noptions:\n  - text: A\n   feedback: misaligned\n"
    error = error_of("choice", body)
    # Header on line 10, body from line 11: YAML's problem is on the body's 4th line.
    assert error.line == 14
    assert "not valid YAML" in error.detail and "check indentation" in error.fix


def test_after_scale_comparing_unknown_id_is_rejected() -> None:
    after = parse("scale", "phase: after\ncompare: mod-missing\n")
    assert isinstance(after, ScaleExercise)
    with pytest.raises(AuthorError) as caught:
        link_after_scale(after, {}, path="lesson.md", line=40)
    assert caught.value.line == 40
    assert "mod-missing" in caught.value.detail
    assert "earlier on this page" in caught.value.detail


def test_after_scale_cannot_compare_with_another_after_scale() -> None:
    first = parse("scale", "phase: after\ncompare: a\n", "mod-first")
    after = parse("scale", "phase: after\ncompare: mod-first\n")
    with pytest.raises(AuthorError):
        link_after_scale(after, {"mod-first": first}, path="lesson.md", line=3)  # type: ignore[dict-item]


def test_an_option_written_twice_is_an_error_not_the_last_one_winning() -> None:
    body = ("question: Q\noptions:\n  - text: A\n    correct: true\n    feedback: F\n    correct: false\n"
            "  - text: B\n    feedback: G\n")
    error = error_of("choice", body)
    assert error.path == "curriculum/lesson.md" and error.line == 16
    assert "the key 'correct' is written twice (first at line 14)" in str(error)
    assert "Fix: keep one of them" in str(error)


def test_runaway_nesting_in_a_body_is_an_error() -> None:
    error = error_of("reflection", "prompt: P\nhint: " + "[" * 5000 + "]" * 5000 + "\n")
    assert error.line == 12 and "nested more than 50 deep" in str(error)
