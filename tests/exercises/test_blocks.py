"""Markdown in, HTML out: what learners, trainers and printed handouts get from each block."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import LANGUAGES
from curriculum_site.errors import AuthorError
from curriculum_site.exercises.scan import leftover_markers

from .conftest import Convert
from .exercise_samples import ALL, CHOICE, MULTIPLE, REFLECTION, SCALES, SCENARIO

ANSWER_WORDS = ("Suggested answer", "Recommended", "Acting on a concern", "Keeps lines of communication")


def ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def test_learner_choice_is_a_fieldset_of_labelled_radios_with_an_explicit_check(convert: Convert) -> None:
    html = convert(CHOICE)
    assert '<fieldset class="cx-step"' in html
    assert '<legend class="cx-question">' in html and "<em>listening</em>" in html
    radios = re.findall(r'<input type="radio" name="cx-trust-building-listening" id="([^"]+)"', html)
    assert sorted(radios) == ["cx-trust-building-listening-1", "cx-trust-building-listening-2"]
    for radio in radios:
        assert f'<label for="{radio}">' in html
    assert '<button type="button" class="cx-check">Check my answer</button>' in html
    assert '<div class="cx-status" role="status" aria-live="polite"></div>' in html
    assert "<form" not in html  # nothing to submit: Enter or arrow keys never send anything


def test_learner_feedback_is_readable_without_script(convert: Convert) -> None:
    html = convert(CHOICE)
    answers = html.split('<details class="cx-answers">', 1)[1]
    assert "Acting on a concern, agreed together, builds trust." in answers
    assert "Explaining is not acting." in answers
    assert "Listening means acting on what you hear" in answers


def test_multiple_choice_uses_checkboxes_and_says_so(convert: Convert) -> None:
    html = convert(MULTIPLE)
    assert html.count('type="checkbox" name="cx-trust-building-signs"') == 3
    assert "Choose every answer that applies." in html


def test_scenario_learner_has_both_steps_and_rationales(convert: Convert) -> None:
    html = convert(SCENARIO)
    assert "<em>Illustrative scenario.</em>" in html
    assert html.count('<fieldset class="cx-step"') == 2
    assert 'name="cx-practice-police-raid-s2"' in html
    assert "Silence breaks trust." in html and "Delay sends a message." in html
    assert "Police" in html


def test_reflection_learner_has_a_labelled_private_text_box(convert: Convert) -> None:
    html = convert(REFLECTION)
    assert 'aria-labelledby="cx-trust-building-reflect-prompt"' in html
    assert "never scored or sent anywhere" in html
    assert "A small gesture counts." in html


def test_after_scale_repeats_the_before_statements_and_offers_the_comparison(convert: Convert) -> None:
    html = convert(SCALES)
    after = html.split('id="cx-trust-building-confidence-after"', 1)[1]
    assert "I can explain why listening must lead to action." in after
    assert 'data-cx-compare="trust-building-confidence-before"' in html
    assert after.count('type="radio"') == 10  # 2 statements x 5 points
    assert "Show my change" in after
    assert "Very confident" in after


@pytest.mark.parametrize("view", ["learner", "handout"])
def test_discussion_never_reaches_learners_or_handouts(convert: Convert, view: str) -> None:
    html = convert(ALL, view=view)
    for note in ("Ask what stops services", "Trainer notes on police practice", "Invite volunteers only"):
        assert note not in html


def test_trainer_view_shows_answers_rationales_and_discussion(convert: Convert) -> None:
    html = convert(ALL, view="trainer")
    assert '<li class="cx-good"><p><strong>Suggested answer</strong>: The clinic changes' in html
    assert '<li class="cx-good"><p><strong>Recommended</strong>: Tell the liaison' in html
    for text in (
        "Explaining is not acting.",
        "Listening means acting",
        "Ask what stops services",
        "Trainer notes on police practice",
        "Invite volunteers only",
        "Delay sends a message.",
    ):
        assert text in html
    assert "<input" not in html and "cx-remember" not in html


def test_handout_has_questions_but_no_answers_feedback_or_controls(convert: Convert) -> None:
    html = convert(ALL, view="handout")
    assert "What shows <em>listening</em>?" in html
    assert "The clinic changes its hours" in html  # options are printed, unmarked
    for text in (
        *ANSWER_WORDS,
        "Explaining is not acting",
        "Silence breaks trust",
        "Listening means acting",
        "data-cx-good",
        "<input",
        "<button",
        "<details",
    ):
        assert text not in html
    assert '<span class="cx-box" aria-hidden="true"></span>' in html


def test_ids_are_unique_on_a_page_with_every_type(convert: Convert) -> None:
    for view in ("learner", "trainer", "handout"):
        counts = Counter(ids(convert(ALL, view=view)))
        assert [i for i, n in counts.items() if n > 1] == []


def test_remember_control_appears_once_per_learner_page_with_inert_setup(convert: Convert) -> None:
    html = convert(ALL)
    assert html.count("data-cx-remember") == 1
    assert html.index("data-cx-remember") < html.index('id="cx-trust-building-listening"')
    setup = re.search(r'<script type="application/json" class="cx-setup">(.*?)</script>', html)
    assert setup is not None and '"site": "test-site"' in setup.group(1)
    assert re.search(r"<script(?! type=\"application/json\")", html) is None  # nothing executable


def test_progress_block_renders_name_field_and_print_button(convert: Convert) -> None:
    html = convert("# My progress\n\n/// progress\n///\n")
    assert 'id="cx-progress-name"' in html and "Print my summary" in html
    assert '<script type="application/json" class="cx-index">[]</script>' in html


PAYLOADS = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[link](javascript:alert(3))",
    '<a href="JaVaScRiPt:alert(4)">a</a>',
    '<span onclick="alert(5)">s</span>',
    '<iframe src="https://example.org"></iframe>',
)


def _with_payload(payload: str) -> str:
    quoted = payload.replace("'", "''")
    p = f"'ok {quoted}'"
    return f"""\
