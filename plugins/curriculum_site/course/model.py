"""Plain data for the course as authors wrote it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SOURCE_REFERENCES = ("1.2.1", "Box 1.1")
AUDIENCES = ("learner", "trainer")
SECTORS = ("health", "police", "social-services")
ACTIVITY_TYPES = (
    "discussion", "scenario", "role-play", "values-clarification", "reflection",
    "self-assessment", "presentation", "action-planning",
)
STEP_KINDS = (
    "introduction", "presentation", "discussion", "exercise", "role-play",
    "values-clarification", "scenario", "break", "debrief", "closing", "action-planning",
)
MODULE_PAGES = ("lesson.md", "handout.md")


@dataclass(frozen=True)
class Step:
    title: str
    minutes: int
    kind: str
    instructions: str
    exercise: str = ""
    line: int | None = None


@dataclass(frozen=True)
class SessionPlan:
    path: Path
    total_minutes: int
    objectives: tuple[str, ...]
    materials: tuple[str, ...]
    preparation: tuple[str, ...]
    steps: tuple[Step, ...]
    safety_notes: tuple[str, ...]
    debrief: tuple[str, ...]
    ground_rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Module:
    number: int
    folder: str
    path: Path
    id: str
    title: str
    summary: str
    duration: int
    objectives: tuple[str, ...]
    key_points: tuple[str, ...]
    activities: tuple[str, ...]
    sources: tuple[str, ...]
    audiences: tuple[str, ...]
    sectors: tuple[str, ...]
    reviewed_by: tuple[str, ...]
    session: SessionPlan

    @property
    def lesson(self) -> Path:
        return self.path / "lesson.md"

    @property
    def handout(self) -> Path:
        return self.path / "handout.md"


@dataclass(frozen=True)
class Course:
    root: Path
    title: str
    site_id: str
    version: str
    citation: str
    languages: tuple[str, ...]
    audiences: tuple[str, ...]
    sectors: tuple[str, ...]
    modules: tuple[Module, ...] = field(default=())
