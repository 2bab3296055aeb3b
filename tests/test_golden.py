"""Golden tests: a module an author writes, in, and the pages and errors the build makes, out.

Each folder in tests/golden/ is a case: ``input/`` holds files laid over the fixture course (the
same paths as in a project), ``expected/`` what the build must make of them:

- a page for every module page in every language (learner lesson, trainer session plan and
  answer key, handout, overview), as ``expected/<path in the site>``: the page's article only,
  normalised (golden_html.py), so a change of theme around it does not break the case;
- or, for a case whose build must fail, ``expected/errors.txt``: the build's warnings and
  errors, one per line, with the case's folder shown as ``<project>``.

``pytest tests/test_golden.py --update-golden`` rewrites ``expected/`` from what the build makes
now; read the diff (git diff tests/golden) before committing it.
"""

from __future__ import annotations

import difflib
import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, fixture_project, language_prefix
from curriculum_site.course import load_course
from golden_html import article

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(case.name for case in GOLDEN.iterdir() if (case / "input").is_dir())
ERRORS = "errors.txt"
# The pages compared: every page the course makes for its modules, in every language.
MODULE_PAGES = "modules/**/*.html"


def made_by_build(case: Path, target: Path, caplog: pytest.LogCaptureFixture) -> dict[str, str]:
    """What the build makes of a case: its normalised module pages, or its warnings and errors."""
    project = fixture_project(target)
    shutil.copytree(case / "input", project, dirs_exist_ok=True)
    site = project / "site"
    with caplog.at_level(logging.WARNING):
        try:
            build_site(project, site)
        except Abort:
            messages = [record.getMessage() for record in caplog.records
                        if record.levelno >= logging.WARNING]
            return {ERRORS: "".join(f"{message.replace(str(project), '<project>')}\n"
                                    for message in messages)}
    folders = [site / language_prefix(language)
               for language in load_course(project / "curriculum").languages]
    return {page.relative_to(site).as_posix(): article(page.read_text(encoding="utf-8"))
            for folder in folders for page in sorted(folder.glob(MODULE_PAGES))}


def expected_files(case: Path) -> dict[str, str]:
    expected = case / "expected"
    return {path.relative_to(expected).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(expected.rglob("*")) if path.is_file()}


def write_expected(case: Path, made: dict[str, str]) -> None:
    expected = case / "expected"
    shutil.rmtree(expected, ignore_errors=True)
    for name, text in made.items():
        (expected / name).parent.mkdir(parents=True, exist_ok=True)
        (expected / name).write_text(text, encoding="utf-8")


def difference(name: str, expected: str, made: str) -> str:
    return "".join(difflib.unified_diff(expected.splitlines(keepends=True),
                                        made.splitlines(keepends=True),
                                        fromfile=f"expected/{name}", tofile=f"built/{name}"))


@pytest.mark.parametrize("name", CASES)
def test_the_build_makes_the_expected_pages_or_errors(name: str, tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture,
                                                      request: pytest.FixtureRequest) -> None:
    case = GOLDEN / name
    made = made_by_build(case, tmp_path / "course", caplog)
    if request.config.getoption("--update-golden"):
        write_expected(case, made)
        return
    expected = expected_files(case)
    assert expected, f"{case}/expected is empty: run pytest {__file__} --update-golden"
    problems = [f"the build no longer makes {name}" for name in expected.keys() - made.keys()]
    problems += [f"the build now also makes {name}" for name in made.keys() - expected.keys()]
    problems += [difference(name, expected[name], made[name])
                 for name in sorted(expected.keys() & made.keys()) if expected[name] != made[name]]
    if problems:
        pytest.fail(f"golden case {name!r} differs (if the change is meant, rerun with "
                    "--update-golden and review git diff tests/golden):\n" + "\n".join(problems),
                    pytrace=False)
