"""The 48×48 PNG Kiwix's library shows for a ZIM, made from the site's own icon."""

from __future__ import annotations

import io
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError

from ...errors import AuthorError

SIZE = 48
FIX = ("set theme.favicon in mkdocs.yml to a PNG (or ICO, JPEG, WebP) of at least 48×48 "
       "pixels inside docs/, or remove the setting to use Material's icon")


def icon_path(home: str, href: str | None, home_file: Path) -> str:
    """The site file the home page's ``<link rel="icon">`` points to."""
    if not href:
        raise AuthorError(home_file, "the home page names no icon (<link rel=\"icon\">), and "
                          "Kiwix's library needs one for the ZIM.", fix=FIX + ".")
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        raise AuthorError(home_file, f"the site's icon '{href}' is not a file of the site.",
                          fix=FIX + ".")
    return posixpath.normpath(posixpath.join(posixpath.dirname(home), unquote(parts.path)))


def illustration(icon: Path) -> bytes:
    """``icon`` scaled to fit 48×48 (centred on transparency when it is not square), as PNG."""
    if not icon.is_file():
        raise AuthorError(icon, "the site's icon is missing, and Kiwix's library needs it for "
                          "the ZIM.", fix=FIX + ".")
    try:
        with Image.open(icon) as image:
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError):
        raise AuthorError(icon, "the site's icon is not a picture this build can read "
                          "(an SVG icon cannot be made into the ZIM's PNG).", fix=FIX + ".") from None
    if max(picture.size) < SIZE:
        raise AuthorError(icon, f"the site's icon is {picture.width}×{picture.height} pixels, too "
                          f"small for the {SIZE}×{SIZE} picture of Kiwix's library.", fix=FIX + ".")
    picture.thumbnail((SIZE, SIZE), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    canvas.paste(picture, ((SIZE - picture.width) // 2, (SIZE - picture.height) // 2))
    output = io.BytesIO()
    canvas.save(output, format="PNG", optimize=True)
    return output.getvalue()
