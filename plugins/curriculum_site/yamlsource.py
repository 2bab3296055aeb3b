"""YAML that remembers where each value came from, so errors can name the line."""

from __future__ import annotations

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


class _LineLoader(yaml.SafeLoader):
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


def parse_yaml(text: str, path: str | Path, *, first_line: int = 1) -> Any:
    """Parse YAML text; line numbers are shifted by ``first_line - 1`` (for embedded YAML)."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        raise AuthorError(
            path, f"this is not valid YAML ({error.problem}).", line=line,
            fix="check indentation, and quote text that contains ': ' or starts with a symbol.",
        ) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def load_yaml(path: Path) -> Any:
    """Read and parse a YAML file, or raise an AuthorError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuthorError(path, "the file is missing.", fix="create it (see docs/authoring).") from None
    except UnicodeDecodeError:
        raise AuthorError(path, "the file is not UTF-8 text.", fix="save it as UTF-8.") from None
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
