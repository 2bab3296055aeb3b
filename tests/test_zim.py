"""The real curriculum's ZIM files, as Kiwix and openZIM's tools read them."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher
from PIL import Image

from conftest import LANGUAGES, ROOT
from conftest import language_prefix as prefix
from curriculum_site.catalog import load_catalog
from curriculum_site.package import PackageResult

ISO_639_3 = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "ru": "rus", "pt": "por", "zh": "zho"}
MANDATORY = ("Name", "Title", "Language", "Creator", "Publisher", "Date", "Description")
RECOMMENDED = ("LongDescription", "License", "Tags", "Source")
# A word of each language's lessons, and a heading Kiwix's title suggestions must find.
WORDS = {"en": "trust", "fr": "confiance", "es": "confianza", "ar": "الثقة",
         "ru": "доверие", "pt": "confiança", "zh": "信任"}
TITLES = {"en": "Building trust", "fr": "Instaurer la confiance", "es": "Construir confianza",
          "ar": "بناء الثقة", "ru": "Укрепление доверия", "pt": "Construir confiança", "zh": "建立信任"}
# Debian 12's zimcheck (zim-tools 3.1, libzim 8) misreads every ZIM libzim 9 writes: libzim 9 no
# longer writes the old full title index that libzim 8 deprecated, and marks it absent in the
# header (all bits set), which libzim 8's integrity check reports as out of bounds. Only that
# one message is forgiven, and only from a zimcheck built on libzim before 9; the rest of
# zimcheck's checks, and libzim 9's own Archive.check(), run in full.
OLD_TITLE_INDEX_MESSAGE = "Full Title index table outside (or not fully inside) ZIM file."
TITLE_INDEX_ABSENT = 0xFFFF_FFFF_FFFF_FFFF
TITLE_INDEX_OFFSET = 40  # header: magic, versions, uuid, entry and cluster counts, path pointers


def site_pages(site: Path, language: str) -> set[str]:
    """The pages of ``language``'s tree in the built site (the server's 404 page aside)."""
    others = tuple(prefix(other) for other in LANGUAGES if other not in ("en", language))
    pages = {path.relative_to(site).as_posix() for path in (site / prefix(language)).rglob("*.html")}
    return {page for page in pages if not page.startswith(others)} - {"404.html"}


def entries(archive: Archive) -> list:
    return [archive._get_entry_by_id(index) for index in range(archive.entry_count)]


@pytest.fixture(scope="module")
def zims(real_package: PackageResult) -> dict[str, Path]:
    return {zim.language: zim.path for zim in real_package.zims}


def test_every_language_has_a_zim_named_by_site_language_and_month(real_package):
    assert [zim.path.name for zim in real_package.zims] == [
        f"swit-working-with-communities_{language}_2023-11.zim" for language in LANGUAGES]
    assert all(zim.path.parent == real_package.zip_path.parent for zim in real_package.zims)


@pytest.mark.parametrize("language", LANGUAGES)
def test_archive_checks_and_openzim_metadata(zims, language):
    archive = Archive(zims[language])
    catalog = load_catalog(ROOT / "translations", language)
    assert archive.check()
    metadata = {key: archive.get_metadata(key).decode("utf-8") for key in archive.metadata_keys
                if not key.startswith("Illustration_")}
    assert set(metadata) >= {*MANDATORY, *RECOMMENDED}
    assert all(metadata[key].strip() for key in (*MANDATORY, *RECOMMENDED))
    assert metadata["Name"] == f"swit-working-with-communities_{language}"
    assert metadata["Language"] == ISO_639_3[language]
    assert metadata["Title"] == catalog["zim.title"] and len(metadata["Title"]) <= 30
    assert metadata["Description"] == catalog["zim.description"]
    assert len(metadata["Description"]) <= 80
    assert metadata["LongDescription"] != metadata["Description"]
    assert metadata["Date"] == "2023-11-14"
    assert "CC BY-SA 4.0" in metadata["License"] and "WHO" in metadata["Source"]
    assert archive.has_illustration(48)
    illustration = Image.open(io.BytesIO(bytes(archive.get_illustration_item(48).content)))
    assert illustration.format == "PNG" and illustration.size == (48, 48)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_zim_holds_its_language_its_neutral_page_and_shared_assets_only(zims, real_site, language):
    archive = Archive(zims[language])
    paths = {entry.path for entry in entries(archive)}
    own = prefix(language)
    assert archive.main_entry.get_item().path == f"{own}index.html"
    assert f"{own}new-tab.html" in paths and "assets/curriculum/quick-exit.js" in paths
    assert {"LICENSE", "NOTICE"} <= paths
    # The storage page is a shared asset: every page's remembered answers live in that one store.
    assert "assets/curriculum/storage.html" in paths
    pages = {path for path in paths if path.endswith(".html") and not path.startswith("assets/")}
    assert pages == {path for path in site_pages(real_site, language) if not path.startswith("assets/")}
    others = tuple(prefix(other) for other in LANGUAGES if other not in ("en", language))
    assert not [path for path in paths
                if path.startswith(others) or path.endswith((".map", "search_index.js"))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_zim_holds_the_search_index_the_site_fetches_over_http(zims, language):
    # Kiwix serves pages over http(s), never file://: Material's search fetches this file.
    assert Archive(zims[language]).has_entry_by_path(f"{prefix(language)}search/search_index.json")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_listed_by_their_titles_without_the_language_menu(zims, language):
    archive = Archive(zims[language])
    for entry in entries(archive):
        if entry.get_item().mimetype != "text/html":
            continue
        assert entry.title and entry.title != entry.path, entry.path
        assert "hreflang=" not in bytes(entry.get_item().content).decode("utf-8"), entry.path
    lesson = archive.get_entry_by_path(f"{prefix(language)}modules/02-building-trust/lesson.html")
    assert lesson.title.startswith(TITLES[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_kiwix_search_finds_words_and_titles_of_its_own_pages(zims, language):
    archive = Archive(zims[language])
    assert archive.has_fulltext_index and archive.has_title_index
    search = Searcher(archive).search(Query().set_query(WORDS[language]))
    results = list(search.getResults(0, 20))
    assert results and all(path.startswith(prefix(language)) for path in results)
    assert f"{prefix(language)}modules/02-building-trust/lesson.html" in results
    suggestions = SuggestionSearcher(archive).suggest(TITLES[language])
    assert any(archive.get_entry_by_path(path).title.startswith(TITLES[language])
               for path in suggestions.getResults(0, 10))
    # The neutral page is no article: never suggested, never a search result.
    assert f"{prefix(language)}new-tab.html" not in results


def test_kiwix_finds_a_two_character_chinese_word_inside_a_clause(zims):
    """Chinese has no spaces between words. 保密 ("confidentiality") stands in the Chinese lesson
    of module 02 only inside longer clauses (违反保密原则, "breaking confidentiality"), never
    alone between punctuation, so Kiwix finds that lesson only if it finds words inside clauses."""
    lesson_file = ROOT / "translations/zh/curriculum/modules/02-building-trust/lesson.md"
    lesson = lesson_file.read_text(encoding="utf-8")
    assert "违反保密原则" in lesson and "保密" not in re.split(r"[\s，。：；？！“”（）、*#|-]+", lesson)
    results = list(Searcher(Archive(zims["zh"])).search(Query().set_query("保密")).getResults(0, 50))
    assert results and all(path.startswith("zh/") for path in results)
    assert "zh/modules/02-building-trust/lesson.html" in results


def _zimcheck_libzim_major() -> int:
    version = subprocess.run(["zimcheck", "--version"], capture_output=True, text=True,
                             timeout=60, check=False).stdout
    found = re.search(r"libzim (\d+)\.", version)
    assert found, f"zimcheck --version does not name its libzim: {version!r}"
    return int(found[1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_zimcheck_passes(zims, language):
    if shutil.which("zimcheck") is None:
        pytest.skip("Debian's zim-tools is not installed (.ci/run installs it): zimcheck is absent")
    path = zims[language]
    checked = subprocess.run(["zimcheck", "--json", "--all", str(path)], capture_output=True,
                             text=True, timeout=300, check=False)
    report = json.loads(checked.stdout)
    assert [log for log in report["logs"] if log["level"] == "ERROR"] == []
    if checked.returncode == 0:
        assert report["status"] is True
        return
    # Every check logged nothing, so the failure is the integrity check's, reported on stderr.
    assert _zimcheck_libzim_major() < 9, checked.stderr
    assert checked.stderr.strip() == OLD_TITLE_INDEX_MESSAGE
    with path.open("rb") as header:
        header.seek(TITLE_INDEX_OFFSET)
        assert struct.unpack("<Q", header.read(8))[0] == TITLE_INDEX_ABSENT


def test_libzim_says_nothing_of_its_own_but_what_may_need_a_reader(capfd: pytest.CaptureFixture[str]) -> None:
    from curriculum_site.package.zim.writer import quiet_libzim

    with quiet_libzim():
        os.write(1, b"Adding checksum...\n")
        os.write(2, b"No stemming for language 'zh'\n")
        os.write(2, b"Cannot open index\n")
    captured = capfd.readouterr()
    assert captured.out == ""
    assert captured.err == "Cannot open index\n"
