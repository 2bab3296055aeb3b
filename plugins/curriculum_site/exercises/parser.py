"""Turn the YAML body of an exercise block into a validated model, or explain the mistake.

Pure: takes text and the place it came from; knows nothing about Markdown or MkDocs.
Every mistake raises AuthorError naming the file, the block's line and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

import yaml

from curriculum_site.errors import AuthorError
from curriculum_site.yamlsource import DuplicateKeyError, TooDeepError, error_line, safe_load, yaml_problem

from .model import (
    EXERCISE_TYPES,
    SCALE_KINDS,
    SECTORS,
    ChoiceExercise,
    ChoiceOption,
    Exercise,
    LocatedExercise,
    ReflectionExercise,
    ScaleExercise,
    ScenarioChoice,
    ScenarioExercise,
    ScenarioStep,
)
from .scan import ScannedBlock, scan_blocks

EXERCISE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class _Block:
    """Where a block is and how to report a mistake in it."""

    def __init__(self, kind: str, exercise_id: str, path: str, line: int) -> None:
        self.kind = kind
        self.id = exercise_id
        self.path = path
        self.line = line

    def error(self, detail: str, fix: str, *, line: int | None = None) -> AuthorError:
        return AuthorError(
            self.path, f"in '/// {self.kind} | {self.id}': {detail}", line=line or self.line, fix=fix
        )


class _Fields:
    """Typed, strict access to one YAML mapping of a block (the block itself or a list item)."""

    def __init__(self, block: _Block, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise block.error(
                f"{where or 'the body'} must be a set of 'key: value' lines, not {_describe(data)}.",
                "Write each field on its own line as 'name: value' (see docs/authoring/exercises.md).",
            )
        self.block = block
        self.data: dict[Any, Any] = data
        self.where = where

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def only(self, *allowed: str) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.block.error(
                    f"unknown option '{self._name(str(key))}'.",
                    f"Use only {', '.join(repr(a) for a in allowed)} here, or check the spelling.",
                )

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.block.error(
                    f"'{self._name(key)}' is missing or empty.", f"Add '{key}:' with some text."
                )
            return ""
        if not isinstance(value, str):
            raise self.block.error(
                f"'{self._name(key)}' must be text, not {_describe(value)}.",
                'Put the text in quotes, e.g. "Yes", so YAML does not read it as a number or true/false.',
            )
        if required and not value.strip():
            raise self.block.error(f"'{self._name(key)}' is empty.", f"Write the {key} text.")
        return value.strip()

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.block.error(
                f"'{self._name(key)}' must be true or false, not {_describe(value)}.",
                f"Write '{key}: true', or leave it out for false.",
            )
        return value

    def one_of(self, key: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value not in allowed:
            shown = "missing" if value is None else f"{value!r}"
            raise self.block.error(f"'{self._name(key)}' is {shown}.", f"Use one of: {', '.join(allowed)}.")
        return str(value)

    def items(self, key: str, *, minimum: int) -> list[Any]:
        value = self.data.get(key)
        if not isinstance(value, list) or len(value) < minimum:
            count = len(value) if isinstance(value, list) else 0
            raise self.block.error(
                f"'{self._name(key)}' needs at least {minimum} entries, found {count}.",
                f"List them under '{key}:', one per line starting with '- '.",
            )
        return value

    def sub(self, value: Any, where: str) -> _Fields:
        return _Fields(self.block, value, where)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return repr(value)


def load_body(block: _Block, body: str) -> Any:
    """Read the block's YAML, reporting a mistake at its line in the Markdown file."""
    try:
        return safe_load(body) if body.strip() else {}
    except yaml.MarkedYAMLError as error:
        # The body starts on the line after the '///' header.
        line = error_line(error, first_line=block.line + 1)
        if isinstance(error, (DuplicateKeyError, TooDeepError)):
            detail, fix = yaml_problem(error, first_line=block.line + 1)
            raise block.error(detail, fix.capitalize(), line=line) from None
        problem = error.problem or str(error)
        raise block.error(
            f"the YAML body is malformed ({problem}, line {line}).",
            "Check indentation and that text containing ': ' or starting with a quote is quoted "
            "or written after '|' on the next lines.",
            line=line,
        ) from None
    except yaml.YAMLError as error:
        raise block.error(f"the YAML body is malformed ({error}).",
                          "Check the block's YAML.") from None


def parse_exercise(kind: str, exercise_id: str | None, body: str, *, path: str, line: int) -> Exercise:
    """Validate one block's header argument and YAML body and return its model."""
    block = _Block(kind, exercise_id or "", path, line)
    if kind not in EXERCISE_TYPES:
        raise block.error(f"unknown exercise type '{kind}'.", f"Use one of: {', '.join(EXERCISE_TYPES)}.")
    if not exercise_id or not EXERCISE_ID.fullmatch(exercise_id):
        raise block.error(
            f"the id {exercise_id!r} is missing or not made of lowercase letters, digits and hyphens.",
            f"Write the header as '/// {kind} | <module-id>-<name>', "
            f"e.g. '/// {kind} | trust-building-listening'.",
        )
    fields = _Fields(block, load_body(block, body), "")
    return _PARSERS[kind](block, fields)


