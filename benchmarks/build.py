"""Build time: our plugins against the same pages without them, at 1×, 5× and 10× the curriculum.

Run: .venv/bin/python benchmarks/build.py [--repeat 3]
Prints a Markdown table. Every figure comes from builds run side by side in this one run, on a
throw-away copy of the repository, so only the ratios are meant to be compared between machines.

- "ours" is the real configuration; "plain" builds the staged docs tree our course plugin wrote
  in that very build (the same Markdown pages and navigation) with our plugins removed, so the
  difference is what our plugins cost, at every size.
- The synthetic curricula copy every module (and its translations) N times under new ids.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
OUR_PLUGINS = "curriculum/"
IGNORED = shutil.ignore_patterns(".venv", "site", "dist", ".build", ".git", "__pycache__", "tests",
                                 "benchmarks", "*.egg-info")
FACTORS = (1, 5, 10)


def copy_project(target: Path) -> Path:
    """A copy of the repository, built without touching it."""
    shutil.copytree(ROOT, target, ignore=IGNORED)
    return target


def full_config(project: Path, site_dir: Path) -> MkDocsConfig:
    return load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False)


def plain_config(project: Path, site_dir: Path, built: MkDocsConfig) -> MkDocsConfig:
    """The same staged pages, theme, navigation and third-party plugins, without ours."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as file:
        plugins = yaml_load(file)["plugins"]
    theirs = [p for p in plugins if not str(next(iter(p)) if isinstance(p, dict) else p)
              .startswith(OUR_PLUGINS)]
    return load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False,
                       docs_dir=built.docs_dir, nav=built.nav, plugins=theirs)


def timed(config: MkDocsConfig) -> float:
    """CPU seconds of one build: a build is single-threaded, and CPU time does not count what
    other programs on a busy machine take (wall-clock time does)."""
    start = time.process_time()
    build(config)
    return time.process_time() - start


def pages(site_dir: Path) -> int:
    return sum(1 for path in site_dir.rglob("*.html") if "assets" not in path.parts)


def multiply_curriculum(project: Path, factor: int) -> None:
    """Add ``factor - 1`` copies of every module, ids suffixed so exercise ids stay unique."""
    course_file = project / "curriculum" / "curriculum.yml"
    text = course_file.read_text(encoding="utf-8")
    folders = re.findall(r"^  - (\d\d-[\w-]+)$", text, flags=re.MULTILINE)
    added = []
    for copy in range(2, factor + 1):
        for folder in folders:
            module_id = folder.split("-", 1)[1]
            new_folder = f"{folder}-x{copy}"
            roots = [project / "curriculum"]
            roots += [p / "curriculum" for p in (project / "translations").iterdir()]
            for root in roots:
                source = root / "modules" / folder
                if source.is_dir():
                    _copy_renamed(source, root / "modules" / new_folder, module_id,
                                  f"{module_id}-x{copy}")
            added.append(new_folder)
    listed = "".join(f"  - {folder}\n" for folder in added)
    last = f"  - {folders[-1]}\n"
    course_file.write_text(text.replace(last, last + listed), encoding="utf-8")


def _copy_renamed(source: Path, target: Path, old_id: str, new_id: str) -> None:
    target.mkdir(parents=True)
    for path in source.iterdir():
        (target / path.name).write_text(
            path.read_text(encoding="utf-8").replace(old_id, new_id), encoding="utf-8")


@dataclass(frozen=True)
class BuildRow:
    factor: int  # copies of every module
    pages: int  # HTML pages of the build with our plugins
    ours: float  # CPU seconds, median
    plain: float  # CPU seconds, median, of the same staged pages without our plugins

    @property
    def ratio(self) -> float:
        return self.ours / self.plain


def measure_builds(workdir: Path, repeat: int, factors: tuple[int, ...] = FACTORS) -> list[BuildRow]:
    """At each size, ``repeat`` builds with our plugins, each followed by the plain build of the
    pages it staged."""
    rows = []
    for factor in factors:
        project = copy_project(workdir / f"x{factor}" / "repo")
        multiply_curriculum(project, factor)
        ours, plain = [], []
        for _ in range(repeat):
            config = full_config(project, workdir / f"site-x{factor}")
            ours.append(timed(config))
            plain.append(timed(plain_config(project, workdir / f"plain-x{factor}", config)))
        rows.append(BuildRow(factor, pages(workdir / f"site-x{factor}"),
                             statistics.median(ours), statistics.median(plain)))
        shutil.rmtree(workdir / f"x{factor}")
    return rows


def build_table(rows: list[BuildRow], repeat: int) -> str:
    lines = [f"CPU seconds of one build in every language, median of {repeat} run(s) of each.\n",
             "| curriculum size | pages | ours s | plain s | ours / plain | ms per page (ours) |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {row.factor}× modules | {row.pages} | {row.ours:.2f} | {row.plain:.2f} "
              f"| {row.ratio:.2f}× | {1000 * row.ours / row.pages:.0f} |" for row in rows]
    return "\n".join(lines)


def parse_options(description: str, argv: list[str] | None) -> argparse.Namespace:
    """The options every build benchmark takes (this script's and run_all's)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (median)")
    parser.add_argument("--factors", type=int, nargs="+", default=list(FACTORS),
                        help="curriculum sizes to build, in copies of every module")
    options = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    return options


def main(argv: list[str] | None = None) -> int:
    options = parse_options(__doc__.splitlines()[0], argv)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        rows = measure_builds(Path(folder), options.repeat, tuple(options.factors))
    print(build_table(rows, options.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
