"""Accessibility: axe-core's WCAG 2.2 A/AA rules on every page in every language, and a
keyboard-only walk through the main actions of a sample of pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import LANGUAGES, build_site, edit_config, fixture_project, language_prefix

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}
# Pages walked by keyboard in each language: home, a lesson with exercises, a session plan.
KEYBOARD_SAMPLE = ["index.html", "modules/02-building-trust/lesson.html",
                   "modules/02-building-trust/session-plan.html"]
MAX_TABS = 400

RUN_AXE = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" "))}));
}"""

# What the focused element is, and whether its focus is visible (outline or box-shadow).
FOCUSED = """actions => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none";
  const box = el.getBoundingClientRect();
  return {html: el.outerHTML.slice(0, 160), visible: outline || shadow,
          onScreen: box.width > 0 && box.height > 0,
          matches: Object.fromEntries(Object.entries(actions).map(
            ([name, selector]) => [name, el.matches(selector)]))};
}"""
# The main actions a keyboard user must reach (the last two only on pages that have them).
ACTIONS = {
    "skip link": "a.md-skip",
    "quick exit": "[data-cq-exit]",
    "search": "input.md-search__input, label[for='__search'], button[aria-label*='earch' i]",
    "language switch": ".md-select button, .md-select .md-select__link, .md-select [tabindex]",
    "navigation link": ".md-nav__link",
    "exercise check": "button.cx-check",
}
OPTIONAL_ACTIONS = {"quick exit", "exercise check"}


@dataclass(frozen=True)
class Violation:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"[{self.impact}] {self.rule} on {self.page}: {self.help} -> {', '.join(self.targets)}"


def test_the_vendored_axe_is_the_pinned_version() -> None:
    assert AXE.read_text(encoding="utf-8").startswith(f"/*! axe v{AXE_VERSION}")
    assert "Mozilla Public" in (AXE.parent / "LICENSE").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[object]:
    """One page in one context, reused for every page checked (fast), with axe loaded into each
    page it opens; bypass_csp lets axe run despite the site's Content-Security-Policy."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield page
    context.close()


def axe_violations(tab, site: Path, page: Path) -> list[Violation]:
    tab.goto(page.as_uri())
    found = tab.evaluate(RUN_AXE, WCAG_TAGS)
    shown = page.relative_to(site).as_posix()
    return [Violation(shown, v["rule"], v["impact"] or "", v["help"], tuple(v["targets"]))
            for v in found]


def pages_in(site: Path, language: str) -> list[Path]:
    """Every page of one language the build writes (English at the root, others in <lang>/),
    the server's error page and the neutral quick-exit pages included."""
    others = tuple(language_prefix(other) for other in LANGUAGES if language_prefix(other))
    prefix = language_prefix(language)
    names = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return [site / name for name in names
            if name.startswith(prefix) and (prefix or not name.startswith(others))
            and not name.startswith("assets/")]


def failing(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.impact in FAILING_IMPACTS]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe_wcag22_aa(real_site: Path, tab, language: str) -> None:
    pages = pages_in(real_site, language)
    assert pages, f"no {language} pages were built"
    violations = [v for page in pages for v in failing(axe_violations(tab, real_site, page))]
    report = "\n".join(map(str, violations))
    assert not violations, f"{len(violations)} serious or critical axe violation(s):\n{report}"


def keyboard_walk(tab, page: Path) -> list[dict]:
    """Tab from the top of the page until focus comes back round; what was focused, in order."""
    tab.goto(page.as_uri())
    stops: list[dict] = []
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED, ACTIONS)
        if focused is None or (stops and focused["html"] == stops[0]["html"]):
            break
        stops.append(focused)
    return stops


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_actions_are_reachable_by_keyboard_and_visibly_focused(
        real_site: Path, tab, language: str) -> None:
    prefix = language_prefix(language)
    for name in KEYBOARD_SAMPLE:
        stops = keyboard_walk(tab, real_site / f"{prefix}{name}")
        expected = [action for action, selector in ACTIONS.items()
                    if action not in OPTIONAL_ACTIONS or tab.locator(selector).count()]
        first = [next(a for a, hit in stop["matches"].items() if hit) for stop in stops[:2]
                 if any(stop["matches"].values())]
        assert first == [a for a in ("quick exit", "skip link") if a in expected], \
            f"{prefix}{name}: quick exit (where present) then the skip link come first: {first}"
        for action in expected:
            reached = [stop for stop in stops if stop["matches"][action]]
            assert reached, f"{prefix}{name}: the {action} cannot be reached with Tab"
            hidden = [stop["html"] for stop in reached if not stop["visible"]]
            assert not hidden, f"{prefix}{name}: the {action} shows no focus: {hidden[0]}"


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course with an image without alt text and a low-contrast style override."""
    project = fixture_project(tmp_path_factory.mktemp("a11y") / "course")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8")
                    + '\n<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">\n\n'
                    + "Pale words on white.\n", encoding="utf-8")
    (project / "docs" / "pale.css").write_text(".md-typeset p { color: #d8d8d8 }\n",
                                               encoding="utf-8")
    edit_config(project, lambda config: config.update(extra_css=["pale.css"]))
    return build_site(project, project / "site")


def test_axe_fails_on_an_image_without_alt_text_and_low_contrast(broken_site: Path, tab) -> None:
    violations = failing(axe_violations(tab, broken_site, broken_site / "index.html"))
    rules = {v.rule for v in violations}
    assert {"image-alt", "color-contrast"} <= rules, "\n".join(map(str, violations))
    image = next(v for v in violations if v.rule == "image-alt")
    assert "index.html" in str(image) and "img" in str(image)
