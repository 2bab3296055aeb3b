"""Pages built from the course's data (overviews, session plans, trainer pages), as Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..catalog import Catalog
from ..course.model import Course, Module
from ..exercises.scan import ScannedBlock
from ..status import LanguageStatus, State
from ..trainer.schedule import (
    LessonExercises,
    TimedStep,
    block_markdown,
    clock,
    timed_steps,
    unplanned_exercises,
)
from .markdown_lists import nested_lists

TEMPLATES = Path(__file__).parent / "templates"
# Where the generated trainer pages are staged, next to the hand-written docs/trainers/ pages.
FACILITATOR_GUIDE = "trainers/facilitator-guide.md"
AGENDA = "trainers/agenda.md"
# For contributors, in English only, next to docs/authoring/translating.md.
TRANSLATION_STATUS = "authoring/translation-status.md"
# The agenda builder proposes this break after every module but the last; trainers change it.
DEFAULT_BREAK_MINUTES = 15


@cache
def _environment(extra_dirs: tuple[Path, ...]) -> Environment:
    """One environment for every language (the strings are passed to each render), so each
    template is compiled once; Jinja reloads a template whose file changed (`mkdocs serve`)."""
    # Templates in the project's overrides/curriculum/ folder win over ours.
    loader = FileSystemLoader([*map(str, extra_dirs), str(TEMPLATES)])
    environment = Environment(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True,
                              autoescape=False)  # noqa: S701 - the output is Markdown, escaped by Markdown
    environment.filters["clock"] = clock
    environment.filters["block_markdown"] = block_markdown
    environment.filters["nested_lists"] = nested_lists
    return environment


@dataclass(frozen=True)
class TimedSession:
    """A module's session plan on the clock, with the lesson exercises it runs."""

    module: Module
    steps: list[TimedStep]
    unplanned: list[ScannedBlock]

    @classmethod
    def of(cls, module: Module, lesson: LessonExercises) -> TimedSession:
        steps = timed_steps(module.session, lesson)
        return cls(module, steps, unplanned_exercises(steps, lesson))


class PageRenderer:
    """Renders the generated pages of one language."""

    def __init__(self, strings: Catalog, override_dirs: list[Path]):
        self.strings = strings
        self.environment = _environment(tuple(override_dirs))

    def _render(self, template: str, **context) -> bytes:
        text = self.environment.get_template(template).render(t=self.strings, **context)
        return text.encode("utf-8")

    def course_overview(self, course: Course, modules: list[Module]) -> bytes:
        return self._render("course_overview.md.j2", course=course, modules=modules)

    def module_overview(self, module: Module) -> bytes:
        return self._render("module_overview.md.j2", module=module)

    def session_plan(self, session: TimedSession) -> bytes:
        guide = Path("../..", FACILITATOR_GUIDE).as_posix()
        return self._render("session_plan.md.j2", module=session.module, plan=session.module.session,
                            steps=session.steps, unplanned=session.unplanned, guide_link=guide)

    def answer_key(self, module: Module, lesson: LessonExercises) -> bytes:
        return self._render("answer_key.md.j2", module=module, exercises=lesson.blocks)

    def facilitator_guide(self, sessions: list[TimedSession]) -> bytes:
        return self._render("facilitator_guide.md.j2", sessions=sessions)

    def agenda(self, modules: list[Module]) -> bytes:
        return self._render("agenda.md.j2", modules=modules, default_break=DEFAULT_BREAK_MINUTES)

    def translation_status(self, statuses: list[LanguageStatus]) -> bytes:
        return self._render("translation_status.md.j2", statuses=statuses, states=list(State),
                            current=State.CURRENT, missing=State.MISSING)
