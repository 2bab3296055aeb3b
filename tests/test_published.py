"""What an author keeps out of the page stays out of every page: a draft exercise in a comment
or a code block is not in the lesson, its answer key or its translation (issue 13), and a
misspelled block marker anywhere stops the build at its line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, fixture_project

LESSONS = ("curriculum/modules/01-listening/lesson.md",
           "translations/fr/curriculum/modules/01-listening/lesson.md")
LIVE = "/// reflection | listening-reflect\nprompt: What did you hear today?\n///\n"
DRAFT = ("/// choice | listening-draft\nquestion: Draft question\noptions:\n"
         "  - text: Option A\n    correct: true\n    feedback: secretanswerword\n"
         "  - text: Option B\n    feedback: Another note.\n///\n")


def _with_exercises(target: Path, addition: str) -> Path:
    project = fixture_project(target)
    for lesson in LESSONS:
        path = project / lesson
        path.write_text(path.read_text(encoding="utf-8") + "\n" + LIVE + addition, encoding="utf-8")
    return project


@pytest.mark.parametrize("hidden", [
    "\n<!--\n" + DRAFT + "-->\n",
    "\n    " + DRAFT.replace("\n", "\n    ") + "\n",
    "\n```text\n" + DRAFT + "```\n",
])
def test_a_draft_in_a_comment_or_code_is_in_no_page_of_any_view_or_language(
        tmp_path: Path, hidden: str) -> None:
    site = build_site(_with_exercises(tmp_path / "course", hidden), tmp_path / "site")
    for prefix in ("", "fr/"):
        for page in ("lesson", "answer-key", "session-plan"):
            html = (site / f"{prefix}modules/01-listening/{page}.html").read_text(encoding="utf-8")
            assert 'data-cx-id="listening-draft"' not in html, (prefix, page)
            assert "listening-reflect" in html or page == "session-plan", (prefix, page)
            if "```" not in hidden and "    ///" not in hidden:  # code examples are shown as code
                assert "secretanswerword" not in html, (prefix, page)
        key = (site / f"{prefix}modules/01-listening/answer-key.html").read_text(encoding="utf-8")
        assert "secretanswerword" not in key and 'data-cx-view="trainer"' in key


def test_a_misspelled_marker_in_a_list_item_stops_the_build_at_its_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = _with_exercises(tmp_path / "course", "\nSteps:\n\n- /// choise | listening-x\n- next\n")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    log = "\n".join(r.getMessage() for r in caplog.records)
    assert ("Error reading curriculum/modules/01-listening/lesson.md:11: '/// choise | listening-x' "
            "is not a known block type") in log and "Did you mean '/// choice'?" in log
