"""Search cost per language: our per-language indexes against Material's combined index.

Run: .venv/bin/python benchmarks/search.py [--repeat 3] [--project PATH]
Builds the site twice from one throw-away copy of the repository (or PATH): as configured, and
with curriculum/search disabled and i18n's reconfigure_search on (Material and
mkdocs-static-i18n's one index for every language, English duplicates removed).
Then, in Debian's Chromium over file://, opens a lesson in each language, focuses search (which is
when Material loads the index from file://) and types a word; it prints the index size, the time
from focus to the first results and the JS heap in use afterwards (CDP Performance.getMetrics
JSHeapUsedSize, after a garbage collection). Runs alternate between the two builds, so only the
ratios are meant to be compared between machines.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(".venv", "site", "dist", ".build", ".git", "__pycache__", "tests",
                                 "benchmarks", "*.egg-info")
LANGUAGES = {"en": "", "fr": "fr/", "es": "es/", "ar": "ar/"}
PAGE = "modules/02-building-trust/lesson.html"
QUERY = "trust"  # in every language's tree while translations fall back to English
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"]
MB = 1024 * 1024


def build_site(project: Path, site_dir: Path, split: bool) -> Path:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
    config.plugins["curriculum/search"].config.enabled = split
    # Material's default with i18n: one index, duplicates of English entries removed.
    config.plugins["i18n"].config.reconfigure_search = not split
    build(config)
    return site_dir


def index_size(site: Path, prefix: str, split: bool) -> int:
    return (site / (prefix if split else "") / "search/search_index.js").stat().st_size


def measure(browser: Browser, url: str) -> tuple[float, float]:
    """Seconds from focusing search to the first result, and JS heap in MB afterwards."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    session = context.new_cdp_session(page)
    session.send("Performance.enable")
    search = page.locator("input.md-search__input")
    start = time.perf_counter()
    search.click()
    page.keyboard.type(QUERY)
    page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
    elapsed = time.perf_counter() - start
    session.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    context.close()
    return elapsed, metrics["JSHeapUsedSize"] / MB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--project", type=Path, help="an already prepared project to build")
    options = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        project = options.project or shutil.copytree(ROOT, work / "repo", ignore=IGNORED)
        sites = {split: build_site(project, work / ("split" if split else "combined"), split)
                 for split in (False, True)}
        results: dict[tuple[str, bool], list[tuple[float, float]]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 headless=True, args=CHROMIUM_ARGS)
            for _ in range(options.repeat):
                for language, prefix in LANGUAGES.items():
                    for split, site in sites.items():
                        url = (site / prefix / PAGE).as_uri()
                        results.setdefault((language, split), []).append(measure(browser, url))
            browser.close()
        print(f"Search from {PAGE} for '{QUERY}', median of {options.repeat} runs\n")
        print("| language | index KB (combined → own) | first results s (combined → own) "
              "| JS heap MB (combined → own) |")
        print("|---|---|---|---|")
        for language, prefix in LANGUAGES.items():
            sizes = [index_size(sites[split], prefix, split) / 1024 for split in (False, True)]
            times, heaps = ([statistics.median(r[i] for r in results[(language, split)])
                             for split in (False, True)] for i in (0, 1))
            print(f"| {language} | {sizes[0]:.0f} → {sizes[1]:.0f} ({sizes[1] / sizes[0]:.2f}×) "
                  f"| {times[0]:.2f} → {times[1]:.2f} ({times[1] / times[0]:.2f}×) "
                  f"| {heaps[0]:.1f} → {heaps[1]:.1f} ({heaps[1] / heaps[0]:.2f}×) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
