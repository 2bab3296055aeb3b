"""Name the file an author or theme maintainer must edit for a problem seen in built HTML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import shown
from .htmlscan import line_of


@dataclass(frozen=True)
class Place:
    path: str
    line: int | None


def in_source(source: Path, project: Path, needle: str) -> Place:
    """Where ``needle`` appears in a page's source file (the one the author edits)."""
    return Place(shown(source, project), line_of(_read(source), needle))


def in_theme(custom_dir: Path | None, project: Path, needle: str) -> Place:
    """The theme override holding ``needle``; else mkdocs.yml, whose settings made the theme add it."""
    return _theme_override(custom_dir, project, needle) or Place(shown(project / "mkdocs.yml", project),
                                                                 None)


def in_page_or_theme(source: Path, custom_dir: Path | None, project: Path, needle: str) -> Place:
    """For a finished page: its source if ``needle`` is there (its title or front matter, printed
    by the theme), else the theme override or mkdocs.yml setting that added it."""
    place = in_source(source, project, needle)
    return place if place.line is not None else in_theme(custom_dir, project, needle)


def _theme_override(custom_dir: Path | None, project: Path, needle: str) -> Place | None:
    if custom_dir is not None and custom_dir.is_dir():
        for template in sorted(custom_dir.rglob("*.html")):
            line = line_of(_read(template), needle)
            if line is not None:
                return Place(shown(template, project), line)
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
