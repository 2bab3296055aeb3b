"""``python -m curriculum_site.package SITE_DIR DIST_DIR``: package a built site (see `make site`):
the offline ZIP for computers and one ZIM per language for Kiwix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from .build import build_package
from .report import format_report


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
