"""Where the site lies against the county: inside, partly outside (which neighbours), outside."""

from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from geo.admin.problems import Worded, worded
from geo.site.layers import layer
from geo.site.measure import POLYGONAL, area_m2, distance_m, length_m
from geo.site.problems import rejected


@dataclass
class Extent:
    """The part of the site inside 衡东县 and what lies outside it."""

    inside: BaseGeometry
    outside_share: float
    outside_m: float  # m² (areas) or m (lines) outside; 0 for points
    neighbours: list[dict]


def size(geometry: BaseGeometry) -> float:
    """Area (m²) of an area, length (m) of a line, count of points: what shares are taken of."""
    if geometry.is_empty:
        return 0.0
    if geometry.geom_type in POLYGONAL or geometry.geom_type == "GeometryCollection" and (
            area_m2(geometry) > 0):
        return area_m2(geometry)
    if geometry.geom_type in ("Point", "MultiPoint"):
        return float(len(shapely.get_parts(geometry)))
    return length_m(geometry)


def _neighbours_of(geometry: BaseGeometry) -> list[dict]:
    frame = layer("neighbours")
    total = size(geometry)
    out = []
    for row in frame.itertuples():
        part = shapely.intersection(geometry, row.geometry)
        if part.is_empty:
            continue
        out.append({"name": row.name, "name_en": getattr(row, "name_en", None),
                    "share": round(size(part) / total, 6) if total else None})
    return out


def locate(checked: BaseGeometry, source: str) -> Extent:
    """The inside part, or SiteRejected when the site lies entirely outside 衡东县."""
    county = layer("county").union_all()
    inside = shapely.intersection(checked, county)
    if checked.geom_type in POLYGONAL:
        areas = [p for p in shapely.get_parts(inside) if p.geom_type in POLYGONAL]
        inside = shapely.union_all(areas) if areas else shapely.Polygon()
    if inside.is_empty or size(inside) == 0:
        away = distance_m(checked, county)
        where = _neighbours_of(checked)
        names = worded("in_neighbours", names=Worded(
            "、".join(n["name"] for n in where),
            ", ".join(n["name_en"] or n["name"] for n in where))) if where else \
            worded("in_no_neighbour")
        raise rejected("outside-county.site", source, km=away / 1000, names=names)
    total, kept = size(checked), size(inside)
    outside = shapely.difference(checked, county)
    share = max(0.0, 1 - kept / total) if total else 0.0
    return Extent(inside, round(share, 6), round(max(total - kept, 0.0), 1),
                  _neighbours_of(outside) if share > 0 else [])
