"""Self-assessment exercises: `///` blocks, their validation, views, assets and the plugin.

Pure API for other plugins (answer keys, translation parity); the MkDocs plugin lives in
`curriculum_site.exercises.plugin` so importing this package does not need MkDocs hooks.
"""

from .model import EXERCISE_TYPES, Exercise, LocatedExercise
from .parity import check_parity
from .parser import parse_exercise, parse_markdown
from .scan import ScannedBlock, scan_blocks

__all__ = [
    "EXERCISE_TYPES",
    "Exercise",
    "LocatedExercise",
    "ScannedBlock",
    "check_parity",
    "parse_exercise",
    "parse_markdown",
    "scan_blocks",
]
