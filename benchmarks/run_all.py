"""Run every benchmark and write their tables into docs/authoring/benchmarks.md.

Run: .venv/bin/python benchmarks/run_all.py
Each benchmark is a script of its own (it may also be run alone); this one runs them one after
the other on this machine, adds the offline package's size by part, and rewrites the page.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from build import ROOT, copy_project

PAGE = ROOT / "docs" / "authoring" / "benchmarks.md"
# (section title, script): scripts the other parts of the project own are run as they are.
BENCHMARKS = [
    ("Build time", "build.py"),
    ("Exercise assets: per-page weight against mkdocs-quiz", "exercise_assets.py"),
    ("Search: memory and time to first results", "search.py"),
]
INTRO = """\
# Benchmarks

What our plugins cost and how the site scales, measured side by side in one run on one machine
({machine}, Python {python}, {day}). Compare the ratios, not the seconds: they depend on the
machine. To measure again, run `.venv/bin/python benchmarks/run_all.py`; it rewrites this page.
"""


def run(script: str) -> str:
    """A script's standard output; a failure is shown in the page rather than hidden."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script)], cwd=ROOT,
                            env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return fenced(f"{script} failed (exit {result.returncode}):\n{result.stderr.strip()}")
    return as_markdown(result.stdout.strip())


def as_markdown(output: str) -> str:
    """Markdown tables and headings stay as they are; any other output is shown verbatim."""
    if output.startswith(("|", "#")):
        return output
    return fenced(output)


def fenced(text: str) -> str:
    return f"```text\n{text}\n```"


def package_sizes() -> str:
    """The offline package's size by part, from a fresh build of a copy of the repository."""
    with tempfile.TemporaryDirectory(prefix="bench-package-") as folder:
        project = copy_project(Path(folder) / "repo")
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        commands = [[sys.executable, "-m", "mkdocs", "build", "--quiet"],
                    [sys.executable, "-m", "curriculum_site.package", "site", "dist"]]
        for command in commands:
            result = subprocess.run(command, cwd=project, env=environment, capture_output=True,
                                    text=True, check=False)
            if result.returncode != 0:
                return fenced(f"{' '.join(command[2:])} failed:\n{result.stderr.strip()}")
        return as_markdown(result.stdout.strip())


def main() -> int:
    sections = [INTRO.format(machine=f"{platform.machine()}, {os.cpu_count()} CPU(s)",
                             python=platform.python_version(), day=date.today().isoformat())]
    for title, script in BENCHMARKS:
        print(f"running {script} …", file=sys.stderr)
        if not (ROOT / "benchmarks" / script).is_file():
            body = f"Not measured: `benchmarks/{script}` does not exist yet."
        else:
            body = run(script)
        sections.append(f"## {title}\n\n{body}\n")
    print("building and packaging the site …", file=sys.stderr)
    sections.append(f"## Offline package: size by part\n\n{package_sizes()}\n")
    page = "\n".join(sections)
    PAGE.write_text(page, encoding="utf-8")
    print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
