"""Respectful-language glossary and own-words check, as plain functions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT
from curriculum_site.errors import AuthorError
from curriculum_site.lint import (
    check_text,
    find_terms,
    glossary_path,
    load_excerpts,
    load_fingerprint,
    load_glossary,
    shared_runs,
)
from curriculum_site.lint.fingerprint import fingerprint_data

FINGERPRINT = ROOT / "curriculum" / "source-fingerprint.json"
GLOSSARIES = {language: glossary_path(ROOT / "curriculum", ROOT / "translations", language)
              for language in LANGUAGES}
COPIED = ("Trust, empathy and respect are important for all partners. Building trust involves "
          "treating sex workers with dignity and respect.")


def glossary(language: str):
    return load_glossary(GLOSSARIES[language], language)


@pytest.mark.parametrize("language", sorted(GLOSSARIES))
def test_every_language_has_a_valid_glossary(language: str) -> None:
    assert glossary(language).terms


def test_a_term_is_found_whole_word_and_case_insensitively_with_its_line() -> None:
    text = "# Title\n\nSome Prostitutes said.\nA PROSTITUTE said.\n"
    hits = find_terms(text, glossary("en"))
    assert [(hit.line, hit.found) for hit in hits] == [(3, "Prostitutes"), (4, "PROSTITUTE")]
    assert "sex worker(s)" in hits[0].message()


def test_words_that_merely_contain_a_term_are_not_reported() -> None:
    assert find_terms("Cleanliness, whoreson-free prose: unprostituted, hookerish.",
                      glossary("en")) == []


def test_the_longest_phrase_is_reported_even_across_a_line_break() -> None:
    hits = find_terms("They called them prostituted\n   women.", glossary("en"))
    assert [(hit.line, hit.found) for hit in hits] == [(1, "prostituted women")]


def test_a_term_quoted_as_code_is_a_mention_not_a_use() -> None:
    text = "Write `sex worker`, not `prostitute`.\n\n```\nprostitute\n```\n"
    assert find_terms(text, glossary("en")) == []


@pytest.mark.parametrize(("language", "text", "found"), [
    ("fr", "Les Prostituées du quartier.", "Prostituées"),
    ("fr", "Les prostitue\u0301es du quartier.", "prostituées"),  # decomposed accent
    ("es", "Las PROSTITUTAS del barrio.", "PROSTITUTAS"),
    ("ar", "تحدثت العاهرات معنا.", "العاهرات"),
    ("ar", "قالت مومس إن", "مومس"),
    ("ru", "Мы говорили с Проститутками.", "Проститутками"),
    ("ru", "Это группы\n риска.", "группы риска"),
    ("pt", "As PROSTITUTAS do bairro.", "PROSTITUTAS"),
    ("pt", "um resultado limpo", "resultado limpo"),
    # Chinese has no spaces between words: a term is found inside a run of characters.
    ("zh", "她们曾被称为失足妇女。", "失足妇女"),
    ("zh", "法律禁止组织卖淫活动", "卖淫"),
])
def test_translated_glossaries_catch_their_terms(language: str, text: str, found: str) -> None:
    assert [hit.found for hit in find_terms(text, glossary(language))] == [found]


def test_words_of_spaced_scripts_that_merely_contain_a_term_are_not_reported() -> None:
    assert find_terms("Супернаркоманский текст: группариска.", glossary("ru")) == []
    assert find_terms("A palavra aputa e prostitutaria.", glossary("pt")) == []


def test_the_glossary_file_itself_is_exempt() -> None:
    path = GLOSSARIES["en"]
    assert check_text(path, path.read_text(encoding="utf-8"), glossary("en")) == []


def test_a_glossary_without_prefer_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text("language: en\nterms:\n  - avoid: [thing]\n    why: because\n", encoding="utf-8")
    with pytest.raises(AuthorError, match=r"glossary.yml:3: .*'prefer'"):
        load_glossary(path, "en")


def test_a_missing_glossary_is_an_author_error(tmp_path: Path) -> None:
    with pytest.raises(AuthorError, match="'fr' glossary"):
        load_glossary(tmp_path / "glossary.yml", "fr")


def test_a_copied_sentence_is_reported_with_its_line_and_words() -> None:
    runs = shared_runs(f"# Trust\n\nIn short: {COPIED.upper()}\n", load_fingerprint(FINGERPRINT))
    assert [run.line for run in runs] == [3]
    assert runs[0].words[:3] == ("trust", "empathy", "and")
    assert "own words" in runs[0].message()


def test_eleven_shared_words_are_allowed() -> None:
    eleven = "treating sex workers with dignity and respect, listening to and addressing"
    assert shared_runs(f"Good practice means {eleven} everything.", load_fingerprint(FINGERPRINT)) == []


def test_the_citation_header_is_not_part_of_the_excerpt(tmp_path: Path) -> None:
    citation = "one two three four five six seven eight nine ten eleven twelve thirteen"
    (tmp_path / "excerpt.txt").write_text(f"{citation}\n----\nbody text\n", encoding="utf-8")
    assert shared_runs(citation, load_excerpts(tmp_path)) == []


def test_a_missing_source_folder_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(AuthorError, match="source excerpts is missing"):
        load_excerpts(tmp_path / "shared" / "source")


def test_the_fingerprint_finds_what_the_excerpt_finds(tmp_path: Path) -> None:
    text = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron")
    (tmp_path / "excerpt.txt").write_text(f"Citation\n----\n{text}\n", encoding="utf-8")
    excerpts = load_excerpts(tmp_path)
    fingerprint = tmp_path / "fingerprint.json"
    data = fingerprint_data({e.path.name: (e.size, e.runs) for e in excerpts})
    fingerprint.write_text(json.dumps(data), encoding="utf-8")
    page = f"Intro.\n\n{text.upper()} and more"
    assert shared_runs(page, load_fingerprint(fingerprint))[0].words == tuple(text.split())
    assert "omicron" not in fingerprint.read_text(encoding="utf-8")  # hashes, never the words


@pytest.mark.parametrize("content, problem", [
    (None, "fingerprint is missing"),
    ("{not json", "not valid JSON"),
    ('{"format": 1, "excerpts": {"a.txt": {"runs": []}}}', "unexpected shape"),
    ('{"format": 1, "excerpts": {}}', "names no excerpt"),
])
def test_a_broken_fingerprint_names_the_file_and_the_fix(tmp_path: Path, content, problem) -> None:
    path = tmp_path / "source-fingerprint.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(AuthorError, match=f"source-fingerprint.json.*{problem}.*make_fingerprint"):
        load_fingerprint(path)


# Only maintainers have the source excerpts (beside the checkout, never in it): without them there
# is nothing to compare the committed fingerprint with.
@pytest.mark.skipif(not (ROOT.parent / "shared" / "source").is_dir(),
                    reason="the source excerpts are not beside this checkout")
def test_the_committed_fingerprint_is_current() -> None:
    excerpts = load_excerpts(ROOT.parent / "shared" / "source")
    expected = fingerprint_data({e.path.name: (e.size, e.runs) for e in excerpts})
    assert json.loads(FINGERPRINT.read_text(encoding="utf-8")) == expected


def test_own_words_only_apply_to_english() -> None:
    excerpts = load_fingerprint(FINGERPRINT)
    french = check_text(Path("lesson.fr.md"), COPIED, glossary("fr"), excerpts)
    english = check_text(Path("lesson.md"), COPIED, glossary("en"), excerpts)
    assert french == [] and len(english) == 1
