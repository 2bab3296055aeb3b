"""Exercises whose answer can be picked without understanding the question.

Two cues give an answer away. Length: the keyed option (correct in a choice, recommended in a
scenario) is written out in full while the others are short. Place: across a course, the keyed
option is shown in the same place, or is the longest, far more often than chance would have it,
and learners pick that up. Length is checked per decision point (a choice exercise, a scenario
step or its follow-up) in every language; places are counted over the whole course, in the order
learners see (`exercises.order`), against what a random order would give.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from ..exercises.field_markdown import MarkdownFields
from ..exercises.model import LocatedExercise
from ..exercises.order import FOLLOW_UP, DecisionPoint, decision_points
from .checks import Finding, display_path

GUIDE = "docs/authoring/exercises.md"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


@dataclass(frozen=True)
class PlacedPoint:
    """A decision point with the file and line of its block and its options' lengths."""

    point: DecisionPoint
    path: Path
    line: int
    lengths: tuple[int, ...]  # characters of each option's plain text, in authored order

    @property
    def name(self) -> str:
        follow_up = " follow-up" if self.point.step == FOLLOW_UP else ""
        return f"'{self.point.exercise_id}'{follow_up}"

    @property
    def chance(self) -> float:
        """How likely a random order puts a keyed option in any one place."""
        return sum(self.point.keyed) / len(self.point.keyed)


# (chance of the cue pointing at a keyed option by luck, whether it does, where)
Trial = tuple[float, bool, PlacedPoint]


class CourseExercises:
    """One language's decision points, in reading order; each exercise counted once, since a
    handout or answer key may repeat a lesson's exercise with its id."""

    def __init__(self) -> None:
        self.points: list[PlacedPoint] = []
        self._ids: set[str] = set()
        self._fields = MarkdownFields()

    def add(self, exercises: Iterable[LocatedExercise], path: Path) -> list[PlacedPoint]:
        """Add one file's exercises; returns their decision points not seen before."""
        added = []
        for located in exercises:
            if located.exercise.id in self._ids:
                continue
            self._ids.add(located.exercise.id)
            # Lengths count what a reader sees, not the Markdown around it.
            added += [PlacedPoint(point, path, located.line,
                                  tuple(len(self._fields.block(text).striptags()) for text in point.texts))
                      for point in decision_points(located.exercise)]
        self.points += added
        return added


def length_findings(points: Iterable[PlacedPoint], ratio: float) -> list[Finding]:
    """Each decision point whose keyed options are on average more than ``ratio`` times as long
    as the others."""
    findings = []
    for placed in points:
        keyed = [n for n, is_keyed in zip(placed.lengths, placed.point.keyed, strict=True) if is_keyed]
        others = [n for n, is_keyed in zip(placed.lengths, placed.point.keyed, strict=True) if not is_keyed]
        if not others:
            continue
        times = fmean(keyed) / max(fmean(others), 1.0)
        if times <= ratio:
            continue
        noun = "recommended choice" if placed.point.is_scenario else "correct option"
        subject = f"the {noun} is" if len(keyed) == 1 else f"the {noun}s are on average"
        findings.append(Finding(placed.path, placed.line, (
            f"in {placed.name}, {subject} {times:.1f} times as long as the others "
            f"({fmean(keyed):.0f} characters against {fmean(others):.0f}; the limit is {ratio:g}), "
            "so it can be picked without understanding the question. Fix: make every option a "
            f"plausible answer, similar in length and tone ({GUIDE}).")))
    return findings


def answer_cue_findings(points: Sequence[PlacedPoint], significance: float, *,
                        placements: bool) -> list[Finding]:
    """The course-wide checks of one language. Places are the same in every language (translations
    keep the ids, the order of options and the keys), so one language is asked for ``placements``."""
    findings = placement_findings(points, significance) if placements else []
    return findings + longest_findings(points, significance)


def placement_findings(points: Sequence[PlacedPoint], significance: float) -> list[Finding]:
    """Keyed options shown first, second, … or last far more often than chance would give."""
    trials: dict[str, list[Trial]] = {}
    for placed in points:
        count = len(placed.point.keyed)
        shown_at = placed.point.keyed_positions
        for position in range(count):
            trials.setdefault(f"shown {_ordinal(position)}", []).append(
                (placed.chance, position in shown_at, placed))
        trials.setdefault("shown last", []).append((placed.chance, count - 1 in shown_at, placed))
    return _skews(trials, significance, (
        "in some of them, write the keyed option at another place in the block's list: the order "
        "shown comes from the exercise id, so a new place in the list gives a new place on the page"))


def longest_findings(points: Sequence[PlacedPoint], significance: float) -> list[Finding]:
    """The longest option keyed far more often than chance would give (for ratios under the limit)."""
    trials: list[Trial] = []
    for placed in points:
        longest = max(placed.lengths)
        hit = all(is_keyed for n, is_keyed in zip(placed.lengths, placed.point.keyed, strict=True)
                  if n == longest)
        trials.append((placed.chance, hit, placed))
    return _skews({"the longest": trials}, significance,
                  "write the other options as fully as the keyed one, in some of them")


def _skews(trials_by_cue: Mapping[str, Sequence[Trial]], significance: float, fix: str) -> list[Finding]:
    # Several places are tested at once: each must pass a share of the significance (Bonferroni),
    # so a course whose options are in random order is reported less often than `significance`.
    findings = []
    for cue, trials in trials_by_cue.items():
        hits = [placed for _, hit, placed in trials if hit]
        expected = sum(chance for chance, _, _ in trials)
        if len(hits) <= expected:
            continue
        odds = upper_tail([chance for chance, _, _ in trials], len(hits))
        if odds * len(trials_by_cue) >= significance:
            continue
        listed = ", ".join(f"{display_path(h.path)}:{h.line} {h.name}" for h in hits)
        findings.append(Finding(hits[0].path, hits[0].line, (
            f"across the course, the keyed option is {cue} in {len(hits)} of {len(trials)} questions, "
            f"where chance gives about {expected:.1f} (a random order does this with a probability "
            f"of {odds:.1g}), so learners can guess where answers are. Questions: {listed}. "
            f"Fix: {fix} ({GUIDE}).")))
    return findings


def upper_tail(chances: Sequence[float], observed: int) -> float:
    """The probability of at least ``observed`` hits among independent trials with these chances
    (a Poisson binomial distribution, computed exactly)."""
    distribution = [1.0]
    for chance in chances:
        distribution = [miss * (1 - chance) + hit * chance
                        for miss, hit in zip([*distribution, 0.0], [0.0, *distribution], strict=True)]
    return sum(distribution[observed:])


def _ordinal(position: int) -> str:
    return ORDINALS[position] if position < len(ORDINALS) else f"number {position + 1}"
