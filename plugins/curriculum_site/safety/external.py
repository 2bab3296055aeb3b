"""Find page elements that would load something from outside the site (a third party).

Only what the browser fetches by itself counts: scripts, stylesheets, images, frames, media.
Ordinary links (<a href>) are the reader's choice and stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from .htmlscan import Element

ASSET_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
}


def _urls(attribute: str, value: str) -> list[str]:
    if attribute != "srcset":
        return [value.strip()]
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def is_outside_site(url: str) -> bool:
    """True if fetching ``url`` would leave the site's own server or folder.

    Any scheme but data: (inline bytes, no request) leaves it, and so does a network path
    (//host). Relative and root paths stay on the same server, or on the device under file://.
    """
    parts = urlsplit(url.strip())
    if parts.scheme:
        return parts.scheme.lower() != "data"
    return url.strip().startswith("//")


def external_assets(elements: Iterable[Element]) -> list[tuple[Element, str]]:
    """Each element that loads from outside the site, with the offending URL."""
    found = []
    for element in elements:
        for attribute in ASSET_ATTRIBUTES.get(element.tag, ()):
            if attribute not in element.attrs:
                continue
            for url in _urls(attribute, element.attrs[attribute]):
                if is_outside_site(url):
                    found.append((element, url))
    return found
