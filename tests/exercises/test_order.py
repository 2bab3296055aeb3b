"""Options are shown in one shuffled order, the same in every view and every language."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import markdown
import pytest

from conftest import LANGUAGES
from curriculum_site.catalog import load_catalog
from curriculum_site.exercises.blocks import ExercisesExtension
from curriculum_site.exercises.order import decision_points, display_order, shown
from curriculum_site.exercises.parser import parse_markdown
from curriculum_site.exercises.render import ExerciseRenderer

from .conftest import ROOT, TRANSLATIONS, Convert
from .exercise_samples import SCENARIO

FOUR = """\
/// choice | order-four
mode: multiple
question: Which of these?
options:
  - text: Alpha answer.
    correct: true
    feedback: A.
  - text: Bravo answer.
    feedback: B.
  - text: Charlie answer.
    correct: true
    feedback: C.
  - text: Delta answer.
    feedback: D.
///
"""
AUTHORED = ["Alpha", "Bravo", "Charlie", "Delta"]


def option_words(html: str) -> list[str]:
    return re.findall(r"(Alpha|Bravo|Charlie|Delta) answer", html)


@pytest.mark.parametrize("count", range(0, 9))
def test_the_order_is_a_permutation_and_always_the_same(count: int) -> None:
    order = display_order("some-exercise", count)
    assert sorted(order) == list(range(count))
    assert display_order("some-exercise", count) == order


def test_the_order_is_pinned_so_every_machine_and_python_builds_the_same_pages() -> None:
    # SHA-256, not `random`: a change here changes every published page's order.
    assert display_order("trust-building-listening", 4) == (2, 0, 3, 1)
    assert display_order("practice-police-raid", 2) == (0, 1)
    assert display_order("practice-police-raid:2", 2) == (1, 0)


def test_over_many_exercises_the_first_written_option_lands_anywhere() -> None:
    places = Counter(display_order(f"module-check-{n}", 4).index(0) for n in range(800))
    assert sorted(places) == [0, 1, 2, 3]
    assert all(150 < places[p] < 250 for p in range(4)), places  # 200 each on average


def test_every_view_shows_the_same_shuffled_order(convert: Convert) -> None:
    expected = [AUTHORED[i] for i in display_order("order-four", 4)]
    assert expected != AUTHORED, "this id is chosen because its shuffle moves the options"
    learner = convert(FOUR)
    fieldset, answers = learner.split('<details class="cx-answers">')
    assert option_words(fieldset) == expected
    assert option_words(answers) == expected  # the explanations follow the order learners saw
    assert option_words(convert(FOUR, view="trainer")) == expected
    assert option_words(convert(FOUR, view="handout")) == expected


def test_inputs_keep_the_authors_numbers_so_answers_and_feedback_still_match(convert: Convert) -> None:
    html = convert(FOUR)
    values = re.findall(r'<input type="checkbox" name="cx-order-four" id="cx-order-four-(\d)" '
                        r'value="(\d)"( data-cx-good)?', html)
    assert [(int(v), bool(good)) for _, v, good in values] == [
        (i + 1, i in (0, 2)) for i in display_order("order-four", 4)]
    assert all(element_id == value for element_id, value, _ in values)
    for number, word in enumerate(AUTHORED, start=1):
        assert re.search(rf'<li data-cx-option="{number}"><p><strong>[^<]+</strong>: {word} answer', html)


def test_a_scenario_follow_up_is_shuffled_apart_from_its_first_step(convert: Convert) -> None:
    html = convert(SCENARIO)
    first = re.findall(r'id="cx-practice-police-raid-s1-(\d)" value', html)
    follow = re.findall(r'id="cx-practice-police-raid-s2-(\d)" value', html)
    assert first == [str(i + 1) for i in display_order("practice-police-raid", 2)] == ["1", "2"]
    assert follow == [str(i + 1) for i in display_order("practice-police-raid:2", 2)] == ["2", "1"]


def test_shown_pairs_each_item_with_its_authored_number() -> None:
    assert shown(["a", "b", "c", "d"], "trust-building-listening") == [
        (3, "c"), (1, "a"), (4, "d"), (2, "b")]


LESSONS = sorted((ROOT / "curriculum" / "modules").glob("*/lesson.md"))


def learner_order(language: str, lesson: Path) -> list[tuple[str, list[str]]]:
    """Each rendered question's inputs, as authored numbers in the order shown."""
    translated = TRANSLATIONS / language / "curriculum" / lesson.relative_to(ROOT / "curriculum")
    # A lesson not translated yet is shown in English, as the build's fallback does.
    source = translated if language != "en" and translated.is_file() else lesson
    extension = ExercisesExtension(ExerciseRenderer(load_catalog(TRANSLATIONS, language)), site_id="s")
    html = markdown.Markdown(extensions=[extension]).convert(source.read_text(encoding="utf-8"))
    names = dict.fromkeys(re.findall(r'<input type="(?:radio|checkbox)" name="([^"]+)"', html))
    return [(name, re.findall(rf'name="{re.escape(name)}" id="[^"]+" value="(\d+)"', html)) for name in names]


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.parent.name)
def test_every_translation_shows_the_options_in_the_english_order(language: str, lesson: Path) -> None:
    english = learner_order("en", lesson)
    assert english, f"{lesson} has no choice or scenario to compare"
    assert learner_order(language, lesson) == english


def test_every_decision_point_of_the_course_is_shuffled_by_its_id() -> None:
    points = [point for lesson in LESSONS
              for located in parse_markdown(lesson.read_text(encoding="utf-8"), str(lesson))
              for point in decision_points(located.exercise)]
    assert points
    moved = [p for p in points if p.order != tuple(range(len(p.texts)))]
    assert len(moved) > len(points) / 2  # authored order kept only where the shuffle lands on it
