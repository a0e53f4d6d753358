"""Validation of features against a layer's rules; every finding names file, feature and field."""

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.admin.crs import REGION
from geo.admin.problems import Problem
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
        found = next((a for a in aliases if a in frame.columns), None)
        if found:
            renames[found] = target
            notes.append(Problem("field-alias", f"字段 {found} 作为 {target} 使用",
                                 f"field {found} used as {target}", label, field=found,
                                 severity="warning"))
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
    return result, [Problem("geometry-converted",
                            f"{len(changed)} 个只含一个点的 MultiPoint 已转为 Point"
                            f"（要素 {listed}）",
                            f"{len(changed)} single-point MultiPoint geometries converted to "
                            f"Point (features {listed})", label, field="geometry",
                            severity="warning")]


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

        def problem(code: str, zh: str, en: str, field: str = "geometry",
                    index: int = index, name: str | None = name) -> Problem:
            return Problem(code, zh, en, label, index, name, field)

        problems += _geometry_problems(geometry, rule, zone, problem)
        for field in (f for f in rule.required if f in frame.columns):
            value = json_value(frame[field].iloc[index])
            if value is None or not str(value).strip():
                problems.append(problem("missing-value", "缺少必填属性值", "required value missing",
                                        field))
    if rule.township_names and "name" in frame.columns:
        problems += _township_problems(frame, label, township_codes)
    return problems


def _file_level(frame: gpd.GeoDataFrame, rule: LayerRule, label: str) -> list[Problem]:
    problems = []
    if len(frame) == 0:
        problems.append(Problem("no-features", "文件中没有要素", "the file holds no features",
                                label))
    if rule.single_feature and len(frame) > 1:
        problems.append(Problem("feature-count", f"该图层只能有 1 个要素，文件中有 {len(frame)} 个",
                                f"this layer takes exactly 1 feature, the file has {len(frame)}",
                                label))
    for field in rule.required:
        if field not in frame.columns:
            problems.append(Problem(
                "missing-field", f"缺少必填字段 {field}（现有字段：{', '.join(_fields(frame))}）",
                f"required field {field} is missing (fields present: {', '.join(_fields(frame))})",
                label, field=field))
    return problems


def _fields(frame: gpd.GeoDataFrame) -> list[str]:
    return [str(c) for c in frame.columns if c != frame.geometry.name] or ["-"]


def _geometry_problems(geometry: BaseGeometry | None, rule: LayerRule, zone: BaseGeometry | None,
                       problem) -> list[Problem]:
    if geometry is None or geometry.is_empty:
        return [problem("empty-geometry", "几何为空", "empty geometry")]
    if not np.isfinite(shapely.get_coordinates(geometry)).all():
        return [problem("non-finite-coordinates", "坐标中有 NaN 或无穷大",
                        "the coordinates contain NaN or infinity")]
    allowed = GEOMETRY_TYPES[rule.geometry]
    if geometry.geom_type not in allowed:
        if geometry.geom_type in CONVERTIBLE_TYPES.get(rule.geometry, ()):
            return [problem("wrong-geometry-type",
                            f"几何是含 {len(geometry.geoms)} 个点的 {geometry.geom_type}；"
                            "该图层每个要素只能有一个点，请拆分为单点要素",
                            f"geometry is a {geometry.geom_type} of {len(geometry.geoms)} "
                            "points; this layer takes one Point per feature: split it")]
        return [problem("wrong-geometry-type",
                        f"几何类型是 {geometry.geom_type}，该图层只接受 {' / '.join(allowed)}",
                        f"geometry is a {geometry.geom_type}; this layer takes "
                        f"{' / '.join(allowed)}")]
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        return [problem("invalid-geometry",
                        f"几何无效（{reason}）；可生成修复版本（make_valid），需明确选择才会导入",
                        f"invalid geometry ({reason}); a repaired version (make_valid) is offered "
                        "and is imported only if you choose it")]
    return _extent_problems(geometry, rule, zone, problem)


def _extent_problems(geometry: BaseGeometry, rule: LayerRule, zone: BaseGeometry | None,
                     problem) -> list[Problem]:
    if rule.extent == "region" or zone is None:
        if geometry.intersects(shapely.box(*REGION)):
            return []
        return [problem("outside-county", "要素远离衡东县", "the feature lies far from 衡东县")]
    if geometry.within(zone):
        return []
    share = _share_outside(geometry, zone)
    return [problem("outside-county",
                    f"要素有 {share:.0%} 位于衡东县界（含 {COUNTY_TOLERANCE_M:.0f} 米容差）之外",
                    f"{share:.0%} of the feature lies outside 衡东县 (beyond a "
                    f"{COUNTY_TOLERANCE_M:.0f} m tolerance)")]


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
            hint_zh, hint_en = _did_you_mean(name, list(township_codes))
            problems.append(Problem("unknown-township",
                                    f"“{name}”不是衡东县的 17 个乡镇之一（{known}）{hint_zh}",
                                    f"'{name}' is not one of the 17 townships of 衡东县 ({known})"
                                    f"{hint_en}", label, index, name, "name"))
        elif name in seen:
            problems.append(Problem("duplicate-township", f"乡镇“{name}”重复出现",
                                    f"township '{name}' appears more than once",
                                    label, index, name, "name"))
        else:
            code = json_value(frame["code"].iloc[index]) if "code" in frame.columns else None
            if code not in (None, "") and str(code) != township_codes[name]:
                problems.append(Problem(
                    "code-mismatch",
                    f"代码 {code} 与乡镇“{name}”的代码 {township_codes[name]} 不符",
                    f"code {code} does not match township '{name}' ({township_codes[name]})",
                    label, index, name, "code"))
        seen.add(name)
    missing = [n for n in township_codes if n not in seen]
    if missing:
        problems.append(Problem(
            "missing-townships", f"缺少乡镇：{'、'.join(missing)}（17 个乡镇须各出现一次）",
            f"townships missing: {', '.join(missing)} (all 17 must appear once)",
            label, field="name"))
    return problems


def _did_you_mean(name: str, names: list[str]) -> tuple[str, str]:
    """A hint when only the 镇/乡 suffix is wrong (the plan itself writes 石滩镇 for 石滩乡)."""
    alike = [n for n in names if n[:-1] == name[:-1]]
    if not alike:
        return "", ""
    return f"；是否应为“{alike[0]}”？", f"; did you mean '{alike[0]}'?"


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
