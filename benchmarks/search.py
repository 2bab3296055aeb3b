"""Search cost per language: our per-language indexes against Material's combined index.

Run: .venv/bin/python benchmarks/search.py [--repeat 3] [--project PATH] [--languages ar zh]
Builds the site twice from one throw-away copy of the repository (or PATH): as configured, and
with curriculum/search disabled and i18n's reconfigure_search on (Material and
mkdocs-static-i18n's one index for every language, English duplicates removed).
Then, in Debian's Chromium over file://, opens a lesson in each language of curriculum.yml,
focuses search (which is when Material loads the index from file://) and types a word of the
lesson's title in that language; it prints the index size, the time from focus to the first
results and the JS heap in use afterwards (CDP Performance.getMetrics JSHeapUsedSize, after a
garbage collection). Runs alternate between the two builds, so only the ratios are meant to be
compared between machines.
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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, sync_playwright

from curriculum_site.catalog import SOURCE_LANGUAGE
from curriculum_site.course import load_course

ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(".venv", "site", "dist", ".build", ".git", "__pycache__", "tests",
                                 "benchmarks", "*.egg-info", "node_modules")
PAGE = "modules/02-building-trust/lesson.html"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"]
MB = 1024 * 1024
TIMEOUT_SECONDS = 120
POLL_MS = 10
# True once a result is shown; while Material shows its placeholder (it dropped the query typed
# before its worker was ready), sends the query again.
RESULTS_SHOWN = """() => {
  if (document.querySelector(".md-search-result__item")) return true;
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta");
  if (meta !== null && meta.textContent.trim() === t["search.result.placeholder"])
    document.querySelector("input.md-search__input").dispatchEvent(new KeyboardEvent("keyup"));
  return false;
}"""
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_HAN = re.compile(r"[\u3400-\u9fff]{2}")


@dataclass(frozen=True)
class SearchRow:
    language: str
    query: str
    index_kb: tuple[float, float]  # combined, own
    seconds: tuple[float, float]  # to the first results: combined, own
    heap_mb: tuple[float, float]  # combined, own

    def ratio(self, pair: tuple[float, float]) -> float:
        return pair[1] / pair[0]


def language_prefix(language: str) -> str:
    return "" if language == SOURCE_LANGUAGE else f"{language}/"


def build_site(project: Path, site_dir: Path, split: bool) -> Path:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
    config.plugins["curriculum/search"].config.enabled = split
    # Material's default with i18n: one index, duplicates of English entries removed.
    config.plugins["i18n"].config.reconfigure_search = not split
    build(config)
    return site_dir


def index_size(site: Path, prefix: str, split: bool) -> int:
    return (site / (prefix if split else "") / "search/search_index.js").stat().st_size


def title_word(page: Path) -> str:
    """The word searched for on ``page``: the longest word of its title (two characters of a
    Chinese title, which has no spaces), so every language searches its own text."""
    found = _TITLE.search(page.read_text(encoding="utf-8"))
    title = re.sub(r"<[^>]+>", "", found.group(1)) if found else ""
    han = _HAN.search(title)
    if han:
        return han.group(0)
    return max(re.findall(r"\w+", title), key=len)


def measure(browser: Browser, url: str, query: str) -> tuple[float, float]:
    """Seconds from focusing search to the first result, and JS heap in MB afterwards.

    Material drops a query typed before its worker is ready and shows its placeholder: the
    query is then sent again (a key released in the field, as a reader typing on would), so
    the time is that of loading and building the index, then answering the query."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    session = context.new_cdp_session(page)
    session.send("Performance.enable")
    start = time.perf_counter()
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    while not page.evaluate(RESULTS_SHOWN):
        if time.perf_counter() - start > TIMEOUT_SECONDS:
            raise TimeoutError(f"no results for {query!r} on {url}")
        page.wait_for_timeout(POLL_MS)
    elapsed = time.perf_counter() - start
    session.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    context.close()
    return elapsed, metrics["JSHeapUsedSize"] / MB


def measure_search(repeat: int, project: Path | None = None,
                   only: Sequence[str] = ()) -> list[SearchRow]:
    """Both builds, then every language's search in each, alternating, ``repeat`` times."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temporary:
        work = Path(temporary)
        project = project or shutil.copytree(ROOT, work / "repo", ignore=IGNORED)
        languages = list(only or load_course(project / "curriculum").languages)
        sites = {split: build_site(project, work / ("split" if split else "combined"), split)
                 for split in (False, True)}
        queries = {language: title_word(sites[True] / language_prefix(language) / PAGE)
                   for language in languages}
        results: dict[tuple[str, bool], list[tuple[float, float]]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 headless=True, args=CHROMIUM_ARGS)
            for _ in range(repeat):
                for language in languages:
                    for split, site in sites.items():
                        url = (site / language_prefix(language) / PAGE).as_uri()
                        results.setdefault((language, split), []).append(
                            measure(browser, url, queries[language]))
            browser.close()
        rows = []
        for language in languages:
            prefix = language_prefix(language)
            sizes = [index_size(sites[split], prefix, split) / 1024 for split in (False, True)]
            times, heaps = ([statistics.median(r[i] for r in results[(language, split)])
                             for split in (False, True)] for i in (0, 1))
            rows.append(SearchRow(language, queries[language], (sizes[0], sizes[1]),
                                  (times[0], times[1]), (heaps[0], heaps[1])))
        return rows


def search_table(rows: list[SearchRow], repeat: int) -> str:
    lines = [f"Search from {PAGE} for a word of its title, median of {repeat} run(s)\n",
             "| language | query | index KB (combined → own) | first results s (combined → own) "
             "| JS heap MB (combined → own) |",
             "|---|---|---|---|---|"]
    lines += [f"| {row.language} | {row.query} "
              f"| {row.index_kb[0]:.0f} → {row.index_kb[1]:.0f} ({row.ratio(row.index_kb):.2f}×) "
              f"| {row.seconds[0]:.2f} → {row.seconds[1]:.2f} ({row.ratio(row.seconds):.2f}×) "
              f"| {row.heap_mb[0]:.1f} → {row.heap_mb[1]:.1f} ({row.ratio(row.heap_mb):.2f}×) |"
              for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--project", type=Path, help="an already prepared project to build")
    parser.add_argument("--languages", nargs="+", help="only these (default: curriculum.yml's)")
    options = parser.parse_args()
    rows = measure_search(options.repeat, options.project, options.languages or ())
    print(search_table(rows, options.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
