"""The offline package's pure parts: link check, file selection, reproducible ZIP, size report."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from curriculum_site.errors import AuthorError
from curriculum_site.links import BrokenLink, find_broken_links
from curriculum_site.package.archive import (
    ZIP_EPOCH_MIN,
    checksum_lines,
    source_date_epoch,
    write_zip,
)
from curriculum_site.package.report import PACKAGE_FILES, SHARED, part_of
from curriculum_site.package.selection import (
    check_site_tree,
    forbidden_files,
    search_languages,
    select_files,
)

LUNR = "assets/javascripts/lunr"


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_link_check_reports_missing_files_and_anchors_and_nothing_else(tmp_path):
    site = _write(tmp_path, {
        "index.html": '<a href="fr/index.html#top">fr</a> <a href="#here">here</a> <p id="here">'
                      '<a href="https://example.org/x">web</a> <a href="mailto:a@b.c">mail</a>'
                      '<img src="img/gone.png"> <a href="/fr/index.html">absolute</a>'
                      '<a href="fr/index.html#nowhere">bad anchor</a> <a href="#">top</a>',
        "fr/index.html": '<h1 id="top">Accueil</h1><link rel="stylesheet" href="../style.css">'
                         '<script src="../../outside.js"></script>'
                         '<a href="../mod%C3%A8le.html">modèle</a>',
        "style.css": "",
        "modèle.html": "",
    })
    assert find_broken_links(site) == [
        BrokenLink("fr/index.html", "../../outside.js", "points outside the site folder"),
        BrokenLink("index.html", "/fr/index.html",
                   "starts with '/', which points outside the site under file://"),
        BrokenLink("index.html", "fr/index.html#nowhere",
                   "has no anchor id 'nowhere' in fr/index.html"),
        BrokenLink("index.html", "img/gone.png", "points to a missing file"),
    ]



def test_link_check_sees_the_links_a_browser_sees(tmp_path):
    # '<!-->' is a whole (empty) comment to a browser, which shows the link after it; a lenient
    # parser reading on to the next '-->' would hide it. An id inside a comment is no anchor.
    site = _write(tmp_path, {
        "index.html": '<p><!--> <a href="gone.html">shown</a> --></p><!-- <p id="hidden"> -->'
                      '<a href="#hidden">to a comment</a>',
    })
    assert find_broken_links(site) == [
        BrokenLink("index.html", "#hidden", "has no anchor id 'hidden' in index.html"),
        BrokenLink("index.html", "gone.html", "points to a missing file"),
    ]

def test_link_check_counts_only_the_files_it_is_given(tmp_path):
    site = _write(tmp_path, {"index.html": '<a href="sitemap.xml">map</a>', "sitemap.xml": ""})
    assert find_broken_links(site) == []
    assert [link.target for link in find_broken_links(site, {"index.html"})] == ["sitemap.xml"]


def test_selection_leaves_out_what_a_usb_stick_never_reads():
    files = {
        "index.html", "404.html", "sitemap.xml", "sitemap.xml.gz", "fr/sitemap.xml",
        "assets/javascripts/bundle.js", "assets/javascripts/bundle.js.map",
        "search/search_index.js", "search/search_index.json", "fr/search/search_index.json",
        f"{LUNR}/min/lunr.stemmer.support.min.js", f"{LUNR}/min/lunr.multi.min.js",
        f"{LUNR}/min/lunr.fr.min.js", f"{LUNR}/min/lunr.ar.min.js", f"{LUNR}/min/lunr.de.min.js",
        f"{LUNR}/min/lunr.ja.min.js", f"{LUNR}/tinyseg.js", f"{LUNR}/wordcut.js",
    }
    selection = select_files(files, {"en", "fr", "ar"})
    assert selection.kept == {
        # The script for file://, the JSON for the same package served over http.
        "index.html", "assets/javascripts/bundle.js", "search/search_index.js",
        "search/search_index.json", "fr/search/search_index.json",
        f"{LUNR}/min/lunr.stemmer.support.min.js", f"{LUNR}/min/lunr.multi.min.js",
        f"{LUNR}/min/lunr.fr.min.js", f"{LUNR}/min/lunr.ar.min.js",
    }
    assert "does not have" in selection.dropped[f"{LUNR}/min/lunr.de.min.js"]
    assert select_files({f"{LUNR}/tinyseg.js"}, {"ja"}).kept == {f"{LUNR}/tinyseg.js"}


def test_programs_and_autorun_files_are_refused_whatever_their_case():
    files = ["index.html", "AUTORUN.INF", "tools/setup.exe", "run.sh", "a/b.BAT", "notes.txt"]
    assert forbidden_files(files) == ["AUTORUN.INF", "a/b.BAT", "run.sh", "tools/setup.exe"]


def test_package_time_comes_from_source_date_epoch_then_git_then_1980(tmp_path):
    assert source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "1700000000"}) == 1700000000
    assert source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "12"}) == ZIP_EPOCH_MIN
    assert source_date_epoch(tmp_path, {}) == ZIP_EPOCH_MIN  # not a git checkout
    repository = Path(__file__).resolve().parent.parent
    assert source_date_epoch(repository, {}) > ZIP_EPOCH_MIN  # the last commit's time


def test_zip_is_the_same_bytes_whatever_the_order_or_the_machine(tmp_path):
    entries = {"b/é.html": b"<p>b</p>", "a.txt": b"a", "SHA256SUMS": b"sums"}
    first = write_zip(tmp_path / "one.zip", entries, 1700000000)
    write_zip(tmp_path / "two.zip", dict(reversed(list(entries.items()))), 1700000000)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    assert [info.filename for info in first] == ["SHA256SUMS", "a.txt", "b/é.html"]
    with zipfile.ZipFile(io.BytesIO((tmp_path / "one.zip").read_bytes())) as archive:
        assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert not list(tmp_path.glob(".*partial"))


def test_checksums_are_in_sha256sum_format_sorted_by_path():
    assert checksum_lines({"b": b"", "a b": b"x"}).splitlines() == [
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881  a b",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  b",
    ]


def test_size_report_counts_root_pages_as_the_source_language():
    languages = ("en", "fr", "ar")
    assert part_of("site/index.html", "en", languages) == "en"
    assert part_of("site/modules/01/lesson.html", "en", languages) == "en"
    assert part_of("site/fr/index.html", "en", languages) == "fr"
    assert part_of("site/ar/search/search_index.js", "en", languages) == "ar"
    assert part_of("site/assets/javascripts/bundle.js", "en", languages) == SHARED
    assert part_of("site/search/search_index.js", "en", languages) == "en"
    assert part_of("README.txt", "en", languages) == PACKAGE_FILES


def test_search_languages_are_read_from_every_language_index(tmp_path):
    site = _write(tmp_path, {
        "search/search_index.js": 'var __index = {"config": {"lang": ["en"]}, "docs": []}',
        "ar/search/search_index.js": 'var __index = {"config": {"lang": ["ar"]}, "docs": []}',
        "fr/search/search_index.json": '{"config": {"lang": ["de"]}, "docs": []}',
    })
    assert search_languages(site, {"search/search_index.js", "ar/search/search_index.js",
                                    "fr/search/search_index.json"}) == {"en", "ar"}
    (site / "ar/search/search_index.js").write_text("var __index = {broken")
    with pytest.raises(AuthorError, match="ar/search/search_index.js"):
        search_languages(site, {"ar/search/search_index.js"})


def _site_with(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>Home</p>", encoding="utf-8")
    (site / "assets" / "a.css").write_text("p{}", encoding="utf-8")
    return site


def _tree_error(site: Path) -> str:
    with pytest.raises(AuthorError) as caught:
        check_site_tree(site)
    return str(caught.value)


def test_a_site_of_folders_and_regular_files_with_plain_names_passes(tmp_path):
    check_site_tree(_site_with(tmp_path))


@pytest.mark.parametrize("make", ["file link", "folder link", "dangling link"])
def test_a_symbolic_link_stops_the_package_naming_it(tmp_path, make):
    site = _site_with(tmp_path)
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "private.txt").write_text("not for the package", encoding="utf-8")
    target = {"file link": secret / "private.txt", "folder link": secret,
              "dangling link": tmp_path / "gone.html"}[make]
    (site / "assets" / "linked").symlink_to(target)
    error = _tree_error(site)
    assert "site/assets/linked: this is a symbolic link" in error and "Fix: replace the link" in error


def test_a_device_or_pipe_stops_the_package(tmp_path):
    site = _site_with(tmp_path)
    os.mkfifo(site / "assets" / "pipe")
    assert "site/assets/pipe: this is not a regular file" in _tree_error(site)


@pytest.mark.parametrize(("name", "said"), [
    (b"bad\nname.html", "site/assets/bad\\nname.html: this file name holds a control character"),
    (b"bad\xffname.html", "site/assets/bad\\xffname.html: this file name holds bytes that are not UTF-8"),
    (b"what?.html", "holds a character Windows refuses (?)"),
    (b"aux.html", "is one Windows cannot create"),
])
def test_an_unsafe_file_name_stops_the_package_naming_it_readably(tmp_path, name, said):
    site = _site_with(tmp_path)
    with open(os.path.join(os.fsencode(site / "assets"), name), "wb") as handle:
        handle.write(b"x")
    error = _tree_error(site)
    assert said in error and "Fix: rename the file" in error
