"""The course: curriculum.yml and module folders, loaded and validated without MkDocs."""

from .model import Course, Module, SessionPlan, Step
from .loader import load_course

__all__ = ["Course", "Module", "SessionPlan", "Step", "load_course"]
