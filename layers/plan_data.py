"""The plan facts for the map (geo/plan/current.py: loaded once per change of the plan files)."""

from geo.plan.current import plan, stamp

__all__ = ["plan", "stamp"]
