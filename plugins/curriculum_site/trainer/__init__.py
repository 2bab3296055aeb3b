"""The trainer's toolkit: timed session plans, the exercises they run, and printing them."""

from .schedule import LessonExercises, TimedStep, timed_steps

__all__ = ["LessonExercises", "TimedStep", "timed_steps"]
