"""The site served over http as it is opened from file://: search, exercises and quick exit.

Served by the standard library's static server from the site root, from a sub-folder (an
organisation hosting it under a path), from the extracted offline package, and with a language's
folder as the server's root (how a reader that serves one language, such as Kiwix, sees it); and
by `mkdocs serve` under a path. Every request must succeed and stay on the server.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from conftest import ROOT, edit_config, fixture_project
from curriculum_site.catalog import load_catalog
from curriculum_site.course import load_course
from curriculum_site.package import build_package
from test_i18n_browser import LESSON as FIXTURE_LESSON
from test_i18n_browser import REAL_LANGUAGES, REAL_LESSON, SEARCH_READY, search
from test_safety_browser import ANSWER_EVERY_EXERCISE

pytestmark = pytest.mark.browser

LAYOUTS = ("site-root", "sub-folder", "offline-package", "language-folder-as-root")
# Pages for trainers and authors, written out here rather than read from mkdocs.yml, so that the
# configuration is checked too: what a learner should not get first.
TRAINER_PAGE = re.compile(r"^(modules/[^/]+/(answer-key|session-plan)\.html|trainers(\.html|/)|authoring/)")
SERVE_STARTUP_SECONDS = 180


def _serve_language_folder(site: Path, language: str, folder: Path, serve: Callable[[Path], str]) -> str:
    """One language's pages with the shared assets beside them, as the server's root."""
    others = {prefix.rstrip("/") for prefix in REAL_LANGUAGES.values() if prefix}
    tree = site / REAL_LANGUAGES[language]
    folder.mkdir()
    for child in tree.iterdir():
        if child.name not in others:
            (folder / child.name).symlink_to(child)
    if not (folder / "assets").exists():
        (folder / "assets").symlink_to(site / "assets")
    return serve(folder)


@pytest.fixture(scope="module")
def package_root(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline package `make site` writes, extracted as a user would before serving it."""
    result = build_package(real_site, tmp_path_factory.mktemp("dist"), real_site.parent)
    root = tmp_path_factory.mktemp("extracted")
    with zipfile.ZipFile(result.zip_path) as archive:
        archive.extractall(root)
    return root


