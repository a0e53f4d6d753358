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
from geo.admin.problems import Problem
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
        what_zh = "完全相同的要素" if same_values else "几何相同的要素"
        what_en = "an exact copy of" if same_values else "the same geometry as"
        problems.append(Problem(
            "duplicate-feature", f"与要素 #{first}（{names[first]}）是{what_zh}",
            f"{what_en} feature #{first} ({names[first]})", label, index,
            names[index] if "name" in frame.columns else None, "geometry", severity))
    return problems


def _listed(items: list[tuple[float, str]], lang: str) -> str:
    worst = sorted(items, reverse=True)[:WORST_SHOWN]
    more = len(items) - len(worst)
    text = ("、" if lang == "zh" else "; ").join(f"{what} {area:.3f} km²" for area, what in worst)
    if more:
        text += f"（另有 {more} 处）" if lang == "zh" else f" (and {more} more)"
    return text


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
        problems.append(Problem(
            "townships-overlap",
            f"乡镇边界重叠（容差 {OVERLAP_TOLERANCE_KM2} km²）：{_listed(overlaps, 'zh')}",
            f"townships overlap (tolerance {OVERLAP_TOLERANCE_KM2} km²): "
            f"{_listed(overlaps, 'en')}", label, field="geometry"))
    if county is not None:
        problems += _gap_problems(metric, names, _metric([county])[0], label)
    return problems


def _gap_problems(metric: list[BaseGeometry], names: list[str], county: BaseGeometry,
                  label: str) -> list[Problem]:
    gaps = county.difference(shapely.union_all(metric))
    core = gaps.buffer(-GAP_WIDTH_M)  # slivers along the outline vanish, real gaps remain
    found = []
    for part in shapely.get_parts(gaps):
        area = part.area / 1e6
        if area > GAP_TOLERANCE_KM2 and part.intersects(core):
            near = [n for n, g in zip(names, metric, strict=True)
                    if g.distance(part) <= GAP_WIDTH_M] or ["-"]
            found.append((area, "/".join(near)))
    if not found:
        return []
    return [Problem(
        "townships-gap",
        f"县域内有乡镇未覆盖的空隙（容差 {GAP_TOLERANCE_KM2} km²，相邻乡镇）："
        f"{_listed(found, 'zh')}",
        f"parts of the county no township covers (tolerance {GAP_TOLERANCE_KM2} km², next to): "
        f"{_listed(found, 'en')}", label, field="geometry")]


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
        return [Problem("seat-outside-township",
                        f"驻地位于乡镇“{name}”边界外 {distance:.0f} 米",
                        f"the seat lies {distance:.0f} m outside township '{name}'",
                        label, index, name, "geometry") for distance, index, name in offenders]
    if not offenders:
        return []
    listed = "、".join(f"{name} {distance:.0f} m" for distance, _i, name in offenders[:WORST_SHOWN])
    return [Problem("seat-outside-township",
                    f"现有乡镇驻地不在新边界内（容差 {SEAT_TOLERANCE_M:.0f} 米）：{listed}",
                    f"current township seats lie outside the new boundaries (tolerance "
                    f"{SEAT_TOLERANCE_M:.0f} m): {listed.replace('、', '; ')}",
                    label, field="geometry")]


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
    return [Problem(
        "implausible-county",
        f"县界面积 {area_km2(outline):.0f} km²，为现有县界的 {ratio:.2f} 倍，重合度 {overlap:.0%}"
        f"（应在 {low}–{high} 倍之间、重合度至少 {COUNTY_MIN_OVERLAP:.0%}）",
        f"the outline covers {area_km2(outline):.0f} km², {ratio:.2f} times the known county, "
        f"overlapping it by {overlap:.0%} (must be {low}–{high} times and overlap at least "
        f"{COUNTY_MIN_OVERLAP:.0%})", label, 0, None, "geometry")]


def context_extent_problems(frame: gpd.GeoDataFrame, label: str) -> list[Problem]:
    """Context layers (neighbours, 湘江) stay within a box around 衡东县: not the whole world."""
    box = shapely.box(*CONTEXT_EXTENT)
    names = _names(frame)
    return [Problem("outside-context-extent",
                    "要素超出衡东县周边范围（东经 111–115°、北纬 25.5–28.7°）",
                    "the feature reaches beyond the area around 衡东县 (111–115°E, "
                    "25.5–28.7°N)", label, index,
                    names[index] if "name" in frame.columns else None, "geometry")
            for index, geometry in enumerate(frame.geometry)
            if geometry is not None and not geometry.is_empty and not geometry.within(box)]
