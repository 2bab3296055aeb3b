"""The course: curriculum.yml and module folders, loaded and validated without MkDocs."""

from .loader import load_course
from .model import Course, Module, SessionPlan, Step

__all__ = ["Course", "Module", "SessionPlan", "Step", "load_course"]
