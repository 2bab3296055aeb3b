"""A user's fresh clone, with nothing beside it, builds the site and the offline package.

The README promises that `make site` does all the set-up on a fresh machine. A green build in
this working tree can hide a file that is not committed or a path outside the repository
(../shared is there for maintainers only), so this clones HEAD into an empty folder and runs the
README's command there, exactly as a user would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("make") is None,
                                reason="cloning and building need git and make")


def test_a_fresh_clone_with_nothing_beside_it_runs_make_site(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clone"]  # nothing beside it
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run(["make", "site"], cwd=clone, env=environment, capture_output=True,
                            text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (clone / "site" / "index.html").is_file()
    packages = list((clone / "dist").glob("*-offline.zip"))
    assert len(packages) == 1 and packages[0].stat().st_size > 100_000
