"""The progress page's list of modules and their exercises, known before any page is rendered.

Each learner page's exercises were parsed once with the curriculum (the course plugin's build),
so the list is complete before the first page is converted, and a `/// progress` block renders
it whole, wherever it stands in the site.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from mkdocs.utils import get_relative_url

from .field_markdown import MarkdownFields
from .model import LocatedExercise
from .render import plain_label


@dataclass(frozen=True)
class LearnerPage:
    """A page shown to learners, with the exercises it holds."""

    src_uri: str
    url: str
    title: str
    meta: Mapping[str, Any]  # its front matter
    exercises: Sequence[LocatedExercise]


def progress_index(pages: Iterable[LearnerPage], fields: MarkdownFields) -> list[dict[str, Any]]:
    """One entry per module (a page's `module` front matter, else its folder), in site order;
    urls from the site's root, made relative to the progress page by ``relative_to``."""
    index: dict[str, dict[str, Any]] = {}
    for page in pages:
        if not page.exercises:
            continue
        module = str(page.meta.get("module") or PurePosixPath(page.src_uri).parent.as_posix()
                     or page.src_uri)
        entry = index.setdefault(module, {"module": module,
                                          "title": page.meta.get("module_title") or page.title,
                                          "url": page.url, "exercises": []})
        entry["exercises"] += [{"id": located.exercise.id, "type": located.exercise.type,
                                "label": plain_label(fields, located.exercise)}
                               for located in page.exercises]
    return list(index.values())


def relative_to(index: Sequence[Mapping[str, Any]], page_url: str) -> list[dict[str, Any]]:
    return [{**entry, "url": get_relative_url(entry["url"], page_url)} for entry in index]
