"""The source's fingerprint: hashes of its word runs, so the own-words check needs no source text.

A user's clone has only the repository, never the source excerpt, and the repository must not
carry the source's sentences. So maintainers derive, once, the hash of every run of
``MIN_SHARED_WORDS`` consecutive words in each excerpt and commit that; the build compares the
hashes of a page's runs with it. Regenerate after a change to the excerpts:

    python -m curriculum_site.lint.make_fingerprint ../shared/source curriculum/source-fingerprint.json
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import AuthorError

FORMAT = 1
# 64 bits of SHA-256: a chance collision among a few thousand runs is negligible.
DIGEST_CHARS = 16


def run_hash(run: Iterable[str]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def fingerprint_data(excerpts: dict[str, tuple[int, frozenset[str]]]) -> dict[str, object]:
    """The committed form: excerpt name → its run size and sorted run hashes."""
    return {
        "about": "Hashes of every run of consecutive words in each source excerpt, for the "
                 "own-words check. Regenerate with python -m curriculum_site.lint.make_fingerprint.",
        "format": FORMAT,
        "excerpts": {name: {"words_per_run": size, "runs": sorted(runs)}
                     for name, (size, runs) in sorted(excerpts.items())},
    }


def read_fingerprint(path: Path) -> dict[str, tuple[int, frozenset[str]]]:
    """Excerpt name → (run size, run hashes); an AuthorError naming the file if it is unusable."""
    fix = ("regenerate it where the source excerpts are available: "
           "python -m curriculum_site.lint.make_fingerprint ../shared/source " + str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuthorError(path, "the source fingerprint is missing, so the own-words check cannot "
                          "run.", fix=fix) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise AuthorError(path, f"the source fingerprint is not valid JSON ({error}).", line=line,
                          fix=fix) from None
    try:
        if data["format"] != FORMAT:
            raise ValueError(f"format {data['format']!r}, expected {FORMAT}")
        found = {str(name): (int(entry["words_per_run"]), frozenset(map(str, entry["runs"])))
                 for name, entry in data["excerpts"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise AuthorError(path, f"the source fingerprint has an unexpected shape ({error}).",
                          fix=fix) from None
    if not found:
        raise AuthorError(path, "the source fingerprint names no excerpt.", fix=fix)
    return found
