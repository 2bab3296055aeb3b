"""Session-step lists as authors write them render as the lists they meant, in every language."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
import yaml

from conftest import LANGUAGES, ROOT
from curriculum_site.build.markdown_lists import nested_lists

ROLE_CARDS = """\
1. Read the scenario.
2. Form groups of three. Give out role cards:
   - **Staff member:** decline politely and
     propose a written rule.
   - **Observer:** note what helped.
   For groups with no police participants, use the same cards
   with a nurse as the staff member.
3. Run the role play."""


def shape(markdown_text: str) -> str:
    """The nesting of the lists the text renders to, e.g. "ol[,ul[,],]"."""
    html = markdown.markdown(nested_lists(markdown_text))

    def lists(element: ElementTree.Element) -> str:
        return "".join(
            f"{child.tag}[{','.join(lists(item) for item in child)}]" if child.tag in ("ul", "ol")
            else lists(child)
            for child in element
        )

    return lists(ElementTree.fromstring(f"<div>{html}</div>"))


def markers_left_in_paragraphs(markdown_text: str) -> list[str]:
    html = markdown.markdown(nested_lists(markdown_text))
    paragraphs = re.findall(r"<p>(.*?)</p>", html, flags=re.S)
    return [line for text in paragraphs for line in text.split("\n")
            if re.match(r"\s*(?:[-*+]|\d+\.) \S", line)]


def test_a_list_indented_under_a_numbered_step_nests_inside_it():
    html = markdown.markdown(nested_lists(ROLE_CARDS))
    steps = ElementTree.fromstring(f"<div>{html}</div>").find("ol")
    assert steps is not None and len(steps) == 3
    cards, after = steps[1].find("ul"), steps[1].findall("p")[-1]
    assert cards is not None and len(cards) == 2
    assert "propose a written rule" in "".join(cards[0].itertext())
    # The sentence after the cards belongs to step 2, as a paragraph of its own.
    assert after.text is not None
    assert after.text.startswith("For groups with no police participants, use the same cards\nwith")


def test_a_list_right_after_a_sentence_is_a_list():
    text = "Statements (use three or four):\n- \"One.\"\n  (A note.)\n- \"Two.\""
    assert shape(text) == "ul[,]"
    assert markers_left_in_paragraphs(text) == []


def test_text_python_markdown_already_reads_right_is_left_alone():
    for text in ("1. One\n\n    - nested\n\n2. Two", "A paragraph.\n\n- one\n- two\n\nMore text.",
                 "**Safety framing:** \"Say this first.\"\nOffer a seated version."):
        assert nested_lists(text) == text


@pytest.mark.parametrize("plan", sorted((ROOT / "curriculum" / "modules").glob("*/session.yml")),
                         ids=lambda path: path.parent.name)
def test_every_step_in_every_language_has_the_lists_of_the_english_step(plan: Path):
    english = yaml.safe_load(plan.read_text(encoding="utf-8"))["steps"]
    relative = plan.relative_to(ROOT)
    for language in LANGUAGES:
        path = plan if language == "en" else ROOT / "translations" / language / relative
        # A language without this plan shows the English one, checked as "en".
        if not path.exists():
            continue
        steps = yaml.safe_load(path.read_text(encoding="utf-8"))["steps"]
        for number, (step, source) in enumerate(zip(steps, english, strict=True), start=1):
            where = f"{path.relative_to(ROOT)} step {number}"
            assert markers_left_in_paragraphs(step["instructions"]) == [], where
            assert shape(step["instructions"]) == shape(source["instructions"]), where
