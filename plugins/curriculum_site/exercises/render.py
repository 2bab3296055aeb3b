"""Exercise models to HTML for one view, through Jinja templates a theme can override."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from curriculum_site.catalog import LABELLED, Catalog
from curriculum_site.errors import AuthorError
from curriculum_site.plurals import fill

from .field_markdown import MarkdownFields
from .model import ChoiceExercise, Exercise, ReflectionExercise, ScenarioExercise, View
from .order import shown

TEMPLATES = Path(__file__).parent / "templates"
# A theme's custom_dir can replace any template by the same name under this folder.
OVERRIDE_SUBDIR = "curriculum/exercises"
KEY_PREFIX = "exercises."

# Strings the script shows; sent once per page, so only these, not the whole catalog.
SCRIPT_KEYS = (
    "result_correct",
    "result_partial",
    "result_other",
    "result_none",
    "result_recommended",
    "result_not_recommended",
    "scale_change",
    "scale_incomplete",
    "remembered",
    "forgotten",
    "storage_unavailable",
    "forget_failed",
    "discarded",
    "progress_empty",
    "progress_count",
    "progress_done",
    "progress_not_done",
    "progress_summary",
)


class ExerciseRenderer:
    """Renders exercises with one language's catalog; one instance per language build."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        catalog_source: str = "the UI catalog",
        fields: MarkdownFields | None = None,
        override_dirs: Sequence[Path] = (),
    ) -> None:
        self._catalog = catalog
        self._catalog_source = catalog_source
        self._fields = fields or MarkdownFields()
        self._env = _environment(tuple(map(Path, override_dirs)), self._fields)
        self._rendered: dict[tuple[Exercise, View], str] = {}

    def text(self, key: str) -> str:
        return self._entry(KEY_PREFIX + key)

    def labelled(self, label: str, value: Markup) -> Markup:
        """``label`` in bold introducing ``value``, punctuated as the language writes it."""
        pattern = str(escape(self._entry(LABELLED)))
        return Markup(fill(pattern, label=Markup("<strong>%s</strong>") % label, value=value))

    def _entry(self, key: str) -> str:
        try:
            return self._catalog[key]
        except KeyError:
            raise AuthorError(
                self._catalog_source,
                f"the UI string '{key}' is missing.",
                fix="Add it to this language's ui.yml (translations/<language>/ui.yml).",
            ) from None

    def script_text(self, key: str) -> str | dict[str, str]:
        """A text, or for a string that shows a count its plural forms (plural.js picks one)."""
        forms = self._catalog.plurals.get(KEY_PREFIX + key)
        return dict(forms) if forms is not None else self.text(key)

    def script_setup(self, site_id: str) -> dict[str, Any]:
        """Data the script needs, emitted as JSON (a strict CSP forbids inline scripts)."""
        return {"site": site_id, "strings": {key: self.script_text(key) for key in SCRIPT_KEYS}}

    @property
    def fields(self) -> MarkdownFields:
        return self._fields

    def render(self, exercise: Exercise, view: View) -> str:
        """Render one exercise; raises FieldNotInline for a multi-paragraph label field."""
        # A lesson's exercise is shown again in the same view (answer key, session plan and
        # facilitator guide for trainers): rendered once.
        key = (exercise, view)
        if key not in self._rendered:
            self._rendered[key] = self._env.get_template(f"{exercise.type}.html").render(
                ex=exercise, view=view, t=self.text, labelled=self.labelled)
        return self._rendered[key]

    def render_remember(self, site_id: str) -> str:
        return self._env.get_template("remember.html").render(setup=self.script_setup(site_id),
                                                              t=self.text)

    def render_progress(self, site_id: str, index: Sequence[Mapping[str, Any]] = ()) -> str:
        return self._env.get_template("progress.html").render(
            setup=self.script_setup(site_id), index_script=index_script(index), t=self.text
        )


# A few builds' worth: `mkdocs serve` builds again, with new plugins, on every change.
@lru_cache(maxsize=4)
def _environment(override_dirs: tuple[Path, ...], fields: MarkdownFields) -> Environment:
    """Shared by every language's renderer (each passes its own strings as `t`), so each template
    is compiled once per build; a theme's templates by the same name come first."""
    loaders = [FileSystemLoader(str(folder / OVERRIDE_SUBDIR)) for folder in override_dirs]
    environment = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(block=fields.block, inline=fields.inline, shown=shown)
    return environment


def index_script(index: Sequence[Mapping[str, Any]]) -> Markup:
    """The progress page's list of modules and their exercises, as inert JSON."""
    payload = json.dumps(list(index), ensure_ascii=False, separators=(",", ":"))
    # '<' escaped so that text such as '</script>' in a title cannot end the element.
    payload = payload.replace("<", "\\u003c")
    return Markup(f'<script type="application/json" class="cx-index">{payload}</script>')


def plain_label(renderer_fields: MarkdownFields, exercise: Exercise, limit: int = 90) -> str:
    """A short plain-text name for an exercise, for the progress page."""
    if isinstance(exercise, ChoiceExercise):
        source = exercise.question
    elif isinstance(exercise, ScenarioExercise):
        source = exercise.step.question if not exercise.step.situation else exercise.step.situation
    elif isinstance(exercise, ReflectionExercise):
        source = exercise.prompt
    else:
        source = exercise.statements[0] if exercise.statements else exercise.id
    text = " ".join(renderer_fields.block(source).striptags().split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
