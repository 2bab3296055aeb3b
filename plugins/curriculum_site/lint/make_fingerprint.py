"""Maintainers: write the source fingerprint from the excerpts (see ``fingerprint.py``).

    python -m curriculum_site.lint.make_fingerprint ../shared/source curriculum/source-fingerprint.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import AuthorError
from .fingerprint import fingerprint_data
from .ownwords import MIN_SHARED_WORDS, load_excerpts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m curriculum_site.lint.make_fingerprint",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source_dir", type=Path, help="the folder of source excerpts (*.txt)")
    parser.add_argument("output", type=Path, help="the fingerprint file to write")
    parser.add_argument("--words", type=int, default=MIN_SHARED_WORDS)
    options = parser.parse_args(argv)
    try:
        excerpts = load_excerpts(options.source_dir, options.words)
    except AuthorError as error:
        print(error, file=sys.stderr)
        return 1
    data = fingerprint_data({e.path.name: (e.size, e.runs) for e in excerpts})
    options.output.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    count = sum(len(e.runs) for e in excerpts)
    print(f"Wrote {options.output}: {count} run hashes from {len(excerpts)} excerpt(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
