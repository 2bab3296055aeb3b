"""Settings of the curriculum/lint plugin, as written under `plugins:` in mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError


class Number(BaseConfigOption[float]):
    """A number within bounds (exclusive); YAML may write it as `2` or `2.0`."""

    def __init__(self, default: float, *, above: float, below: float = float("inf")) -> None:
        super().__init__()
        self.default = default
        self.above, self.below = above, below

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(f"Expected a number, received: {value!r}")
        if not self.above < value < self.below:
            bounds = f"above {self.above}" + (f" and below {self.below}" if self.below < float("inf") else "")
            raise ValidationError(f"Expected a number {bounds}, received: {value}")
        return float(value)


class LintConfig(Config):
    enabled = c.Type(bool, default=True)
    # Hashes of the source's word runs, committed: the build needs no copy of the source.
    source_fingerprint = c.Type(str, default="curriculum/source-fingerprint.json")
    # Exercises whose answer shows without understanding (docs/authoring/exercises.md).
    # "warning" fails a strict build and `make lint`; "info" only reports them, for a course
    # whose exercises are being rewritten.
    answer_cues = c.Choice(("warning", "info"), default="warning")
    # Report a decision point whose keyed options are on average more than this many times as
    # long as the others: at 1.5 a 60-character answer among 40-character options passes, 61 not.
    keyed_length_ratio = Number(1.5, above=1.0)
    # Report a course-wide skew (keyed options too often first, last, or longest) that chance
    # alone would produce less often than this, across all the places tested together.
    cue_significance = Number(0.01, above=0.0, below=1.0)
