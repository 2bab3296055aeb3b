"""Content checks authors can run without a browser: respectful language and own words."""

from .checks import Finding, author_files, check_text
from .glossary import Glossary, Term, TermHit, find_terms, glossary_path, load_glossary
from .ownwords import Excerpt, SharedRun, load_excerpts, load_fingerprint, shared_runs

__all__ = [
    "Excerpt", "Finding", "Glossary", "SharedRun", "Term", "TermHit", "author_files",
    "check_text", "find_terms", "glossary_path", "load_excerpts", "load_fingerprint", "load_glossary",
    "shared_runs",
]
