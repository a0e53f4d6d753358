"""Attributes an imported version gets so that everything built on the layer keeps working.

- Attributes the open-source build has and the official file lacks are filled from the build,
  matched by the layer's key (townships and seats by name: code, name_en, kind, seat_lon/lat,
  is_county_seat; neighbours by name: adcode, name_en).
- townships: `area_km2` is always recomputed (geodesic) from the new polygons; a filled seat that
  falls outside the new polygon is replaced by a point inside it (with a warning); `quality` is
  the imported version's quality.
- villages: `township_code`/`township_name` from the current townships layer when missing;
  `outlier` false and `outlier_reason` null when missing.
- county, xiangjiang: fixed defaults (name, code) when missing.
"""

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.admin.measure import area_km2
from geo.admin.problems import Problem, found
from geo.admin.serialize import json_value
from geo.precision import AREA_DECIMALS, COORDINATE_DECIMALS
from geo.store.rules import LayerRule


def derive(frame: gpd.GeoDataFrame, rule: LayerRule, committed: gpd.GeoDataFrame | None,
           townships: gpd.GeoDataFrame | None, quality: str,
           label: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """The frame with derived attributes added; contract columns first, then the file's own."""
    frame = frame.copy()
    for column, value in rule.defaults.items():
        _fill(frame, column, [value] * len(frame))
    if committed is not None and rule.key_field in frame.columns:
        _fill_from_build(frame, committed, rule.key_field)
    notes: list[Problem] = []
    if rule.layer_id == "townships":
        notes = _township_seats(frame, label)
        frame["area_km2"] = [round(area_km2(g), AREA_DECIMALS) for g in frame.geometry]
    if rule.layer_id == "villages" and townships is not None:
        _village_townships(frame, townships)
    if committed is not None and "quality" in committed.columns:
        frame["quality"] = quality
    if committed is not None:
        first = [c for c in committed.columns if c in frame.columns and c != frame.geometry.name]
        frame = frame[first + [c for c in frame.columns if c not in first]]
    return frame, notes


def _missing(value: object) -> bool:
    return json_value(value) in (None, "")


def _fill(frame: gpd.GeoDataFrame, column: str, values: list) -> None:
    """Set `column` where it is absent or empty."""
    if column not in frame.columns:
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
        return
    frame[column] = [new if _missing(old) else old
                     for old, new in zip(frame[column], values, strict=True)]


def _fill_from_build(frame: gpd.GeoDataFrame, committed: gpd.GeoDataFrame, key: str) -> None:
    if key not in committed.columns:
        return
    by_key = {str(k): i for i, k in enumerate(committed[key])}
    rows = [by_key.get(str(k)) for k in frame[key]]
    for column in committed.columns:
        if column in (key, committed.geometry.name, "area_km2", "quality"):
            continue
        values = [None if r is None else json_value(committed[column].iloc[r]) for r in rows]
        _fill(frame, column, values)


def _township_seats(frame: gpd.GeoDataFrame, label: str) -> list[Problem]:
    """Keep each seat inside its township: else use a point inside the polygon, and say so."""
    notes, lons, lats = [], [], []
    for index, (name, polygon) in enumerate(zip(frame["name"], frame.geometry, strict=True)):
        lon = json_value(frame["seat_lon"].iloc[index]) if "seat_lon" in frame.columns else None
        lat = json_value(frame["seat_lat"].iloc[index]) if "seat_lat" in frame.columns else None
        if lon is None or lat is None or not polygon.contains(Point(lon, lat)):
            had_seat = lon is not None and lat is not None
            inside = polygon.representative_point()
            lon, lat = round(inside.x, COORDINATE_DECIMALS), round(inside.y, COORDINATE_DECIMALS)
            notes += [] if not had_seat else [found(
                "seat-moved", label, index, name, "seat_lon", severity="warning")]
        lons.append(lon)
        lats.append(lat)
    frame["seat_lon"], frame["seat_lat"] = lons, lats
    return notes


def _village_townships(frame: gpd.GeoDataFrame, townships: gpd.GeoDataFrame) -> None:
    joined = gpd.sjoin(frame[[frame.geometry.name]], townships[["code", "name", "geometry"]],
                       how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    _fill(frame, "township_code", [json_value(v) for v in joined["code"]])
    _fill(frame, "township_name", [json_value(v) for v in joined["name"]])
    _fill(frame, "outlier", [False] * len(frame))
    if "outlier_reason" not in frame.columns:
        frame["outlier_reason"] = None
