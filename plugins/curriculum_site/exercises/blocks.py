"""The `///` exercise blocks for pymdown-extensions, and the Markdown extension owning them.

Each block takes its body raw, so the YAML reaches the parser untouched; rendered HTML goes
into Markdown's HTML stash, so nothing re-parses it. pymdownx turns a block it rejects into a
literal paragraph without a word, so every rejection here raises AuthorError instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from curriculum_site.errors import AuthorError

from .field_markdown import FieldNotInline
from .model import EXERCISE_TYPES, Exercise, LocatedExercise, ScaleExercise, View
from .parser import link_after_scale, parse_exercise
from .progress import relative_to
from .render import ExerciseRenderer
from .sanitize import FieldTextHidden
from .scan import ScannedBlock, scan_blocks

UNKNOWN_SOURCE = "<markdown>"
# An id attribute in our own templates' output (exercise ids are plain words and dashes).
_ELEMENT_ID = re.compile(r'\sid="([^"<>&]+)"')
OUR_BLOCKS = (*EXERCISE_TYPES, "progress")


@dataclass(frozen=True)
class PageSource:
    """The file an author edits, and its blocks, to name the right line in errors."""

    path: str
    blocks: tuple[ScannedBlock, ...] = ()
    lines: tuple[str, ...] = ()

    @classmethod
    def from_markdown(cls, path: str, markdown: str) -> PageSource:
        return cls(path, tuple(scan_blocks(markdown)), tuple(markdown.splitlines()))

    def marker_line(self, kind: str, argument: str) -> int | None:
        """The line of a `///` header: a block the scan found, else the first line showing it."""
        for block in self.blocks:
            if (block.kind, block.argument) == (kind, argument):
                return block.line
        marker = re.compile(rf"/{{3,}}[ ]*{re.escape(kind)}(?![\w-])", re.IGNORECASE)
        return next((number for number, line in enumerate(self.lines, start=1) if marker.search(line)),
                    None)


@dataclass
class PageState:
    """What one page's conversion has seen; reset for every page."""

    seen: dict[str, LocatedExercise] = field(default_factory=dict)
    unclosed: dict[int, tuple[str, str, int | None]] = field(default_factory=dict)
    blocks_started: int = 0
    remember_rendered: bool = False
    has_progress: bool = False
    # What the scan reads as our blocks in the Markdown being converted, and what the renderer
    # did render: both must be the same, or an answer key could differ from its lesson.
    scanned: list[tuple[str, str]] = field(default_factory=list)
    rendered: list[tuple[str, str]] = field(default_factory=list)
    # The ids of the elements rendered, which links (from session plans, say) may point to:
    # MkDocs only sees the ids of its own Markdown tree, not of the HTML stashed for a block.
    anchors: set[str] = field(default_factory=set)

    @property
    def exercises(self) -> list[LocatedExercise]:
        return list(self.seen.values())


