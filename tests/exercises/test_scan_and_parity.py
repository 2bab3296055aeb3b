"""Finding blocks in source files, and keeping translations' answers identical to the source."""

from __future__ import annotations

import markdown
import pytest

from curriculum_site.errors import AuthorError
from curriculum_site.exercises.blocks import ExercisesExtension, PageSource
from curriculum_site.exercises.parity import check_parity
from curriculum_site.exercises.parser import parse_markdown
from curriculum_site.exercises.scan import ScannedBlock, leftover_markers, scan_blocks

from .exercise_samples import ALL, CHOICE, SCALES


def exercise_blocks(text: str) -> list[ScannedBlock]:
    return [block for block in scan_blocks(text) if block.is_exercise]


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


DRAFT = "/// reflection | mod-draft\nprompt: The answer is B.\n///\n"


@pytest.mark.parametrize("text", [
    "Intro.\n\n<!--\n" + DRAFT + "-->\n\nAfter.\n",
    "Intro.\n\n<!-- a draft:\n\n" + DRAFT + "\nend of draft -->\n",
    "Intro.\n\n    " + DRAFT.replace("\n", "\n    ") + "\nAfter.\n",
    "```\n" + DRAFT + "```\n",
])
def test_scan_never_finds_an_exercise_in_a_comment_or_code(text: str, convert) -> None:  # noqa: ANN001
    assert scan_blocks(text) == []
    html = convert(text)  # the renderer agrees: no exercise, and no error
    assert 'data-cx-id="mod-draft"' not in html


def test_scan_and_renderer_agree_on_exercises_in_admonitions_and_list_items(renderer) -> None:  # noqa: ANN001
    in_admonition = "!!! note\n\n    " + DRAFT.replace("\n", "\n    ")
    in_list = "Intro.\n\n- " + DRAFT.replace("\n", "\n  ")
    for text in (in_admonition, in_list):
        [block] = exercise_blocks(text)
        assert (block.line, block.argument, block.body) == (3, "mod-draft", "prompt: The answer is B.")
        extension = ExercisesExtension(renderer, source=PageSource.from_markdown("lesson.md", text))
        html = markdown.Markdown(extensions=[extension, "admonition"]).convert(text)
        assert 'data-cx-id="mod-draft"' in html


def test_a_block_the_renderer_reads_but_the_scan_does_not_stops_the_conversion(convert) -> None:  # noqa: ANN001
    text = "Intro.\n\n> " + DRAFT.replace("\n", "\n> ")
    with pytest.raises(AuthorError, match="read as a block inside a construct") as caught:
        convert(text)
    assert caught.value.line == 3


@pytest.mark.parametrize(("html", "found"), [
    ("<ul>\n<li>/// choise | x</li>\n<li>b</li>\n</ul>", [("choise", "x")]),
    ("<p>Some text /// choice | mod-a in a sentence.</p>", [("choice", "mod-a in a sentence.")]),
    ("<p>//// tab | Health</p>", [("tab", "Health")]),
    ("<p><code>/// choice | a</code> and file:///C:/lesson.html</p><pre><code>/// q\n</code></pre>", []),
])
def test_leftover_markers_are_found_at_every_position_outside_code(html: str, found: list) -> None:
    assert leftover_markers(html) == found


def test_a_misspelled_marker_in_a_list_item_is_found_with_its_line() -> None:
    text = "# Lesson\n\nSteps:\n\n- /// choise | mod-x\n- another item\n"
    source = PageSource.from_markdown("lesson.md", text)
    assert source.marker_line("choise", "mod-x") == 5
    assert PageSource.from_markdown("lesson.md", "A /// choise here\n").marker_line("choise", "here") == 1
