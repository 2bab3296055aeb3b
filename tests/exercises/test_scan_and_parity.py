"""Finding blocks in source files, and keeping translations' answers identical to the source."""

from __future__ import annotations

import pytest

from curriculum_site.errors import AuthorError
from curriculum_site.exercises.parity import check_parity
from curriculum_site.exercises.parser import parse_markdown
from curriculum_site.exercises.scan import exercise_blocks, scan_blocks

from .exercise_samples import ALL, CHOICE, SCALES


def test_scan_gives_header_line_type_id_and_exact_body() -> None:
    text = "---\ntitle: T\n---\n\n# Lesson\n\n" + CHOICE
    [block] = exercise_blocks(text)
    assert (block.line, block.kind, block.argument) == (7, "choice", "trust-building-listening")
    assert block.body.startswith("mode: single\nquestion: |\n  A sex worker-led")
    assert block.body.endswith("discussion: Ask what stops services from changing opening hours.")
    assert block.closed


def test_scan_skips_fenced_examples_and_enters_other_blocks() -> None:
    text = "```text\n" + CHOICE + "```\n\n//// tab | One\n\n" + SCALES + "\n////\n"
    kinds = [(b.kind, b.argument) for b in scan_blocks(text)]
    assert kinds == [
        ("tab", "One"),
        ("scale", "trust-building-confidence-before"),
        ("scale", "trust-building-confidence-after"),
    ]


def test_scan_reports_an_unclosed_block() -> None:
    [block] = exercise_blocks("/// reflection | m-r\nprompt: P\n")
    assert not block.closed


def translate(text: str) -> str:
    """A faithful 'translation': only words change."""
    return text.replace("The clinic", "La clinique").replace(
        "question: What would you do?", "question: ¿Qué haría?"
    )


def test_faithful_translation_passes() -> None:
    check_parity(parse_markdown(ALL, "lesson.md"), parse_markdown(translate(ALL), "lesson.fr.md"))


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda t: t.replace("trust-building-reflect", "trust-building-reflexion"), "not in the source"),
        (
            lambda t: t.replace("    correct: true\n    feedback: Yes.", "    feedback: Yes."),
            "no option is marked",
        ),
        (
            lambda t: t.replace(
                "  - text: Acting on feedback.\n    correct: true", "  - text: Acting.\n    correct: false"
            ),
            "correct options are [True, False, False]",
        ),
        (lambda t: t.replace("  - I know what breaks trust.\n", ""), "1 statements where the source has 2"),
        (
            lambda t: t.replace("mode: multiple", "mode: single").replace(
                "  - text: Acting on feedback.\n    correct: true", "  - text: Acting on feedback."
            ),
            "mode are single",
        ),
    ],
)
def test_translation_that_changes_answers_or_shape_names_both_files(change, detail: str) -> None:  # noqa: ANN001
    source = parse_markdown(ALL, "curriculum/lesson.md")
    with pytest.raises(AuthorError) as caught:
        check_parity(source, parse_markdown(change(ALL), "translations/fr/lesson.md"))
    assert caught.value.path == "translations/fr/lesson.md"
    assert detail in str(caught.value)


def test_missing_translated_exercise_is_named() -> None:
    source = parse_markdown(ALL, "curriculum/lesson.md")
    translated = [
        item for item in parse_markdown(ALL, "fr.md") if item.exercise.id != "trust-building-reflect"
    ]
    with pytest.raises(AuthorError, match="'trust-building-reflect' from curriculum/lesson.md:"):
        check_parity(source, translated)


def test_reordered_translation_is_reported() -> None:
    source = parse_markdown(CHOICE + "\n" + SCALES, "en.md")
    swapped = parse_markdown(SCALES + "\n" + CHOICE, "fr.md")
    with pytest.raises(AuthorError, match="different order"):
        check_parity(source, swapped)
