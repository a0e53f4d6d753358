"""Validation of features against a layer's rules; every finding names file, feature and field."""

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.admin.crs import REGION
from geo.admin.problems import Problem, Worded, found, worded
from geo.admin.serialize import json_value
from geo.store.rules import CONVERTIBLE_TYPES, FIELD_ALIASES, GEOMETRY_TYPES, LayerRule

COUNTY_TOLERANCE_M = 1000.0  # official and open-source outlines differ by a few hundred metres
LOCAL_METRIC_CRS = 4547  # CGCS2000 3-degree Gauss-Krüger CM 114E: the zone 衡东县 lies in


def apply_aliases(frame: gpd.GeoDataFrame, label: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Rename common official attribute names (XZQMC, NAME …) to the project's, when absent."""
    renames, notes = {}, []
    for target, aliases in FIELD_ALIASES.items():
        if target in frame.columns:
            continue
        alias = next((a for a in aliases if a in frame.columns), None)
        if alias:
            renames[alias] = target
            notes.append(found("field-alias", label, field=alias, severity="warning",
                               alias=alias, target=target))
    frame = frame.rename(columns=renames)
    if "name" in frame.columns:
        frame["name"] = [v.strip() if isinstance(v, str) else v for v in frame["name"]]
    return frame, notes


def converted(frame: gpd.GeoDataFrame, rule: LayerRule,
              label: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Geometries of a convertible type made the layer's type (a one-point MultiPoint becomes
    its Point), with a warning naming the features; others are left for validate() to refuse."""
    convertible = CONVERTIBLE_TYPES.get(rule.geometry, ())
    geometries, changed = list(frame.geometry), []
    for index, geometry in enumerate(geometries):
        if geometry is not None and geometry.geom_type in convertible and len(geometry.geoms) == 1:
            geometries[index] = geometry.geoms[0]
            changed.append(index)
    if not changed:
        return frame, []
    result = frame.copy()
    result.geometry = gpd.GeoSeries(geometries, index=frame.index, crs=frame.crs)
    listed = ", ".join(f"#{i}" for i in changed[:10]) + (" …" if len(changed) > 10 else "")
    return result, [found("geometry-converted", label, field="geometry", severity="warning",
                          count=len(changed), listed=listed)]


def county_zone(county: BaseGeometry) -> BaseGeometry:
    """The county outline widened by the tolerance, in lon/lat."""
    series = gpd.GeoSeries([county], crs=4326).to_crs(LOCAL_METRIC_CRS)
    return series.buffer(COUNTY_TOLERANCE_M).to_crs(4326).iloc[0]


def feature_name(frame: gpd.GeoDataFrame, index: int) -> str | None:
    """The feature's name attribute, if it has one."""
    if "name" not in frame.columns:
        return None
    value = frame["name"].iloc[index]
    return value if isinstance(value, str) and value else None


def validate(frame: gpd.GeoDataFrame, rule: LayerRule, label: str,
             zone: BaseGeometry | None, township_codes: dict[str, str]) -> list[Problem]:
    """Every problem of the features for this layer (empty list: importable)."""
    problems = _file_level(frame, rule, label)
    for index, geometry in enumerate(frame.geometry):
        name = feature_name(frame, index)

        def problem(key: str, field: str = "geometry", index: int = index,
                    name: str | None = name, **values: object) -> Problem:
            return found(key, label, index, name, field, **values)

        problems += _geometry_problems(geometry, rule, zone, problem)
        for field in (f for f in rule.required if f in frame.columns):
            value = json_value(frame[field].iloc[index])
            if value is None or not str(value).strip():
                problems.append(problem("missing-value", field))
    if rule.township_names and "name" in frame.columns:
        problems += _township_problems(frame, label, township_codes)
    return problems


def _file_level(frame: gpd.GeoDataFrame, rule: LayerRule, label: str) -> list[Problem]:
    problems = []
    if len(frame) == 0:
        problems.append(found("no-features", label))
    if rule.single_feature and len(frame) > 1:
        problems.append(found("feature-count", label, count=len(frame)))
    for field in rule.required:
        if field not in frame.columns:
            problems.append(found("missing-field", label, field=field, missing=field,
                                  present=", ".join(_fields(frame))))
    return problems


def _fields(frame: gpd.GeoDataFrame) -> list[str]:
    return [str(c) for c in frame.columns if c != frame.geometry.name] or ["-"]


def _geometry_problems(geometry: BaseGeometry | None, rule: LayerRule, zone: BaseGeometry | None,
                       problem) -> list[Problem]:
    if geometry is None or geometry.is_empty:
        return [problem("empty-geometry")]
    if not np.isfinite(shapely.get_coordinates(geometry)).all():
        return [problem("non-finite-coordinates")]
    allowed = GEOMETRY_TYPES[rule.geometry]
    if geometry.geom_type not in allowed:
        if geometry.geom_type in CONVERTIBLE_TYPES.get(rule.geometry, ()):
            return [problem("wrong-geometry-type.multipoint", type=geometry.geom_type,
                            count=len(geometry.geoms))]
        return [problem("wrong-geometry-type", type=geometry.geom_type,
                        allowed=" / ".join(allowed))]
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        return [problem("invalid-geometry", reason=reason)]
    return _extent_problems(geometry, rule, zone, problem)


def _extent_problems(geometry: BaseGeometry, rule: LayerRule, zone: BaseGeometry | None,
                     problem) -> list[Problem]:
    if rule.extent == "region" or zone is None:
        if geometry.intersects(shapely.box(*REGION)):
            return []
        return [problem("outside-county.far")]
    if geometry.within(zone):
        return []
    share = _share_outside(geometry, zone)
    return [problem("outside-county", share=share, tolerance=COUNTY_TOLERANCE_M)]


def _share_outside(geometry: BaseGeometry, zone: BaseGeometry) -> float:
    outside = geometry.difference(zone)
    if geometry.area > 0:
        return outside.area / geometry.area
    if geometry.length > 0:
        return outside.length / geometry.length
    return 1.0


def _township_problems(frame: gpd.GeoDataFrame, label: str,
                       township_codes: dict[str, str]) -> list[Problem]:
    problems, seen = [], set()
    known = "、".join(township_codes)
    for index, name in enumerate(frame["name"]):
        if not isinstance(name, str) or not name:
            continue
        if name not in township_codes:
            problems.append(found("unknown-township", label, index, name, "name", name=name,
                                  known=known, hint=_did_you_mean(name, list(township_codes))))
        elif name in seen:
            problems.append(found("duplicate-township", label, index, name, "name", name=name))
        else:
            code = json_value(frame["code"].iloc[index]) if "code" in frame.columns else None
            if code not in (None, "") and str(code) != township_codes[name]:
                problems.append(found("code-mismatch", label, index, name, "code", code=code,
                                      name=name, expected=township_codes[name]))
        seen.add(name)
    missing = [n for n in township_codes if n not in seen]
    if missing:
        problems.append(found("missing-townships", label, field="name",
                              missing=Worded("、".join(missing), ", ".join(missing))))
    return problems


def _did_you_mean(name: str, names: list[str]) -> Worded:
    """A hint when only the 镇/乡 suffix is wrong (the plan itself writes 石滩镇 for 石滩乡)."""
    alike = [n for n in names if n[:-1] == name[:-1]]
    return worded("did_you_mean", name=alike[0]) if alike else Worded("", "")


def repaired(frame: gpd.GeoDataFrame, rule: LayerRule) -> tuple[gpd.GeoDataFrame, list[int]]:
    """A copy with invalid geometries made valid (keeping the layer's geometry type), and which."""
    allowed = GEOMETRY_TYPES[rule.geometry]
    geometries, fixed = list(frame.geometry), []
    for index, geometry in enumerate(geometries):
        if geometry is None or geometry.is_empty or geometry.is_valid:
            continue
        parts = [p for p in shapely.get_parts(shapely.make_valid(geometry))
                 if p.geom_type in allowed and not p.is_empty]
        if parts:
            merged = shapely.union_all(parts) if len(parts) > 1 else parts[0]
            # snapped to the 6-decimal grid, staying valid
            geometries[index] = shapely.set_precision(merged, 1e-6)
            fixed.append(index)
    result = frame.copy()
    result.geometry = geometries
    return result, fixed
