"""Read curriculum.yml and the module folders, checking everything an author could get wrong."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import AuthorError
from ..fields import Fields, Origin
from ..yamlsource import line_of, load_yaml
from .model import (
    ACTIVITY_TYPES,
    AUDIENCES,
    MODULE_PAGES,
    SECTORS,
    SOURCE_REFERENCES,
    STEP_KINDS,
    Course,
    Module,
    SessionPlan,
    Step,
)

FOLDER = re.compile(r"^(?P<number>\d{2})-(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)$")
SITE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COURSE_KEYS = ("title", "site_id", "version", "citation", "languages", "audiences", "sectors", "modules")
MODULE_KEYS = (
    "id", "title", "summary", "duration", "objectives", "key_points", "activities", "sources",
    "audiences", "sectors", "reviewed_by",
)
SESSION_KEYS = (
    "total_minutes", "objectives", "materials", "preparation", "ground_rules", "steps",
    "safety_notes", "debrief",
)
STEP_KEYS = ("title", "minutes", "kind", "instructions", "exercise")
# A step of a session plan fits in a working day, a module in two.
STEP_MAX_MINUTES = 8 * 60
MODULE_MAX_MINUTES = 16 * 60


def load_course(root: Path) -> Course:
    """Load ``root/curriculum.yml`` and every module it lists, or raise an AuthorError."""
    path = root / "curriculum.yml"
    data = load_yaml(path)
    fields = Fields(data, Origin(path), "curriculum.yml")
    fields.reject_unknown(COURSE_KEYS)
    site_id = fields.text("site_id")
    if not SITE_ID.match(site_id):
        raise fields.error("site_id", f"site_id '{site_id}' must be lowercase words joined by '-'.",
                           "use e.g. 'site_id: working-with-sex-workers'; never change it once published.")
    order = fields.texts("modules")
    modules = _load_modules(root, order, data, path)
    return Course(
        root=root,
        title=fields.text("title"),
        site_id=site_id,
        version=fields.text("version"),
        citation=fields.text("citation"),
        languages=fields.texts("languages"),
        audiences=fields.choices("audiences", AUDIENCES),
        sectors=fields.choices("sectors", SECTORS),
        modules=modules,
    )


def _load_modules(root: Path, order: tuple[str, ...], data, path: Path) -> tuple[Module, ...]:
    modules_dir = root / "modules"
    seen: dict[str, int] = {}
    for index, folder in enumerate(order):
        line = line_of(data["modules"], index)
        if folder in seen:
            raise AuthorError(path, f"module '{folder}' is listed twice in 'modules'.", line=line,
                              fix="list each module folder once.")
        seen[folder] = index
        if not FOLDER.match(folder):
            raise AuthorError(path, f"'{folder}' is not a module folder name.", line=line,
                              fix="name folders like '02-building-trust': two digits, '-', the module id.")
        if not (modules_dir / folder).is_dir():
            raise AuthorError(path, f"module '{folder}' is listed but there is no folder "
                              f"modules/{folder}/.", line=line,
                              fix="create the folder or remove the line.")
    if modules_dir.is_dir():
        for folder in sorted(p.name for p in modules_dir.iterdir() if p.is_dir()):
            if folder not in seen:
                raise AuthorError(modules_dir / folder, "this module folder is not listed in "
                                  "curriculum.yml.", fix=f"add '- {folder}' under 'modules:' in "
                                  f"{path}, or remove the folder.")
    modules = tuple(load_module(modules_dir / folder) for folder in order)
    ids: dict[str, Module] = {}
    for module in modules:
        if module.id in ids:
            raise AuthorError(module.path / "module.yml", f"module id '{module.id}' is also used by "
                              f"{ids[module.id].path / 'module.yml'}.", fix="give each module its own id.")
        ids[module.id] = module
    return modules


def load_module(folder: Path) -> Module:
    """Load one module folder: module.yml, session.yml and its Markdown pages."""
    match = FOLDER.match(folder.name)
    if not match:
        raise AuthorError(folder, "this is not a module folder name.",
                          fix="name folders like '02-building-trust'.")
    path = folder / "module.yml"
    fields = Fields(load_yaml(path), Origin(path), "module.yml")
    fields.reject_unknown(MODULE_KEYS)
    module_id = fields.text("id")
    if module_id != match["id"]:
        raise fields.error("id", f"id '{module_id}' does not match the folder name '{folder.name}'.",
                           f"write 'id: {match['id']}' or rename the folder.")
    for page in MODULE_PAGES:
        if not (folder / page).is_file():
            raise AuthorError(folder / page, "this module page is missing.",
                              fix="write it (see docs/authoring/modules.md).")
    duration = fields.minutes("duration", maximum=MODULE_MAX_MINUTES)
    session = load_session(folder / "session.yml", duration=duration)
    return Module(
        number=int(match["number"]),
        folder=folder.name,
        path=folder,
        id=module_id,
        title=fields.text("title"),
        summary=fields.text("summary"),
        duration=duration,
        objectives=fields.texts("objectives"),
        key_points=fields.texts("key_points"),
        activities=fields.choices("activities", ACTIVITY_TYPES),
        sources=fields.choices("sources", SOURCE_REFERENCES),
        audiences=fields.choices("audiences", AUDIENCES),
        sectors=fields.choices("sectors", SECTORS, required=False),
        reviewed_by=fields.texts("reviewed_by", required=False),
        session=session,
    )


def load_session(path: Path, extra_keys: tuple[str, ...] = (), *,
                 duration: int | None = None) -> SessionPlan:
    """Load a session plan; its steps' minutes must add up to its total (and to ``duration``)."""
    fields = Fields(load_yaml(path), Origin(path), "session.yml")
    fields.reject_unknown(SESSION_KEYS + extra_keys)
    total = fields.minutes("total_minutes", maximum=MODULE_MAX_MINUTES)
    if duration is not None and total != duration:
        raise fields.error("total_minutes", f"total_minutes is {total} but module.yml gives a "
                           f"duration of {duration}.", "make them equal.")
    steps = tuple(_load_step(step) for step in fields.mappings("steps"))
    spent = sum(step.minutes for step in steps)
    if spent != total:
        raise fields.error("steps", f"the steps add up to {spent} minutes but total_minutes is {total}.",
                           "change the steps' minutes or total_minutes so they agree.")
    return SessionPlan(
        path=path,
        total_minutes=total,
        objectives=fields.texts("objectives"),
        materials=fields.texts("materials"),
        preparation=fields.texts("preparation"),
        ground_rules=fields.texts("ground_rules", required=False),
        steps=steps,
        safety_notes=fields.texts("safety_notes"),
        debrief=fields.texts("debrief"),
    )


def _load_step(fields: Fields) -> Step:
    fields.reject_unknown(STEP_KEYS)
    return Step(
        title=fields.text("title"),
        minutes=fields.minutes("minutes", maximum=STEP_MAX_MINUTES),
        kind=fields.choice("kind", STEP_KINDS),
        instructions=fields.text("instructions"),
        exercise=fields.text("exercise", required=False),
        line=fields.line,
    )
