"""What our commands share: printing a report that may be cut short (``... | head``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

# The exit status of a command whose reader went away (128 + SIGPIPE), as a shell reports it.
EXIT_PIPE_CLOSED = 141


def print_lines(lines: Iterable[str]) -> int:
    """Print ``lines`` to standard output: 0, or EXIT_PIPE_CLOSED when the reader stopped
    reading (``| head``), which is no error to report with a traceback."""
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit, into the closed pipe: point it at nothing first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE_CLOSED
    return 0
