"""Every ZIM served by kiwix-serve, as a room's phones would read it: in Chromium, over http."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator

import pytest

from conftest import LANGUAGES, ROOT
from conftest import language_prefix as prefix
from curriculum_site.catalog import load_catalog
from curriculum_site.package import PackageResult
from test_i18n_browser import SEARCH_READY

pytestmark = pytest.mark.browser

# A word of each language's module 02 lesson (see test_zim.py).
WORDS = {"en": "trust", "fr": "confiance", "es": "confianza", "ar": "الثقة",
         "ru": "доверие", "pt": "confiança", "zh": "信任"}
LESSON = "modules/02-building-trust/lesson.html"
ATOM = "{http://www.w3.org/2005/Atom}"
STARTUP_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _books(base: str) -> dict[str, str]:
    """Each ZIM's address on the server, by its Name, from kiwix-serve's OPDS catalog (the
    address scheme differs between kiwix-serve versions)."""
    with urllib.request.urlopen(f"{base}/catalog/v2/entries", timeout=10) as response:
        feed = ElementTree.fromstring(response.read())
    return {entry.findtext(f"{ATOM}name", ""): next(
                link.get("href", "") for link in entry.iter(f"{ATOM}link")
                if link.get("type") == "text/html")
            for entry in feed.iter(f"{ATOM}entry")}


@pytest.fixture(scope="module")
def kiwix(real_package: PackageResult) -> Iterator[dict[str, str]]:
    """kiwix-serve serving every ZIM on 127.0.0.1: each language's book address."""
    executable = shutil.which("kiwix-serve")
    if executable is None:
        pytest.skip("Debian's kiwix-tools is not installed (.ci/run installs it): no kiwix-serve")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    # --nosearchbar: kiwix-serve 3.3 would inject its toolbar, which the pages' policy blocks.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen([executable, "--nosearchbar", "--address=127.0.0.1",
                                   f"--port={port}", *(str(zim.path) for zim in real_package.zims)],
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                try:
                    books = _books(base)
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        pytest.fail(f"kiwix-serve did not start: {log.read().decode(errors='replace')}")
                    time.sleep(0.2)
            yield {language: base + books[f"swit-working-with-communities_{language}"]
                   for language in LANGUAGES}
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture
def served_page(page, kiwix):
    """The page fixture, also recording failed requests and any request off the server."""
    problems: list[str] = []
    server = next(iter(kiwix.values())).split("/", 3)[:3]
    origin = "/".join(server) + "/"
    page.on("requestfailed", lambda request: problems.append(f"{request.url} {request.failure}"))
    page.on("response", lambda response: response.status >= 400
            and problems.append(f"{response.url} {response.status}"))
    page.on("request", lambda request: not request.url.startswith(origin)
            and problems.append(f"{request.url} is not on the server"))
    page.problems = problems
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_an_exercise_and_quick_exit_work_in_kiwix(served_page, kiwix, language):
    page = served_page
    book = kiwix[language]
    own = f"{book}/{prefix(language)}"

    page.goto(f"{book}/")  # Kiwix opens a ZIM at its main page
    assert page.url == f"{own}index.html"
    assert page.get_attribute("html", "lang") == language
    assert page.locator("a[hreflang]").count() == 0  # one language per ZIM: no language menu

    page.keyboard.press("/")
    # Typed once Material's worker has its index, as in the file:// and http tests: Material
    # searches when a key is released, and Playwright types letters a US keyboard lacks (Arabic,
    # Russian, Chinese) as inserted text, releasing no key; so a key is released after them.
    # Typed earlier, the word was only searched if the index was still loading when typing ended.
    page.wait_for_function(SEARCH_READY)
    page.keyboard.type(WORDS[language])
    page.keyboard.press("End")
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=15000)
    found = [link.get_attribute("href") or "" for link in results.all()]
    assert f"{own}{LESSON}" in [address.split("#")[0] for address in found]
    assert all(address.startswith(own) for address in found)
    page.wait_for_load_state("networkidle")

    # Each page starts the search worker, which loads lunr: let it finish, so that leaving the
    # page does not cancel a load (Chromium reports that as a failed request).
    page.goto(f"{own}{LESSON}")
    page.wait_for_load_state("networkidle")
    exercise = page.locator('.cx-choice[data-cx-view="learner"]').first
    exercise.locator("input[type=radio]").first.check()
    exercise.locator(".cx-check").first.click()
    assert exercise.locator(".cx-status").first.inner_text().strip()

    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{own}new-tab.html")
    assert page.title() == load_catalog(ROOT / "translations", language)["safety.neutral_title"]
    assert page.inner_text("body").strip() == ""
    assert page.problems == []
    assert page.watch.errors == []
