"""The one error type for mistakes in what authors and translators write."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError


class AuthorError(PluginError):
    """A mistake in curriculum, translation or page source, reported as one clear line.

    The message reads ``Error reading <path>:<line>: <detail> <fix>`` so an author can jump
    straight to the place and knows what to change.
    """

    def __init__(self, path: str | Path, detail: str, *, line: int | None = None, fix: str = ""):
        self.path = _shown(Path(path))
        self.line = line
        self.detail = detail
        self.fix = fix
        where = f"{self.path}:{line}" if line else self.path
        message = f"Error reading {where}: {detail}"
        if fix:
            message += f" Fix: {fix}"
        super().__init__(message)


def _shown(path: Path) -> str:
    """The path relative to the working directory when it lies below it: shorter to read."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def shown(path: Path, project: Path) -> str:
    """``path`` relative to the project when it lies inside it, as an author finds it."""
    try:
        return str(path.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(path)
