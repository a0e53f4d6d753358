"""The plan as data: load_plan() reads data/plan/*.yaml into a validated Plan."""

from geo.plan.errors import PlanDataError
from geo.plan.loader import PLAN_FILES, load_plan
from geo.plan.model import Plan

__all__ = ["PLAN_FILES", "Plan", "PlanDataError", "load_plan"]
