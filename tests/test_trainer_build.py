"""The course plugin stages the trainer pages in every language of the fixture course."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import read


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


def test_every_language_gets_an_answer_key_a_facilitator_guide_and_an_agenda(site: Path) -> None:
    languages = (("", "Facilitator guide", "Answer key"), ("fr/", "Guide d'animation", "Corrigé"))
    for prefix, guide, key in languages:
        assert guide in read(site, f"{prefix}trainers/facilitator-guide.html")
        assert "data-agenda-module" in read(site, f"{prefix}trainers/agenda.html")
        answer_key = " ".join(read(site, f"{prefix}modules/01-listening/answer-key.html").split())
        assert f"{key}: " in answer_key or f"{key} : " in answer_key  # its heading
        # The module's navigation lists the answer key under its translated title.
        assert f'<span class="md-ellipsis"> {key} </span>' in answer_key


def test_the_guide_links_each_module_and_starts_each_on_a_new_sheet(site: Path) -> None:
    guide = read(site, "trainers/facilitator-guide.html")
    assert '<a href="#module-listening">' in guide
    assert '<div class="trainer-guide-module" id="module-listening"></div>' in guide
    assert 'data-clock="listening" data-offset="10">0:10</span>' in guide
