"""GeoJSON bytes of a layer version: deterministic, so the same features give the same bytes."""

import hashlib
import json
import math
from datetime import date, datetime
from typing import Any

import geopandas as gpd
from shapely.geometry import mapping


def json_value(value: Any) -> Any:
    """A JSON-ready attribute value (NaN/NaT to null, dates to ISO text, numpy to Python)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return json_value(value.item())
    try:
        if value != value:  # pandas NA/NaT
            return None
    except (TypeError, ValueError):
        return None
    return value


def to_geojson_bytes(frame: gpd.GeoDataFrame) -> bytes:
    """A FeatureCollection in UTF-8 with the frame's column order and geometries as they are."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    values = [frame[c].tolist() for c in columns]  # column by column: iterrows is slow
    features = [
        {"type": "Feature",
         "properties": {c: json_value(v[i]) for c, v in zip(columns, values, strict=True)},
         "geometry": None if geometry is None else mapping(geometry)}
        for i, geometry in enumerate(frame.geometry)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()
