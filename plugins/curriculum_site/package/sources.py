"""What the package says about itself, read from curriculum.yml, the catalogs and the built site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from selectolax.lexbor import LexborHTMLParser

from ..build.manifest import read_manifest
from ..catalog import catalog_path, load_catalog
from ..errors import AuthorError
from ..languages import SiteLanguage

LAUNCHER_KEYS = ("package.language_name", "package.choose_language", "package.open_course")


@dataclass(frozen=True)
class CourseInfo:
    title: str
    site_id: str
    version: str
    citation: str
    languages: tuple[str, ...]  # the source language first: its pages are the site's root
    translations_dir: Path  # each language's UI catalog is in <translations_dir>/<language>/

    def site_language(self, code: str) -> SiteLanguage:
        """Where ``code``'s pages are in the site (the first language's at its root)."""
        return SiteLanguage(code, default=code == self.languages[0])

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


@dataclass(frozen=True)
class _Home:
    direction: str  # "ltr" or "rtl", as the <html> or <body> element says
    stylesheets: list[str]


def _parse_home(site_dir: Path, home: str) -> _Home:
    """A language's home page, read with the parser every other page check uses (Lexbor)."""
    tree = LexborHTMLParser((site_dir / home).read_text(encoding="utf-8"))
    directions = [node.attributes.get("dir") for node in tree.css("html, body")]
    direction = next((d for d in reversed(directions) if d in ("ltr", "rtl")), "ltr")
    return _Home(str(direction), [str(node.attributes["href"])
                                  for node in tree.css('link[rel="stylesheet"][href]')
                                  if node.attributes.get("href")])


def site_languages(course: CourseInfo, site_dir: Path, files: set[str]) -> list[Language]:
    """Every course language with its home page, or an error naming the missing tree."""
    languages = []
    for code in course.languages:
        home = course.site_language(code).home
        if home not in files:
            where = f"under {code}/" if course.site_language(code).folder else "at the site's root"
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


def stylesheets(course: CourseInfo, site_dir: Path) -> list[str]:
    """The default language home page's stylesheets, relative to the site folder."""
    home = course.site_language(course.languages[0]).home
    base = PurePosixPath(home).parent
    return [str(base / href) for href in _parse_home(site_dir, home).stylesheets if "://" not in href]