def _parse_choice(block: _Block, fields: _Fields) -> ChoiceExercise:
    fields.only("mode", "question", "options", "explanation", "discussion")
    mode = fields.one_of("mode", ("single", "multiple"), default="single")
    options = []
    for number, raw in enumerate(fields.items("options", minimum=2), start=1):
        option = fields.sub(raw, f"options[{number}]")
        option.only("text", "correct", "feedback")
        if option.data.get("feedback") is None:
            raise block.error(
                f"option {number} has no 'feedback'.",
                "Add 'feedback:' saying, in a neutral teaching tone, "
                "why this option is or is not the answer.",
            )
        options.append(
            ChoiceOption(
                text=option.text("text"), feedback=option.text("feedback"), correct=option.flag("correct")
            )
        )
    correct = sum(option.correct for option in options)
    if correct == 0:
        raise block.error(
            "no option is marked 'correct: true'.", "Mark the right option(s) with 'correct: true'."
        )
    if mode == "single" and correct > 1:
        raise block.error(
            f"'mode: single' allows one correct option, but {correct} are marked correct.",
            "Keep 'correct: true' on one option, or write 'mode: multiple'.",
        )
    return ChoiceExercise(
        id=block.id,
        mode="multiple" if mode == "multiple" else "single",
        question=fields.text("question"),
        options=tuple(options),
        explanation=fields.text("explanation", required=False),
        discussion=fields.text("discussion", required=False),
    )


def _parse_scenario_step(block: _Block, fields: _Fields) -> ScenarioStep:
    choices = []
    for number, raw in enumerate(fields.items("choices", minimum=2), start=1):
        choice = fields.sub(raw, f"{fields.where + '.' if fields.where else ''}choices[{number}]")
        choice.only("text", "rationale", "recommended")
        choices.append(
            ScenarioChoice(
                text=choice.text("text"),
                rationale=choice.text("rationale"),
                recommended=choice.flag("recommended"),
            )
        )
    if not any(choice.recommended for choice in choices):
        raise block.error(
            f"no choice in {fields.where or 'the scenario'} is marked 'recommended: true'.",
            "Mark at least one choice 'recommended: true' "
            "so learners and trainers see the suggested approach.",
        )
    return ScenarioStep(
        situation=fields.text("situation", required=False),
        question=fields.text("question"),
        choices=tuple(choices),
    )


def _parse_scenario(block: _Block, fields: _Fields) -> ScenarioExercise:
    fields.only("sector", "situation", "question", "choices", "follow_up", "discussion")
    follow_up = None
    if "follow_up" in fields.data:
        follow = fields.sub(fields.data["follow_up"], "follow_up")
        follow.only("situation", "question", "choices")
        follow_up = _parse_scenario_step(block, follow)
    return ScenarioExercise(
        id=block.id,
        sector=fields.one_of("sector", SECTORS, default="general"),
        step=_parse_scenario_step(block, fields),
        follow_up=follow_up,
        discussion=fields.text("discussion", required=False),
    )


def _parse_reflection(block: _Block, fields: _Fields) -> ReflectionExercise:
    fields.only("prompt", "hint", "discussion")
    return ReflectionExercise(
        id=block.id,
        prompt=fields.text("prompt"),
        hint=fields.text("hint", required=False),
        discussion=fields.text("discussion", required=False),
    )


def _parse_scale(block: _Block, fields: _Fields) -> ScaleExercise:
    phase = fields.one_of("phase", ("before", "after"))
    if phase == "after":
        if "statements" in fields.data or "kind" in fields.data:
            raise block.error(
                "an 'after' scale cannot have its own 'statements' or 'kind'.",
                "Remove them: an after scale reuses those of the before scale named in 'compare:'.",
            )
        fields.only("phase", "compare")
        compare = fields.text("compare")
        return ScaleExercise(id=block.id, phase="after", kind="", statements=(), compare=compare)
    fields.only("phase", "kind", "statements")
    statements = []
    for number, raw in enumerate(fields.items("statements", minimum=1), start=1):
        if not isinstance(raw, str) or not raw.strip():
            raise block.error(
                f"statement {number} must be text, not {_describe(raw)}.",
                "Write each statement as '- text' and quote it if it looks like a number or yes/no.",
            )
        statements.append(raw.strip())
    return ScaleExercise(
        id=block.id,
        phase="before",
        kind=fields.one_of("kind", SCALE_KINDS, default="confidence"),
        statements=tuple(statements),
    )


_PARSERS: dict[str, Callable[[_Block, _Fields], Exercise]] = {
    "choice": _parse_choice,
    "scenario": _parse_scenario,
    "reflection": _parse_reflection,
    "scale": _parse_scale,
}


def link_after_scale(
    after: ScaleExercise, earlier: Mapping[str, Exercise], *, path: str, line: int
) -> ScaleExercise:
    """Give an after scale the statements of the before scale it compares, found earlier on the page."""
    before = earlier.get(after.compare)
    if not isinstance(before, ScaleExercise) or before.phase != "before":
        block = _Block("scale", after.id, path, line)
        raise block.error(
            f"'compare: {after.compare}' names no 'phase: before' scale earlier on this page.",
            "Put the before scale above this one on the same page and copy its id into 'compare:'.",
        )
    return replace(after, kind=before.kind, statements=before.statements)


def parse_markdown(markdown: str, path: str) -> list[LocatedExercise]:
    """Parse every exercise block of a Markdown file, e.g. for parity checks or answer keys."""
    return parse_blocks(scan_blocks(markdown), path)


def parse_blocks(blocks: Iterable[ScannedBlock], path: str) -> list[LocatedExercise]:
    """Parse the exercise blocks among ``blocks`` (one file's scan, in document order)."""
    located: list[LocatedExercise] = []
    earlier: dict[str, Exercise] = {}
    for block in blocks:
        if not block.is_exercise:
            continue
        exercise = parse_exercise(block.kind, block.argument, block.body, path=path, line=block.line)
        if isinstance(exercise, ScaleExercise) and exercise.phase == "after":
            exercise = link_after_scale(exercise, earlier, path=path, line=block.line)
        earlier[exercise.id] = exercise
        located.append(LocatedExercise(exercise, path, block.line))
    return located
