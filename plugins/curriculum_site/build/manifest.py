"""What a build tells the packager about the site it wrote: ``<site>/curriculum-build.json``.

The packager reads this manifest, not the project's curriculum.yml, so what it packages is
described by the very build that wrote the site (and a site built from another checkout, or
before curriculum.yml changed, cannot be packaged under the wrong name or languages).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import AuthorError

MANIFEST_NAME = "curriculum-build.json"


@dataclass(frozen=True)
class BuildManifest:
    title: str
    site_id: str
    version: str
    citation: str
    languages: tuple[str, ...]  # the default language first: its pages are the site's root
    translations_dir: str  # where the build read each language's UI catalog


def write_manifest(manifest: BuildManifest, site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / MANIFEST_NAME).write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1),
                                          encoding="utf-8")


def read_manifest(site_dir: Path) -> BuildManifest:
    path = site_dir / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return BuildManifest(title=str(data["title"]), site_id=str(data["site_id"]),
                             version=str(data["version"]), citation=str(data["citation"]),
                             languages=tuple(map(str, data["languages"])),
                             translations_dir=str(data["translations_dir"]))
    except (OSError, ValueError, KeyError, TypeError):
        raise AuthorError(path, "the build's manifest is missing or unreadable, so this is not a "
                          "site `mkdocs build` wrote with the curriculum/course plugin.",
                          fix="run `mkdocs build --strict` first (or `make site`).") from None
