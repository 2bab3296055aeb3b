"""Typed reading of author-written YAML mappings: each problem names the file, line and fix.

The one validator for every YAML an author writes (curriculum.yml, module.yml, session.yml, the
body of an exercise block): what a required or optional field of each type accepts, and what an
author reads when it is wrong, are decided here only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import AuthorError
from .yamlsource import line_of

# YAML reads yes, no, on and off as true/false and 1.10 as the number 1.1: quotes keep the text.
_QUOTE_FIX = ("put the text in quotes, e.g. \"Yes\" or \"1.10\", so YAML does not read it as "
              "true/false or a number.")


@dataclass(frozen=True)
class Origin:
    """Where a mapping was written, and how a mistake in it is reported."""

    path: str | Path
    line: int | None = None  # named when the value at fault carries no line of its own
    prefix: str = ""  # said before each detail, e.g. "in '/// choice | some-id': "
    guide: str = "docs/authoring/modules.md"

    def error(self, detail: str, fix: str = "", *, line: int | None = None) -> AuthorError:
        return AuthorError(self.path, self.prefix + detail, line=line or self.line, fix=fix)


def _describe(value: Any) -> str:
    """A value as an author wrote it, named by what YAML made of it."""
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a set of fields"
    return repr(value)


class Fields:
    """Reads typed values out of one YAML mapping, and rejects keys nobody reads.

    ``what`` names the mapping in messages ("module.yml", "options[2]"); keys of a nested mapping
    are named with its path ("options[2].text") so an author finds the one meant.
    """

    def __init__(self, data: Any, origin: Origin, what: str, *, nested: bool = False,
                 line: int | None = None):
        self.origin, self.what = origin, what
        self.line = line_of(data) or line or origin.line
        self._path = what if nested else ""
        if not isinstance(data, Mapping):
            raise origin.error(f"{what} must be a set of 'key: value' lines, not {_describe(data)}.",
                               f"write each field on its own line as 'name: value' "
                               f"(see {origin.guide}).", line=self.line)
        self.data: Mapping[Any, Any] = data

    def _name(self, key: str) -> str:
        """``key`` as an author finds it: with the path of the mapping it is in."""
        return f"{self._path}.{key}" if self._path else key

    def error(self, key: str | None, detail: str, fix: str = "") -> AuthorError:
        """A mistake at ``key`` (or in the whole mapping), at its line."""
        line = line_of(self.data, key) if key is not None else None
        return self.origin.error(detail, fix, line=line or self.line)

    def _get(self, key: str, required: bool, add: str = "") -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.error(None, f"{self.what} has no '{key}'.", f"add '{key}:'{add}.")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, required, " with some text")
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.error(key, f"'{self._name(key)}' must be text, not {_describe(value)}.",
                             _QUOTE_FIX)
        value = value.strip()
        if required and not value:
            raise self.error(key, f"'{self._name(key)}' is empty.", f"write the {key}.")
        return value

    def flag(self, key: str) -> bool:
        """true or false; leaving it out means false."""
        value = self._get(key, required=False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.error(key, f"'{self._name(key)}' must be true or false, not {_describe(value)}.",
                             f"write '{key}: true', or leave it out for false.")
        return value

    def minutes(self, key: str, *, maximum: int, required: bool = True) -> int:
        """A whole number of minutes from 1 to ``maximum``."""
        value = self._get(key, required, f" with a whole number of minutes, e.g. '{key}: 30'")
        if value is None:
            return 0
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise self.error(key, f"'{self._name(key)}' must be a whole number of minutes above 0, "
                             f"not {value!r}.", f"write e.g. '{key}: 30'.")
        if value > maximum:
            raise self.error(key, f"'{self._name(key)}' is {value} minutes, more than the {maximum} "
                             f"({maximum // 60} hours) it may be.",
                             f"check for a typing mistake, or split it: at most {maximum} minutes.")
        return value

    def _list(self, key: str, required: bool, minimum: int) -> list[Any]:
        value = self._get(key, required)
        if value is None or (value == [] and not required):
            return []
        fix = f"write each item on its own line starting with '- ' under '{key}:'."
        if not isinstance(value, list):
            raise self.error(key, f"'{self._name(key)}' must be a list, not {_describe(value)}.", fix)
        if len(value) < minimum:
            items = "one item" if minimum == 1 else f"{minimum} items"
            raise self.error(key, f"'{self._name(key)}' needs at least {items}, found {len(value)}.",
                             fix)
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        """A list of one or more texts."""
        value = self._list(key, required, minimum=1)
        for index, item in enumerate(value):
            place = f"item {index + 1} of '{self._name(key)}'"
            if not isinstance(item, str):
                raise self.origin.error(f"{place} must be text, not {_describe(item)}.", _QUOTE_FIX,
                                        line=line_of(value, index) or self.line)
            if not item.strip():
                raise self.origin.error(f"{place} is empty.", "write text after '- '.",
                                        line=line_of(value, index) or self.line)
        return tuple(item.strip() for item in value)

    def choices(self, key: str, allowed: Iterable[str], *, required: bool = True) -> tuple[str, ...]:
        """A list of one or more of the ``allowed`` values."""
        allowed = tuple(allowed)
        values = self.texts(key, required=required)
        for index, value in enumerate(values):
            if value not in allowed:
                raise self.origin.error(f"'{value}' is not a known value for '{self._name(key)}'.",
                                        f"use one of: {', '.join(allowed)}.",
                                        line=line_of(self.data[key], index) or self.line)
        return values

    def choice(self, key: str, allowed: Iterable[str], *, default: str | None = None) -> str:
        """One of the ``allowed`` values; required unless it has a ``default``."""
        allowed = tuple(allowed)
        value = self._get(key, default is None, f" with one of: {', '.join(allowed)}")
        if value is None:
            return str(default)
        if value not in allowed:
            raise self.error(key, f"{_describe(value)} is not a known value for '{self._name(key)}'.",
                             f"use one of: {', '.join(allowed)}.")
        return str(value)

    def mapping(self, key: str) -> Fields | None:
        """A nested mapping, when there is one."""
        value = self._get(key, required=False)
        if value is None:
            return None
        return Fields(value, self.origin, self._name(key), nested=True,
                      line=line_of(self.data, key) or self.line)

    def mappings(self, key: str, *, minimum: int = 1) -> list[Fields]:
        """A list of at least ``minimum`` mappings, each named by its place ("steps[2]")."""
        value = self._list(key, required=True, minimum=minimum)
        return [Fields(item, self.origin, f"{self._name(key)}[{index + 1}]", nested=True,
                       line=line_of(value, index) or self.line)
                for index, item in enumerate(value)]

    def reject_unknown(self, known: Iterable[str]) -> None:
        known = tuple(known)
        for key in self.data:
            if key not in known:
                raise self.error(key, f"'{self._name(str(key))}' is not a known key in {self.what}.",
                                 f"check the spelling, or use one of: {', '.join(known)}.")
