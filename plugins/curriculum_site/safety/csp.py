"""The Content-Security-Policy of every page: the site's own files plus hashed inline scripts.

A meta policy only covers what the parser meets after it, so the policy must be the first
element of <head>; its script hashes can only be known once the whole page is rendered.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

from .htmlscan import Element

CSP_HTTP_EQUIV = "content-security-policy"
# Types a browser runs; any other (application/json, text/plain) is inert data.
SCRIPT_TYPES = {"", "module", "importmap", "text/javascript", "application/javascript",
                "text/ecmascript", "application/ecmascript"}
# Debian's Chromium matches 'self' against the site's files under file:// (tests prove it), but
# browsers that give each local file its own origin (Firefox) would not: file: is named too. It
# reaches files on this device only, never the network.
SITE_SOURCES = ("'self'", "file:")


def is_executable_script(element: Element) -> bool:
    if element.tag != "script":
        return False
    kind = element.attrs.get("type", "").split(";")[0].strip().lower()
    return kind in SCRIPT_TYPES


def inline_scripts(elements: Iterable[Element]) -> list[Element]:
    return [e for e in elements if is_executable_script(e) and "src" not in e.attrs]


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: Iterable[str] = ()) -> str:
    """The policy text: nothing but this site's files, and only the listed inline scripts."""
    site = " ".join(SITE_SOURCES)
    scripts = " ".join([site, *dict.fromkeys(script_hashes)])
    return "; ".join([
        f"default-src {site}",
        f"script-src {scripts}",
        # Material's stylesheet draws its icons as data: SVG masks.
        f"img-src {site} data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def page_policy(elements: list[Element]) -> str:
    return policy(script_hash(e.text) for e in inline_scripts(elements))


def unhashable_scripts(elements: Iterable[Element]) -> list[tuple[Element, str]]:
    """Script a hash cannot allow: event-handler attributes and javascript: URLs."""
    found = []
    for element in elements:
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append((element, f"{name}="))
            elif value.strip().lower().startswith("javascript:"):
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
