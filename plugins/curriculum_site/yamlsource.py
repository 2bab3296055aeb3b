"""YAML that remembers where each value came from, so errors can name the line."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from .errors import AuthorError


class SourceMap(dict):
    """A mapping that also knows the 1-based line of each key."""

    lines: dict[Any, int]
    line: int


class SourceList(list):
    """A list that also knows the 1-based line of each item."""

    lines: list[int]
    line: int


# Deeper than any course file needs: where an error for runaway nesting points.
MAX_DEPTH = 50
BOM = "\ufeff"


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A key written twice in one mapping: YAML would silently keep only the last value."""

    def __init__(self, key: object, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__(None, None, f"the key '{key}' is written twice", again)
        self.first_line = first.line  # 0-based, like every mark


class TooDeepError(yaml.MarkedYAMLError):
    """Collections nested deeper than any course file needs (and than PyYAML can build)."""


# libyaml's parser when PyYAML was built with it (its wheels are): the same YAML, with the same
# line marks, read many times faster than by the pure-Python parser.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """PyYAML's safe loader, refusing duplicate keys instead of keeping the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Mark] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                continue
            if key in seen:
                raise DuplicateKeyError(key, seen[key], key_node.start_mark)
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


class _LineLoader(_StrictLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> SourceMap:
        mapping = SourceMap(super().construct_mapping(node, deep=True))
        mapping.lines = {
            self.construct_object(key, deep=True): key.start_mark.line + 1 for key, _ in node.value
        }
        mapping.line = node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> SourceList:
        items = SourceList(super().construct_sequence(node, deep=True))
        items.lines = [item.start_mark.line + 1 for item in node.value]
        items.line = node.start_mark.line + 1
        return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


def too_deep(text: str) -> int | None:
    """The 0-based line where ``text`` nests collections deeper than MAX_DEPTH, if it does.

    Reads events only (PyYAML's parser is a state machine), so it cannot itself recurse."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line if event.start_mark is not None else 0
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _load(text: str) -> Any:
    """Load YAML, refusing duplicate keys and runaway nesting (as a yaml.MarkedYAMLError)."""
    try:
        # str(): libyaml reads only an exact str (Markdown hands blocks over as a subclass).
        return yaml.load(str(text), Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        # PyYAML builds nested collections recursively: only a file made to break it gets here.
        raise _too_deep(text) from None
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem):  # libyaml's own limit
            raise _too_deep(text) from None
        raise


def _too_deep(text: str) -> TooDeepError:
    mark = yaml.Mark("", 0, too_deep(text) or 0, 0, "", 0)
    return TooDeepError(problem=f"collections are nested more than {MAX_DEPTH} deep",
                        problem_mark=mark)


def parse_yaml(text: str, path: str | Path, *, first_line: int = 1) -> Any:
    """Parse YAML text; line numbers are shifted by ``first_line - 1`` (for embedded YAML).

    The one place a YAML mistake becomes an AuthorError: what went wrong, at which line."""
    try:
        data = _load(text)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + first_line
        raise AuthorError(path, f"the text holds a character YAML does not allow "
                          f"(U+{error.character:04X}, {error.reason}).", line=line,
                          fix="delete it: it is usually invisible, pasted in with other text.") from None
    except yaml.MarkedYAMLError as error:
        detail, fix = _yaml_problem(error, first_line)
        raise AuthorError(path, detail, line=_error_line(error, first_line), fix=fix) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _yaml_problem(error: yaml.MarkedYAMLError, first_line: int) -> tuple[str, str]:
    """What went wrong and how to fix it, for YAML whose first line is ``first_line``."""
    if isinstance(error, DuplicateKeyError):
        return (f"{error.problem} (first at line {error.first_line + first_line}).",
                "keep one of them: YAML would silently use only the last.")
    if isinstance(error, TooDeepError):
        return f"{error.problem}.", "write it with fewer levels: course files need only a few."
    return (f"this is not valid YAML ({error.problem}).",
            "check indentation, and quote text that contains ': ' or starts with a symbol "
            "(or write it on the next lines, indented, after '|').")


def _error_line(error: yaml.MarkedYAMLError, first_line: int) -> int:
    """The line of the file a YAML error points at, for YAML whose first line is ``first_line``."""
    mark = error.problem_mark or error.context_mark
    return mark.line + first_line if mark else first_line


def read_text(path: Path) -> str:
    """An author's file as text, or an AuthorError naming the line of the first byte that is not
    UTF-8 (a file saved as Latin-1 or Windows-1252)."""
    return decode_text(path.read_bytes(), path)


def decode_text(data: bytes, path: Path) -> str:
    """``read_text`` of bytes already read from ``path``."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AuthorError(
            path, f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read).",
            line=line, fix="save it as UTF-8 (your editor's 'Save as' or 'Encoding' menu).",
        ) from None


def read_markdown(path: Path) -> str:
    """A Markdown page's text; a byte-order mark before its front matter is an error, since
    the front matter's '---' must be the very first characters of the file."""
    return decode_markdown(path.read_bytes(), path)


def decode_markdown(data: bytes, path: Path) -> str:
    """``read_markdown`` of bytes already read from ``path``."""
    text = decode_text(data, path)
    if text.startswith(BOM + "---"):
        raise AuthorError(
            path, "the file starts with a byte-order mark (an invisible character some editors "
            "add), so its front matter is not on the first line.", line=1,
            fix="save it as 'UTF-8' without BOM (in Notepad: 'UTF-8', not 'UTF-8 with BOM').",
        )
    return text.removeprefix(BOM)


def load_yaml(path: Path) -> Any:
    """Read and parse a YAML file, or raise an AuthorError naming it."""
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise AuthorError(path, "the file is missing.", fix="create it (see docs/authoring).") from None
    return parse_yaml(text, path)


def line_of(container: Any, key: Any = None) -> int | None:
    """The line of ``key`` in a parsed mapping or list, or of the container itself."""
    if key is not None:
        lines = getattr(container, "lines", None)
        if isinstance(lines, dict) and key in lines:
            return lines[key]
        if isinstance(lines, list) and isinstance(key, int) and 0 <= key < len(lines):
            return lines[key]
    return getattr(container, "line", None)


def _shift_lines(data: Any, offset: int) -> None:
    if isinstance(data, SourceMap):
        data.line += offset
        data.lines = {key: line + offset for key, line in data.lines.items()}
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, SourceList):
        data.line += offset
        data.lines = [line + offset for line in data.lines]
        for value in data:
            _shift_lines(value, offset)
