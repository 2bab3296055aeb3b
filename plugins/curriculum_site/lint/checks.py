"""The content checks of one author file, and the list of every file an author writes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..catalog import SOURCE_LANGUAGE
from .glossary import GLOSSARY_NAME, Glossary, find_terms
from .ownwords import Excerpt, shared_runs

CHECKED_SUFFIXES = (".md", ".yml")


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    message: str
    # False for a problem the project chose to report without failing (e.g. `answer_cues: info`).
    blocking: bool = True

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.message}"


def display_path(path: Path) -> Path:
    """Relative to the working folder when inside it: shorter to read, and what an editor's
    "go to file" accepts."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def check_text(path: Path, text: str, glossary: Glossary,
               excerpts: Iterable[Excerpt] = ()) -> list[Finding]:
    """Glossary terms in ``text``, and (for English, when excerpts are given) copied runs."""
    if path.name == GLOSSARY_NAME:
        return []  # the glossary names the terms it asks authors to avoid
    findings = [Finding(path, hit.line, hit.message()) for hit in find_terms(text, glossary)]
    if glossary.language == SOURCE_LANGUAGE:
        findings += [Finding(path, run.line, run.message()) for run in shared_runs(text, excerpts)]
    return sorted(findings, key=lambda finding: finding.line)


def author_files(root: Path, curriculum_dir: Path, translations_dir: Path,
                 languages: Iterable[str]) -> Iterator[tuple[str, Path]]:
    """(language, path) of every Markdown or YAML file authors and translators write."""
    english = [root / "docs", curriculum_dir, translations_dir / SOURCE_LANGUAGE]
    yield from ((SOURCE_LANGUAGE, path) for folder in english for path in _texts(folder))
    for language in languages:
        if language != SOURCE_LANGUAGE:
            yield from ((language, path) for path in _texts(translations_dir / language))


def _texts(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in CHECKED_SUFFIXES)
