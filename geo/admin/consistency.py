"""Checks across the features of a layer and against the layers it must agree with.

What the viewer, the exports and the site check rely on beyond each feature being valid on its
own: no feature twice; the townships tile the county (no overlaps, no gaps beyond the
tolerances of geo/store/rules.py) with each seat inside its township; a county outline about
the known one; context layers near 衡东县. Findings name the worst offenders with their areas.
"""

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.admin.checks import LOCAL_METRIC_CRS
from geo.admin.measure import area_km2
from geo.admin.problems import Problem, Worded, found, worded
from geo.admin.serialize import json_value
from geo.store.rules import (
    CONTEXT_EXTENT,
    COUNTY_AREA_RATIO,
    COUNTY_MIN_OVERLAP,
    GAP_TOLERANCE_KM2,
    GAP_WIDTH_M,
    OVERLAP_TOLERANCE_KM2,
    SEAT_TOLERANCE_M,
    WORST_SHOWN,
    LayerRule,
)


def _metric(geometries) -> list[BaseGeometry]:
    return list(gpd.GeoSeries(list(geometries), crs=4326).to_crs(LOCAL_METRIC_CRS))


def _names(frame: gpd.GeoDataFrame) -> list[str]:
    if "name" not in frame.columns:
        return [f"#{i}" for i in range(len(frame))]
    return [str(v) if json_value(v) not in (None, "") else f"#{i}"
            for i, v in enumerate(frame["name"])]


def duplicate_problems(frame: gpd.GeoDataFrame, rule: LayerRule, label: str) -> list[Problem]:
    """A feature whose geometry repeats an earlier one: refused for polygons (it would count
    its area twice) and for exact copies; a warning for points or lines named differently."""
    problems, first_at = [], {}
    columns = [c for c in frame.columns if c != frame.geometry.name]
    names = _names(frame)
    for index, geometry in enumerate(frame.geometry):
        if geometry is None or geometry.is_empty or not np.isfinite(
                shapely.get_coordinates(geometry)).all():
            continue
        key = shapely.normalize(geometry).wkb
        if key not in first_at:
            first_at[key] = index
            continue
        first = first_at[key]
        same_values = all(json_value(frame[c].iloc[index]) == json_value(frame[c].iloc[first])
                          for c in columns)
        severity = "error" if rule.geometry == "polygon" or same_values else "warning"
        problems.append(found(
            "duplicate-feature.copy" if same_values else "duplicate-feature", label, index,
            names[index] if "name" in frame.columns else None, "geometry", severity,
            first=first, name=names[first]))
    return problems


def _listed(items: list[tuple[float, str]]) -> Worded:
    worst = sorted(items, reverse=True)[:WORST_SHOWN]
    more = len(items) - len(worst)
    shown = [f"{what} {area:.3f} km²" for area, what in worst]
    tail = worded("and_more", more=more) if more else Worded("", "")
    return Worded("、".join(shown) + tail.zh, "; ".join(shown) + tail.en)


def township_coverage_problems(frame: gpd.GeoDataFrame, county: BaseGeometry | None,
                               label: str) -> list[Problem]:
    """Townships must tile the county: overlaps and gaps beyond the tolerances, worst first."""
    present = list(zip(_names(frame), frame.geometry, strict=True))
    if not present or any(g is None or g.is_empty or not g.is_valid for _, g in present):
        return []  # refused feature by feature already; a coverage of the rest would mislead
    names = [n for n, _ in present]
    metric = _metric(g for _, g in present)
    overlaps = []
    tree = shapely.STRtree(metric)
    for i, j in zip(*tree.query(metric, predicate="intersects"), strict=True):
        if i < j:
            area = metric[i].intersection(metric[j]).area / 1e6
            if area > OVERLAP_TOLERANCE_KM2:
                overlaps.append((area, f"{names[i]}/{names[j]}"))
    problems = []
    if overlaps:
        problems.append(found("townships-overlap", label, field="geometry",
                              tolerance=OVERLAP_TOLERANCE_KM2, listed=_listed(overlaps)))
    if county is not None:
        problems += _gap_problems(metric, names, _metric([county])[0], label)
    return problems


def _gap_problems(metric: list[BaseGeometry], names: list[str], county: BaseGeometry,
                  label: str) -> list[Problem]:
    gaps = county.difference(shapely.union_all(metric))
    core = gaps.buffer(-GAP_WIDTH_M)  # slivers along the outline vanish, real gaps remain
    gaps_found = []
    for part in shapely.get_parts(gaps):
        area = part.area / 1e6
        if area > GAP_TOLERANCE_KM2 and part.intersects(core):
            near = [n for n, g in zip(names, metric, strict=True)
                    if g.distance(part) <= GAP_WIDTH_M] or ["-"]
            gaps_found.append((area, "/".join(near)))
    if not gaps_found:
        return []
    return [found("townships-gap", label, field="geometry", tolerance=GAP_TOLERANCE_KM2,
                  listed=_listed(gaps_found))]


def seats_outside_problems(seats: gpd.GeoDataFrame, townships: gpd.GeoDataFrame, label: str,
                           seats_are_checked: bool) -> list[Problem]:
    """Each seat must lie in the township of its name (within SEAT_TOLERANCE_M)."""
    polygons = dict(zip(_names(townships), _metric(townships.geometry), strict=True))
    offenders = []
    for index, (name, point) in enumerate(zip(_names(seats), _metric(seats.geometry),
                                              strict=True)):
        polygon = polygons.get(name)
        if polygon is None or point is None or point.is_empty or polygon.is_empty:
            continue
        distance = polygon.distance(point)
        if distance > SEAT_TOLERANCE_M:
            offenders.append((distance, index, name))
    offenders.sort(reverse=True)
    if seats_are_checked:
        return [found("seat-outside-township", label, index, name, "geometry", name=name,
                      distance=distance) for distance, index, name in offenders]
    if not offenders:
        return []
    listed = "、".join(f"{name} {distance:.0f} m" for distance, _i, name in offenders[:WORST_SHOWN])
    return [found("seat-outside-township.current", label, field="geometry",
                  tolerance=SEAT_TOLERANCE_M, listed=Worded(listed, listed.replace("、", "; ")))]


def county_outline_problems(frame: gpd.GeoDataFrame, known: BaseGeometry,
                            label: str) -> list[Problem]:
    """A county outline must be about the size and place of the known one."""
    outline = shapely.union_all([g for g in frame.geometry if g is not None and g.is_valid])
    if outline.is_empty:
        return []
    new, old = _metric([outline, known])
    ratio = area_km2(outline) / area_km2(known)
    overlap = new.intersection(old).area / new.union(old).area
    low, high = COUNTY_AREA_RATIO
    if low <= ratio <= high and overlap >= COUNTY_MIN_OVERLAP:
        return []
    return [found("implausible-county", label, 0, None, "geometry", area=area_km2(outline),
                  ratio=ratio, overlap=overlap, low=low, high=high, min_overlap=COUNTY_MIN_OVERLAP)]


def context_extent_problems(frame: gpd.GeoDataFrame, label: str) -> list[Problem]:
    """Context layers (neighbours, 湘江) stay within a box around 衡东县: not the whole world."""
    box = shapely.box(*CONTEXT_EXTENT)
    names = _names(frame)
    return [found("outside-context-extent", label, index,
                  names[index] if "name" in frame.columns else None, "geometry")
            for index, geometry in enumerate(frame.geometry)
            if geometry is not None and not geometry.is_empty and not geometry.within(box)]
