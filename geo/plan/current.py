"""The current plan facts, loaded once per change of data/plan/*.yaml (map and sheets)."""

from geo.data_version import per_version, plan_version
from geo.plan import Plan, load_plan


@per_version(plan_version, maxsize=2)
def plan() -> Plan:
    """The validated plan (geo.plan.load_plan), re-read when a plan file changes."""
    return load_plan()
