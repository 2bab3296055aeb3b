"""Per-page weight of our exercise assets and HTML, next to mkdocs-quiz's assets.

Run: PYTHONPATH=plugins python benchmarks/exercise_assets.py
mkdocs-quiz is fetched with `pip download` into a temporary folder when PyPI is reachable;
otherwise its column says so.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import markdown

from curriculum_site.catalog import load_catalog
from curriculum_site.exercises.blocks import ExercisesExtension
from curriculum_site.exercises.plugin import ASSETS
from curriculum_site.exercises.render import ExerciseRenderer

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PAGE = """\
/// choice | bench-choice
question: Which response shows listening?
options:
  - text: Changing the opening hours together.
    correct: true
    feedback: Acting on a concern builds trust.
  - text: Explaining why nothing can change.
    feedback: Explaining is not acting.
  - text: Asking for patience.
    feedback: Patience is asked of people too often.
explanation: Listening means acting on what you hear.
///

/// reflection | bench-reflect
prompt: What did a service do that made you feel respected?
///

/// scale | bench-before
phase: before
statements:
  - I can explain why listening must lead to action.
  - I know what breaks trust.
///

/// scale | bench-after
phase: after
compare: bench-before
///
"""


def sizes(data: dict[str, bytes]) -> tuple[int, int]:
    joined = b"".join(data.values())
    return len(joined), len(gzip.compress(joined, 9))


def ours() -> tuple[tuple[int, int], tuple[int, int]]:
    assets = {name: (ASSETS / name).read_bytes() for name in ("exercises.js", "exercises.css")}
    renderer = ExerciseRenderer(load_catalog(ROOT / "translations", "en"))
    html = markdown.Markdown(extensions=[ExercisesExtension(renderer, site_id="bench")]).convert(SAMPLE_PAGE)
    return sizes(assets), sizes({"page": html.encode()})


def mkdocs_quiz() -> tuple[int, int] | str:
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary",
                ":all:",
                "-d",
                folder,
                "mkdocs-quiz",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        wheels = list(Path(folder).glob("*.whl"))
        if result.returncode != 0 or not wheels:
            return "not measured (pip download failed: PyPI unreachable?)"
        with zipfile.ZipFile(wheels[0]) as wheel:
            assets = {n: wheel.read(n) for n in wheel.namelist() if n.endswith((".js", ".css"))}
        return sizes(assets)


def main() -> None:
    (asset_raw, asset_gz), (html_raw, html_gz) = ours()
    quiz = mkdocs_quiz()
    rows = [
        ("ours: exercises.js + .css", f"{asset_raw:,}", f"{asset_gz:,}"),
        ("ours: sample page HTML (4 blocks)", f"{html_raw:,}", f"{html_gz:,}"),
    ]
    if isinstance(quiz, tuple):
        rows.append(("mkdocs-quiz: wheel JS + CSS", f"{quiz[0]:,}", f"{quiz[1]:,}"))
    else:
        rows.append(("mkdocs-quiz: wheel JS + CSS", quiz, ""))
    width = max(len(row[0]) for row in rows)
    print(f"{'what':<{width}}  {'bytes':>9}  {'gzip -9':>9}")
    for name, raw, gz in rows:
        print(f"{name:<{width}}  {raw:>9}  {gz:>9}")


if __name__ == "__main__":
    main()
