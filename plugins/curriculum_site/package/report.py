"""How much of the package each language takes, on disk and zipped, and each language's ZIM."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zipfile import ZipInfo

SITE_PREFIX = "site/"
SHARED = "shared assets"
PACKAGE_FILES = "launcher, README, licences, sums"
# Each language tree has its own search index; the source language's sits at the root.
SHARED_TOP_FOLDERS = ("assets",)


@dataclass
class SizeRow:
    part: str
    files: int = 0
    size: int = 0
    zipped: int = 0


@dataclass
class SizeReport:
    rows: list[SizeRow] = field(default_factory=list)

    @property
    def total(self) -> SizeRow:
        return SizeRow("total", sum(r.files for r in self.rows), sum(r.size for r in self.rows),
                       sum(r.zipped for r in self.rows))


def part_of(name: str, default_language: str, languages: Sequence[str]) -> str:
    """Which report row an archive path counts towards."""
    if not name.startswith(SITE_PREFIX):
        return PACKAGE_FILES
    top = name.removeprefix(SITE_PREFIX).split("/", 1)[0]
    if top in languages and top != default_language and "/" in name.removeprefix(SITE_PREFIX):
        return top
    if top in SHARED_TOP_FOLDERS:
        return SHARED
    return default_language


def size_report(infos: Iterable[ZipInfo], languages: Sequence[str]) -> SizeReport:
    """One row per language (the default language's pages sit at the site's root), then the
    shared assets and the package's own files. The zipped size counts compressed data only."""
    default_language = languages[0]
    rows = {part: SizeRow(part) for part in (*languages, SHARED, PACKAGE_FILES)}
    for info in infos:
        row = rows[part_of(info.filename, default_language, languages)]
        row.files += 1
        row.size += info.file_size
        row.zipped += info.compress_size
    return SizeReport(list(rows.values()))
