"""The plan facts as the viewer shows them: citations, industry picker labels.

plan() is geo.plan.current's cached plan (re-read when a data/plan file changes), the one the
map engine draws, so the map and the panels always show the same facts. pick is geo.labels'.
"""

from geo.labels import pick
from geo.plan import Plan
from geo.plan.citations import citations_text
from geo.plan.current import plan
from geo.plan.schema import Citation
from ui.i18n import Lang

__all__ = ["citation_text", "industry_options", "pick", "plan"]


def citation_text(plan_data: Plan, citations: list[Citation], lang: Lang) -> str:
    """All citations of a fact as one line (geo.plan.citations, full style)."""
    return citations_text(citations, lang, "full", plan_data.documents)


def industry_options(plan_data: Plan, lang: Lang) -> list[tuple[str, str]]:
    """(id, "category · industry") of every industry in the plan data, grouped by category."""
    entries = sorted(
        plan_data.industry_index(),
        key=lambda e: [c.id for c in plan_data.categories].index(e.category),
    )
    return [
        (e.id, f"{pick(lang, e.category_name, e.category_name_en)} · "
               f"{pick(lang, e.name, e.name_en)}")
        for e in entries
    ]
