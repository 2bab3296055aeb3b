"""What a page may not contain, as plain findings; the plugin turns them into AuthorErrors.

Content (what authors write) may not run code at all. The whole page (content plus theme) may
load nothing from outside the site, may hold no script a hash cannot allow and no inline style,
and must start its <head> with the Content-Security-Policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import csp
from .external import external_assets
from .htmlscan import Element


@dataclass(frozen=True)
class Problem:
    needle: str  # text to look for in the file to edit, to point at the line
    detail: str
    fix: str


_EXTERNAL_FIX = ("ship the file with the site (e.g. under docs/assets/) and refer to it by a "
                 "relative path; an ordinary link (<a href>) to the outside is fine.")


def _external(elements: list[Element], page_url: str) -> list[Problem]:
    return [Problem(url, f"<{element.tag}> in {page_url} would load '{url}' from outside the site "
                         "(a third party, or a request leaving the device).", _EXTERNAL_FIX)
            for element, url in external_assets(elements)]


def _unhashable(elements: list[Element], page_url: str) -> list[Problem]:
    return [Problem(code, f"<{element.tag} {code}...> in {page_url} is script the "
                          "Content-Security-Policy cannot allow (no hash covers it).",
                    "move the behaviour into a script file under assets/ that adds an event listener.")
            for element, code in csp.unhashable_scripts(elements)]


def _inline_styles(elements: list[Element], page_url: str) -> list[Problem]:
    return [Problem(code, f"<{element.tag} {code}...> in {page_url} is inline style the "
                          "Content-Security-Policy blocks.",
                    "use a class and a stylesheet under assets/ (for table columns, Markdown's "
                    "alignment colons become align attributes).")
            for element, code in csp.inline_styles(elements)]


def content_problems(elements: list[Element], page_url: str) -> list[Problem]:
    """Problems in a page's own content, as rendered from its Markdown."""
    problems = [Problem("<script", f"a <script> element in the content of {page_url}: page content "
                                   "may not run code.",
                        "remove it; behaviour belongs in a theme asset or an exercise block.")
                for element in elements if csp.is_executable_script(element)]
    return (problems + _external(elements, page_url) + _unhashable(elements, page_url)
            + _inline_styles(elements, page_url))


def page_problems(elements: list[Element], page_url: str) -> list[Problem]:
    """Problems in a complete page, once its content is known to be clean."""
    problems = (_external(elements, page_url) + _unhashable(elements, page_url)
                + _inline_styles(elements, page_url))
    if csp.policy_element(elements) is None:
        problems.append(Problem("site_meta", f"{page_url} does not start <head> with the "
                                             "Content-Security-Policy meta element.",
                                "keep {% include \"partials/content-security-policy.html\" %} "
                                "first in the site_meta block of overrides/main.html."))
    return problems
