"""Link integrity: every internal link and #anchor of every language leads somewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, build_site, fixture_project, shipped_files
from curriculum_site.links import find_broken_links


def test_every_internal_link_and_anchor_resolves_in_every_language(real_site: Path) -> None:
    files = shipped_files(real_site, LANGUAGES)
    for language in LANGUAGES[1:]:
        assert any(name.startswith(f"{language}/") for name in files), f"no {language} pages"
    broken = find_broken_links(real_site, files)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(map(str, broken))


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture course with a link to a heading that does not exist, and one to no page."""
    project = fixture_project(tmp_path_factory.mktemp("links") / "course")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8")
                    + "\nSee [the lesson](modules/01-listening/lesson.md#no-such-heading).\n\n"
                    + '<a href="modules/nowhere.html">Nowhere</a>\n', encoding="utf-8")
    # MkDocs itself fails the strict build on such an anchor (anchors: warn, as in mkdocs.yml);
    # here it only reports it, so that the packager's own check is shown to find it too.
    return build_site(project, project / "site", validation={"anchors": "info"})


def test_a_broken_anchor_and_a_missing_page_are_reported(broken_site: Path) -> None:
    broken = {(link.page, link.target): link.reason for link in find_broken_links(broken_site)}
    anchor = ("index.html", "modules/01-listening/lesson.html#no-such-heading")
    assert anchor in broken and "no-such-heading" in broken[anchor]
    assert ("index.html", "modules/nowhere.html") in broken
