"""Turn the YAML body of an exercise block into a validated model, or explain the mistake.

Pure: takes text and the place it came from; knows nothing about Markdown or MkDocs.
Every mistake raises AuthorError naming the file, the line (of the field at fault, or of the
block's header) and how to fix it; fields are read by the one validator, curriculum_site.fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from curriculum_site.errors import AuthorError
from curriculum_site.fields import Fields, Origin
from curriculum_site.yamlsource import parse_yaml

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
    """Which block is being read, and where its mistakes are reported."""

    def __init__(self, kind: str, exercise_id: str, path: str, line: int) -> None:
        self.kind = kind
        self.id = exercise_id
        self.line = line
        self.origin = Origin(path, line, prefix=f"in '/// {kind} | {exercise_id}': ",
                             guide="docs/authoring/exercises.md")

    def error(self, detail: str, fix: str) -> AuthorError:
        return self.origin.error(detail, fix)


def load_body(block: _Block, body: str) -> Fields:
    """Read the block's YAML, reporting a mistake at its line in the Markdown file."""
    if not body.strip():
        return Fields({}, block.origin, "the block")
    try:
        # The body starts on the line after the '///' header.
        data = parse_yaml(body, block.origin.path, first_line=block.line + 1)
    except AuthorError as error:
        raise block.origin.error(error.detail, error.fix, line=error.line) from None
    return Fields(data, block.origin, "the block")


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
    fields = load_body(block, body)
    return _PARSERS[kind](block, fields)


def _parse_choice(block: _Block, fields: Fields) -> ChoiceExercise:
    fields.reject_unknown(("mode", "question", "options", "explanation", "discussion"))
    mode = fields.choice("mode", ("single", "multiple"), default="single")
    options = []
    for number, option in enumerate(fields.mappings("options", minimum=2), start=1):
        option.reject_unknown(("text", "correct", "feedback"))
        if option.data.get("feedback") is None:
            raise option.error(
                None,
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


def _parse_scenario_step(block: _Block, fields: Fields, name: str) -> ScenarioStep:
    choices = []
    for choice in fields.mappings("choices", minimum=2):
        choice.reject_unknown(("text", "rationale", "recommended"))
        choices.append(
            ScenarioChoice(
                text=choice.text("text"),
                rationale=choice.text("rationale"),
                recommended=choice.flag("recommended"),
            )
        )
    if not any(choice.recommended for choice in choices):
        raise block.error(
            f"no choice in {name} is marked 'recommended: true'.",
            "Mark at least one choice 'recommended: true' "
            "so learners and trainers see the suggested approach.",
        )
    return ScenarioStep(
        situation=fields.text("situation", required=False),
        question=fields.text("question"),
        choices=tuple(choices),
    )


def _parse_scenario(block: _Block, fields: Fields) -> ScenarioExercise:
    fields.reject_unknown(("sector", "situation", "question", "choices", "follow_up", "discussion"))
    follow_up = None
    follow = fields.mapping("follow_up")
    if follow is not None:
        follow.reject_unknown(("situation", "question", "choices"))
        follow_up = _parse_scenario_step(block, follow, "follow_up")
    return ScenarioExercise(
        id=block.id,
        sector=fields.choice("sector", SECTORS, default="general"),
        step=_parse_scenario_step(block, fields, "the scenario"),
        follow_up=follow_up,
        discussion=fields.text("discussion", required=False),
    )


def _parse_reflection(block: _Block, fields: Fields) -> ReflectionExercise:
    fields.reject_unknown(("prompt", "hint", "discussion"))
    return ReflectionExercise(
        id=block.id,
        prompt=fields.text("prompt"),
        hint=fields.text("hint", required=False),
        discussion=fields.text("discussion", required=False),
    )


def _parse_scale(block: _Block, fields: Fields) -> ScaleExercise:
    phase = fields.choice("phase", ("before", "after"))
    if phase == "after":
        if "statements" in fields.data or "kind" in fields.data:
            raise block.error(
                "an 'after' scale cannot have its own 'statements' or 'kind'.",
                "Remove them: an after scale reuses those of the before scale named in 'compare:'.",
            )
        fields.reject_unknown(("phase", "compare"))
        compare = fields.text("compare")
        return ScaleExercise(id=block.id, phase="after", kind="", statements=(), compare=compare)
    fields.reject_unknown(("phase", "kind", "statements"))
    return ScaleExercise(
        id=block.id,
        phase="before",
        kind=fields.choice("kind", SCALE_KINDS, default="confidence"),
        statements=fields.texts("statements"),
    )


_PARSERS: dict[str, Callable[[_Block, Fields], Exercise]] = {
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
