"""Exercise HTML is cleaned by an HTML5 sanitizer with our allow-list; no author text vanishes."""

from __future__ import annotations

import pytest

from curriculum_site.errors import AuthorError
from curriculum_site.exercises.sanitize import FieldTextHidden, sanitize_html

from .conftest import Convert


@pytest.mark.parametrize(("html", "cleaned"), [
    ('<p>ok <script>alert(1)</script></p>', "<p>ok </p>"),
    ('<p><img src="x.png" alt="A" onerror="alert(2)"></p>', '<p><img src="x.png" alt="A"></p>'),
    ('<p><a href="JaVaScRiPt:alert(4)">a</a></p>', '<p><a rel="noopener">a</a></p>'),
    ('<p><a href=" java\tscript:alert(4)">a</a></p>', '<p><a rel="noopener">a</a></p>'),
    ('<p><a href="https://www.who.int/" target="_blank">WHO</a></p>',
     '<p><a href="https://www.who.int/" rel="noopener">WHO</a></p>'),
    ('<p><span onclick="alert(5)" style="color:red" class="k">s</span></p>',
     '<p><span class="k">s</span></p>'),
    ('<p><iframe src="https://example.org"></iframe>x</p>', "<p>x</p>"),
    ("<p>a <svg/> rest</p>", "<p>a  rest</p>"),  # <svg/> closes itself in HTML: the rest stays
    ("<p>a <math/> rest</p>", "<p>a  rest</p>"),
    ("<p>a<!-- a comment -->b</p>", "<p>ab</p>"),
    ("<form><p>in a form</p></form>", "<p>in a form</p>"),
])
def test_only_the_allow_list_survives(html: str, cleaned: str) -> None:
    assert sanitize_html(html) == cleaned


@pytest.mark.parametrize("tag", ["textarea", "select", "noscript", "template"])
def test_an_element_that_would_swallow_the_rest_of_a_field_is_reported(tag: str) -> None:
    with pytest.raises(FieldTextHidden) as caught:
        sanitize_html(f"<p>Before <{tag}/> the rest of the field.</p>")
    assert caught.value.tag == tag and caught.value.text.startswith("Before")


@pytest.mark.parametrize("tag", ["svg", "textarea", "select"])
def test_a_self_closed_element_in_a_field_stops_the_build_or_keeps_the_rest(convert: Convert,
                                                                            tag: str) -> None:
    text = (f"Intro.\n\n/// reflection | mod-r\nprompt: 'Think <{tag}/> about what you heard.'\n"
            "hint: A hint.\n///\n")
    if tag == "svg":
        assert "about what you heard." in convert(text)
        return
    with pytest.raises(AuthorError) as caught:
        convert(text)
    assert caught.value.path == "lesson.md" and caught.value.line == 3
    assert f"holds a <{tag}>, which would hide the text after it" in caught.value.detail
