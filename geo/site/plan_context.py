"""What the plan says about the townships a site touches, and its located facts near the site.

Plan facts are placed by township or by village (never by a surveyed point): a village-placed
fact is measured to the village's geocoded point, a township-placed one to the township's area,
and the report says which.
"""

from functools import cache

from shapely.geometry.base import BaseGeometry

from geo.plan import Plan, load_plan
from geo.plan.schema import MODE_LABELS
from geo.plan.views import FactView, TownshipView
from geo.site.layers import layer
from geo.site.measure import distance_m

NEARBY_GROUPS = ("projects", "parks", "tourism_sites", "featured_towns", "ecology")


@cache
def plan() -> Plan:
    """The plan knowledge base (data/plan), loaded once per process."""
    return load_plan()


def _document(doc_id: str) -> str:
    """《规划纲要》 for the plan, 《衡阳日报》2021年报道 for a newspaper report."""
    document = next((d for d in plan().documents if d.id == doc_id), None)
    if document is None:
        return doc_id
    if document.kind == "plan":
        return "《规划纲要》"
    return f"《衡阳日报》{document.year}年报道" if document.year else f"《{document.title}》"


def _cites(citations) -> list[str]:
    """Each citation as one line: document, chapter, section, 专栏, item."""
    return [" ".join([_document(c.doc), *(p for p in (c.chapter, c.section, c.part, c.box,
                                                       c.item, c.note) if p)])
            for c in citations]


def _fact(fact: FactView) -> dict:
    return {"type": fact.type, "id": fact.id, "name": fact.name, "name_en": fact.name_en,
            "summary": fact.summary, "summary_en": fact.summary_en,
            "village": fact.place.village, "basis": fact.place.basis,
            "citations": _cites(fact.citations)}


def township_plan(view: TownshipView) -> dict:
    """Roles in 一核两副三轴, axes, industries by mode, parks and featured towns of one township."""
    industries: dict[str, list[dict]] = {}
    for industry in view.industries:
        industries.setdefault(industry.mode, []).append({
            "id": industry.id, "name": industry.name, "name_en": industry.name_en,
            "mode": industry.mode, "mode_name": industry.mode_name,
            "mode_name_en": industry.mode_name_en, "village": industry.village,
            "open_list": industry.open_list, "citations": _cites(industry.citations)})
    order = list(MODE_LABELS)
    industries = dict(sorted(industries.items(), key=lambda pair: order.index(pair[0])))
    return {
        "code": view.code, "name": view.name, "name_en": view.name_en,
        "roles": [{"kind": r.kind, "name": r.name, "name_en": r.name_en, "detail": r.detail,
                   "detail_en": r.detail_en, "citations": _cites(r.citations)}
                  for r in view.roles],
        "axes": [{"id": a.id, "name": a.name, "name_en": a.name_en, "is_main": a.is_main,
                  "position": a.position, "of": a.of, "segment": a.segment_name,
                  "citations": _cites(a.citations)} for a in view.axes],
        "industries": industries,
        "parks": [_fact(f) for f in view.parks],
        "featured_towns": [_fact(f) for f in view.featured_towns],
    }


def nearby(site: BaseGeometry, within_m: float) -> dict:
    """The plan's located facts within `within_m` of the site, nearest first, each cited."""
    townships = {str(r.code): r.geometry for r in layer("townships").itertuples()}
    villages = layer("villages")
    points = {str(v.code): v.geometry for v in villages.itertuples() if not bool(v.outlier)}
    to_township = {code: distance_m(site, area) for code, area in townships.items()}
    items, seen = [], set()
    for code, view in plan().township_views.items():
        for group in NEARBY_GROUPS:
            for fact in getattr(view, group):
                village_point = points.get(fact.place.code or "") if fact.place.village else None
                if village_point is not None:
                    away, located = distance_m(site, village_point), "village_point"
                else:
                    away, located = to_township.get(code, float("inf")), "township_area"
                key = (fact.id, fact.place.village or code)
                if away > within_m or key in seen:
                    continue
                seen.add(key)
                items.append({**_fact(fact), "group": group, "township": view.name,
                              "township_code": code, "located_by": located,
                              "distance_m": round(away, 0)})
    items.sort(key=lambda i: (i["distance_m"], i["located_by"] != "village_point", i["name"]))
    return {"within_m": within_m, "items": items}


def plan_for(codes: list[str], site: BaseGeometry, within_m: float) -> dict:
    """The plan section of the report."""
    views = plan().township_views
    return {"townships": [township_plan(views[c]) for c in codes if c in views],
            "nearby": nearby(site, within_m)}
