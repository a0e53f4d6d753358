"""What changed between two versions of a layer: features added, removed, changed; area."""

from typing import Any

import geopandas as gpd

from geo.admin.measure import area_km2
from geo.admin.serialize import json_value
from geo.precision import AREA_DECIMALS


def _keys(frame: gpd.GeoDataFrame, key_field: str | None) -> list[str]:
    """Feature keys: the key field when present and unique, else '#index'."""
    if key_field and key_field in frame.columns:
        keys = [str(v) for v in frame[key_field]]
        if len(set(keys)) == len(keys):
            return keys
    return [f"#{i}" for i in range(len(frame))]


# Per-version or geometry-derived attributes: a difference there is not a change of a feature.
NOT_COMPARED = {"quality", "area_km2"}


def _properties(frame: gpd.GeoDataFrame, index: int) -> dict[str, Any]:
    row = frame.iloc[index]
    return {c: json_value(row[c]) for c in frame.columns
            if c != frame.geometry.name and c not in NOT_COMPARED}


def change_summary(old: gpd.GeoDataFrame | None, new: gpd.GeoDataFrame,
                   key_field: str | None, compared_with: str) -> dict[str, Any]:
    """Added/removed/changed feature keys and the total and per-feature area change in km².

    "changed" lists features whose geometry or attributes differ, "geometry_changed" those
    whose geometry differs.
    """
    old = old if old is not None else new.iloc[0:0]
    old_keys, new_keys = _keys(old, key_field), _keys(new, key_field)
    old_at = {k: i for i, k in enumerate(old_keys)}
    new_at = set(new_keys)
    changed, reshaped, area_change = [], [], {}
    for j, key in enumerate(new_keys):
        if key not in old_at:
            continue
        i = old_at[key]
        a, b = old.geometry.iloc[i], new.geometry.iloc[j]
        same_shape = a is not None and b is not None and a.normalize().equals_exact(
            b.normalize(), tolerance=1e-9)
        if not same_shape:
            reshaped.append(key)
        if not same_shape or _properties(old, i) != _properties(new, j):
            changed.append(key)
            delta = round(area_km2(b) - area_km2(a), AREA_DECIMALS)
            if delta:
                area_change[key] = delta
    before = sum(area_km2(g) for g in old.geometry)
    after = sum(area_km2(g) for g in new.geometry)
    return {
        "compared_with": compared_with,
        "features_before": len(old),
        "features_after": len(new),
        "added": [k for k in new_keys if k not in old_at],
        "removed": [k for k in old_keys if k not in new_at],
        "changed": changed,
        "geometry_changed": reshaped,
        "unchanged": len(new_at & old_at.keys()) - len(changed),
        "area_km2_before": round(before, AREA_DECIMALS),
        "area_km2_after": round(after, AREA_DECIMALS),
        "area_km2_change": round(after - before, AREA_DECIMALS),
        "area_km2_change_by_feature": area_change,
    }


COMPARED_ZH = {"open-source build": "开源数据构建", "nothing": "无"}


def describe(summary: dict[str, Any], lang: str = "zh") -> str:
    """One line for the history table."""
    added, removed, changed = (len(summary[k]) for k in ("added", "removed", "changed"))
    compared = COMPARED_ZH.get(summary["compared_with"], summary["compared_with"])
    reshaped, delta = len(summary["geometry_changed"]), summary["area_km2_change"]
    if lang == "en":
        return (f"vs {summary['compared_with']}: {added} added, {removed} removed, {changed} "
                f"changed ({reshaped} in shape), area {delta:+.2f} km²")
    return (f"对比 {compared}：新增 {added}，删除 {removed}，修改 {changed}"
            f"（其中形状 {reshaped}），面积变化 {delta:+.2f} km²")
