"""Compose the one docs tree MkDocs and mkdocs-static-i18n read.

mkdocs-static-i18n 1.3.1 crashes on pages generated in memory and drops pages whose source lies
outside ``docs_dir``. So the curriculum is compiled into a staging folder that *is* the docs_dir:
site pages from ``docs/``, module pages from ``curriculum/``, generated pages (overviews, session
plans), and each translation as an i18n suffix file (``lesson.fr.md``). i18n then handles
languages, fallback and alternates exactly as for hand-written pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..catalog import SOURCE_LANGUAGE
from ..course.model import Course
from ..status import LanguageStatus

SUFFIXED = (".md",)


@dataclass(frozen=True)
class StagedFile:
    dest: str  # path inside the staging folder, with '/' separators
    content: bytes
    source: Path | None  # the file an author edits, or None for a page built from data
    language: str


def suffixed(dest: str, language: str, default_language: str) -> str:
    """``modules/x/lesson.md`` → ``modules/x/lesson.fr.md`` for a non-default language."""
    if language == default_language or not dest.endswith(SUFFIXED):
        return dest
    stem, _, extension = dest.rpartition(".")
    return f"{stem}.{language}.{extension}"


def copy_tree(root: Path, prefix: str, language: str, default_language: str) -> list[StagedFile]:
    """Every file under ``root`` as it is, placed under ``prefix``."""
    if not root.is_dir():
        return []
    staged = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        if language != default_language and not relative.endswith(SUFFIXED):
            continue  # translated assets are not supported: one copy of each image for all
        dest = suffixed(f"{prefix}{relative}", language, default_language)
        staged.append(StagedFile(dest, path.read_bytes(), path, language))
    return staged


def module_sources(course: Course, curriculum_root: Path, language: str,
                   default_language: str) -> list[StagedFile]:
    """The module pages authors write, from ``curriculum_root`` (English or a translation)."""
    staged = []
    about = curriculum_root / "about.md"
    if about.is_file():
        staged.append(StagedFile(suffixed("about.md", language, default_language),
                                 about.read_bytes(), about, language))
    for module in course.modules:
        for name in ("lesson.md", "handout.md"):
            path = curriculum_root / "modules" / module.folder / name
            if path.is_file():
                dest = suffixed(f"modules/{module.folder}/{name}", language, default_language)
                staged.append(StagedFile(dest, path.read_bytes(), path, language))
    return staged


def outdated_pages(files: list[StagedFile], statuses: list[LanguageStatus]) -> set[str]:
    """Staged pages (as MkDocs' src_uri) built from a stale or unversioned translation."""
    outdated = [t for status in statuses for t in status.translations if t.outdated]
    paths = {t.path for t in outdated}
    pages = {f.dest for f in files if f.source in paths}
    # A module overview is generated from module.yml but staged without a source file.
    for translation in outdated:
        source = Path(translation.source)
        if source.name == "module.yml":
            dest = suffixed(f"modules/{source.parent.name}/index.md", translation.language,
                            SOURCE_LANGUAGE)
            pages.add(dest)
    return pages


def write_stage(files: Mapping[str, StagedFile], stage_dir: Path) -> None:
    """Write the staged files, touching only what changed so `mkdocs serve` does not loop."""
    stage_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(stage_dir.rglob("*"), reverse=True):
        relative = path.relative_to(stage_dir).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for dest, staged in files.items():
        target = stage_dir / dest
        if target.is_file() and target.read_bytes() == staged.content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(staged.content)


def unique_destinations(files: list[StagedFile]) -> dict[str, StagedFile]:
    """The staged files by destination; two sources staged to one place are a bug of ours."""
    wanted: dict[str, StagedFile] = {}
    for staged in files:
        if staged.dest in wanted:
            first = wanted[staged.dest].source
            raise ValueError(f"two sources stage to {staged.dest}: {first} and {staged.source}")
        wanted[staged.dest] = staged
    return wanted