class ExercisesExtension(BlocksExtension):
    """Registers the exercise blocks of one language's pages.

    MkDocs converts every page with the same extension objects, one page at a time: the plugin
    names the page about to be converted with `start_page` (its source and view), and reads
    what it rendered from `page` once it is converted.
    """

    def __init__(
        self,
        renderer: ExerciseRenderer,
        *,
        view: View = "learner",
        site_id: str = "",
        source: PageSource | None = None,
        parsed: Mapping[tuple[str, str, str], Exercise] | None = None,
    ) -> None:
        super().__init__()
        self.renderer = renderer
        self.view: View = view
        self.site_id = site_id
        self.source = source or PageSource(UNKNOWN_SOURCE)
        # Blocks already parsed (by the course plugin), by (kind, id, body) as written.
        self.parsed = parsed or {}
        # What a progress block lists: this language's learner pages and their exercises.
        self.progress: list[dict[str, Any]] = []
        self.page_url = ""
        self.page = PageState()

    def start_page(self, source: PageSource, view: View, page_url: str) -> None:
        self.source, self.view, self.page_url = source, view, page_url
        self.page = PageState()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        md.registerExtension(self)
        # MkDocs builds a new Markdown instance per page, calling this each time.
        self.reset()
        # One block class per exercise type, generated as pymdownx generates its admonitions.
        for kind in EXERCISE_TYPES:
            block_mgr.register(type(f"{kind.title()}Block", (ExerciseBlock,), {"NAME": kind}),
                               {"extension": self})
        block_mgr.register(ProgressBlock, {"extension": self})
        # Before every other preprocessor: the scan reads the Markdown as the author wrote it.
        md.preprocessors.register(ScanBeforeConversion(md, self), "curriculum_exercises_scan", 100)
        md.treeprocessors.register(UnclosedBlockCheck(md, self), "curriculum_exercises_unclosed", 5)

    def reset(self) -> None:
        self.page = PageState()

    # Called by the blocks, in document order.

    def header_line(self, ordinal: int, kind: str, argument: str) -> int | None:
        """The nth block's line in the source file; found by id if the order does not match."""
        blocks = [block for block in self.source.blocks if block.kind in OUR_BLOCKS]
        if ordinal < len(blocks) and (blocks[ordinal].kind, blocks[ordinal].argument) == (kind, argument):
            return blocks[ordinal].line
        for block in blocks:
            if (block.kind, block.argument) == (kind, argument):
                return block.line
        return None

    def render_exercise(self, kind: str, argument: str, body: str, line: int | None) -> str:
        path = self.source.path
        exercise = self.parsed.get((kind, argument, body)) or parse_exercise(
            kind, argument, body, path=path, line=line or 0)
        if isinstance(exercise, ScaleExercise) and exercise.phase == "after":
            earlier = {item.exercise.id: item.exercise for item in self.page.seen.values()}
            exercise = link_after_scale(exercise, earlier, path=path, line=line or 0)
        previous = self.page.seen.get(exercise.id)
        if previous is not None:
            raise AuthorError(
                path,
                f"the exercise id '{exercise.id}' is used twice on this page "
                f"(first at line {previous.line}).",
                line=line,
                fix="Give each exercise its own id.",
            )
        self.page.seen[exercise.id] = LocatedExercise(exercise, path, line or 0)
        try:
            html = self.renderer.render(exercise, self.view)
        except FieldNotInline as error:
            raise AuthorError(
                path,
                f"in '/// {kind} | {argument}': '{error.field}' must be a single paragraph, "
                "because it is shown as a label or a question.",
                line=line,
                fix="Shorten it to one paragraph; put background text in the lesson before the block.",
            ) from None
        except FieldTextHidden as error:
            raise AuthorError(
                path,
                f"in '/// {kind} | {argument}': the field reading '{error.text[:60]}' holds a "
                f"<{error.tag}>, which would hide the text after it (a <{error.tag}/> is not "
                "self-closing in HTML).",
                line=line,
                fix=f"Remove the <{error.tag}>; write '&lt;{error.tag}&gt;' to show the tag as text.",
            ) from None
        if self.view == "learner" and not self.page.remember_rendered:
            self.page.remember_rendered = True
            html = self.renderer.render_remember(self.site_id) + html
        return self._anchored(html)

    def render_progress(self, body: str, line: int | None) -> str:
        if body.strip():
            raise AuthorError(
                self.source.path,
                "the '/// progress' block takes no content.",
                line=line,
                fix="Leave it empty.",
            )
        self.page.has_progress = True
        index = relative_to(self.progress, self.page_url)
        return self._anchored(self.renderer.render_progress(self.site_id, index))

    def _anchored(self, html: str) -> str:
        self.page.anchors.update(_ELEMENT_ID.findall(html))
        return html


