"""`make lint`: check every file authors write, without building the site or a browser.

Loads the course model (which validates curriculum.yml, module.yml and session.yml), each
language's UI catalog and glossary, parses every exercise block and checks that translations keep
the source's exercises, then reports avoided terms, text copied from the source and exercises
whose answer shows without understanding (reported without failing under `answer_cues: info`).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from mkdocs.config import load_config

from ..build.access import listed_plugin, project_curriculum
from ..catalog import SOURCE_LANGUAGE
from ..cli import print_lines
from ..errors import AuthorError
from ..exercises.parser import parse_markdown
from ..yamlsource import read_text
from .answers import CourseExercises, answer_cue_findings, length_findings
from .checks import Finding, author_files, check_text
from .glossary import glossary_path, load_glossary
from .ownwords import load_fingerprint
from .plugin import LintPlugin

PLUGIN_NAME = "curriculum/lint"


def lint_project(config_file: Path) -> list[Finding]:
    """Every finding in the project of ``config_file``; an AuthorError if it cannot be read."""
    config = load_config(str(config_file))
    settings = listed_plugin(config, PLUGIN_NAME, LintPlugin).config
    # The curriculum as a build reads it: validated, catalogs loaded, exercises parsed and
    # translations' exercises compared with their source's (nothing is written).
    build = project_curriculum(config)
    curriculum, translations = build.settings.curriculum_dir, build.settings.translations_dir
    excerpts = load_fingerprint(build.project / settings.source_fingerprint)
    glossaries = {language: load_glossary(glossary_path(curriculum, translations, language), language)
                  for language in build.course.languages}
    findings: list[Finding] = []
    cues: list[Finding] = []
    exercises = {language: CourseExercises() for language in build.course.languages}
    for language, path in author_files(build.project, curriculum, translations, build.course.languages):
        source = build.sources.get(path)
        text = source.text if source is not None else read_text(path)
        if path.suffix == ".md":
            parsed = source.exercises if source is not None else parse_markdown(text, build.shown(path))
            points = exercises[language].add(parsed, path)
            cues += length_findings(points, settings.keyed_length_ratio)
        findings += check_text(path, text, glossaries[language], excerpts)
    for language, found in exercises.items():
        cues += answer_cue_findings(found.points, settings.cue_significance,
                                    placements=language == SOURCE_LANGUAGE)
    blocking = settings.answer_cues == "warning"
    return findings + [replace(cue, blocking=blocking) for cue in cues]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m curriculum_site.lint", description=__doc__)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    options = parser.parse_args(argv)
    try:
        findings = lint_project(options.config_file.resolve())
    except AuthorError as error:
        print(error, file=sys.stderr)
        return 1
    failing = [finding for finding in findings if finding.blocking]
    for finding in failing:
        print(finding, file=sys.stderr)
    reported = [f"  {finding}" for finding in findings if not finding.blocking]
    if reported:
        reported.insert(0, f"Reported only (answer_cues: info in {options.config_file}):")
    summary = f"{len(failing)} finding(s)."
    if failing:
        status = print_lines(reported)
        print(summary, file=sys.stderr)
        return status or 1
    return print_lines([*reported, summary])


if __name__ == "__main__":
    sys.exit(main())
