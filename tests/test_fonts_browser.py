"""Chinese and Cyrillic text in the fonts of the reader's own system, on screen, on paper and in
PDFs: never a web font, never the browser's last-resort fallback.

Chromium reports, through DevTools, which installed font drew each run of glyphs. Every font it
used must be one that the element's font stack names (overrides/assets/curriculum/fonts.css),
and Chinese must come from a Simplified Chinese font. On Linux the stacks resolve to Debian's
fonts-noto-cjk and the metric-compatible fonts fontconfig puts behind Helvetica and Arial,
which .ci/run installs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum_site.trainer.pdf import print_pdf

pytestmark = pytest.mark.browser

OVERVIEW = "modules/02-building-trust/index.html"
# The overview's headings come from each language's UI catalog ("Learning objectives").
HEADING = "article h2"
# Fonts fontconfig puts in the place of the Helvetica and Arial of a stack on Debian.
METRIC_ALIASES = {"helvetica": {"liberation sans", "nimbus sans"}, "arial": {"liberation sans"}}


def platform_fonts(page, selector: str) -> list[dict]:
    """The fonts Chromium drew the text of the first ``selector`` element with."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


def named_in_stack(family: str, stack: str) -> bool:
    names = {name.strip().strip('"').lower() for name in stack.split(",")}
    aliases = set().union(*(METRIC_ALIASES.get(name, set()) for name in names))
    return family.lower() in names | aliases


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize(("language", "script"), [("zh", r"[\u4e00-\u9fff]"), ("ru", r"[А-яЁё]")])
def test_text_is_drawn_by_the_system_fonts_its_stack_names(real_site: Path, page, language: str,
                                                            script: str, media: str) -> None:
    page.emulate_media(media=media)
    page.goto((real_site / language / OVERVIEW).as_uri())
    text = page.inner_text(HEADING)
    assert re.search(script, text), f"the {language} heading is not in its script: {text!r}"
    stack = page.eval_on_selector(HEADING, "e => getComputedStyle(e).fontFamily")
    fonts = platform_fonts(page, HEADING)
    assert fonts and not [font for font in fonts if font["isCustomFont"]], fonts
    assert all(named_in_stack(font["familyName"], stack) for font in fonts), (fonts, stack)
    if language == "zh":
        assert all(re.search(r"\bSC\b|Simplified|YaHei|PingFang", font["familyName"]) for font in fonts)
    assert page.watch.outside == []


def test_a_chinese_pdf_embeds_a_simplified_chinese_font(real_site: Path, page, tmp_path: Path) -> None:
    pdf = tmp_path / "guide.pdf"
    print_pdf(page, real_site / "zh" / "trainers" / "facilitator-guide.html", pdf)
    names = set(re.findall(rb"/FontName\s*/[A-Z]{6}\+([\w-]+)", pdf.read_bytes()))
    assert names and all(b"CJKsc" in name or b"SC" in name for name in names), names
