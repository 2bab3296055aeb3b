"""ZIM files for Kiwix, piece by piece: page facts, metadata, the icon, and every bad input
stopping the build with a message that names what to fix, before anything is written."""

from __future__ import annotations

import io
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from libzim.reader import Archive
from PIL import Image

from conftest import FIXED_TIME, ROOT
from curriculum_site.build.manifest import MANIFEST_NAME
from curriculum_site.errors import AuthorError
from curriculum_site.links import site_files
from curriculum_site.package import build_package
from curriculum_site.package.__main__ import main as package_main
from curriculum_site.package.sources import CourseInfo, site_languages
from curriculum_site.package.zim import build_date, plan_zims, write_zims
from curriculum_site.package.zim import writer as zim_writer
from curriculum_site.package.zim.metadata import visible_length
from curriculum_site.package.zim.pages import entry_title, linked_file, read_page

COURSE = CourseInfo(title="Course", site_id="test-course", version="1.0", citation="A citation.",
                    languages=("en", "fr"), translations_dir=Path("translations"))
DATE = build_date(int(FIXED_TIME["SOURCE_DATE_EPOCH"]))
NOTICES = {"LICENSE": b"licence", "NOTICE": b"notice"}
CATALOGS = {
    "en": {"package.language_name": "English", "package.choose_language": "Choose",
           "package.open_course": "open", "zim.language": "eng", "zim.title": "A course",
           "zim.description": "A short course.", "zim.long_description": "A longer description.",
           "zim.creator": "Us", "zim.publisher": "Us too"},
    "fr": {"package.language_name": "Français", "package.choose_language": "Choisir",
           "package.open_course": "ouvrir", "zim.language": "fra", "zim.title": "Une formation",
           "zim.description": "Une courte formation.", "zim.long_description": "Plus longue.",
           "zim.creator": "Nous", "zim.publisher": "Nous aussi"},
}
PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{topic} - Course</title>
<link rel="icon" href="{up}assets/images/favicon.png"></head>
<body><header><a href="{up}{lang_prefix}new-tab.html" data-cq-exit>Exit</a>
<div data-md-component="header-topic"><span>{topic}</span></div>
<div class="md-header__option"><div class="md-select"><ul>
<li><a href="{up}index.html" hreflang="en">English</a></li>
<li><a href="{up}fr/index.html" hreflang="fr">Français</a></li></ul></div></div>
<script>var x = "<h1>not a heading</h1>";</script></header>
<article><h1>{heading}</h1><p>{text}</p></article></body></html>
"""
NEUTRAL = '<!doctype html><html><head><title>{title}</title></head><body></body></html>'


def _png(path: Path, size: tuple[int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", size, (200, 30, 30, 255)).save(path)


def _yaml(mapping: dict[str, str]) -> str:
    return "".join(f'{key}: "{value}"\n' for key, value in mapping.items())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A tiny built site in two languages, with its catalogs: enough for a ZIM each."""
    site = tmp_path / "site"
    for code, up, heading, topic, text in (("en", "", "Trust", "Home", "Listening builds trust."),
                                           ("fr", "../", "Confiance", "Accueil", "Écouter.")):
        prefix = "" if code == "en" else "fr/"
        (site / prefix).mkdir(parents=True, exist_ok=True)
        (site / prefix / "index.html").write_text(PAGE.format(
            lang=code, up=up, lang_prefix=prefix, topic=topic, heading=heading, text=text),
            encoding="utf-8")
        (site / prefix / "new-tab.html").write_text(NEUTRAL.format(title=f"New tab {code}"),
                                                    encoding="utf-8")
        (tmp_path / "translations" / code).mkdir(parents=True)
        (tmp_path / "translations" / code / "ui.yml").write_text(_yaml(CATALOGS[code]),
                                                                 encoding="utf-8")
    _png(site / "assets/images/favicon.png", (64, 32))
    (site / "assets/javascripts").mkdir(parents=True)
    (site / "assets/javascripts/bundle.js").write_text("// the theme\n", encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return tmp_path


def _plans(project: Path):
    site = project / "site"
    files = site_files(site)
    course = replace(COURSE, translations_dir=project / "translations")
    languages = site_languages(course, site, files)
    return plan_zims(site, files, course, languages, project, DATE, project / "dist", NOTICES)


def _set_catalog(project: Path, code: str, key: str, value: str) -> None:
    (project / "translations" / code / "ui.yml").write_text(
        _yaml({**CATALOGS[code], key: value}), encoding="utf-8")


def test_a_zim_holds_its_language_and_the_shared_assets_without_the_language_menu(project):
    english, french = _plans(project)
    entries = {entry.path: entry for entry in french.entries}
    assert set(entries) == {"fr/index.html", "fr/new-tab.html", "assets/images/favicon.png",
                            "assets/javascripts/bundle.js", "LICENSE", "NOTICE"}
    assert {entry.path for entry in english.entries} == {
        "index.html", "new-tab.html", "assets/images/favicon.png", "assets/javascripts/bundle.js",
        "LICENSE", "NOTICE"}
    home = entries["fr/index.html"]
    assert isinstance(home.content, bytes)
    html = home.content.decode()
    assert "hreflang" not in html and "md-select" not in html
    assert '<a href="../fr/new-tab.html" data-cq-exit>' in html and "<article>" in html
    assert (home.title, home.front, home.text) == ("Confiance (Accueil)", True, "Confiance Écouter.")
    neutral = entries["fr/new-tab.html"]
    assert (neutral.title, neutral.front, neutral.text) == ("New tab fr", False, "")
    assert french.main_path == "fr/index.html"
    assert french.target == project / "dist" / "test-course_fr_2023-11.zim"
    assert french.metadata.entries()["Language"] == "fra"
    assert french.metadata.entries()["Name"] == "test-course_fr"


def test_the_illustration_is_the_icon_fitted_into_48_pixels(project):
    picture = Image.open(io.BytesIO(_plans(project)[0].illustration))
    assert picture.format == "PNG" and picture.size == (48, 48)
    assert picture.getpixel((24, 24))[3] == 255  # the icon, scaled to 48×24 and centred
    assert picture.getpixel((24, 2))[3] == 0  # transparent above and below it


def test_the_zim_written_is_valid_and_names_its_pages_by_their_titles(project):
    [result] = write_zims([_plans(project)[1]])
    archive = Archive(result.path)
    assert archive.check()
    assert archive.main_entry.get_item().path == "fr/index.html"
    assert archive.get_entry_by_path("fr/index.html").title == "Confiance (Accueil)"
    assert archive.get_metadata("Title").decode() == "Une formation"
    assert (result.entries, result.pages) == (archive.entry_count, 1)
    assert [path.name for path in result.path.parent.iterdir()] == [result.path.name]


def test_a_page_without_a_title_stops_the_build_naming_the_page(project):
    (project / "site/fr/extra.html").write_text("<html><body><p>Text</p></body></html>",
                                                encoding="utf-8")
    with pytest.raises(AuthorError, match="this page has no title") as caught:
        _plans(project)
    assert caught.value.path.endswith("site/fr/extra.html")
    assert "<title>" in caught.value.fix


def test_a_missing_icon_stops_the_build_naming_the_file(project):
    (project / "site/assets/images/favicon.png").unlink()
    with pytest.raises(AuthorError, match="the site's icon is missing") as caught:
        _plans(project)
    assert caught.value.path.endswith("assets/images/favicon.png")
    assert "theme.favicon" in caught.value.fix


@pytest.mark.parametrize(("content", "problem"), [
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a picture this build can read"),
    (None, "too small"),
])
def test_an_icon_that_cannot_make_the_illustration_stops_the_build(project, content, problem):
    icon = project / "site/assets/images/favicon.png"
    if content is None:
        _png(icon, (16, 16))
    else:
        icon.write_bytes(content)
    with pytest.raises(AuthorError, match=problem):
        _plans(project)


def test_a_home_page_without_an_icon_link_stops_the_build(project):
    home = project / "site/index.html"
    home.write_text(home.read_text(encoding="utf-8").replace('rel="icon"', 'rel="author"'),
                    encoding="utf-8")
    with pytest.raises(AuthorError, match="names no icon") as caught:
        _plans(project)
    assert caught.value.path.endswith("site/index.html")


@pytest.mark.parametrize("code", ["fr", "french", "FRA", ""])
def test_a_language_without_an_iso_639_3_code_stops_the_build_at_its_line(project, code):
    _set_catalog(project, "fr", "zim.language", code)
    with pytest.raises(AuthorError) as caught:
        _plans(project)
    assert caught.value.path.endswith("translations/fr/ui.yml")
    assert "zim.language" in str(caught.value)
    if code:
        assert "not an ISO 639-3 language code" in caught.value.detail
        assert caught.value.line == list(CATALOGS["fr"]).index("zim.language") + 1


def test_a_source_catalog_without_the_zim_keys_stops_the_build(project):
    english = {key: value for key, value in CATALOGS["en"].items() if not key.startswith("zim.")}
    (project / "translations/en/ui.yml").write_text(_yaml(english), encoding="utf-8")
    (project / "translations/fr/ui.yml").write_text(
        _yaml({key: value for key, value in CATALOGS["fr"].items() if key in english}),
        encoding="utf-8")
    with pytest.raises(AuthorError, match="'zim.language' is missing"):
        _plans(project)


@pytest.mark.parametrize(("key", "limit"), [("zim.title", 30), ("zim.description", 80)])
def test_a_title_or_description_too_long_for_kiwix_stops_the_build(project, key, limit):
    _set_catalog(project, "fr", key, "é" * (limit + 1))
    with pytest.raises(AuthorError, match=f"has {limit + 1} characters; Kiwix shows at most {limit}"):
        _plans(project)
    _set_catalog(project, "fr", key, "e\u0301" * limit)  # combining accents do not count
    assert _plans(project)


def test_a_long_description_repeating_the_description_is_refused(project):
    _set_catalog(project, "fr", "zim.long_description", CATALOGS["fr"]["zim.description"])
    with pytest.raises(AuthorError, match="repeats 'zim.description'"):
        _plans(project)


def test_a_link_to_another_language_outside_the_menu_stops_the_build(project):
    home = project / "site/fr/index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../index.html">English</a></article>'), encoding="utf-8")
    with pytest.raises(AuthorError, match="1 link.s. lead out of the fr ZIM") as caught:
        _plans(project)
    assert "fr/index.html: '../index.html'" in caught.value.detail


def test_a_missing_libzim_stops_the_build_naming_the_fix(project, monkeypatch):
    monkeypatch.setitem(sys.modules, "libzim.writer", None)  # what a failed import leaves
    with pytest.raises(AuthorError, match="the Python package libzim cannot be loaded") as caught:
        _plans(project)
    assert caught.value.path.endswith("constraints.txt")
    assert "pip install -c constraints.txt libzim" in caught.value.fix


def test_a_failure_while_writing_leaves_no_zim_and_no_partial_file(project, monkeypatch):
    plan = _plans(project)[1]
    plan.target.parent.mkdir()

    def broken_provider(item):
        raise OSError("disk full")

    monkeypatch.setattr(zim_writer._SiteItem, "get_contentprovider", broken_provider)
    with pytest.raises(RuntimeError, match="disk full"):
        write_zims([plan])
    assert list(plan.target.parent.iterdir()) == []


def test_page_titles_never_fall_back_to_the_path():
    assert entry_title("Building trust", "Lesson", "Lesson - Site") == "Building trust (Lesson)"
    assert entry_title("Answer key: Building trust", "Answer key", "x") == "Answer key: Building trust"
    assert entry_title("", "", "New tab") == "New tab"
    assert entry_title("", "", "") == ""


def test_page_facts_skip_scripts_and_stray_tags_and_cut_only_the_language_menu():
    html = PAGE.format(lang="en", up="", lang_prefix="", topic="Home", heading="Trust",
                       text="Listening </span> builds <b>trust</b>.")
    facts = read_page(html)
    assert facts.title == "Trust (Home)"
    assert facts.text == "Trust Listening builds trust."
    assert facts.icon == "assets/images/favicon.png"
    assert facts.links == ("assets/images/favicon.png", "new-tab.html")
    start, end = facts.language_menu or (0, 0)
    assert html[start:end].startswith('<div class="md-header__option">')
    assert html[start:end].endswith("</ul></div></div>")


def test_linked_files_resolve_like_a_browser():
    assert linked_file("fr/modules/a.html", "../index.html#top") == "fr/index.html"
    assert linked_file("fr/index.html", "./") == "fr/index.html"
    assert linked_file("index.html", "../outside.html") == "../outside.html"
    assert linked_file("fr/index.html", "/etc/passwd") == "/etc/passwd"
    assert linked_file("index.html", "https://example.org/") is None
    assert linked_file("index.html", "#section") is None


def test_visible_length_counts_what_a_reader_sees():
    assert visible_length("Communautés") == 11
    assert visible_length("مُجْتَمَعَات") == 7  # Arabic letters, not their vowel marks


def test_the_command_reports_a_bad_catalog_in_one_line_and_writes_nothing(fixture_site, tmp_path,
                                                                            capsys, monkeypatch):
    project = Path(shutil.copytree(fixture_site.parent, tmp_path / "course"))
    shutil.copy(ROOT / "LICENSE", project / "LICENSE")
    catalog = project / "translations/fr/ui.yml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("zim.language: fra",
                                                                   "zim.language: fr"),
                       encoding="utf-8")
    # The site as if built from this copy: its manifest names the copy's translations.
    site = project / "site"
    manifest = json.loads((site / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["translations_dir"] = str(project / "translations")
    (site / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_TIME["SOURCE_DATE_EPOCH"])
    dist = tmp_path / "dist"
    assert package_main([str(site), str(dist), "--project", str(project)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "fr/ui.yml" in error and "ISO 639-3" in error
    assert not dist.exists()
    with pytest.raises(AuthorError):
        build_package(site, dist, project, environ=FIXED_TIME)