class _StashedBlock(Block):
    """A block whose raw body becomes HTML that Markdown must not touch again."""

    NAME: str

    ARGUMENT = None  # checked by us, so a missing id is an error rather than literal text
    OPTIONS: dict[str, tuple[Any, Any]] = {}

    @property
    def extension(self) -> ExercisesExtension:
        extension: ExercisesExtension = self.config["extension"]
        return extension

    def on_markdown(self) -> str:
        return "raw"

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        # pymdownx reads indented lines right after the header as block options and silently
        # rejects unknown ones; exercises have none, so say so instead of printing the text.
        if options:
            ordinal = self.extension.page.blocks_started
            raise AuthorError(
                self.extension.source.path,
                f"'/// {self.NAME}' is followed by indented lines ({', '.join(map(str, options))}).",
                line=self.extension.header_line(ordinal, self.NAME, arg or ""),
                fix="Start the YAML body at the left margin, without indentation.",
            )
        return super()._validate(parent, arg, **options)

    def on_create(self, parent: etree.Element) -> etree.Element:
        page = self.extension.page
        self.ordinal = page.blocks_started
        page.blocks_started += 1
        self.line = self.extension.header_line(self.ordinal, self.NAME, self.argument or "")
        page.unclosed[id(self)] = (self.NAME, self.argument or "", self.line)
        page.rendered.append((self.NAME, self.argument or ""))
        return etree.SubElement(parent, "div")

    def on_end(self, block: etree.Element) -> None:
        self.extension.page.unclosed.pop(id(self), None)
        html = self.render(block.text or "")
        # A paragraph holding only a stash placeholder is replaced whole by the stored HTML.
        block.tag = "p"
        block.attrib.clear()
        block.text = self.md.htmlStash.store(html)

    def render(self, body: str) -> str:
        raise NotImplementedError


class ExerciseBlock(_StashedBlock):
    """`/// <type> | <id>` for each exercise type (its NAME)."""

    def render(self, body: str) -> str:
        return self.extension.render_exercise(self.NAME, self.argument or "", body, self.line)


class ProgressBlock(_StashedBlock):
    NAME = "progress"

    def render(self, body: str) -> str:
        return self.extension.render_progress(body, self.line)


class ScanBeforeConversion(Preprocessor):
    """Scans the Markdown about to be converted, for the check that the renderer agrees."""

    def __init__(self, md: Markdown, extension: ExercisesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.page.scanned = [(block.kind, block.argument) for block in scan_blocks("\n".join(lines))
                                       if block.kind in OUR_BLOCKS]
        return lines


class UnclosedBlockCheck(Treeprocessor):
    """A block without its closing `///` swallows the rest of the page: stop instead. And a block
    the scan sees but Markdown does not render (or the reverse) stops too: answer keys, parity
    and schedules come from the scan, the page from the renderer."""

    def __init__(self, md: Markdown, extension: ExercisesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        source = self.extension.source
        for kind, argument, line in self.extension.page.unclosed.values():
            raise AuthorError(
                source.path,
                f"'{_header(kind, argument)}' has no closing '///', so it swallows the rest of the page.",
                line=line,
                fix="Add a line with just '///' after the block's YAML.",
            )
        page = self.extension.page
        for found, other, detail, fix in _DISAGREEMENTS:
            missing = next((block for block in getattr(page, found) if block not in getattr(page, other)),
                           None)
            if missing is not None:
                raise AuthorError(source.path, f"'{_header(*missing)}' {detail}",
                                  line=source.marker_line(*missing), fix=fix)


# Each way the scan and the renderer can disagree: blocks in one list of PageState and not in
# the other, what that means, and how to fix it.
_DISAGREEMENTS = (
    ("scanned", "rendered",
     "is written as a block, but Markdown does not read it as one here (it is inside a quote, "
     "an HTML element or another construct).",
     "Start the block at the left margin after a blank line; to keep a draft unpublished, put it "
     "in a fenced code block or an HTML comment."),
    ("rendered", "scanned",
     "is read as a block inside a construct where exercises are not expected, so answer keys and "
     "translations would miss it.",
     "Start the block at the left margin (or at the start of a list item), after a blank line."),
)


def _header(kind: str, argument: str) -> str:
    return f"/// {kind} | {argument}" if argument else f"/// {kind}"
