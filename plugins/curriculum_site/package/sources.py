"""What the package says about itself, read from curriculum.yml, the catalogs and the built site."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from ..catalog import SOURCE_LANGUAGE, catalog_path, load_catalog
from ..errors import AuthorError
from ..fields import Fields
from ..yamlsource import load_yaml

LAUNCHER_KEYS = ("package.language_name", "package.choose_language", "package.open_course")


@dataclass(frozen=True)
class CourseInfo:
    title: str
    site_id: str
    version: str
    citation: str
    languages: tuple[str, ...]  # the source language first: its pages are the site's root

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


def read_course(curriculum_file: Path) -> CourseInfo:
    """The few course fields the package needs (the build has already validated the file)."""
    fields = Fields(load_yaml(curriculum_file), curriculum_file, "curriculum.yml")
    languages = fields.texts("languages")
    if SOURCE_LANGUAGE not in languages:
        raise fields.error("languages", f"'languages' must include '{SOURCE_LANGUAGE}', the "
                           "source language.", f"add '{SOURCE_LANGUAGE}' to the list.")
    ordered = (SOURCE_LANGUAGE, *(code for code in languages if code != SOURCE_LANGUAGE))
    return CourseInfo(title=fields.text("title"), site_id=fields.text("site_id"),
                      version=fields.text("version"), citation=fields.text("citation"),
                      languages=ordered)


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


def site_languages(course: CourseInfo, site_dir: Path, files: set[str],
                   translations_dir: Path) -> list[Language]:
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
        catalog = load_catalog(translations_dir, code)
        for key in LAUNCHER_KEYS:
            if key not in catalog:
                raise AuthorError(catalog_path(translations_dir, code), f"'{key}' is missing.",
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
