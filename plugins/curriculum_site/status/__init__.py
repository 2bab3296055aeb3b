"""Which translated files are up to date, stale or missing (the report: ``python -m curriculum_site.status``).

Each translated file names the version of the English file it translates, as the first 12 hex
digits of the SHA-256 of that file's bytes: ``translation_of:`` in a Markdown page's front
matter, or a top-level ``translation_of:`` key in a translated YAML file. When the English file
changes, its version changes and the translation is reported stale until a translator updates
it and writes the new version.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..errors import AuthorError
from ..yamlsource import line_of, load_yaml, parse_yaml, read_markdown

VERSION_KEY = "translation_of"
VERSION_LENGTH = 12
# The files a translator translates, relative to the project root; {course} is the course's
# folder (the course plugin's curriculum_dir).
_TRANSLATABLE = ("docs/**/*.md", "{course}/about.md", "{course}/modules/*/lesson.md",
                 "{course}/modules/*/handout.md", "{course}/modules/*/module.yml",
                 "{course}/modules/*/session.yml")
_VERSION = re.compile(rf"^[0-9a-f]{{{VERSION_LENGTH}}}$")
# The front matter MkDocs reads: '---' on the first line, YAML, then '---' or '...'.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Layout:
    """Where the English files are, and their translations: each translation lives under
    <translations_dir>/<lang>/ at its English file's path relative to the project."""

    project: Path
    curriculum_dir: Path  # inside the project
    translations_dir: Path

    @property
    def course(self) -> str:
        """The course's folder, relative to the project."""
        return self.curriculum_dir.relative_to(self.project).as_posix()

    def translatable(self) -> list[str]:
        """Glob patterns of the files translators translate, relative to the project."""
        return [pattern.format(course=self.course) for pattern in _TRANSLATABLE]

    def translation_path(self, source: str, language: str) -> Path:
        """Where the ``language`` translation of ``source`` (relative to the project) lives."""
        return self.translations_dir / language / source

    def english_path(self, translation: Path, language: str) -> Path:
        """The English file a file under ``translations_dir/language/`` translates."""
        return self.project / translation.relative_to(self.translations_dir / language)


class State(Enum):
    CURRENT = "up to date"
    STALE = "stale"
    UNVERSIONED = "no version"
    MISSING = "missing"


@dataclass(frozen=True)
class Translation:
    """One translatable English file and its counterpart in one language."""

    language: str
    source: str  # relative to the project root, with '/' separators
    path: Path  # where the translation is (or would be)
    state: State
    version: str  # the English file's current version
    problem: str = ""  # why a file's version cannot be trusted (UNVERSIONED)
    line: int | None = None

    @property
    def outdated(self) -> bool:
        """Present but not known to match the English file: readers see a notice."""
        return self.state in (State.STALE, State.UNVERSIONED)


@dataclass(frozen=True)
class LanguageStatus:
    language: str
    translations: tuple[Translation, ...]

    def having(self, state: State) -> list[Translation]:
        return [t for t in self.translations if t.state is state]


def source_version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:VERSION_LENGTH]


def translatable_sources(layout: Layout) -> list[str]:
    """The English files translators translate, relative to the project, sorted."""
    root = layout.project
    found = {path.relative_to(root).as_posix() for pattern in layout.translatable()
             for path in root.glob(pattern) if path.is_file()}
    return sorted(found)


def recorded_version(path: Path) -> tuple[object, int | None]:
    """The ``translation_of`` value a translated file records and its line (None when absent).

    Raises AuthorError when the file's front matter or YAML cannot be read.
    """
    if path.suffix == ".md":
        text = read_markdown(path)
        match = _FRONT_MATTER.match(text)
        if match is None:
            return None, None
        data = parse_yaml(match.group("yaml") or "", path, first_line=2)
        if data is None:
            return None, None
        if not isinstance(data, dict):
            raise AuthorError(path, "the front matter must be 'key: value' lines.", line=2,
                              fix=f"write '{VERSION_KEY}: \"<version>\"' between the two '---' lines.")
    else:
        data = load_yaml(path)
        if not isinstance(data, dict):
            return None, None
    return data.get(VERSION_KEY), line_of(data, VERSION_KEY)


def translation_of(language: str, source: str, layout: Layout) -> Translation:
    version = source_version(layout.project / source)
    path = layout.translation_path(source, language)
    if not path.is_file():
        return Translation(language, source, path, State.MISSING, version)
    recorded, line = recorded_version(path)
    problem = _version_problem(recorded)
    if problem:
        return Translation(language, source, path, State.UNVERSIONED, version, problem, line)
    state = State.CURRENT if str(recorded).lower() == version else State.STALE
    return Translation(language, source, path, state, version, line=line)


def _version_problem(recorded: object) -> str:
    if recorded is None:
        return f"it does not say which version of the English file it translates ('{VERSION_KEY}')."
    if not isinstance(recorded, str):
        return f"'{VERSION_KEY}' must be written in quotes, like \"3f2a9c0b1d4e\"."
    if not _VERSION.match(recorded.lower()):
        return (f"'{VERSION_KEY}: {recorded}' is not a version: it must be the "
                f"{VERSION_LENGTH} characters the status command prints.")
    return ""


def language_status(language: str, layout: Layout) -> LanguageStatus:
    return LanguageStatus(language, tuple(translation_of(language, source, layout)
                                          for source in translatable_sources(layout)))


def orphan_translations(language: str, layout: Layout) -> list[Path]:
    """Translated files (of a translatable kind) whose English file does not exist."""
    folder = layout.translations_dir / language
    translated = sorted(path for pattern in layout.translatable() for path in folder.glob(pattern)
                        if path.is_file())
    return [path for path in translated if not layout.english_path(path, language).is_file()]


def check_orphans(language: str, layout: Layout) -> None:
    """Raise AuthorError for the first translated file that has no English file."""
    folder = layout.translations_dir / language
    for path in orphan_translations(language, layout):
        raise AuthorError(path, f"there is no English file {path.relative_to(folder).as_posix()} "
                                "for this translation.",
                          fix=f"give it the path of the English file it translates, under "
                              f"{folder}, or delete it.")


def unversioned_errors(status: LanguageStatus) -> list[AuthorError]:
    """One error per translated file whose version is absent or unreadable (warnings in a build)."""
    return [AuthorError(t.path, t.problem, line=t.line,
                        fix=f"write '{VERSION_KEY}: \"{t.version}\"' once it matches {t.source}.")
            for t in status.having(State.UNVERSIONED)]


def report_lines(statuses: Iterable[LanguageStatus]) -> list[str]:
    """The status as plain text: counts, then each file that needs a translator."""
    lines = []
    for status in statuses:
        counts = ", ".join(f"{len(status.having(state))} {state.value}" for state in State)
        lines.append(f"{status.language}: {counts}")
        for translation in status.translations:
            if translation.state is State.CURRENT:
                continue
            lines.append(f"  {translation.state.value:<11} {translation.source}")
            if translation.state is not State.MISSING:
                lines.append(f"              {translation.path}: after updating it, write "
                             f"{VERSION_KEY}: \"{translation.version}\"")
    return lines
