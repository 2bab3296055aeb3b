"""Check a built site, then write dist/<site id>-<version>-offline.zip and its .sha256, and
one dist/<site id>_<language>_<YYYY-MM>.zim per language for Kiwix."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import AuthorError
from ..links import find_broken_links, site_files
from .archive import checksum_lines, sha256_hex, source_date_epoch, write_zip
from .documents import render_launcher, render_notice, render_readme
from .report import SITE_PREFIX, SizeReport, size_report
from .selection import check_site_tree, forbidden_files, search_languages, select_files
from .sources import read_course, site_languages, stylesheets
from .zim import ZimResult, build_date, plan_zims, write_zims, zim_file_name

CHECKSUMS = "SHA256SUMS"
LISTED_LINKS = 10  # a broken template breaks every page: name a few links, count the rest


@dataclass(frozen=True)
class PackageResult:
    zip_path: Path
    sha256: str
    zip_size: int
    report: SizeReport
    dropped: dict[str, int]  # site file left out -> its size
    zims: list[ZimResult]


def build_package(site_dir: Path, dist_dir: Path, project_dir: Path,
                  environ: Mapping[str, str] = os.environ) -> PackageResult:
    """Check ``site_dir`` and package it; nothing is written unless every check passes."""
    if not (site_dir / "index.html").is_file():
        raise AuthorError(site_dir, "there is no built site here.",
                          fix="run `mkdocs build --strict` first (or `make site`).")
    course = read_course(site_dir)
    epoch = source_date_epoch(project_dir, environ)
    date = build_date(epoch)
    target = dist_dir / course.zip_name
    checksum_file = target.with_name(f"{target.name}.sha256")
    zims = [dist_dir / zim_file_name(course.site_id, code, date) for code in course.languages]
    # A failed build must not leave last build's package looking current.
    for stale in (target, checksum_file, *zims):
        stale.unlink(missing_ok=True)

    check_site_tree(site_dir)
    files = site_files(site_dir)
    languages = site_languages(course, site_dir, files)
    forbidden = forbidden_files(files)
    if forbidden:
        raise AuthorError(site_dir / forbidden[0], "a USB package must not carry programs or "
                          f"autorun files: {', '.join(forbidden)}.",
                          fix="remove these files from docs/ (or wherever the build copied them from).")
    selection = select_files(files, {*course.languages, *search_languages(site_dir, files)})
    broken = find_broken_links(site_dir, selection.kept)
    if broken:
        listed = "; ".join(str(link) for link in broken[:LISTED_LINKS])
        more = f" (and {len(broken) - LISTED_LINKS} more)" if len(broken) > LISTED_LINKS else ""
        raise AuthorError(site_dir / broken[0].page, f"{len(broken)} broken internal link(s): "
                          f"{listed}{more}.", fix="correct each link in the page's Markdown source "
                          "or template, then rebuild.")

    licence = project_dir / "LICENSE"
    if not licence.is_file():
        raise AuthorError(licence, "the project has no LICENSE.", fix="restore it from git.")
    entries = {f"{SITE_PREFIX}{name}": (site_dir / name).read_bytes() for name in selection.kept}
    entries |= {
        "index.html": render_launcher(course, languages, stylesheets(course, site_dir)),
        "README.txt": render_readme(course, languages),
        "LICENSE": licence.read_bytes(),
        "NOTICE": render_notice(course, site_dir, selection.kept),
    }
    entries[CHECKSUMS] = checksum_lines(entries).encode("utf-8")
    # Each ZIM holds its pages at its top, with the same licence and notice as the ZIP.
    notices = {"LICENSE": entries["LICENSE"],
               "NOTICE": render_notice(course, site_dir, selection.kept, site="")}

    plans = plan_zims(site_dir, files, course, languages, project_dir, date, dist_dir, notices)

    dist_dir.mkdir(parents=True, exist_ok=True)
    infos = write_zip(target, entries, epoch)
    data = target.read_bytes()
    digest = sha256_hex(data)
    checksum_file.write_text(f"{digest}  {target.name}\n", encoding="utf-8", newline="\n")
    written = write_zims(plans)
    return PackageResult(target, digest, len(data), size_report(infos, course.languages),
                         {name: (site_dir / name).stat().st_size for name in selection.dropped},
                         written)
