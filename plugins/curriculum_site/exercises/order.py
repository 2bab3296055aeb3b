"""The order every view shows an exercise's options in, and the decision points that have one.

Authors tend to write the answer first. Shown in that order, its position gives the answer
away, so every view (learner, trainer, handout) shows the options in one shuffled order. The
order comes from the exercise id alone: builds are reproducible, the trainer's answer key lists
the options as learners see them, and every language shows the same order, since translations
keep the ids and the authored order of the options (the parity check makes sure).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from .model import ChoiceExercise, Exercise, ScenarioExercise, ScenarioStep

Item = TypeVar("Item")
FOLLOW_UP = 2


def display_order(seed: str, count: int) -> tuple[int, ...]:
    """Indexes (0-based, in authored order) of ``count`` options, in the order they are shown.

    A Fisher-Yates shuffle drawing from SHA-256 of the seed, not from `random`, so the order
    stays the same across Python versions and machines.
    """
    order = list(range(count))
    for last in range(count - 1, 0, -1):
        digest = hashlib.sha256(f"{seed}:{last}".encode()).digest()
        pick = int.from_bytes(digest[:8], "big") % (last + 1)
        order[last], order[pick] = order[pick], order[last]
    return tuple(order)


def step_seed(exercise_id: str, step: int = 1) -> str:
    """A scenario's follow-up is shuffled apart from its first step."""
    return exercise_id if step == 1 else f"{exercise_id}:{step}"


def shown(items: Sequence[Item], exercise_id: str, step: int = 1) -> list[tuple[int, Item]]:
    """``items`` in display order, each with its 1-based number in authored order.

    Views use the authored number for input values and element ids, so a learner's remembered
    answer and an error message's `options[2]` keep meaning the option the author wrote second.
    """
    order = display_order(step_seed(exercise_id, step), len(items))
    return [(index + 1, items[index]) for index in order]


@dataclass(frozen=True)
class DecisionPoint:
    """One question with options to pick from: a choice exercise, or one step of a scenario."""

    exercise_id: str
    step: int
    texts: tuple[str, ...]  # the options' Markdown, in authored order
    keyed: tuple[bool, ...]  # correct (choice) or recommended (scenario), in authored order
    is_scenario: bool

    @cached_property
    def order(self) -> tuple[int, ...]:
        return display_order(step_seed(self.exercise_id, self.step), len(self.texts))

    @property
    def keyed_positions(self) -> frozenset[int]:
        """Where the keyed options are shown, 0-based."""
        return frozenset(position for position, index in enumerate(self.order) if self.keyed[index])


def decision_points(exercise: Exercise) -> list[DecisionPoint]:
    """The exercise's questions that have a keyed answer among options (none for reflections, scales)."""
    if isinstance(exercise, ChoiceExercise):
        return [DecisionPoint(exercise.id, 1, tuple(o.text for o in exercise.options),
                              tuple(o.correct for o in exercise.options), is_scenario=False)]
    if isinstance(exercise, ScenarioExercise):
        steps: list[tuple[int, ScenarioStep]] = [(1, exercise.step)]
        if exercise.follow_up is not None:
            steps.append((FOLLOW_UP, exercise.follow_up))
        return [DecisionPoint(exercise.id, number, tuple(c.text for c in step.choices),
                              tuple(c.recommended for c in step.choices), is_scenario=True)
                for number, step in steps]
    return []
