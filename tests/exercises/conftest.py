"""Helpers for exercise tests: plain Markdown conversion with the English catalog, no MkDocs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import markdown
import pytest

from curriculum_site.catalog import load_catalog
from curriculum_site.exercises.blocks import ExercisesExtension, PageSource
from curriculum_site.exercises.render import ExerciseRenderer

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"

Convert = Callable[..., str]


@pytest.fixture(scope="session")
def renderer() -> ExerciseRenderer:
    return ExerciseRenderer(load_catalog(TRANSLATIONS, "en"))


@pytest.fixture
def convert(renderer: ExerciseRenderer) -> Convert:
    """Markdown → HTML as a page would render it, with errors naming `lesson.md`."""

    def run(text: str, view: str = "learner", site_id: str = "test-site") -> str:
        extension = ExercisesExtension(
            renderer, site_id=site_id, source=PageSource.from_markdown("lesson.md", text), view=view
        )
        md = markdown.Markdown(extensions=[extension, "pymdownx.superfences", "pymdownx.blocks.tab"])
        return md.convert(text)

    return run
