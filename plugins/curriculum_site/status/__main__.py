"""``python -m curriculum_site.status [languages]``: the translation status as plain text.

Reads where the curriculum and its translations are from mkdocs.yml's curriculum/course plugin,
as the build does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config import load_config

from ..build.access import course_settings
from ..catalog import SOURCE_LANGUAGE
from ..cli import print_lines
from ..course.loader import load_course
from ..errors import AuthorError
from . import __doc__ as status_doc
from . import language_status, report_lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m curriculum_site.status", description=status_doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the project's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("languages", nargs="*",
                        help="languages to report (default: every language of curriculum.yml)")
    options = parser.parse_args(argv)
    try:
        config = load_config(str(options.config_file.resolve()))
        settings = course_settings(config)
        languages = options.languages or [
            language for language in load_course(settings.curriculum_dir).languages
            if language != SOURCE_LANGUAGE]
        statuses = [language_status(language, settings.layout) for language in languages]
    except AuthorError as error:
        print(error, file=sys.stderr)
        return 1
    return print_lines(report_lines(statuses))


if __name__ == "__main__":
    sys.exit(main())
