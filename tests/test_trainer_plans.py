"""Session plans on the clock, answer keys, the facilitator guide and the agenda, without MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT, fixture_project
from curriculum_site.build.access import project_curriculum
from curriculum_site.build.pages import FACILITATOR_GUIDE, PageRenderer
from curriculum_site.catalog import load_catalog
from curriculum_site.course import load_course
from curriculum_site.errors import AuthorError

CHOICE = """/// choice | listening-check
mode: single
question: What shows a service is listening?
options:
  - text: It changes its opening hours after agreeing them with the organization.
    correct: true
    feedback: Yes, acting on a concern builds trust.
  - text: It thanks them.
    feedback: Thanks alone change nothing.
discussion: Ask what stops services from changing.
///
"""
REFLECTION = """/// reflection | listening-reflect
prompt: What will you change?
///
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture course whose session plan runs one of its lesson's two exercises."""
    project = fixture_project(tmp_path / "course")
    module = "curriculum/modules/01-listening"
    lesson = project / module / "lesson.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n" + CHOICE + "\nMore.\n\n" + REFLECTION,
                      encoding="utf-8")
    # Its French lesson has no exercises yet: French falls back to the English lesson.
    (project / "translations/fr" / module / "lesson.md").unlink()
    session = project / module / "session.yml"
    text = session.read_text(encoding="utf-8")
    session.write_text(text.replace("    kind: discussion\n",
                                    "    kind: discussion\n    exercise: listening-check\n"),
                       encoding="utf-8")
    return project


@pytest.fixture
def renderer() -> PageRenderer:
    return PageRenderer(load_catalog(ROOT / "translations", "en"), [])


def staged_page(project: Path, src_uri: str) -> str:
    """A page the course plugin stages for ``project``'s build, compiled as the build does."""
    return project_curriculum(load_config(str(project / "mkdocs.yml"))).files[src_uri].content.decode()


def session_plan(project: Path) -> str:
    return staged_page(project, "modules/01-listening/session-plan.md")


def test_each_step_starts_where_the_last_one_ended(project: Path) -> None:
    page = session_plan(project)
    assert '| <span data-clock="listening" data-offset="0">0:00</span> | 1. Welcome | 10 |' in page
    assert '| <span data-clock="listening" data-offset="10">0:10</span> | 2. Discussion | 20 |' in page
    assert '<span data-clock="listening" data-offset="30">0:30</span> | End of the session' in page


def test_the_timing_table_shows_offsets_a_script_can_turn_into_times(project: Path) -> None:
    page = session_plan(project)
    assert 'data-session-clock="listening" data-print="hide" hidden' in page
    assert '<li><label><input type="checkbox"> Flip chart</label></li>' in page


def test_a_step_links_to_the_answers_of_the_exercise_it_runs_and_the_rest_are_listed(
    project: Path,
) -> None:
    page = session_plan(project)
    step = page.index("### 2. Discussion")
    check = page.index("[Answer key: Check your understanding](answer-key.md#cx-listening-check)")
    other = page.index("## Other exercises in the lesson")
    reflect = page.index("- [Answer key: Reflection](answer-key.md#cx-listening-reflect)")
    assert page.startswith("---\nexercise_view: trainer\n---\n")
    assert step < check < other < reflect < page.index("## Facilitator notes on safety")
    # Rendered once, on the answer key: the exercises plugin allows one page per view and id.
    assert "/// choice" not in page


def test_the_answer_key_holds_every_exercise_of_the_lesson_for_trainers(project: Path) -> None:
    page = staged_page(project, "modules/01-listening/answer-key.md")
    assert page.startswith("---\nexercise_view: trainer\n---\n# Answer key: Listening\n")
    assert CHOICE.strip() in page and REFLECTION.strip() in page


def test_the_facilitator_guide_gathers_the_session_plans_in_order_with_contents() -> None:
    course = load_course(ROOT / "curriculum")
    page = staged_page(ROOT, FACILITATOR_GUIDE)
    anchors = [page.index(f'<div class="trainer-guide-module" id="module-{m.id}">') for m in course.modules]
    assert anchors == sorted(anchors)
    for module in course.modules:
        assert f"- [{module.number}. {module.title}](#module-{module.id})" in page
    assert page.count("### Facilitator notes on safety") == len(course.modules)
    assert "](../modules/02-building-trust/answer-key.md#cx-building-trust-check-1)" in page


def test_the_agenda_carries_each_modules_minutes_for_its_script(renderer: PageRenderer) -> None:
    course = load_course(ROOT / "curriculum")
    page = renderer.agenda(list(course.modules)).decode()
    for module in course.modules:
        assert f'data-agenda-module="{module.id}" data-minutes="{module.duration}"' in page
    assert "<script" not in page


def test_a_step_running_an_exercise_the_lesson_lacks_names_the_step_line(project: Path) -> None:
    session = project / "curriculum/modules/01-listening/session.yml"
    session.write_text(session.read_text(encoding="utf-8").replace("listening-check", "listening-chek"),
                       encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        session_plan(project)
    assert caught.value.path.endswith("session.yml") and caught.value.line == 10
    assert "'listening-chek'" in str(caught.value) and "listening-check" in caught.value.fix


def test_a_session_that_does_not_fill_the_modules_duration_names_the_line(project: Path) -> None:
    curriculum = project / "curriculum"
    module = curriculum / "modules/01-listening/module.yml"
    text = module.read_text(encoding="utf-8")
    duration = next(line for line in text.splitlines() if line.startswith("duration:"))
    module.write_text(text.replace(duration, "duration: 45"), encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        load_course(curriculum)
    assert caught.value.path.endswith("session.yml") and caught.value.line == 1
    assert "total_minutes is 30" in str(caught.value) and "duration of 45" in str(caught.value)
