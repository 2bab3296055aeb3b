"""A ZIP that is byte-identical whenever its contents are: fixed times, order and permissions."""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path

# ZIP stores local DOS times from 1980 to 2107; outside that range zipfile refuses the entry.
ZIP_EPOCH_MIN = 315532800  # 1980-01-01T00:00:00Z
ZIP_EPOCH_MAX = 4354819198  # 2107-12-31T23:59:58Z
FILE_MODE = 0o100644  # a regular file, rw-r--r--: nothing in the package is executable
UNIX = 3  # ZIP "made by" system: fixed, so the archive does not depend on the build machine


def source_date_epoch(project_dir: Path, environ: Mapping[str, str] = os.environ) -> int:
    """SOURCE_DATE_EPOCH if set, else the time of the last git commit, else 1980-01-01."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return _clamp(int(value))
    try:
        # Read-only: the commit time of HEAD. No git (a tarball), or no repository: fall through.
        completed = subprocess.run(["git", "-C", str(project_dir), "log", "-1", "--format=%ct"],
                                   capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ZIP_EPOCH_MIN
    stamp = completed.stdout.strip()
    return _clamp(int(stamp)) if completed.returncode == 0 and stamp.isdigit() else ZIP_EPOCH_MIN


def _clamp(epoch: int) -> int:
    return min(max(epoch, ZIP_EPOCH_MIN), ZIP_EPOCH_MAX)


def write_zip(target: Path, entries: Mapping[str, bytes], epoch: int) -> list[zipfile.ZipInfo]:
    """Write ``entries`` (archive path -> bytes) sorted by path; return what was written.

    The archive is written beside ``target`` and renamed into place, so a reader never sees a
    half-written package.
    """
    date_time = time.gmtime(epoch)[:6]
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = UNIX
            info.external_attr = FILE_MODE << 16
            archive.writestr(info, entries[name], compresslevel=9)
        written = archive.infolist()
    partial.replace(target)
    return written


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def checksum_lines(entries: Mapping[str, bytes]) -> str:
    """``sha256sum`` format (hash, two spaces, path), one line per file, sorted by path."""
    return "".join(f"{sha256_hex(entries[name])}  {name}\n" for name in sorted(entries))
