"""Pages built from the course's data (overviews, session plans), as Markdown from templates."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .model import Course, Module

TEMPLATES = Path(__file__).parent / "templates"


def _environment(extra_dirs: list[Path]) -> Environment:
    # Templates in the project's overrides/curriculum/ folder win over ours.
    loader = FileSystemLoader([*map(str, extra_dirs), str(TEMPLATES)])
    environment = Environment(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True,
                              autoescape=False)  # noqa: S701 - the output is Markdown, escaped by Markdown
    environment.filters["clock"] = lambda minutes: f"{minutes // 60}:{minutes % 60:02d}"
    return environment


class PageRenderer:
    """Renders the generated pages of one language."""

    def __init__(self, strings: dict[str, str], override_dirs: list[Path]):
        self.strings = strings
        self.environment = _environment(override_dirs)

    def _render(self, template: str, **context) -> bytes:
        text = self.environment.get_template(template).render(t=self.strings, **context)
        return text.encode("utf-8")

    def course_overview(self, course: Course, modules: list[Module]) -> bytes:
        return self._render("course_overview.md.j2", course=course, modules=modules)

    def module_overview(self, module: Module) -> bytes:
        return self._render("module_overview.md.j2", module=module)

    def session_plan(self, module: Module) -> bytes:
        starts = []
        elapsed = 0
        for step in module.session.steps:
            starts.append(elapsed)
            elapsed += step.minutes
        return self._render("session_plan.md.j2", module=module, plan=module.session,
                            steps=list(zip(starts, module.session.steps, strict=True)))
