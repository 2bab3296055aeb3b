"""Our commands, as an author runs them in a shell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import fixture_project
from curriculum_site.cli import EXIT_PIPE_CLOSED


@pytest.mark.parametrize("command", ["curriculum_site.status", "curriculum_site.lint"])
def test_a_command_stops_quietly_when_its_reader_does(command: str, tmp_path: Path) -> None:
    """``python -m <command> | head``: no BrokenPipeError traceback."""
    project = fixture_project(tmp_path / "course")
    run = [sys.executable, "-m", command, "-f", str(project / "mkdocs.yml")]
    with subprocess.Popen(run, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # before the report is written: every write meets a closed pipe
        errors = process.stderr.read().decode()
        assert process.wait(timeout=120) == EXIT_PIPE_CLOSED, errors
    assert errors == ""
