"""The translation status: which translated files are up to date, stale, unversioned or missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit_config, fixture_project, plugin_options
from curriculum_site.errors import AuthorError
from curriculum_site.status import (
    Layout,
    State,
    check_orphans,
    language_status,
    report_lines,
    source_version,
    translatable_sources,
)
from curriculum_site.status.__main__ import main

LESSON = "curriculum/modules/01-x/lesson.md"
MODULE = "curriculum/modules/01-x/module.yml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "docs/index.md", "# Home\n")
    write(tmp_path / "docs/authoring/guide.md", "# Guide\n")
    write(tmp_path / LESSON, "# Listening\n")
    write(tmp_path / MODULE, "title: Listening\n")
    write(tmp_path / "curriculum/glossary.yml", "terms: []\n")  # not translated page by page
    return tmp_path


def layout(root: Path) -> Layout:
    return Layout(root, root / "curriculum", root / "translations")


def states(root: Path) -> dict[str, State]:
    status = language_status("fr", layout(root))
    return {t.source: t.state for t in status.translations}


def test_sources_are_docs_pages_and_module_files(project: Path) -> None:
    assert translatable_sources(layout(project)) == [
        LESSON, MODULE, "docs/authoring/guide.md", "docs/index.md"]


def test_version_is_the_start_of_the_sha256_of_the_english_bytes(project: Path) -> None:
    # sha256(b"# Home\n")
    assert source_version(project / "docs/index.md") == "7d48eefbcff2"


def test_each_state_of_a_translation(project: Path) -> None:
    fr = project / "translations/fr"
    write(fr / LESSON, f'---\ntranslation_of: "{source_version(project / LESSON)}"\n---\n# Écouter\n')
    write(fr / MODULE, 'translation_of: "000000000000"\ntitle: Écouter\n')
    write(fr / "docs/index.md", "# Accueil\n")
    assert states(project) == {
        LESSON: State.CURRENT, MODULE: State.STALE, "docs/index.md": State.UNVERSIONED,
        "docs/authoring/guide.md": State.MISSING,
    }


def test_editing_the_english_file_makes_its_translation_stale(project: Path) -> None:
    write(project / "translations/fr" / LESSON,
          f'---\ntranslation_of: "{source_version(project / LESSON)}"\n---\n# Écouter\n')
    write(project / LESSON, "# Listening, revised\n")
    assert states(project)[LESSON] is State.STALE
    assert f'write translation_of: "{source_version(project / LESSON)}"' in "\n".join(
        report_lines([language_status("fr", layout(project))]))


@pytest.mark.parametrize(("front_matter", "problem"), [
    ("translation_of: unknown", "'translation_of: unknown' is not a version"),
    ("translation_of: 123456789012", "must be written in quotes"),
    ("title: Écouter", "does not say which version"),
])
def test_an_unusable_version_is_reported_with_its_line(project: Path, front_matter: str,
                                                        problem: str) -> None:
    write(project / "translations/fr" / LESSON, f"---\n{front_matter}\n---\n# Écouter\n")
    translation = next(t for t in language_status("fr", layout(project)).translations
                       if t.source == LESSON)
    assert translation.state is State.UNVERSIONED
    assert problem in translation.problem


def test_malformed_front_matter_names_the_file_and_line(project: Path) -> None:
    write(project / "translations/fr" / LESSON, "---\ntitle: Écouter\ntranslation_of: [oops\n---\n")
    with pytest.raises(AuthorError, match=r"lesson\.md:[34]: this is not valid YAML"):
        language_status("fr", layout(project))


def test_a_translation_without_an_english_file_is_an_error(project: Path) -> None:
    write(project / "translations/fr/docs/missing-page.md", "# Perdu\n")
    with pytest.raises(AuthorError, match="there is no English file docs/missing-page.md"):
        check_orphans("fr", layout(project))
    check_orphans("es", layout(project))  # no translations at all: fine


def test_command_reports_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = fixture_project(tmp_path / "course")
    config = project / "mkdocs.yml"
    assert main(["-f", str(config), "fr", "es"]) == 0
    out = capsys.readouterr().out
    assert "fr: 2 up to date, 0 stale, 0 no version, 3 missing" in out
    assert "es: 0 up to date, 0 stale, 0 no version, 5 missing" in out


def test_command_reads_where_translations_are_from_the_course_plugin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = fixture_project(tmp_path / "course")
    (project / "translations").rename(project / "languages")
    edit_config(project, lambda config: plugin_options(config, "curriculum/course").update(
        translations_dir="languages"))
    assert main(["-f", str(project / "mkdocs.yml")]) == 0
    assert "fr: 2 up to date, 0 stale, 0 no version, 3 missing" in capsys.readouterr().out



def test_command_reads_where_the_course_is_from_the_course_plugin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = fixture_project(tmp_path / "course")
    # Translations mirror the course's folder, whatever it is called.
    (project / "curriculum").rename(project / "course")
    (project / "translations/fr/curriculum").rename(project / "translations/fr/course")
    edit_config(project, lambda config: plugin_options(config, "curriculum/course").update(
        curriculum_dir="course"))
    assert main(["-f", str(project / "mkdocs.yml"), "fr"]) == 0
    assert "fr: 2 up to date, 0 stale, 0 no version, 3 missing" in capsys.readouterr().out


def test_a_course_outside_the_project_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = fixture_project(tmp_path / "course")
    edit_config(project, lambda config: plugin_options(config, "curriculum/course").update(
        curriculum_dir="../elsewhere"))
    assert main(["-f", str(project / "mkdocs.yml"), "fr"]) == 1
    assert "curriculum_dir '../elsewhere' is not inside the project" in capsys.readouterr().err
