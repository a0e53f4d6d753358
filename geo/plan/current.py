"""The current plan facts, loaded once per change of data/plan/*.yaml (map and sheets)."""

from functools import lru_cache

from geo.paths import PLAN_DIR
from geo.plan import Plan, load_plan


def stamp() -> tuple[tuple[str, int], ...]:
    """What identifies the current plan files (names and modification times)."""
    return tuple((path.name, path.stat().st_mtime_ns) for path in sorted(PLAN_DIR.glob("*.yaml")))


@lru_cache(maxsize=2)
def _plan_for(stamp: tuple[tuple[str, int], ...]) -> Plan:
    del stamp  # only the cache key
    return load_plan()


def plan() -> Plan:
    """The validated plan (geo.plan.load_plan), re-read when a plan file changes."""
    return _plan_for(stamp())
