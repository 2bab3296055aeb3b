"""Typed reading of author-written YAML mappings: each problem names the file, line and fix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import AuthorError
from .yamlsource import line_of


class Fields:
    """Reads typed values out of one YAML mapping, and rejects keys nobody reads."""

    def __init__(self, data: Any, path: Path, what: str):
        if not isinstance(data, Mapping):
            raise AuthorError(path, f"{what} must be a mapping of 'key: value' lines.",
                              line=line_of(data), fix="see docs/authoring/modules.md.")
        self.data, self.path, self.what = data, path, what

    def error(self, key: str | None, detail: str, fix: str = "") -> AuthorError:
        return AuthorError(self.path, detail, line=line_of(self.data, key), fix=fix)

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.error(None, f"{self.what} has no '{key}'.", f"add '{key}:'.")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.error(key, f"'{key}' must be text.", f"write '{key}: some text'.")
        value = str(value).strip()
        if required and not value:
            raise self.error(key, f"'{key}' is empty.", f"write the {key}.")
        return value

    def minutes(self, key: str, *, maximum: int, required: bool = True) -> int:
        """A whole number of minutes from 1 to ``maximum``."""
        value = self._get(key, required)
        if value is None:
            return 0
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise self.error(key, f"'{key}' must be a whole number of minutes above 0, not {value!r}.",
                             f"write e.g. '{key}: 30'.")
        if value > maximum:
            raise self.error(key, f"'{key}' is {value} minutes, more than the {maximum} "
                             f"({maximum // 60} hours) it may be.",
                             f"check for a typing mistake, or split it: at most {maximum} minutes.")
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None or (value == [] and not required):
            return ()
        if not isinstance(value, list) or not value:
            raise self.error(key, f"'{key}' must be a list with at least one item.",
                             f"write each item on its own line starting with '- ' under '{key}:'.")
        for index, item in enumerate(value):
            if not isinstance(item, (str, int, float)) or isinstance(item, bool) or not str(item).strip():
                raise AuthorError(self.path, f"item {index + 1} of '{key}' must be non-empty text.",
                                  line=line_of(value, index), fix="write text after '- '.")
        return tuple(str(item).strip() for item in value)

    def choices(self, key: str, allowed: Iterable[str], *, required: bool = True) -> tuple[str, ...]:
        allowed = tuple(allowed)
        values = self.texts(key, required=required)
        for index, value in enumerate(values):
            if value not in allowed:
                raise AuthorError(self.path, f"'{value}' is not a known value for '{key}'.",
                                  line=line_of(self.data[key], index),
                                  fix=f"use one of: {', '.join(allowed)}.")
        return values

    def choice(self, key: str, allowed: Iterable[str], *, default: str | None = None) -> str:
        allowed = tuple(allowed)
        value = self.text(key, required=default is None, default=default or "")
        if value not in allowed:
            raise self.error(key, f"'{value}' is not a known value for '{key}'.",
                             f"use one of: {', '.join(allowed)}.")
        return value

    def items(self, key: str, *, required: bool = True) -> list[tuple[Any, int | None]]:
        """A list of mappings, each with its line."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not value:
            raise self.error(key, f"'{key}' must be a list with at least one item.",
                             "start each item with '- ' under '" + key + ":'.")
        return [(item, line_of(value, index)) for index, item in enumerate(value)]

    def reject_unknown(self, known: Iterable[str]) -> None:
        known = set(known)
        for key in self.data:
            if key not in known:
                raise self.error(key, f"'{key}' is not a known key in {self.what}.",
                                 f"remove it or use one of: {', '.join(sorted(known))}.")