@pytest.fixture(scope="module", params=LAYOUTS)
def served(request: pytest.FixtureRequest, real_site: Path, serve: Callable[[Path], str],
           tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each language's address, served in one layout."""
    layout = request.param
    if layout == "language-folder-as-root":
        folders = tmp_path_factory.mktemp("language-roots")
        return {language: _serve_language_folder(real_site, language, folders / language, serve)
                for language in REAL_LANGUAGES}
    if layout == "sub-folder":
        www = tmp_path_factory.mktemp("www")
        (www / "org").mkdir()
        (www / "org" / "training").symlink_to(real_site)
        server, base = serve(www), "org/training/"
    elif layout == "offline-package":
        server = serve(request.getfixturevalue("package_root"))
        base = "site/"
    else:
        server, base = serve(real_site), ""
    return {language: server + base + prefix for language, prefix in REAL_LANGUAGES.items()}


@pytest.fixture(scope="module")
def site_root(real_site: Path, serve: Callable[[Path], str]) -> str:
    return serve(real_site)


def _page_of(result: str, root: str) -> str:
    """A result's page, relative to its language root (without the section's anchor)."""
    return result.removeprefix(root).split("#", 1)[0]


def _pages_in_order(results: list[str], root: str) -> list[str]:
    return list(dict.fromkeys(_page_of(result, root) for result in results))


def _language_of(address: str, roots: dict[str, str]) -> str | None:
    """The language whose tree holds ``address``: the longest root it starts with (the default
    language's tree holds the others' folders)."""
    return max((language for language, root in roots.items() if address.startswith(root)),
               key=lambda language: len(roots[language]), default=None)


def _lesson_title(site: Path, language: str, lesson: str) -> str:
    """The lesson's heading as a reader would type it: its words (a colon would be read by the
    search engine as a field name, "are:" in "Where the lines are: …")."""
    html = (site / REAL_LANGUAGES[language] / lesson).read_text(encoding="utf-8")
    heading = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
    return heading.replace(":", " ").strip()


def _assert_clean(page, address: str) -> None:  # noqa: ANN001
    """Every request succeeded and went to the server ``address`` is on; nothing logged an error."""
    server = "{0.scheme}://{0.netloc}/".format(urlsplit(address))
    assert page.watch.failed == []
    assert page.watch.errors == []
    assert page.watch.outside_of(server) == []


@pytest.mark.parametrize("language", REAL_LANGUAGES)
def test_search_finds_the_lesson_first_in_the_pages_own_language(
        served: dict[str, str], real_site: Path, page, language: str) -> None:  # noqa: ANN001
    root = served[language]
    results = search(page, root + REAL_LESSON, _lesson_title(real_site, language, REAL_LESSON))
    assert results, "the lesson's own title must find it"
    assert _pages_in_order(results, root)[0] == REAL_LESSON
    assert {_language_of(result, served) for result in results} == {language}
    _assert_clean(page, root)


@pytest.mark.parametrize("language", REAL_LANGUAGES)
def test_an_exercise_gives_feedback_and_quick_exit_leaves(served: dict[str, str], page,
                                                          language: str) -> None:  # noqa: ANN001
    root = served[language]
    page.goto(root + REAL_LESSON)
    # Once search has loaded its index and lunr's languages: leaving earlier cancels (and so
    # fails) those requests.
    page.wait_for_function(SEARCH_READY)
    assert page.evaluate(ANSWER_EVERY_EXERCISE) > 0  # feedback (or a comparison) was shown
    page.click("a[data-cq-exit]")
    page.wait_for_url(root + "new-tab.html")
    _assert_clean(page, root)


@pytest.mark.parametrize("language", REAL_LANGUAGES)
def test_learner_pages_rank_above_trainer_pages_for_every_lesson(
        real_site: Path, site_root: str, page, language: str) -> None:  # noqa: ANN001
    root = site_root + REAL_LANGUAGES[language]
    for module in load_course(ROOT / "curriculum").modules:
        lesson = f"modules/{module.folder}/lesson.html"
        pages = _pages_in_order(search(page, root + "index.html",
                                       _lesson_title(real_site, language, lesson)), root)
        assert not TRAINER_PAGE.match(pages[0]), (module.folder, pages[:3])
        for trainer_page in ("answer-key.html", "session-plan.html"):
            address = f"modules/{module.folder}/{trainer_page}"
            if address in pages:
                assert pages.index(lesson) < pages.index(address), (module.folder, pages[:5])


@pytest.mark.parametrize("language", REAL_LANGUAGES)
def test_trainers_still_find_the_answer_keys(site_root: str, page, language: str) -> None:  # noqa: ANN001
    root = site_root + REAL_LANGUAGES[language]
    title = load_catalog(ROOT / "translations", language)["trainer.answer_key_title"]
    pages = _pages_in_order(search(page, root + "trainers.html", title), root)
    modules = load_course(ROOT / "curriculum").modules
    keys = {f"modules/{m.folder}/answer-key.html" for m in modules}
    # A learner page that uses the same words (the offline page speaks of "respuestas") may come
    # between them: trainer pages are ranked lower on purpose.
    assert keys <= set(pages[:len(modules) + 2])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVE_STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped: {server.stderr.read()}")
        try:
            with urlopen(url, timeout=5):
                return
        except (URLError, ConnectionError):
            time.sleep(0.5)
    pytest.fail(f"mkdocs serve did not answer {url} within {SERVE_STARTUP_SECONDS} s")


@pytest.fixture(scope="module")
def mkdocs_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture course (English, French) under `mkdocs serve`, mounted at a path, as its
    site_url says; without live reload, whose long-poll request each navigation cancels."""
    project = fixture_project(tmp_path_factory.mktemp("serve") / "course")
    port = _free_port()
    site_url = f"http://127.0.0.1:{port}/sub/path/"
    edit_config(project, lambda config: config.update(site_url=site_url))
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr",
               f"127.0.0.1:{port}", "--config-file", str(project / "mkdocs.yml")]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
    try:
        _wait_until_served(site_url + FIXTURE_LESSON, server)
        yield site_url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize(("prefix", "query", "found"), [
    ("", "zebraword", True), ("", "girafemot", False), ("fr/", "girafemot", True),
    ("fr/", "zebraword", False), ("fr/", "ecouter", True),
])
def test_mkdocs_serve_under_a_path_searches_the_pages_own_language(
        mkdocs_served: str, page, prefix: str, query: str, found: bool) -> None:  # noqa: ANN001
    lesson = mkdocs_served + prefix + FIXTURE_LESSON
    pages = [result.split("#", 1)[0] for result in search(page, lesson, query)]
    # "ecouter" is also the title of the module's overview: the two may come in either order.
    assert lesson in pages if found else pages == []
    _assert_clean(page, mkdocs_served)
