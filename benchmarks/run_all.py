"""Run every benchmark, check the targets, and write it all into docs/authoring/benchmarks.md.

Run: .venv/bin/python benchmarks/run_all.py [--repeat 3]
Each benchmark is a script of its own (it may also be run alone); this one runs them one after
the other on this machine, adds the offline package's size by part, prints every target with
"pass" or "FAIL" and rewrites the page. It exits with 1 when a target fails.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from build import ROOT, BuildRow, build_table, copy_project, measure_builds, parse_options
from search import SearchRow, measure_search, search_table

PAGE = ROOT / "docs" / "authoring" / "benchmarks.md"
PLUGIN_COST = 1.5  # our build at most this many times the plain build of the same pages
SEARCH_HEAP = 0.35  # own index's JS heap against Material's combined index, at most
SEARCH_TIME = 0.5  # own index's time to first results against the combined index, at most
INTRO = """\
# Benchmarks

What our plugins cost and how the site scales, measured side by side in one run on one machine
({machine}, Python {python}, {day}). Compare the ratios, not the seconds: they depend on the
machine. To measure again, run `.venv/bin/python benchmarks/run_all.py`; it rewrites this page
and exits with an error when a target fails.
"""


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool

    def row(self) -> str:
        return f"| {self.name} | {self.measured} | {'pass' if self.met else 'FAIL'} |"


def build_targets(rows: list[BuildRow]) -> list[Target]:
    first, last = rows[0], rows[-1]
    targets = [Target(f"our plugins ≤ {PLUGIN_COST}× the plain build, {row.factor}× modules",
                      f"{row.ratio:.2f}×", row.ratio <= PLUGIN_COST) for row in rows]
    if last is first:
        targets.append(Target("ratio at the largest size ≤ ratio at 1×", "not measured (one size)",
                              met=False))
    else:
        targets.append(Target(f"ratio at {last.factor}× ≤ ratio at {first.factor}×",
                              f"{last.ratio:.2f}× against {first.ratio:.2f}×",
                              last.ratio <= first.ratio))
    return targets


def search_targets(rows: list[SearchRow]) -> list[Target]:
    targets = []
    for row in rows:
        heap, seconds = row.ratio(row.heap_mb), row.ratio(row.seconds)
        targets.append(Target(f"search in {row.language}: JS heap ≤ {SEARCH_HEAP}× the combined index",
                              f"{heap:.2f}×", heap <= SEARCH_HEAP))
        targets.append(Target(f"search in {row.language}: first results ≤ {SEARCH_TIME}× the combined "
                              "index", f"{seconds:.2f}×", seconds <= SEARCH_TIME))
    return targets


def targets_table(targets: list[Target]) -> str:
    return "\n".join(["| target | measured | |", "|---|---|---|", *(t.row() for t in targets)])


def run(script: str) -> str:
    """A script's standard output; a failure is shown in the page rather than hidden."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script)], cwd=ROOT,
                            env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return fenced(f"{script} failed (exit {result.returncode}):\n{result.stderr.strip()}")
    return fenced(result.stdout.strip())


def fenced(text: str) -> str:
    return f"```text\n{text}\n```"


def package_sizes() -> str:
    """The offline package's size by part, from a fresh build of a copy of the repository."""
    with tempfile.TemporaryDirectory(prefix="bench-package-") as folder:
        project = copy_project(Path(folder) / "repo")
        # A copy has no git history to date the package by: today's date names the ZIM files.
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
                       "SOURCE_DATE_EPOCH": str(int(time.time()))}
        commands = [[sys.executable, "-m", "mkdocs", "build", "--quiet"],
                    [sys.executable, "-m", "curriculum_site.package", "site", "dist"]]
        for command in commands:
            result = subprocess.run(command, cwd=project, env=environment, capture_output=True,
                                    text=True, check=False)
            if result.returncode != 0:
                return fenced(f"{' '.join(command[2:])} failed:\n{result.stderr.strip()}")
        return fenced(result.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    options = parse_options(__doc__.splitlines()[0], argv)
    print(f"build time at {', '.join(f'{factor}×' for factor in options.factors)} …", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        builds = measure_builds(Path(folder), options.repeat, tuple(options.factors))
    print("exercise assets …", file=sys.stderr)
    assets = run("exercise_assets.py")
    print("search in every language …", file=sys.stderr)
    searches = measure_search(options.repeat)
    print("building and packaging the site …", file=sys.stderr)
    package = package_sizes()
    targets = build_targets(builds) + search_targets(searches)
    page = "\n".join([
        INTRO.format(machine=f"{platform.machine()}, {os.cpu_count()} CPU(s)",
                     python=platform.python_version(), day=date.today().isoformat()),
        f"## Targets\n\n{targets_table(targets)}\n",
        f"## Build time: our plugins against the plain build, as the curriculum grows\n\n"
        f"{build_table(builds, options.repeat)}\n",
        f"## Exercise assets: per-page weight against mkdocs-quiz\n\n{assets}\n",
        f"## Search: memory and time to first results\n\n{search_table(searches, options.repeat)}\n",
        f"## Offline package: size by part\n\n{package}\n",
    ])
    PAGE.write_text(page, encoding="utf-8")
    print(page)
    return 0 if all(target.met for target in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
