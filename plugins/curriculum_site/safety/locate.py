"""Name the file an author or theme maintainer must edit for a problem seen in built HTML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .htmlscan import line_of


@dataclass(frozen=True)
class Place:
    path: str
    line: int | None


def in_source(source: Path, project: Path, needle: str) -> Place:
    """Where ``needle`` appears in a page's source file (the one the author edits)."""
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        text = ""
    return Place(_shown(source, project), line_of(text, needle))


def in_theme(custom_dir: Path | None, project: Path, needle: str) -> Place:
    """The theme override holding ``needle``; else mkdocs.yml, whose settings made the theme add it."""
    if custom_dir is not None and custom_dir.is_dir():
        for template in sorted(custom_dir.rglob("*.html")):
            line = line_of(template.read_text(encoding="utf-8", errors="replace"), needle)
            if line is not None:
                return Place(_shown(template, project), line)
    return Place(_shown(project / "mkdocs.yml", project), None)


def _shown(path: Path, project: Path) -> str:
    try:
        return str(path.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(path)
