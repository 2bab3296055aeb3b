"""Per-language UI catalogs: every string our plugins and overrides show, in every language."""

from __future__ import annotations

from pathlib import Path

from .errors import AuthorError
from .yamlsource import line_of, load_yaml

SOURCE_LANGUAGE = "en"
CATALOG_NAME = "ui.yml"


def catalog_path(translations_dir: Path, language: str) -> Path:
    return translations_dir / language / CATALOG_NAME


def _read(path: Path) -> dict[str, str]:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise AuthorError(path, "a catalog must be a mapping of 'key: text' lines.", line=line_of(data))
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise AuthorError(path, f"'{key}' must have non-empty text.", line=line_of(data, key),
                              fix=f"write '{key}: the translated text'.")
    return data


def load_catalog(translations_dir: Path, language: str) -> dict[str, str]:
    """The catalog for ``language``, checked key by key against the English one."""
    source = _read(catalog_path(translations_dir, SOURCE_LANGUAGE))
    if language == SOURCE_LANGUAGE:
        return dict(source)
    path = catalog_path(translations_dir, language)
    catalog = _read(path)
    for key in catalog:
        if key not in source:
            english = catalog_path(translations_dir, SOURCE_LANGUAGE)
            raise AuthorError(path, f"'{key}' is not a key of the English catalog.",
                              line=line_of(catalog, key), fix=f"remove it, or add it to {english}.")
    missing = [key for key in source if key not in catalog]
    if missing:
        raise AuthorError(path, f"{len(missing)} key(s) are missing: {', '.join(missing)}.",
                          fix="translate each of them in this file.")
    return dict(catalog)
