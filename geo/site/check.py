"""The site check: from a SiteInput to the report (a JSON-ready dict, docs/site-check.md)."""

from datetime import UTC, datetime

import shapely

from geo.admin.problems import Problem, found
from geo.precision import COORDINATE_DECIMALS
from geo.site.distances import distances
from geo.site.extent import locate
from geo.site.geometry import PreparedSite, prepare
from geo.site.inputs import SiteInput
from geo.site.layers import sources
from geo.site.limits import DEFAULT_NEARBY_M
from geo.site.measure import M2_PER_MU, area_m2, centroid, length_m, vertex_count
from geo.site.overlay import townships
from geo.site.plan_context import plan_for
from geo.site.redline import redline

SCHEMA = "hengdong-site-check/1"
DISCLAIMER_ZH = "初审参考，不作为审批依据"
DISCLAIMER_EN = "A first check for reference, not an approval"


def _note(problem: Problem) -> dict:
    return {"code": problem.code, "severity": problem.severity, "where": problem.where("zh"),
            "zh": problem.zh, "en": problem.en}


def _site_section(prepared: PreparedSite) -> dict:
    checked = prepared.checked
    area = area_m2(checked)
    return {
        "geometry_type": prepared.given.geom_type,
        "checked_type": checked.geom_type,
        "buffer_m": prepared.buffer_m,
        "repaired": prepared.repaired,
        "vertices": vertex_count(prepared.given),
        "area_m2": round(area, 1), "area_km2": round(area / 1e6, 6),
        "area_mu": round(area / M2_PER_MU, 2),
        "length_m": round(length_m(prepared.given), 1) or None,
        "centroid": list(centroid(checked)),
        "bbox": [round(v, COORDINATE_DECIMALS) for v in checked.bounds],
        "geometry": shapely.geometry.mapping(prepared.given),
        "checked_geometry": shapely.geometry.mapping(checked),
    }


def check_site(site: SiteInput, buffer_m: float | None = None,
               nearby_m: float = DEFAULT_NEARBY_M) -> dict:
    """The full report, or SiteRejected when the site cannot be checked (nothing is stored)."""
    prepared = prepare(site, buffer_m)
    extent = locate(prepared.checked, site.source)
    shares = townships(prepared.checked, extent.inside)
    codes = [item["code"] for item in shares["items"]]
    notes = site.notes + prepared.notes
    if extent.outside_share > 0:
        names = "、".join(n["name"] for n in extent.neighbours) or "-"
        notes.append(found("partly-outside", site.source, severity="warning",
                           share=extent.outside_share, names=names))
    return {
        "schema": SCHEMA,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "disclaimer": {"zh": DISCLAIMER_ZH, "en": DISCLAIMER_EN},
        "input": {"source": site.source, "kind": site.kind, "crs": site.crs.as_dict(),
                  "notes": [_note(n) for n in notes]},
        "site": _site_section(prepared),
        "extent": {"inside_share": round(1 - extent.outside_share, 6),
                   "outside_share": extent.outside_share,
                   "outside_amount": extent.outside_m, "neighbours": extent.neighbours},
        "townships": shares,
        "redline": redline(extent.inside),
        "plan": plan_for(codes, extent.inside, nearby_m),
        "distances": distances(extent.inside),
        "sources": sources(),
    }
