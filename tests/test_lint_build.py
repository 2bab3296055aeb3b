"""The lint gate in the build (warnings, so --strict fails) and in `make lint`."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, fixture_project, strict_build_warnings
from curriculum_site.lint.__main__ import main as lint_main

COPIED = ("Building trust involves treating sex workers with dignity and respect, listening to "
          "and addressing their concerns.")


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course with the lint plugin, an avoided term in English and in French, and a
    sentence copied from the source excerpt."""
    project = fixture_project(tmp_path_factory.mktemp("lint") / "course")
    lesson = project / "curriculum" / "modules" / "01-listening" / "lesson.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nSome prostitutes told us.\n",
                      encoding="utf-8")
    french = project / "translations" / "fr" / "curriculum" / "modules" / "01-listening" / "lesson.md"
    french.write_text(french.read_text(encoding="utf-8") + "\nDes Prostituées nous ont dit.\n",
                      encoding="utf-8")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + f"\n{COPIED}\n", encoding="utf-8")
    return project


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_build_warns_at_the_authors_file_and_line_and_strict_fails(
        broken_project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(broken_project)
    warnings = strict_build_warnings(broken_project, tmp_path / "site", caplog)
    lesson = "curriculum/modules/01-listening/lesson.md"
    french = "translations/fr/curriculum/modules/01-listening/lesson.md"
    english_hit = f"{lesson}:{line_count(broken_project / lesson)}: 'prostitutes'"
    french_hit = f"{french}:{line_count(broken_project / french)}: 'Prostituées'"
    assert any(english_hit in w and "prefer sex worker(s)" in w for w in warnings)
    assert any(french_hit in w and "travailleuse(s) du sexe" in w for w in warnings)
    assert any("docs/index.md:" in w and "copied from the source" in w for w in warnings)
    assert not any(".build/stage" in w for w in warnings)
    assert len(warnings) == len(set(warnings)) == 3, "each problem is reported once"


def test_make_lint_reports_the_same_problems_without_a_build(
        broken_project: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(broken_project)
    assert lint_main([]) == 1
    report = capsys.readouterr().err
    assert "curriculum/modules/01-listening/lesson.md:" in report
    assert "translations/fr/curriculum/modules/01-listening/lesson.md:" in report
    assert "docs/index.md:" in report and "3 finding(s)." in report


def test_the_curriculum_passes_make_lint_in_every_language(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    status = lint_main([])
    assert status == 0, capsys.readouterr().err
