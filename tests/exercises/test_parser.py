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

MISTAKES = {
    "unknown type": ("quiz", "question: Q\n", "unknown exercise type 'quiz'", "choice, scenario"),
    "bad id": ("choice", "question: Q\n", "lowercase letters, digits and hyphens", "<module-id>-"),
    "unknown option": (
        "choice",
        "question: Q\nanswer: 2\noptions:\n" + OPTION * 2,
        "unknown option 'answer'",
        "spelling",
    ),
    "unknown option in an option": (
        "choice",
        "question: Q\noptions:\n  - text: A\n    feedback: f\n    corect: true\n" + OPTION,
        "options[1].corect",
        "spelling",
    ),
    "no correct option": (
        "choice",
        "question: Q\noptions:\n" + OPTION * 2,
        "no option is marked",
        "correct: true",
    ),
    "several correct in single mode": (
        "choice",
        "question: Q\noptions:\n" + (OPTION + "    correct: true\n") * 2,
        "allows one correct option",
        "mode: multiple",
    ),
    "option without feedback": (
        "choice",
        "question: Q\noptions:\n  - text: A\n    correct: true\n" + OPTION,
        "option 1 has no 'feedback'",
        "feedback:",
    ),
    "empty question": (
        "choice",
        "question: ''\noptions:\n  - text: A\n    correct: true\n    feedback: f\n" + OPTION,
        "'question' is empty",
        "question",
    ),
    "missing question": (
        "choice",
        "options:\n  - text: A\n    correct: true\n    feedback: f\n" + OPTION,
        "'question' is missing",
        "question:",
    ),
    "yes read as boolean": (
        "choice",
        "question: Q\noptions:\n  - text: yes\n    correct: true\n    feedback: f\n" + OPTION,
        "'options[1].text' must be text",
        "quotes",
    ),
    "one option only": ("choice", "question: Q\noptions:\n" + OPTION, "at least 2", "- "),
    "bad mode": ("choice", "mode: several\nquestion: Q\n", "'mode' is 'several'", "single, multiple"),
    "empty prompt": ("reflection", "prompt: '  '\n", "'prompt' is empty", "prompt"),
    "scale without statements": ("scale", "phase: before\nstatements: []\n", "at least 1", "statements"),
    "scale without phase": ("scale", "statements: [a]\n", "'phase' is missing", "before, after"),
    "after scale with statements": (
        "scale",
        "phase: after\ncompare: x\nstatements: [a]\n",
        "cannot have its own",
        "Remove",
    ),
    "scenario without recommended choice": (
        "scenario",
        "question: Q\nchoices:\n  - text: a\n    rationale: r\n  - text: b\n    rationale: r\n",
        "recommended",
        "recommended: true",
    ),
    "scenario with unknown sector": (
        "scenario",
        "sector: army\nquestion: Q\n",
        "'sector' is 'army'",
        "health, police",
    ),
    "body is a list": ("reflection", "- prompt: x\n", "must be a set of 'key: value' lines", "name: value"),
}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_mistake_names_file_line_detail_and_fix(name: str) -> None:
    kind, body, detail, fix = MISTAKES[name]
    error = error_of(kind, body, "Bad Id" if name == "bad id" else "mod-x")
    assert error.path == "curriculum/lesson.md"
    assert error.line == 10
    assert detail in error.detail
    assert fix in error.fix
    assert str(error).startswith("Error reading curriculum/lesson.md:10: ")


def test_malformed_yaml_reports_the_line_inside_the_file() -> None:
    body = "question: Q\noptions:\n  - text: A\n   feedback: misaligned\n"
    error = error_of("choice", body)
    # Header on line 10, body from line 11: YAML's problem is on the body's 4th line.
    assert error.line == 14
    assert "malformed" in error.detail and "line 14" in error.detail


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
    assert "Fix: Keep one of them" in str(error)


def test_runaway_nesting_in_a_body_is_an_error() -> None:
    error = error_of("reflection", "prompt: P\nhint: " + "[" * 5000 + "]" * 5000 + "\n")
    assert error.line == 12 and "nested more than 50 deep" in str(error)
