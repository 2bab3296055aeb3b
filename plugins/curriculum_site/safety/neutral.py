"""Where the neutral page of each language lives in the site."""

from __future__ import annotations

import posixpath


def neutral_page_path(name: str, language: str, default_language: str) -> str:
    """Site path of the neutral page: at the top for the default language, else in its folder
    (mkdocs-static-i18n's layout), so quick exit stays in the reader's language."""
    return name if language == default_language else posixpath.join(language, name)
