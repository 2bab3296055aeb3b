"""What an author's exercise block means, once validated: plain frozen data.

Text fields hold the author's Markdown source; rendering turns them into HTML later, so the
model stays comparable across translations (parity) and free of presentation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from curriculum_site.course.model import SECTORS as COURSE_SECTORS

ExerciseType = Literal["choice", "scenario", "reflection", "scale"]
EXERCISE_TYPES: tuple[ExerciseType, ...] = ("choice", "scenario", "reflection", "scale")
# A scenario is for one of the course's sectors, or for every reader.
SECTORS = (*COURSE_SECTORS, "general")
SCALE_KINDS = ("confidence", "agreement")
View = Literal["learner", "trainer", "handout"]
VIEWS: tuple[View, ...] = ("learner", "trainer", "handout")


@dataclass(frozen=True)
class ChoiceOption:
    text: str
    feedback: str
    correct: bool = False


@dataclass(frozen=True)
class ChoiceExercise:
    id: str
    mode: Literal["single", "multiple"]
    question: str
    options: tuple[ChoiceOption, ...]
    explanation: str = ""
    discussion: str = ""
    type: ExerciseType = "choice"


@dataclass(frozen=True)
class ScenarioChoice:
    text: str
    rationale: str
    recommended: bool = False


@dataclass(frozen=True)
class ScenarioStep:
    question: str
    choices: tuple[ScenarioChoice, ...]
    situation: str = ""


@dataclass(frozen=True)
class ScenarioExercise:
    id: str
    sector: str
    step: ScenarioStep
    follow_up: ScenarioStep | None = None
    discussion: str = ""
    type: ExerciseType = "scenario"


@dataclass(frozen=True)
class ReflectionExercise:
    id: str
    prompt: str
    hint: str = ""
    discussion: str = ""
    type: ExerciseType = "reflection"


@dataclass(frozen=True)
class ScaleExercise:
    """A before or after scale; an after scale gets its statements from the scale it compares."""

    id: str
    phase: Literal["before", "after"]
    kind: str
    statements: tuple[str, ...]
    compare: str = ""
    type: ExerciseType = "scale"


Exercise = ChoiceExercise | ScenarioExercise | ReflectionExercise | ScaleExercise


@dataclass(frozen=True)
class LocatedExercise:
    """An exercise with the place an author wrote it, for errors that name two places."""

    exercise: Exercise
    path: str
    line: int
