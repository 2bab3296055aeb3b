"""The pure parts of curriculum/safety: scanning, CSP hashes and policy, third-party detection."""

from __future__ import annotations

import pytest

from curriculum_site.safety import csp
from curriculum_site.safety.checks import content_problems, page_problems
from curriculum_site.safety.external import external_assets, is_outside_site
from curriculum_site.safety.htmlscan import scan
from curriculum_site.safety.neutral import neutral_page_path

PAGE = """<!doctype html>
<html><head>
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
  <meta charset="utf-8">
  <script>var a = 1;</script>
  <script src="assets/x.js"></script>
  <script type="application/json" id="__config">{"base": "."}</script>
</head><body><p>Hi</p><script type="module">import "./y.js";</script></body></html>
"""


def test_the_hash_is_the_one_browsers_compute() -> None:
    # The example of the CSP specification's hash-source: alert('Hello, world.');
    assert csp.script_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='")


def test_every_inline_script_that_runs_is_hashed_and_data_blocks_are_not() -> None:
    policy = csp.page_policy(scan(PAGE))
    assert csp.script_hash("var a = 1;") in policy
    assert csp.script_hash('import "./y.js";') in policy
    assert csp.script_hash('{"base": "."}') not in policy
    assert policy.count("sha256-") == 2


def test_the_policy_allows_only_the_site_and_forbids_plugins_base_and_forms() -> None:
    directives = dict(d.split(" ", 1) for d in csp.policy(["'sha256-x'"]).split("; "))
    assert directives["default-src"] == "'self' file:"
    assert directives["script-src"] == "'self' file: 'sha256-x'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'none'"
    assert not any("http" in value or "*" in value for value in directives.values())


def test_the_policy_must_be_the_first_element_of_head() -> None:
    assert csp.policy_element(scan(PAGE)).attrs["content"] == "default-src 'self'"
    late = PAGE.replace('<meta charset="utf-8">', "").replace("<head>", '<head><meta charset="utf-8">')
    assert csp.policy_element(scan(late)) is None
    assert page_problems(scan(late), "index.html")[0].detail.startswith(
        "index.html does not start <head> with the Content-Security-Policy")


def test_scan_gives_the_exact_place_of_each_tag() -> None:
    meta = csp.policy_element(scan(PAGE))
    assert PAGE[meta.start:meta.end].startswith('<meta http-equiv="Content-Security-Policy"')
    assert PAGE[meta.start:meta.end].endswith(">") and meta.line == 3


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
    found = [(element.tag, url) for element, url in external_assets(scan(html))]
    assert found == [("img", "https://x.example/a2.png"), ("link", "https://fonts.example/css"),
                     ("iframe", "https://video.example/embed"), ("source", "//media.example/v.mp4")]


def test_content_may_not_run_code_or_style_inline_but_may_hold_data() -> None:
    clean = '<p>Text</p><script type="application/json" class="cx-setup">{"a": 1}</script>'
    assert content_problems(scan(clean), "lesson.html") == []
    for html, needle in [
        ("<script>alert(1)</script>", "<script"),
        ('<script src="tracker.js"></script>', "<script"),
        ('<button onclick="go()">Go</button>', "onclick="),
        ('<a href="javascript:go()">Go</a>', "javascript:go()"),
        ('<p style="color: red">Red</p>', "style="),
        ("<style>p { color: red }</style>", "<style"),
    ]:
        assert [p.needle for p in content_problems(scan(html), "lesson.html")] == [needle], html


def test_the_neutral_page_of_each_language_lives_in_its_folder() -> None:
    assert neutral_page_path("new-tab.html", "en", "en") == "new-tab.html"
    assert neutral_page_path("new-tab.html", "ar", "en") == "ar/new-tab.html"
