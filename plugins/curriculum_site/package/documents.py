"""The files beside the site: launcher, README.txt, NOTICE, from the templates in this folder."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..errors import AuthorError
from .sources import CourseInfo, Language

TEMPLATES_DIR = Path(__file__).parent / "templates"
README_DIR = TEMPLATES_DIR / "readme"
SITE_FOLDER = "site"
# Python packages whose files end up in the site (theme, scripts) or shape its HTML.
VENDORED_DISTRIBUTIONS = ("mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions")
IFRAME_WORKER_LICENCE = "assets/vendor/iframe-worker/LICENSE"
# Old Notepad needs a byte-order mark and CRLF to show UTF-8 (Arabic, accents) correctly.
TEXT_BOM = "\ufeff"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    text: str


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, keep_trailing_newline=True,
                       trim_blocks=True, lstrip_blocks=True)


def windows_text(text: str) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends: readable in every text editor."""
    return (TEXT_BOM + text.replace("\r\n", "\n").replace("\n", "\r\n")).encode("utf-8")


def render_launcher(course: CourseInfo, languages: list[Language], stylesheets: list[str]) -> bytes:
    return _environment().get_template("launcher.html").render(
        course=course, languages=languages, site=SITE_FOLDER,
        stylesheets=[f"{SITE_FOLDER}/{href}" for href in stylesheets],
    ).encode("utf-8")


def render_readme(course: CourseInfo, languages: list[Language]) -> bytes:
    """One README.txt with a section per language, in the launcher's order."""
    environment = _environment()
    sections = []
    for language in languages:
        template = README_DIR / f"{language.code}.txt"
        if not template.is_file():
            raise AuthorError(template, f"the package has no README for '{language.code}'.",
                              fix=f"translate {README_DIR / 'en.txt'} into this file.")
        sections.append(environment.get_template(f"readme/{language.code}.txt").render(
            course=course, language=language, languages=languages))
    text = environment.get_template("README.txt").render(
        course=course, languages=languages, sections=sections)
    return windows_text(text)


def installed_component(distribution: str) -> Component:
    """Name, version, licence and licence text of an installed Python distribution."""
    dist = metadata.distribution(distribution)
    licence = dist.metadata["License-Expression"] or dist.metadata["License"] or ""
    texts = [file for file in dist.files or ()
             if "licen" in file.name.lower() and ".dist-info" in str(file.parent)]
    if not texts:
        raise AuthorError(Path(str(dist.locate_file(""))), f"{distribution} was installed without "
                          "its licence file, which the package must carry.",
                          fix="reinstall it: `rm -rf .venv && make site`.")
    return Component(dist.metadata["Name"], dist.version, licence,
                     texts[0].read_text(encoding="utf-8").strip())


def render_notice(course: CourseInfo, site_dir: Path, kept: frozenset[str],
                  site: str = f"{SITE_FOLDER}/") -> bytes:
    """NOTICE for pages under ``site`` (the ZIP's folder, or "" for a ZIM, which holds them at
    its top)."""
    components = [installed_component(name) for name in VENDORED_DISTRIBUTIONS]
    if IFRAME_WORKER_LICENCE in kept:
        text = (site_dir / IFRAME_WORKER_LICENCE).read_text(encoding="utf-8").strip()
        components.append(Component("iframe-worker (shim.js)", "", "MIT", text))
    text = _environment().get_template("NOTICE.txt").render(
        course=course, components=components, site=site)
    return text.encode("utf-8")
