"""Per-language UI catalogs: every string our plugins and overrides show, in every language."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import AuthorError
from .plurals import PluralRules, check_forms, fill, names, placeholders
from .yamlsource import line_of, load_yaml

SOURCE_LANGUAGE = "en"
CATALOG_NAME = "ui.yml"
LABELLED = "punctuation.labelled"


class Catalog(dict[str, str]):
    """One language's UI strings: each text by key (the mapping itself), and apart from them the
    strings that show a count, one text per CLDR plural category of the language."""

    def __init__(self, texts: Mapping[str, str], plurals: Mapping[str, dict[str, str]],
                 rules: PluralRules) -> None:
        super().__init__(texts)
        self.plurals = dict(plurals)
        self.rules = rules

    def plural(self, key: str, count: int, **values: object) -> str:
        """The text of ``key`` for ``count`` in this language's plural form, values filled in."""
        try:
            forms = self.plurals[key]
        except KeyError:
            raise KeyError(f"'{key}' is not a plural string of the UI catalog") from None
        return fill(forms[self.rules.category(count)], count=count, **values)

    def labelled(self, label: str, value: str) -> str:
        """``label`` introducing ``value``, punctuated as the language writes it ("Durée : 45 min",
        "时长：45 分钟")."""
        return fill(self[LABELLED], label=label, value=value)


def catalog_path(translations_dir: Path, language: str) -> Path:
    return translations_dir / language / CATALOG_NAME


def _read(path: Path) -> Any:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise AuthorError(path, "a catalog must be a mapping of 'key: text' lines.", line=line_of(data))
    return data


def _catalog(data: Any, path: Path, language: str, english: Catalog | None) -> Catalog:
    """Texts and plural strings; a string is plural when it is in English (or, for English itself,
    when it is written as forms)."""
    rules = PluralRules.of(language, path)
    texts, plurals = {}, {}
    for key, value in data.items():
        line = line_of(data, key)
        if english is None:
            is_plural, allowed = isinstance(value, dict), None
        else:
            is_plural = key in english.plurals
            allowed = placeholders(english.plurals[key]) if is_plural else None
        if is_plural:
            plurals[key] = check_forms(key, value, rules, path, line, allowed)
        elif isinstance(value, dict):
            raise AuthorError(path, f"'{key}' is one text in English, not plural forms.", line=line,
                              fix=f"write '{key}: the translated text' on one line.")
        elif not isinstance(value, str) or not value.strip():
            raise AuthorError(path, f"'{key}' must have non-empty text.", line=line,
                              fix=f"write '{key}: the translated text'.")
        elif english is not None and names(value) != names(english[key]):
            # A placeholder left out loses what it stands for (a title, a learner's answer).
            wanted = ", ".join(sorted(f"{{{name}}}" for name in names(english[key])))
            raise AuthorError(path, f"'{key}' must hold the placeholders of the English text, and only "
                              f"those: {wanted or 'none'}.", line=line,
                              fix="keep each {name} as written (not translated), where its value "
                                  "belongs in the sentence.")
        else:
            texts[key] = value
    return Catalog(texts, plurals, rules)


def load_catalog(translations_dir: Path, language: str) -> Catalog:
    """The catalog for ``language``, checked key by key against the English one."""
    english_path = catalog_path(translations_dir, SOURCE_LANGUAGE)
    english = _catalog(_read(english_path), english_path, SOURCE_LANGUAGE, None)
    if language == SOURCE_LANGUAGE:
        return english
    path = catalog_path(translations_dir, language)
    catalog = _read(path)
    source_keys = [*english, *english.plurals]
    for key in catalog:
        if key not in source_keys:
            raise AuthorError(path, f"'{key}' is not a key of the English catalog.",
                              line=line_of(catalog, key), fix=f"remove it, or add it to {english_path}.")
    missing = [key for key in source_keys if key not in catalog]
    if missing:
        raise AuthorError(path, f"{len(missing)} key(s) are missing: {', '.join(missing)}.",
                          fix="translate each of them in this file.")
    return _catalog(catalog, path, language, english)
