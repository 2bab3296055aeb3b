"""How much of the package each language takes, on disk and zipped, and each language's ZIM."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zipfile import ZipInfo

if TYPE_CHECKING:
    from .build import PackageResult

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


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:6.2f} MB"


def format_report(result: PackageResult) -> str:
    lines = [f"Offline package {result.zip_path} ({_megabytes(result.zip_size).strip()})",
             f"  sha256 {result.sha256}",
             f"  {'part':<34} {'files':>5} {'on disk':>10} {'zipped':>10}"]
    for row in (*result.report.rows, result.report.total):
        lines.append(f"  {row.part:<34} {row.files:>5} {_megabytes(row.size)} {_megabytes(row.zipped)}")
    lines.append(f"  left out of the site: {len(result.dropped)} file(s) "
                 f"({_megabytes(sum(result.dropped.values())).strip()})")
    lines.append(f"ZIM files for Kiwix ({len(result.zims)})")
    lines.append(f"  {'file':<52} {'entries':>7} {'pages':>5} {'size':>10}")
    for zim in result.zims:
        lines.append(f"  {zim.path.name:<52} {zim.entries:>7} {zim.pages:>5} {_megabytes(zim.size)}")
    return "\n".join(lines)
