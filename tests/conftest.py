"""Shared fixtures: site builds into temporary folders, a static http server, and Debian's Chromium."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import ExitStack, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from curriculum_site.catalog import SOURCE_LANGUAGE
from curriculum_site.course import load_course
from curriculum_site.links import site_files
from curriculum_site.package import PackageResult, build_package
from curriculum_site.package.selection import select_files

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Packages are dated by SOURCE_DATE_EPOCH (2023-11-14): the same bytes, and ZIMs named _2023-11.
FIXED_TIME = {"SOURCE_DATE_EPOCH": "1700000000"}
# Every language the course is built in (curriculum.yml), for the tests that run in each of them.
LANGUAGES = load_course(ROOT / "curriculum").languages
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*/expected from what the build makes now "
                          "(test_golden.py); review git diff tests/golden before committing")


def language_prefix(language: str) -> str:
    """Where a language's pages are in a built site: English at its root, the others in <lang>/."""
    return "" if language == SOURCE_LANGUAGE else f"{language}/"


# Where each language's pages are in a built site, in curriculum.yml's order.
PREFIXES = tuple(map(language_prefix, LANGUAGES))


def build_site(project: Path, site_dir: Path, **overrides) -> Path:
    """Build ``project``'s mkdocs.yml strictly into ``site_dir``; return ``site_dir``."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


def copy_project(source: Path, target: Path) -> Path:
    """A throw-away copy of a project (to break it, or to build it without touching the repo)."""
    ignore = shutil.ignore_patterns(".venv", "node_modules", "site", "dist", ".build", ".git", "__pycache__",
                                    "tests")
    shutil.copytree(source, target, ignore=ignore)
    return target


def fixture_project(target: Path, name: str = "course") -> Path:
    """A copy of a fixture course with the repository's theme overrides, UI catalogs, glossaries
    and fingerprint of the source: what its mkdocs.yml, the site's plugin list, reads."""
    project = copy_project(FIXTURES / name, target)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    for layer in ("ui.yml", "glossary.yml"):
        for source in (ROOT / "translations").glob(f"*/{layer}"):
            (project / "translations" / source.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(source, project / "translations" / source.parent.name / layer)
    for name in ("glossary.yml", "source-fingerprint.json"):
        shutil.copy(ROOT / "curriculum" / name, project / "curriculum" / name)
    return project


class PythonName(str):
    """A ``!!python/name:`` value of mkdocs.yml (the emoji generator), kept as its name."""


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data, without importing what a ``!!python/name:`` value names."""


class _ConfigDumper(yaml.SafeDumper):
    """Writes mkdocs.yml back with its ``!!python/name:`` values as they were."""


_PYTHON_NAME = "tag:yaml.org,2002:python/name:"
ConfigLoader.add_multi_constructor(_PYTHON_NAME, lambda loader, suffix, node: PythonName(suffix))
_ConfigDumper.add_representer(PythonName, lambda dumper, name: dumper.represent_scalar(
    _PYTHON_NAME + name, ""))


def edit_config(project: Path, change: Callable[[dict[str, Any]], object]) -> None:
    """Change ``project``'s mkdocs.yml as data: ``change`` edits the loaded mapping in place."""
    path = project / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader)  # noqa: S506 - safe
    change(config)
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def plugin_options(config: dict[str, Any], name: str) -> dict[str, Any]:
    """The options of plugin ``name`` in a loaded mkdocs.yml, to read or change in place (a
    plugin listed without options gets an empty mapping)."""
    plugins = config["plugins"]
    for place, entry in enumerate(plugins):
        if entry == name:
            plugins[place] = {name: {}}
            return plugins[place][name]
        if isinstance(entry, dict) and name in entry:
            entry[name] = entry[name] or {}
            return entry[name]
    raise KeyError(f"no plugin {name!r} in mkdocs.yml")


def strict_build_warnings(project: Path, site_dir: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Build ``project`` strictly, which must fail on its warnings; return them."""
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(project, site_dir)
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def shipped_files(site_dir: Path, languages: Collection[str]) -> frozenset[str]:
    """The files of a built site that the offline package ships (not the server's 404 page)."""
    return select_files(site_files(site_dir), languages).kept


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-language fixture course built once per test session (read it, never change it)."""
    project = fixture_project(tmp_path_factory.mktemp("fixture") / "course")
    return build_site(project, project / "site")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole curriculum built once per test session, from a copy of the repository."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("project") / "repo")
    return build_site(project, project / "site")


class _QuietHandler(SimpleHTTPRequestHandler):
    """The standard library's static file server, without a log line per request in the output."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


@contextmanager
def http_server(root: Path) -> Iterator[str]:
    """Serve ``root`` over http from 127.0.0.1 on a free port, in a thread; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join()


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """``serve(folder)`` serves a folder over http until the session ends; gives its address
    (ending in "/"), as a trainer's laptop, a hosting organisation or Kiwix would."""
    with ExitStack() as servers:
        yield lambda root: servers.enter_context(http_server(root))


@pytest.fixture(scope="session")
def real_package(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> PackageResult:
    """The whole curriculum's ZIP and ZIM files, written once per test session."""
    return build_package(real_site, tmp_path_factory.mktemp("dist"), real_site.parent,
                         environ=FIXED_TIME)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_sync = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run .ci/run or apt-get install chromium")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def wait_until(page, expression: str, seconds: float = 5) -> None:  # noqa: ANN001
    """Waits for a page expression to be true. Not wait_for_function: that evaluates a string,
    which the site's Content-Security-Policy forbids."""
    for _ in range(int(seconds * 20)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {seconds} s: {expression}")


class PageWatch:
    """Records what a page requests, logs and opens, to assert nothing leaves the site, nothing
    errs and no dialog (alert, confirm, prompt: the sign of a script that should not run) opens."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.failed: list[str] = []  # requests answered with an error status, or not at all
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("response", self._response)
        page.on("requestfailed", lambda request: self.failed.append(
            f"{request.failure} {request.url}"))

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    @property
    def outside(self) -> list[str]:
        return self.outside_of("file:")

    def outside_of(self, site: str) -> list[str]:
        """Requests for anything but ``site`` (an address prefix), data: and about:."""
        return [url for url in self.requests if not url.startswith((site, "data:", "about:"))]


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()
