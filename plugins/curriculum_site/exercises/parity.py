"""Check that a translation keeps the source's exercises: same ids, types, shape and answers.

A translator changes words, never which answer is correct; a mismatch is reported with
both files so the translator can compare them side by side.
"""

from __future__ import annotations

from collections.abc import Sequence

from curriculum_site.errors import AuthorError

from .model import ChoiceExercise, Exercise, LocatedExercise, ScaleExercise, ScenarioExercise, ScenarioStep


def answer_shape(exercise: Exercise) -> dict[str, object]:
    """What a translation must keep identical: everything but the words."""
    if isinstance(exercise, ChoiceExercise):
        return {"mode": exercise.mode, "correct options": [option.correct for option in exercise.options]}
    if isinstance(exercise, ScenarioExercise):
        shape: dict[str, object] = {"recommended choices": _recommended(exercise.step)}
        shape["follow-up recommended choices"] = (
            _recommended(exercise.follow_up) if exercise.follow_up else None
        )
        return shape
    if isinstance(exercise, ScaleExercise):
        return {"phase": exercise.phase, "compare": exercise.compare, "statements": len(exercise.statements)}
    return {}


def _recommended(step: ScenarioStep) -> list[bool]:
    return [choice.recommended for choice in step.choices]


def check_parity(source: Sequence[LocatedExercise], translation: Sequence[LocatedExercise]) -> None:
    """Raise AuthorError at the first difference between a source file's exercises and its translation."""
    if not translation and not source:
        return
    source_path = source[0].path if source else "the source"
    translated_by_id = {item.exercise.id: item for item in translation}
    source_ids = [item.exercise.id for item in source]
    for item in translation:
        if item.exercise.id not in source_ids:
            raise AuthorError(
                item.path,
                f"exercise '{item.exercise.id}' is not in the source {source_path}.",
                line=item.line,
                fix="Keep the source's exercise ids unchanged; translate only the text.",
            )
    for item in source:
        translated = translated_by_id.get(item.exercise.id)
        translation_path = translation[0].path if translation else "the translation"
        if translated is None:
            raise AuthorError(
                translation_path,
                f"exercise '{item.exercise.id}' from {item.path}:{item.line} is missing.",
                fix="Translate the block and keep its id.",
            )
        _compare(item, translated)
    order = [item.exercise.id for item in translation]
    if order != source_ids:
        raise AuthorError(
            translation[0].path,
            f"exercises are in a different order than in {source_path} ({', '.join(order)}).",
            fix=f"Use the source order: {', '.join(source_ids)}.",
        )


def _compare(source: LocatedExercise, translated: LocatedExercise) -> None:
    where = f"exercise '{source.exercise.id}' differs from {source.path}:{source.line}"
    if source.exercise.type != translated.exercise.type:
        raise AuthorError(
            translated.path,
            f"{where}: it is a {translated.exercise.type}, the source is a {source.exercise.type}.",
            line=translated.line,
            fix=f"Use '/// {source.exercise.type}' as in the source.",
        )
    if _counts(source.exercise) != _counts(translated.exercise):
        raise AuthorError(
            translated.path,
            f"{where}: it has {_counts(translated.exercise)} "
            f"where the source has {_counts(source.exercise)}.",
            line=translated.line,
            fix="Translate every option, choice and statement of the source, no more and no fewer.",
        )
    expected, found = answer_shape(source.exercise), answer_shape(translated.exercise)
    for key, value in expected.items():
        if found.get(key) != value:
            raise AuthorError(
                translated.path,
                f"{where}: {key} are {found.get(key)}, the source has {value}.",
                line=translated.line,
                fix="Keep 'correct', 'recommended', 'mode', 'phase' and 'compare' exactly as in the source.",
            )


def _counts(exercise: Exercise) -> str:
    if isinstance(exercise, ChoiceExercise):
        return f"{len(exercise.options)} options"
    if isinstance(exercise, ScenarioExercise):
        follow = f" and {len(exercise.follow_up.choices)} follow-up choices" if exercise.follow_up else ""
        return f"{len(exercise.step.choices)} choices{follow}"
    if isinstance(exercise, ScaleExercise):
        return f"{len(exercise.statements)} statements"
    return "a prompt"
