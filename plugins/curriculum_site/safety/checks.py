"""What a page may not contain, as plain findings; the plugin turns them into AuthorErrors.

Content (what authors write) may not run code, navigate, embed or declare. The whole page
(content plus theme) may load nothing from outside the site, may hold no inline script (the
policy allows none) and no inline style, and must start its <head> with the policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import csp
from .external import ASSET_ATTRIBUTES, external_assets, is_outside_site
from .htmlscan import Element, declarations, may_hold_script_attribute, parse, unclosed_comment


@dataclass(frozen=True)
class Problem:
    needle: str  # text to look for in the file to edit, to point at the line
    detail: str
    fix: str


_EXTERNAL_FIX = ("ship the file with the site (e.g. under docs/assets/) and refer to it by a "
                 "relative path; an ordinary link (<a href>) to the outside is fine.")
_SCRIPT_FIX = "move the behaviour into a script file under assets/ that adds an event listener."
# Elements that make a page do something other than show text: embed a plugin or document,
# change where its links lead, hold markup the page never shows.
_EMBEDDING = {
    "base": "would change where every link of the page leads",
    "object": "would embed a plugin or another document",
    "embed": "would embed a plugin or another document",
    "template": "holds markup the page never shows",
}


# Every element a check reads by its tag or its style attribute; any other element matters only
# for script in its attributes. The policy must be the first element of <head>: the element after
# <head>, which is <body> when <head> is empty.
_CHECKED = ", ".join(dict.fromkeys([
    "script", "style", "[style]", "meta", "form", "head", "head > :first-child", "body",
    *_EMBEDDING, *ASSET_ATTRIBUTES]))


# Material's navigation lists every page of the site, so reading it would cost more per page the
# larger the course grows; it is markup in which no check finds anything, and is left out.
NAVIGATION = '<nav class="md-nav md-nav--primary"'


def checked_elements(html: str) -> list[Element]:
    """The elements of ``html`` the checks read, in document order."""
    page = parse(html, inert_from=NAVIGATION)
    return page.elements() if may_hold_script_attribute(page.text) else page.elements(_CHECKED)


def _external(elements: list[Element], page_url: str) -> list[Problem]:
    return [Problem(url, f"<{element.tag}> in {page_url} would load '{url}' from outside the site "
                         "(a third party, or a request leaving the device).", _EXTERNAL_FIX)
            for element, url in external_assets(elements)]


def _inline_scripts(elements: list[Element], page_url: str) -> list[Problem]:
    return [Problem(element.text.strip()[:40] or "<script", f"an inline <script> in {page_url}: "
                    "the Content-Security-Policy allows no script written into a page, and any "
                    "here came from text that was not escaped.", _SCRIPT_FIX)
            for element in csp.inline_scripts(elements)]


def _script_in_attributes(elements: list[Element], page_url: str) -> list[Problem]:
    return [Problem(code, f"<{element.tag} {code}...> in {page_url} is script the "
                          "Content-Security-Policy blocks.", _SCRIPT_FIX)
            for element, code in csp.script_in_attributes(elements)]


def _inline_styles(elements: list[Element], page_url: str) -> list[Problem]:
    return [Problem(code, f"<{element.tag} {code}...> in {page_url} is inline style the "
                          "Content-Security-Policy blocks.",
                    "use a class and a stylesheet under assets/ (for table columns, Markdown's "
                    "alignment colons become align attributes).")
            for element, code in csp.inline_styles(elements)]


def _navigating(elements: list[Element], page_url: str, *, policy_allowed: bool) -> list[Problem]:
    problems = []
    for element in elements:
        equiv = element.attrs.get("http-equiv", "").strip().lower()
        if element.tag == "meta" and equiv and not (policy_allowed and equiv == csp.CSP_HTTP_EQUIV):
            problems.append(Problem("http-equiv", f'<meta http-equiv="{equiv}"> in {page_url} would '
                                    "change how the page behaves (reload it, send the reader "
                                    "elsewhere, or change its policy).", "remove it."))
        elif element.tag in _EMBEDDING:
            problems.append(Problem(f"<{element.tag}", f"<{element.tag}> in {page_url} "
                                    f"{_EMBEDDING[element.tag]}.", "remove it."))
        elif element.tag == "form" and is_outside_site(element.attrs.get("action", "")):
            problems.append(Problem(element.attrs["action"], f"<form> in {page_url} would send "
                                    f"what the reader types to '{element.attrs['action']}'.",
                                    "remove the form: nothing a reader types may leave the device."))
    return problems


def content_problems(html: str, elements: list[Element], page_url: str) -> list[Problem]:
    """Problems in a page's own content, as rendered from its Markdown."""
    problems = [Problem("<script", f"a <script> element in the content of {page_url}: page content "
                                   "may not run code.",
                        "remove it; behaviour belongs in a theme asset or an exercise block.")
                for element in elements if csp.is_executable_script(element)]
    problems += [Problem(found, f"'{found}' in the content of {page_url} is a markup declaration: "
                                "a browser hides what follows it up to the next '>', which a "
                                "check reading it differently would miss.",
                         "remove it; write '<' as '&lt;' to show it as text.")
                 for found in declarations(html)]
    comment = unclosed_comment(html)
    if comment is not None:
        problems.append(Problem(comment, f"a comment in the content of {page_url} is never closed, "
                                "so a browser hides the rest of the page.", "end it with '-->'."))
    return (problems + _navigating(elements, page_url, policy_allowed=False)
            + _external(elements, page_url) + _script_in_attributes(elements, page_url)
            + _inline_styles(elements, page_url))


def page_problems(elements: list[Element], page_url: str) -> list[Problem]:
    """Problems in a complete page, once its content is known to be clean."""
    problems = (_inline_scripts(elements, page_url) + _script_in_attributes(elements, page_url)
                + _navigating(elements, page_url, policy_allowed=True)
                + _external(elements, page_url) + _inline_styles(elements, page_url))
    if csp.policy_element(elements) is None:
        problems.append(Problem("site_meta", f"{page_url} does not start <head> with the "
                                             "Content-Security-Policy meta element.",
                                "keep {% include \"partials/content-security-policy.html\" %} "
                                "first in the site_meta block of overrides/main.html."))
    return problems
