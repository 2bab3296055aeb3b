"""Build time: our plugins against the same pages without them, and as the curriculum grows.

Run: .venv/bin/python benchmarks/build.py [--repeat 3]
Prints two Markdown tables. Every figure comes from builds run side by side in this one run, on a
throw-away copy of the repository, so only the ratios are meant to be compared between machines.

- "with our plugins" is the real configuration; "without" builds the staged docs tree our course
  plugin wrote (the very same Markdown pages and navigation) with our plugins removed, so the
  difference is what our plugins cost.
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


def plugin_cost(workdir: Path, repeat: int) -> list[tuple[str, float, int]]:
    """Median build time with and without our plugins, the two built in alternation."""
    project = copy_project(workdir / "plugins" / "repo")
    with_ours, without = [], []
    for _ in range(repeat):
        config = full_config(project, workdir / "site-ours")
        with_ours.append(timed(config))
        without.append(timed(plain_config(project, workdir / "site-plain", config)))
    return [("with our plugins", statistics.median(with_ours), pages(workdir / "site-ours")),
            ("without (same staged pages)", statistics.median(without),
             pages(workdir / "site-plain"))]


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


def growth(workdir: Path) -> list[tuple[int, float, int]]:
    rows = []
    for factor in FACTORS:
        project = copy_project(workdir / f"x{factor}" / "repo")
        multiply_curriculum(project, factor)
        site_dir = workdir / f"site-x{factor}"
        seconds = timed(full_config(project, site_dir))
        rows.append((factor, seconds, pages(site_dir)))
    return rows


def plugin_table(rows: list[tuple[str, float, int]]) -> str:
    base = rows[-1][1]
    lines = ["| build (4 languages) | CPU seconds (median) | pages | ratio |", "|---|---:|---:|---:|"]
    lines += [f"| {name} | {seconds:.2f} | {count} | {seconds / base:.2f}× |"
              for name, seconds, count in rows]
    return "\n".join(lines)


def growth_table(rows: list[tuple[int, float, int]]) -> str:
    base_seconds, base_pages = rows[0][1], rows[0][2]
    lines = ["| curriculum size | CPU seconds | pages | ms per page | time ratio | page ratio |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {factor}× modules | {seconds:.2f} | {count} | {1000 * seconds / count:.0f} | "
              f"{seconds / base_seconds:.2f}× | {count / base_pages:.2f}× |"
              for factor, seconds, count in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind (median)")
    options = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        workdir = Path(folder)
        print("### Build time: our plugins' cost\n")
        print(plugin_table(plugin_cost(workdir, options.repeat)))
        print("\n### Build time as the curriculum grows\n")
        print(growth_table(growth(workdir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
