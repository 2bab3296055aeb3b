"""A session plan on the clock, with the lesson's exercises each step runs.

Pure functions over the course model and the exercises scan: no MkDocs, no rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..course.model import SessionPlan, Step
from ..errors import AuthorError
from ..exercises.scan import ScannedBlock


@dataclass(frozen=True)
class LessonExercises:
    """The exercise blocks of one lesson file, in the order the author wrote them."""

    path: Path
    blocks: tuple[ScannedBlock, ...]

    def block(self, exercise_id: str) -> ScannedBlock | None:
        return next((block for block in self.blocks if block.argument == exercise_id), None)


@dataclass(frozen=True)
class TimedStep:
    number: int
    start: int  # minutes after the session starts
    step: Step
    exercise: ScannedBlock | None

    @property
    def end(self) -> int:
        return self.start + self.step.minutes


def timed_steps(plan: SessionPlan, lesson: LessonExercises) -> list[TimedStep]:
    """Each step with its start offset and the exercise block it runs, if any."""
    timed = []
    start = 0
    for number, step in enumerate(plan.steps, start=1):
        exercise = None
        if step.exercise:
            exercise = lesson.block(step.exercise)
            if exercise is None:
                known = ", ".join(block.argument for block in lesson.blocks) or "none"
                raise AuthorError(plan.path, f"step {number} runs exercise '{step.exercise}', which "
                                  f"is not in {lesson.path}.", line=step.line,
                                  fix=f"use the id of one of the lesson's exercises ({known}).")
        timed.append(TimedStep(number, start, step, exercise))
        start += step.minutes
    return timed


def unplanned_exercises(steps: list[TimedStep], lesson: LessonExercises) -> list[ScannedBlock]:
    """The lesson's exercises no step runs, so the trainer still has their answers."""
    planned = {step.exercise.argument for step in steps if step.exercise}
    return [block for block in lesson.blocks if block.argument not in planned]


def block_markdown(block: ScannedBlock) -> str:
    """The block as an author wrote it, to render again on a trainer's page."""
    header = f"/// {block.kind} | {block.argument}" if block.argument else f"/// {block.kind}"
    return f"{header}\n{block.body}\n///"


def clock(minutes: int) -> str:
    """``75`` → ``1:15``: an offset from the start of a session or a time of day."""
    return f"{minutes // 60}:{minutes % 60:02d}"
