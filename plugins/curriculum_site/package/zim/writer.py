"""Write one planned ZIM with libzim: beside its final name, renamed into place once complete."""

from __future__ import annotations

import os
import re
import sys
import tempfile
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


# Xapian has no stemmer for some languages (Chinese): libzim says so on stderr when it indexes or
# opens the index, and search then matches words as written. Nothing for an author to do.
_NO_STEMMER = re.compile(r"^No stemming for language '[^']*'$")


@contextmanager
def quiet_libzim() -> Iterator[None]:
    """libzim prints its progress on the process's standard output whatever config_verbose
    says, and notes on stderr; the packaging prints one report of its own. Errors still raise,
    and every other line of stderr is passed on."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = {fd: os.dup(fd) for fd in (1, 2)}
    try:
        with open(os.devnull, "w", encoding="utf-8") as devnull, tempfile.TemporaryFile() as notes:
            os.dup2(devnull.fileno(), 1)
            os.dup2(notes.fileno(), 2)
            try:
                yield
            finally:
                for fd, original in saved.items():
                    os.dup2(original, fd)
                notes.seek(0)
                for line in notes.read().decode("utf-8", "replace").splitlines():
                    if not _NO_STEMMER.match(line):
                        print(line, file=sys.stderr)
    finally:
        for original in saved.values():
            os.close(original)


def write_zim(plan: ZimPlan) -> ZimResult:
    partial = plan.target.with_name(f".{plan.target.name}.partial")
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.unlink(missing_ok=True)
    with quiet_libzim():
        try:
            with Creator(partial).config_indexing(True, plan.metadata.language) as creator:
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
        # Opening the full-text index says again that it has no stemmer.
        archive = Archive(plan.target)
    return ZimResult(plan.language, plan.target, archive.filesize, archive.entry_count,
                     archive.article_count)