/// choice | mod-xss
question: {p}
options:
  - text: {p}
    correct: true
    feedback: {p}
  - text: b
    feedback: {p}
explanation: {p}
discussion: {p}
///

/// scenario | mod-xss-scenario
situation: {p}
question: {p}
choices:
  - text: {p}
    rationale: {p}
    recommended: true
  - text: b
    rationale: r
///

/// reflection | mod-xss-reflect
prompt: {p}
hint: {p}
discussion: {p}
///

/// scale | mod-xss-scale
phase: before
statements:
  - {p}
///
"""


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("view", ["learner", "trainer", "handout"])
def test_html_in_every_field_is_sanitized(convert: Convert, payload: str, view: str) -> None:
    html = convert(_with_payload(payload), view=view).lower()
    assert "alert(" not in html
    assert "<script>" not in html and "<iframe" not in html
    assert re.search(r"\son\w+=", html) is None
    assert "javascript:" not in html


def test_author_errors_name_the_markdown_line(convert: Convert) -> None:
    text = (
        "# Lesson\n\nIntro.\n\n" + REFLECTION + "\n/// choice | mod-broken\nquestion: Q\noptions: []\n///\n"
    )
    with pytest.raises(AuthorError) as caught:
        convert(text)
    assert caught.value.path == "lesson.md"
    assert caught.value.line == 13  # the empty 'options:', two lines below the header


def test_duplicate_id_on_one_page_names_both_lines(convert: Convert) -> None:
    with pytest.raises(AuthorError) as caught:
        convert(REFLECTION + "\n" + REFLECTION)
    assert caught.value.line == 7
    assert "first at line 1" in caught.value.detail


def test_after_scale_without_its_before_scale_stops(convert: Convert) -> None:
    with pytest.raises(AuthorError) as caught:
        convert("/// scale | mod-after\nphase: after\ncompare: mod-before\n///\n")
    assert caught.value.line == 1
    assert "mod-before" in caught.value.detail


def test_missing_id_is_an_error_not_literal_text(convert: Convert) -> None:
    with pytest.raises(AuthorError, match="missing or not made of lowercase"):
        convert("/// reflection\nprompt: P\n///\n")


def test_indented_body_is_an_error_not_literal_text(convert: Convert) -> None:
    with pytest.raises(AuthorError, match="indented lines") as caught:
        convert("Text.\n\n/// reflection | mod-r\n    prompt: P\n///\n")
    assert caught.value.line == 3


def test_unclosed_block_stops_instead_of_swallowing_the_page(convert: Convert) -> None:
    with pytest.raises(AuthorError, match="no closing '///'") as caught:
        convert("# T\n\n/// reflection | mod-r\nprompt: P\n\n## Next section\n")
    assert caught.value.line == 3


def test_malformed_yaml_line_points_into_the_file(convert: Convert) -> None:
    text = "# T\n\n/// reflection | mod-r\nprompt: P\nhint: [unclosed\n///\n"
    with pytest.raises(AuthorError, match="not valid YAML") as caught:
        convert(text)
    assert caught.value.line in (5, 6)  # YAML reports the end of the unclosed flow sequence


def test_multi_paragraph_option_text_is_refused(convert: Convert) -> None:
    body = CHOICE.replace(
        "  - text: The clinic explains why the hours cannot change.",
        "  - text: |\n      First paragraph.\n\n      Second paragraph.",
    )
    with pytest.raises(AuthorError, match="options\\[2\\].text' must be a single paragraph"):
        convert(body)


def test_exercise_inside_a_tab_renders_and_fenced_examples_stay_code(convert: Convert) -> None:
    text = "//// tab | Health\n\n" + REFLECTION + "\n////\n\n```text\n" + CHOICE + "```\n"
    html = convert(text)
    assert 'id="cx-trust-building-reflect"' in html
    assert "/// choice | trust-building-listening" in html  # inside <code>, as an example
    assert leftover_markers(html) == []


def test_unknown_type_is_left_as_a_marker_that_the_build_check_finds(convert: Convert) -> None:
    html = convert("Intro.\n\n/// choise | mod-typo\nquestion: Q\n///\n")
    assert leftover_markers(html) == [("choise", "mod-typo")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_view_renders_in_every_language_from_its_catalog(language: str) -> None:
    import markdown

    from curriculum_site.catalog import load_catalog
    from curriculum_site.exercises.blocks import ExercisesExtension
    from curriculum_site.exercises.render import ExerciseRenderer

    from .conftest import TRANSLATIONS

    catalog = load_catalog(TRANSLATIONS, language)
    renderer = ExerciseRenderer(catalog)
    for view in ("learner", "trainer", "handout"):
        extension = ExercisesExtension(renderer, site_id="s", view=view)
        html = markdown.Markdown(extensions=[extension]).convert(ALL + "\n/// progress\n///\n")
        assert catalog["exercises.title_scenario"] in html


def test_a_theme_replaces_an_exercise_template_by_name(tmp_path) -> None:  # noqa: ANN001
    # The theme's custom_dir (overrides/) may hold curriculum/exercises/<type>.html, as the
    # plugin passes it to the renderer.
    import markdown

    from curriculum_site.catalog import load_catalog
    from curriculum_site.exercises.blocks import ExercisesExtension
    from curriculum_site.exercises.render import ExerciseRenderer

    from .conftest import TRANSLATIONS

    folder = tmp_path / "curriculum" / "exercises"
    folder.mkdir(parents=True)
    (folder / "reflection.html").write_text('<div class="our-reflection">{{ ex.id }}</div>\n',
                                            encoding="utf-8")
    renderer = ExerciseRenderer(load_catalog(TRANSLATIONS, "en"), override_dirs=[tmp_path])
    html = markdown.Markdown(extensions=[ExercisesExtension(renderer, view="trainer")]).convert(REFLECTION)
    assert '<div class="our-reflection">trust-building-reflect</div>' in html
