"""A module as a translator rendered it: translated text over the English module's facts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..course.loader import load_session
from ..course.model import Module
from ..errors import AuthorError
from ..fields import Fields, Origin
from ..status import recorded_version, source_version
from ..yamlsource import load_yaml

TRANSLATABLE_MODULE_KEYS = ("title", "summary", "objectives", "key_points", "reviewed_by")
TRANSLATION_KEYS = ("translation_of",)


def translated_module(module: Module, folder: Path) -> Module | None:
    """The module in another language, or None when its module.yml is not translated yet."""
    path = folder / "module.yml"
    if not path.is_file():
        return None
    fields = Fields(load_yaml(path), Origin(path), "a translated module.yml")
    fields.reject_unknown(TRANSLATABLE_MODULE_KEYS + TRANSLATION_KEYS)
    session = module.session
    session_path = folder / "session.yml"
    if session_path.is_file():
        session = load_session(session_path, extra_keys=TRANSLATION_KEYS)
        english = [step.minutes for step in module.session.steps]
        # A stale plan may lag behind a changed English one: readers see the stale notice and
        # the status page lists it. Only a plan that claims to be current must match.
        if [step.minutes for step in session.steps] != english and _claims_current(
                session_path, module.session.path):
            raise AuthorError(session_path, "the steps or their minutes differ from the English "
                              f"session plan {module.session.path}.",
                              fix="keep the same steps with the same minutes; translate only the text.")
    return replace(
        module,
        title=fields.text("title"),
        summary=fields.text("summary"),
        objectives=fields.texts("objectives", required=False) or module.objectives,
        key_points=fields.texts("key_points", required=False) or module.key_points,
        session=session,
    )


def _claims_current(translation: Path, english: Path) -> bool:
    recorded, _ = recorded_version(translation)
    return str(recorded).lower() == source_version(english)
