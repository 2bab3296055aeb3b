"""The Content-Security-Policy of every page, and what a page may hold under it.

The policy is fixed: it comes from what the theme and our assets are known to need, never from
what a finished page happens to contain. Hashing whatever inline script a page holds would
turn any text a template prints unescaped (a title, a translated string) into trusted code.
So no page may hold an inline script at all: the theme's few are shipped as files, and the
build fails on any other. A meta policy only covers what the parser meets after it, so it
must be the first element of <head>.
"""

from __future__ import annotations

from collections.abc import Iterable

from .htmlscan import Element

CSP_HTTP_EQUIV = "content-security-policy"
# Types a browser runs; any other (application/json, text/plain) is inert data.
SCRIPT_TYPES = {"", "module", "importmap", "text/javascript", "application/javascript",
                "text/ecmascript", "application/ecmascript"}
# 'self' alone: under file:// both Chromium and Firefox match it against local files (tests
# load every script this way). A `file:` source would add nothing for our own files and would
# name every file on the device.
SITE = "'self'"
_SPACES_AND_CONTROLS = dict.fromkeys(range(ord(" ") + 1))


def policy() -> str:
    """The policy text: nothing but this site's files, no inline script, no plugins or forms."""
    return "; ".join([
        f"default-src {SITE}",
        f"script-src {SITE}",
        # Material's stylesheet draws its icons as data: SVG masks.
        f"img-src {SITE} data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def is_executable_script(element: Element) -> bool:
    if element.tag != "script":
        return False
    kind = element.attrs.get("type", "").split(";")[0].strip().lower()
    return kind in SCRIPT_TYPES


def inline_scripts(elements: Iterable[Element]) -> list[Element]:
    """Scripts written into the page (no src): the policy blocks them, so the build refuses them."""
    return [e for e in elements if is_executable_script(e) and "src" not in e.attrs]


def script_in_attributes(elements: Iterable[Element]) -> list[tuple[Element, str]]:
    """Script in attributes: event handlers (onclick=…) and javascript: URLs."""
    found = []
    for element in elements:
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append((element, f"{name}="))
            # A browser ignores spaces and control characters in a URL's scheme ("java script:").
            elif ":" in value and value.translate(_SPACES_AND_CONTROLS).lower().startswith("javascript:"):
                found.append((element, value.strip()))
    return found


def inline_styles(elements: Iterable[Element]) -> list[tuple[Element, str]]:
    """Style the policy blocks (style-src falls back to default-src): attributes and elements."""
    found = []
    for element in elements:
        if element.tag == "style":
            found.append((element, "<style"))
        elif "style" in element.attrs:
            found.append((element, "style="))
    return found


def policy_element(elements: list[Element]) -> Element | None:
    """The CSP meta element if it is the first element of <head>, else None."""
    for index, element in enumerate(elements):
        if element.tag == "head":
            first = elements[index + 1] if index + 1 < len(elements) else None
            if (first is not None and first.tag == "meta"
                    and first.attrs.get("http-equiv", "").lower() == CSP_HTTP_EQUIV):
                return first
            return None
    return None
