"""The offline package: what `make site` writes to dist/ for a USB stick."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest

from conftest import FIXED_TIME, LANGUAGES, ROOT, build_site, fixture_project
from curriculum_site.errors import AuthorError
from curriculum_site.package import PackageResult, build_package
from curriculum_site.package.__main__ import main as package_main

MAX_PACKAGE_BYTES = 12_000_000
PACKAGE_FILES = {"index.html", "README.txt", "LICENSE", "NOTICE", "SHA256SUMS"}
# Every link and anchor target of a page as the browser resolved it, after the page's scripts ran.
COLLECT_LINKS = """() => ({
  links: [...document.querySelectorAll('a[href], link[href], script[src], img[src]')].map(
    (element) => new URL(element.getAttribute('href') ?? element.getAttribute('src'),
                         document.baseURI).href),
  ids: [...document.querySelectorAll('[id], a[name]')].map((element) => element.id || element.name),
})"""


def _course_project(target: Path) -> Path:
    project = fixture_project(target)
    shutil.copy(ROOT / "LICENSE", project / "LICENSE")
    return project


def _package(site: Path, dist: Path, project: Path) -> PackageResult:
    return build_package(site, dist, project, environ=FIXED_TIME)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> tuple[Path, Path]:
    """The two-language fixture course and its site, built once for this module."""
    project = _course_project(tmp_path_factory.mktemp("package") / "course")
    return project, build_site(project, project / "site")


@pytest.fixture
def broken_site(course, tmp_path) -> Path:
    """A copy of the fixture course's site, to break."""
    return Path(shutil.copytree(course[1], tmp_path / "site"))


def _zip_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


