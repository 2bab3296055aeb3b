"""One ZIM per site language: planned and checked for every language, then written."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Sequence
from pathlib import Path

from ...errors import AuthorError
from ..sources import CourseInfo, Language
from .plan import ZimPlan, ZimResult, plan_zim


def build_date(epoch: int) -> datetime.date:
    """The ZIM's Date, and the month in its file name: the day of the last commit (UTC)."""
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).date()


def require_libzim(project_dir: Path) -> None:
    """Stop with a clear message, before anything is written, when libzim cannot be loaded."""
    try:
        importlib.import_module("libzim.writer")
    except ImportError as error:
        raise AuthorError(project_dir / "constraints.txt", f"the Python package libzim cannot be "
                          f"loaded ({error}), so no ZIM file for Kiwix can be written.",
                          fix="install the pinned version: `.venv/bin/pip install -c "
                          "constraints.txt libzim` (or delete .venv and run `make site`).") from None


def plan_zims(site_dir: Path, files: set[str], course: CourseInfo, languages: Sequence[Language],
              project_dir: Path, date: datetime.date, dist_dir: Path,
              notices: dict[str, bytes]) -> list[ZimPlan]:
    require_libzim(project_dir)
    return [plan_zim(site_dir, files, course, language, date,
                     dist_dir, notices) for language in languages]


def write_zims(plans: Sequence[ZimPlan]) -> list[ZimResult]:
    from .writer import write_zim  # only once require_libzim has said libzim loads

    return [write_zim(plan) for plan in plans]
