"""`make pdf`: each language's facilitator guide and handouts as PDF files, printed by Chromium.

Chromium prints the built pages with the site's own print styles, so a PDF is exactly what a
trainer gets from the browser's Print command. Needs Playwright (the test extra) and Debian's
chromium; nothing is downloaded.

    python -m curriculum_site.trainer.pdf site dist [--paper Letter]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

GUIDE = Path("trainers/facilitator-guide.html")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAPERS = ("A4", "Letter")


@dataclass(frozen=True)
class PdfJob:
    page: Path  # a built HTML page
    pdf: Path  # where its PDF goes


def language_roots(site: Path) -> dict[str, Path]:
    """Each built language's folder: the default language at the root, the others below it."""
    roots = {"default": site} if (site / GUIDE).is_file() else {}
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        if (folder / GUIDE).is_file():
            roots[folder.name] = folder
    return roots


def pdf_jobs(site: Path, out: Path, default_language: str = "en") -> list[PdfJob]:
    """The facilitator guide and every handout, per language, into ``out/<language>/``."""
    jobs = []
    for name, root in language_roots(site).items():
        target = out / (default_language if name == "default" else name)
        jobs.append(PdfJob(root / GUIDE, target / "facilitator-guide.pdf"))
        for handout in sorted(root.glob("modules/*/handout.html")):
            jobs.append(PdfJob(handout, target / f"handout-{handout.parent.name}.pdf"))
    return jobs


def print_pdf(page, html: Path, pdf: Path, paper: str = "A4") -> None:  # noqa: ANN001 - a Playwright Page
    """Open ``html`` from file:// and save it as the browser would print it."""
    page.goto(html.resolve().as_uri())
    page.emulate_media(media="print")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(pdf), format=paper, print_background=True, prefer_css_page_size=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("dist", type=Path)
    parser.add_argument("--paper", choices=PAPERS, default="A4")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("make pdf needs Debian's chromium: apt-get install chromium", file=sys.stderr)
        return 1
    jobs = pdf_jobs(args.site, args.dist / "pdf")
    if not jobs:
        print(f"no facilitator guide under {args.site}: run 'make site' first", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright  # the test extra; only this command needs it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=CHROMIUM_ARGS)
        page = browser.new_page()
        for job in jobs:
            print_pdf(page, job.page, job.pdf, args.paper)
            print(job.pdf)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
