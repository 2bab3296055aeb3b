"""What the package says about itself, read from curriculum.yml, the catalogs and the built site."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from ..catalog import SOURCE_LANGUAGE, catalog_path, load_catalog
from ..course.manifest import read_manifest
from ..errors import AuthorError

LAUNCHER_KEYS = ("package.language_name", "package.choose_language", "package.open_course")


@dataclass(frozen=True)
class CourseInfo:
    title: str
    site_id: str
    version: str
    citation: str
    languages: tuple[str, ...]  # the source language first: its pages are the site's root
    translations_dir: Path  # each language's UI catalog is in <translations_dir>/<language>/

    @property
    def zip_name(self) -> str:
        return f"{self.site_id}-{self.version}-offline.zip"


@dataclass(frozen=True)
class Language:
    code: str
    direction: str  # "ltr" or "rtl", as Material wrote it on the language's home page
    home: str  # the home page, relative to the site folder
    name: str  # the language's own name, in its own script
    choose_language: str
    open_course: str
    ui: dict[str, str] = field(compare=False, repr=False)  # the language's whole UI catalog


def read_course(site_dir: Path) -> CourseInfo:
    """The course as the build that wrote ``site_dir`` described it in its manifest."""
    manifest = read_manifest(site_dir)
    return CourseInfo(title=manifest.title, site_id=manifest.site_id, version=manifest.version,
                      citation=manifest.citation, languages=manifest.languages,
                      translations_dir=Path(manifest.translations_dir))


def home_page(code: str) -> str:
    return "index.html" if code == SOURCE_LANGUAGE else f"{code}/index.html"


class _HomeParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.direction = "ltr"
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("html", "body") and values.get("dir") in ("ltr", "rtl"):
            self.direction = values["dir"] or "ltr"
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.stylesheets.append(values["href"] or "")


def _parse_home(site_dir: Path, home: str) -> _HomeParser:
    parser = _HomeParser()
    parser.feed((site_dir / home).read_text(encoding="utf-8"))
    return parser


def site_languages(course: CourseInfo, site_dir: Path, files: set[str]) -> list[Language]:
    """Every course language with its home page, or an error naming the missing tree."""
    languages = []
    for code in course.languages:
        home = home_page(code)
        if home not in files:
            where = "at the site's root" if code == SOURCE_LANGUAGE else f"under {code}/"
            raise AuthorError(site_dir / home, f"curriculum.yml lists '{code}' but the built site "
                              f"has no pages {where}.",
                              fix=f"list '{code}' with 'build: true' under the i18n plugin's "
                              "languages in mkdocs.yml (or remove it from curriculum.yml), "
                              "then run `make site` again.")
        catalog = load_catalog(course.translations_dir, code)
        for key in LAUNCHER_KEYS:
            if key not in catalog:
                raise AuthorError(catalog_path(course.translations_dir, code), f"'{key}' is missing.",
                                  fix=f"add '{key}: …' (the launcher on the USB stick shows it).")
        name, choose_language, open_course = (catalog[key] for key in LAUNCHER_KEYS)
        languages.append(Language(code, _parse_home(site_dir, home).direction, home, name,
                                  choose_language, open_course, catalog))
    return languages


def stylesheets(site_dir: Path) -> list[str]:
    """The source language home page's stylesheets, relative to the site folder."""
    base = PurePosixPath(home_page(SOURCE_LANGUAGE)).parent
    return [str(base / href) for href in _parse_home(site_dir, home_page(SOURCE_LANGUAGE)).stylesheets
            if "://" not in href]
