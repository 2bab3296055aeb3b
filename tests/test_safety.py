"""The pure parts of curriculum/safety: scanning, CSP hashes and policy, third-party detection."""

from __future__ import annotations

import random

import pytest

from curriculum_site.languages import SiteLanguage
from curriculum_site.safety import csp
from curriculum_site.safety.checks import (
    NAVIGATION,
    checked_elements,
    content_problems,
    page_problems,
)
from curriculum_site.safety.external import external_assets, is_outside_site
from curriculum_site.safety.htmlscan import (
    declarations,
    may_hold_script_attribute,
    parse,
    without_comments,
)

PAGE = """<!doctype html>
<html><head>
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
  <meta charset="utf-8">
  <script>var a = 1;</script>
  <script src="assets/x.js"></script>
  <script type="application/json" id="__config">{"base": "."}</script>
</head><body><p>Hi</p><script type="module">import "./y.js";</script></body></html>
"""


def test_the_policy_is_fixed_allows_no_inline_script_and_no_file_source() -> None:
    directives = dict(d.split(" ", 1) for d in csp.policy().split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'none'"
    assert not any(word in value for value in directives.values()
                   for word in ("http", "*", "file:", "sha256-", "unsafe", "nonce"))


def test_any_inline_script_in_a_finished_page_is_a_problem_but_data_blocks_are_not() -> None:
    found = page_problems(parse(PAGE).elements(), "index.html")
    assert [p.needle for p in found] == ["var a = 1;", 'import "./y.js";']
    assert all("allows no script written into a page" in p.detail for p in found)
    clean = PAGE.replace("<script>var a = 1;</script>", "").replace(
        '<script type="module">import "./y.js";</script>', "")
    assert page_problems(parse(clean).elements(), "index.html") == []


def test_the_policy_must_be_the_first_element_of_head() -> None:
    assert csp.policy_element(parse(PAGE).elements()).attrs["content"] == "default-src 'self'"
    late = PAGE.replace('<meta charset="utf-8">', "").replace("<head>", '<head><meta charset="utf-8">')
    assert csp.policy_element(parse(late).elements()) is None
    assert page_problems(parse(late).elements(), "index.html")[-1].detail.startswith(
        "index.html does not start <head> with the Content-Security-Policy")


def test_the_scan_reads_cdata_as_a_browser_does_so_the_script_after_it_is_seen() -> None:
    html = '<p>x <![CDATA[ x > <script src="file:///tmp/evil.js"></script> ]]></p>'
    assert [e.tag for e in parse(html).elements() if e.tag == "script"] == ["script"]
    assert declarations(html) == ["<![CDATA[ x "]
    needles = [p.needle for p in content_problems(html, parse(html).elements(), "lesson.html")]
    assert needles[:2] == ["<script", "<![CDATA[ x "]
    assert "file:///tmp/evil.js" in needles  # loads from outside the site, too


@pytest.mark.parametrize(("url", "outside"), [
    ("https://cdn.example.org/x.js", True),
    ("http://example.org/font.woff2", True),
    ("//unpkg.com/iframe-worker/shim", True),
    ("HTTPS://example.org/a.png", True),
    ("file:///etc/passwd", True),
    ("data:image/png;base64,AAAA", False),
    ("assets/x.js", False),
    ("../../assets/x.js", False),
    ("/assets/images/favicon.png", False),
    ("#top", False),
])
def test_what_counts_as_outside_the_site(url: str, outside: bool) -> None:
    assert is_outside_site(url) is outside


def test_assets_from_outside_are_found_in_every_loading_element_but_links_are_fine() -> None:
    html = """
      <a href="https://www.who.int/">WHO</a>
      <img src="a.png" srcset="a.png 1x, https://x.example/a2.png 2x">
      <link rel="stylesheet" href="https://fonts.example/css">
      <iframe src="https://video.example/embed"></iframe>
      <video><source src="//media.example/v.mp4"></video>
    """
    found = [(element.tag, url) for element, url in external_assets(parse(html).elements())]
    assert found == [("img", "https://x.example/a2.png"), ("link", "https://fonts.example/css"),
                     ("iframe", "https://video.example/embed"), ("source", "//media.example/v.mp4")]


def _content_needles(html: str) -> list[str]:
    needles = [p.needle for p in content_problems(html, parse(html).elements(), "lesson.html")]
    # What the plugin reads (only the elements a check looks at) finds the same problems.
    assert [p.needle for p in content_problems(html, checked_elements(html), "lesson.html")] == needles
    return needles


def test_content_may_not_run_code_or_style_inline_but_may_hold_data() -> None:
    clean = '<p>Text</p><script type="application/json" class="cx-setup">{"a": 1}</script>'
    assert _content_needles(clean) == []
    for html, needle in [
        ("<script>alert(1)</script>", "<script"),
        ('<script src="tracker.js"></script>', "<script"),
        ('<button onclick="go()">Go</button>', "onclick="),
        ('<a href="javascript:go()">Go</a>', "javascript:go()"),
        ('<a href=" java\tscript:go()">Go</a>', "java\tscript:go()"),
        ('<p style="color: red">Red</p>', "style="),
        ("<style>p { color: red }</style>", "<style"),
    ]:
        assert _content_needles(html) == [needle], html


@pytest.mark.parametrize(("html", "needle", "said"), [
    ('<meta http-equiv="refresh" content="3;url=https://example.org/">', "http-equiv",
     '<meta http-equiv="refresh"> in lesson.html would change how the page behaves'),
    ('<base href="https://example.org/">', "<base", "would change where every link"),
    ('<object data="x.swf"></object>', "<object", "would embed a plugin"),
    ('<embed src="x.swf">', "<embed", "would embed a plugin"),
    ("<template><script>alert(1)</script></template>", "<template", "holds markup"),
    ('<form action="https://example.org/collect"><input name="q"></form>',
     "https://example.org/collect", "would send what the reader types"),
    ("<!DOCTYPE html>", "<!DOCTYPE html", "is a markup declaration"),
    ('<?xml version="1.0"?>', '<?xml version="1.0"?', "is a markup declaration"),
    ("<p>Draft <!-- never closed</p>", "<!-- never closed</p>", "is never closed"),
])
def test_content_that_could_navigate_embed_or_declare_is_refused(html: str, needle: str, said: str) -> None:
    problems = content_problems(html, parse(html).elements(), "lesson.html")
    assert content_problems(html, checked_elements(html), "lesson.html") == problems
    assert problems and problems[0].needle == needle and said in problems[0].detail, problems


def test_a_form_that_stays_on_the_site_and_comments_are_fine_in_content() -> None:
    assert _content_needles('<form action="search.html"><input name="q"></form><!-- note -->') == []


def test_comments_are_removed_as_a_browser_ends_them() -> None:
    html = "<p>a<!-- draft: correct: true -->b<!---->c<!-->d<!-- x --!>e</p>"
    assert without_comments(html) == "<p>abcde</p>"


def test_the_neutral_page_of_each_language_lives_in_its_folder() -> None:
    assert SiteLanguage("en", default=True).path("new-tab.html") == "new-tab.html"
    assert SiteLanguage("ar", default=False).path("new-tab.html") == "ar/new-tab.html"


@pytest.mark.parametrize("html", [
    "<a onclick=x>", "<A ONLOAD=1>", '<a href="x"onclick=1>', "<a/onclick=1>", "<a x/onclick=1>",
    '<a x=y"z onclick=1>', "<a title='q' \n\t onerror='1'>", "<svg><circle onbegin=1></svg>",
    '<a href=" java\tscript:go()">', "<a href='JavaScript:go()'>", "<a href=\x01javascript:go()>",
    '<a href="&#106;avascript:go()">', "<a href=&#x6A;avascript:go()>",
])
def test_any_attribute_that_may_hold_script_makes_every_element_read(html: str) -> None:
    assert may_hold_script_attribute(html)
    assert page_problems(checked_elements(html), "x.html") == page_problems(parse(html).elements(), "x.html")


@pytest.mark.parametrize("html", [
    '<a href="../button/" class="on">Based on trust</a>', "<a x=fooon y='z onclick=1'>",
    '<a title="a onclick=1">', "<p>x = y</p>", "<a href=../john.html>",
])
def test_text_and_values_that_only_mention_script_leave_the_selection_to_lexbor(html: str) -> None:
    assert not may_hold_script_attribute(html)
    assert csp.script_in_attributes(parse(html).elements()) == []


@pytest.mark.parametrize("html", [
    PAGE.replace("<html><head>", "<html>text<head>"),  # text puts <head> behind it, empty
    PAGE.replace("<html>", '<html lang="ar"<select> class="no-js">'),
])
def test_a_policy_after_an_empty_head_is_not_first_in_it(html: str) -> None:
    found = page_problems(checked_elements(html), "i.html")
    assert found == page_problems(parse(html).elements(), "i.html")
    assert "does not start <head> with the Content-Security-Policy" in found[-1].detail


def test_the_checked_elements_are_those_a_check_reads_in_document_order() -> None:
    html = (PAGE.replace("<p>Hi</p>", '<p style="x">Hi</p><a href="a.html"><img src="b.png"></a>')
            .replace('<meta charset="utf-8">', '<meta charset="utf-8"><title>T</title>'))
    assert [e.tag for e in checked_elements(html)] == [
        "head", "meta", "meta", "script", "script", "script", "body", "p", "img", "script"]
    assert page_problems(checked_elements(html), "i.html") == page_problems(parse(html).elements(), "i.html")


NAV = (f'{NAVIGATION} aria-label="Navigation" data-md-level="0">\n'
       '  <label class="md-nav__title" for="__drawer"><a href="index.html" title="Site">\n'
       '    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 8a3"/></svg>'
       '</a> Site &amp; more</label>\n  <ul class="md-nav__list" data-md-scrollfix>\n'
       '    <li class="md-nav__item md-nav__item--active"><input class="md-toggle" type="checkbox"'
       ' id="__toc" checked>\n      <a href="../one.html" class="md-nav__link"><span>One</span></a>'
       '</li>\n  </ul>\n</nav>')
WITH_NAV = PAGE.replace("<p>Hi</p>", f'<div class="md-sidebar">{NAV}</div><p onclick="x()">Hi</p>')


def test_the_navigation_is_left_out_whole_and_the_rest_read_as_a_browser_does() -> None:
    read = parse(WITH_NAV, inert_from=NAVIGATION)
    assert "md-nav__item" not in read.text and "<p onclick" in read.text
    # The onclick makes every element outside the navigation read.
    assert [e.tag for e in checked_elements(WITH_NAV)] == [
        "html", "head", "meta", "meta", "script", "script", "script", "body", "div", "p", "script"]
    assert (page_problems(checked_elements(WITH_NAV), "i.html")
            == page_problems(parse(WITH_NAV).elements(), "i.html"))


@pytest.mark.parametrize("html", [
    # Markup a check looks for inside the navigation ends the run there: the rest is read.
    NAV.replace('href="../one.html"', 'href="javascript:go()"'),
    NAV.replace('href="../one.html"', 'href=" &#106;avascript:go()"'),
    NAV.replace('title="Site"', 'title="Site"onmouseover="go()"'),
    NAV.replace("<span>One</span>", '<span style="color: red">One</span>'),
    NAV.replace("<span>One</span>", '<img src="https://example.org/x.png">'),
    NAV.replace("<span>One</span>", "<script>go()</script>"),
    NAV.replace('<path d="M12 8a3"/>', '<style><img src="//example.org/x.png"></style>'),
    NAV + '<svg viewBox="0 0 1 1"><style><img src="//example.org/x.png"></style>',
    NAV.replace('<path d="M12 8a3"/>', '<path d="M12 8a3"/><style></style>'),
    NAV.replace("One", "One<noscript><p title='</noscript><script>go()</script>'></noscript>"),
    # Where a browser does not read the navigation as HTML, nothing is left out.
    "<!-- " + NAV.replace("One", "--> <script>go()</script>"),
    "<textarea>" + NAV.replace("One", "</textarea><script>go()</script>"),
    "<p title='" + NAV.replace("One", "' onmouseover=go() x='") + "'>",
    "<svg>" + NAV + "<![CDATA[ > <script>go()</script> ]]>",
    "<math><mi>" + NAV + "<![CDATA[ > <script>go()</script> ]]>",
    "<select>" + NAV + "<script>go()</script>",
])
def test_no_problem_hides_in_or_around_the_navigation(html: str) -> None:
    page = PAGE.replace("<script>var a = 1;</script>", "").replace("<p>Hi</p>", html)
    found = page_problems(checked_elements(page), "i.html")
    assert found and found == page_problems(parse(page).elements(), "i.html")


# What may come before the navigation and change how a browser reads it, with what ends that
# state again if it turns up inside; and what a check must find wherever it lands.
OPENERS = [("<!--", "-->"), ("<textarea>", "</textarea>"), ("<title>", "</title>"),
           ("<noscript>", "</noscript>"), ("<xmp>", "</xmp>"), ("<style>", "</style>"),
           ("<template>", "</template>"), ("<select>", "</select>"), ("<svg>", "</svg>"),
           ("<math><mi>", "</math>"), ("<p title='", "'>"), ('<p title="', '">'),
           ("<![CDATA[", "]]>"), ("<plaintext>", ""), ("", "")]
PROBLEMS = ["<script>go()</script>", " onclick=go() ", ' style="x"', '<img src="http://x/y.png">',
            '<a href="javascript:go()">', "<![CDATA[ > <script>go()</script> ]]>"]


def test_no_problem_hides_whatever_comes_before_the_navigation() -> None:
    clean = (PAGE.replace("<script>var a = 1;</script>", "")
             .replace('<script type="module">import "./y.js";</script>', "")
             .replace("<p>Hi</p>", f"<div>{NAV}</div><p>Hi</p>"))
    assert page_problems(parse(clean).elements(), "i.html") == []
    chance = random.Random(15)  # fixed: the same pages on every run
    start, end = clean.index(NAVIGATION), clean.index("</nav>") + len("</nav>")
    for opener, closer in OPENERS:
        for problem in PROBLEMS:
            for _ in range(4):
                closed, found = sorted(chance.sample(range(start + 1, end), 2))
                page = (clean[:start] + opener + clean[start:closed] + closer
                        + clean[closed:found] + problem + clean[found:])
                assert (page_problems(checked_elements(page), "i.html")
                        == page_problems(parse(page).elements(), "i.html")), page