class _Links(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def test_two_builds_of_the_same_sources_give_the_same_zip(tmp_path):
    project = _course_project(tmp_path / "course")
    results = [_package(build_site(project, tmp_path / f"site{n}"), tmp_path / f"dist{n}", project)
               for n in (1, 2)]
    one, two = (result.zip_path.read_bytes() for result in results)
    assert one == two
    assert results[0].zip_path.name == "fixture-course-0.0.1-offline.zip"
    assert (results[0].zip_path.with_name(results[0].zip_path.name + ".sha256").read_text()
            == f"{hashlib.sha256(one).hexdigest()}  fixture-course-0.0.1-offline.zip\n")


def test_package_holds_a_launcher_readme_licences_sums_and_the_site(course, tmp_path):
    project, site = course
    entries = _zip_entries(_package(site, tmp_path / "dist", project).zip_path)

    assert set(entries) >= PACKAGE_FILES
    assert {name.split("/")[0] for name in entries} == PACKAGE_FILES | {"site"}
    sums = dict(reversed(line.split("  ", 1)) for line in entries["SHA256SUMS"].decode().splitlines())
    assert set(sums) == set(entries) - {"SHA256SUMS"}
    assert all(hashlib.sha256(entries[name]).hexdigest() == digest for name, digest in sums.items())
    assert not [name for name in entries if name.endswith((".map", "sitemap.xml", "sitemap.xml.gz",
                                                           "404.html"))]
    assert {"site/search/search_index.js", "site/search/search_index.json",
            "site/fr/search/search_index.js", "site/fr/search/search_index.json"} <= set(entries)

    launcher = _Links(entries["index.html"].decode())
    assert [(a["href"], a["lang"], a["hreflang"], a["dir"]) for a in launcher.links] == [
        ("site/index.html", "en", "en", "ltr"), ("site/fr/index.html", "fr", "fr", "ltr")]
    assert "<script" not in entries["index.html"].decode()

    readme = entries["README.txt"].decode("utf-8")
    assert readme.startswith("\ufeff") and "\r\n" in readme and "\n\n" not in readme.replace("\r\n", "")
    for text in ("FRANÇAIS", "sha256sum -c SHA256SUMS", "Get-FileHash", "certutil -hashfile",
                 "Shift", "private", "Remember my answers on this device", "Android", "macOS"):
        assert text in readme
    notice = entries["NOTICE"].decode()
    for text in ("A citation.", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions",
                 "iframe-worker", "lunr-languages (MPL-1.1)", "Permission is hereby granted"):
        assert text in notice
    assert "CC BY-SA 4.0" in entries["LICENSE"].decode()


def test_a_missing_language_tree_stops_the_package_naming_the_file(course, broken_site, tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    stale = dist / "fixture-course-0.0.1-offline.zip"
    stale.write_bytes(b"last build")
    shutil.rmtree(broken_site / "fr")
    with pytest.raises(AuthorError, match=r"site/fr/index.html: curriculum.yml lists 'fr'"):
        _package(broken_site, dist, course[0])
    assert list(dist.iterdir()) == []


def test_a_broken_link_or_anchor_stops_the_package_naming_the_page(course, broken_site, tmp_path):
    page = broken_site / "fr" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../nowhere.html">x</a><a href="index.html#no-such-id">y</a></article>'),
        encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        _package(broken_site, tmp_path / "dist", course[0])
    assert caught.value.path.endswith("fr/index.html")
    assert "2 broken internal link(s)" in str(caught.value)
    assert "'../nowhere.html' points to a missing file" in str(caught.value)
    assert "has no anchor id 'no-such-id'" in str(caught.value)
    assert not (tmp_path / "dist").exists()


def test_an_autorun_file_stops_the_package(course, broken_site, tmp_path):
    (broken_site / "autorun.inf").write_text("[autorun]\nopen=setup.exe\n")
    with pytest.raises(AuthorError, match="must not carry programs or autorun files: autorun.inf"):
        _package(broken_site, tmp_path / "dist", course[0])


def test_a_link_to_a_file_outside_the_site_stops_the_package_before_anything_ships(
        course, broken_site, tmp_path):
    secret = tmp_path / "private.txt"
    secret.write_text("a reader's notes", encoding="utf-8")
    (broken_site / "assets" / "notes.txt").symlink_to(secret)
    with pytest.raises(AuthorError, match=r"site/assets/notes.txt: this is a symbolic link"):
        _package(broken_site, tmp_path / "dist", course[0])
    assert not (tmp_path / "dist").exists() or list((tmp_path / "dist").iterdir()) == []


def test_a_file_name_with_a_line_break_stops_the_package_in_one_line(course, broken_site, tmp_path, capsys):
    (broken_site / "assets" / "two\nlines.css").write_text("p{}", encoding="utf-8")
    assert package_main([str(broken_site), str(tmp_path / "dist"), "--project", str(course[0])]) == 1
    error = capsys.readouterr().err
    assert "two\\nlines.css: this file name holds a control character" in error
    assert "Traceback" not in error


def test_the_command_reports_a_mistake_in_one_line_without_a_traceback(course, broken_site,
                                                                        tmp_path, capsys):
    shutil.rmtree(broken_site / "fr")
    assert package_main([str(broken_site), str(tmp_path / "dist"), "--project", str(course[0])]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Error reading" in error and "fr/index.html" in error


def test_the_real_package_is_small_reproducible_and_reports_every_language(real_package, real_site,
                                                                          tmp_path):
    assert real_package.zip_size < MAX_PACKAGE_BYTES
    rows = {row.part: row for row in real_package.report.rows}
    for language in LANGUAGES:
        assert rows[language].files > 0 and rows[language].zipped > 0
    again = _package(real_site, tmp_path / "again", real_site.parent)
    assert again.sha256 == real_package.sha256


@pytest.mark.browser
def test_every_link_works_from_a_usb_stick_path_with_spaces_and_accents(real_package, page,
                                                                        tmp_path):
    root = tmp_path / "USB Stick" / "Formación ü"
    with zipfile.ZipFile(real_package.zip_path) as archive:
        archive.extractall(root)
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    queue = [(root / "index.html").as_uri()]
    while queue:  # visit each page once, following the links the browser finds in it
        url = queue.pop()
        if url in ids:
            continue
        page.goto(url)
        found = page.evaluate(COLLECT_LINKS)
        ids[url] = set(found["ids"])
        for target in found["links"]:
            if not target.startswith("file:"):
                continue
            links.append((url, target))
            address = target.split("#", 1)[0]
            if address.endswith(".html") and _local(address).is_file():
                queue.append(address)

    missing = [(source, target) for source, target in links if not _local(target).exists()]
    no_anchor = [(source, target) for source, target in links
                 if urlsplit(target).fragment and target.split("#", 1)[0] in ids
                 and unquote(urlsplit(target).fragment) not in ids[target.split("#", 1)[0]]]
    assert len(ids) > 4 * 20, "the crawl should reach every page in every language"
    assert missing == []
    assert no_anchor == []
    assert page.watch.outside == []
    assert page.watch.errors == []


def _local(url: str) -> Path:
    return Path(url2pathname(urlsplit(url).path))
