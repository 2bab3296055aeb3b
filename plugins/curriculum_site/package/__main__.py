"""``python -m curriculum_site.package SITE_DIR DIST_DIR``: package a built site (see `make site`):
the offline ZIP for computers and one ZIM per language for Kiwix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from .build import PackageResult, build_package


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m curriculum_site.package",
                                     description="Write the offline ZIP of a built site and one "
                                     "Kiwix ZIM file per language.")
    parser.add_argument("site_dir", type=Path, help="the folder `mkdocs build` wrote")
    parser.add_argument("dist_dir", type=Path, help="where to write the ZIP, its .sha256 and the ZIM files")
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="the folder holding curriculum/, translations/ and LICENSE")
    args = parser.parse_args(argv)
    try:
        result = build_package(args.site_dir, args.dist_dir, args.project)
    except MkDocsException as error:
        # An author's mistake reads as one line, like `mkdocs build` reports it, not a traceback.
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1
    print(format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
