"""Write one planned ZIM with libzim: beside its final name, renamed into place once complete."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from libzim.reader import Archive
from libzim.writer import ContentProvider, Creator, FileProvider, Hint, IndexData, Item, StringProvider

from .illustration import SIZE
from .plan import ZimEntry, ZimPlan, ZimResult


class _PageIndex(IndexData):
    """The page's own text for Kiwix's full-text search (libzim would index the whole page,
    navigation included, so every page would match every title of the course)."""

    def __init__(self, entry: ZimEntry) -> None:
        super().__init__()
        self.title = entry.title
        self.text = entry.text or ""

    def has_indexdata(self) -> bool:
        return bool(self.text)

    def get_title(self) -> str:
        return self.title

    def get_content(self) -> str:
        return self.text

    def get_keywords(self) -> str:
        return ""

    def get_wordcount(self) -> int:
        return len(self.text.split())

    def get_geoposition(self) -> tuple[float, float] | None:
        return None


class _SiteItem(Item):
    def __init__(self, entry: ZimEntry) -> None:
        super().__init__()
        self.entry = entry

    def get_path(self) -> str:
        return self.entry.path

    def get_title(self) -> str:
        return self.entry.title

    def get_mimetype(self) -> str:
        return self.entry.mimetype

    def get_contentprovider(self) -> ContentProvider:
        content = self.entry.content
        return StringProvider(content) if isinstance(content, bytes) else FileProvider(content)

    def get_hints(self) -> dict[Hint, int]:
        return {Hint.FRONT_ARTICLE: self.entry.front}

    def get_indexdata(self) -> IndexData | None:
        # Pages get their own text (none for the neutral page); other files are never indexed.
        return _PageIndex(self.entry) if self.entry.text is not None else None


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim prints its progress on the process's standard output whatever config_verbose
    says; the packaging prints one report of its own. Errors still raise, and stderr stays."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w", encoding="utf-8") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def write_zim(plan: ZimPlan) -> ZimResult:
    partial = plan.target.with_name(f".{plan.target.name}.partial")
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.unlink(missing_ok=True)
    try:
        with _quiet_stdout(), Creator(partial).config_indexing(True, plan.metadata.language) as creator:
            creator.set_mainpath(plan.main_path)
            creator.add_illustration(SIZE, plan.illustration)
            for name, value in plan.metadata.entries().items():
                creator.add_metadata(name, value)
            for entry in plan.entries:
                creator.add_item(_SiteItem(entry))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(plan.target)
    archive = Archive(plan.target)
    return ZimResult(plan.language, plan.target, archive.filesize, archive.entry_count,
                     archive.article_count)
