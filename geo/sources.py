"""Read and check the raw source files; every problem is a SourceError naming the file."""

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, MultiLineString, shape
from shapely.geometry.base import BaseGeometry

from geo.coords import gcj02_to_wgs84, geometry_gcj02_to_wgs84

COUNTIES_FILE = "counties_gcj02.geojson"
ADCODE_FILE = "adcode_430424_gcj02.csv"
RIVERS_FILE = "rivers_wdbii_wgs84.geojson"

COUNTY_ADCODE = "430424"
NEIGHBOUR_ADCODES = ("430212", "430223", "430321", "430422", "430423", "431028")
ADCODE_COLUMNS = (
    "code", "parent", "name", "level", "rank", "adcode", "post_code", "area_code", "ur_code",
    "municipality", "virtual", "dummy", "longitude", "latitude", "center_wkb", "province",
    "city", "county", "town", "village",
)  # fmt: skip
# Rough box around Hunan: a coordinate outside it is a broken value, not a location.
_LON_RANGE = (108.0, 115.0)
_LAT_RANGE = (24.0, 31.0)


class SourceError(Exception):
    """A source file is missing or malformed; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class District:
    """A county-level district outline, converted to WGS84."""

    adcode: str
    name: str
    city: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class Place:
    """One row of the statistics-code table; lon/lat in WGS84, None when the row has none."""

    code: str
    parent: str
    name: str
    level: str
    lon: float | None
    lat: float | None


@dataclass(frozen=True)
class AdcodeTable:
    """The county, its town-level rows and its villages from the adcode CSV."""

    county: Place
    towns: tuple[Place, ...]
    villages: tuple[Place, ...]


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise SourceError(path, "file is missing")


def _read_json(path: Path) -> dict[str, Any]:
    _require_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(path, f"not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise SourceError(path, "not a GeoJSON FeatureCollection")
    if not isinstance(data.get("features"), list):
        raise SourceError(path, "FeatureCollection has no 'features' list")
    for index, feature in enumerate(data["features"]):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise SourceError(path, f"feature {index} is not a GeoJSON Feature")
    return data


def _feature_geometry(path: Path, index: int, feature: Any) -> BaseGeometry:
    try:
        geometry = shape(feature["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SourceError(path, f"feature {index}: unreadable geometry ({exc})") from exc
    if geometry.is_empty:
        raise SourceError(path, f"feature {index}: empty geometry")
    return geometry


def read_districts(path: Path) -> dict[str, District]:
    """The outlines of 衡东县 and its six neighbours, keyed by 6-digit adcode, in WGS84."""
    data = _read_json(path)
    districts: dict[str, District] = {}
    for index, feature in enumerate(data["features"]):
        props = feature.get("properties") or {}
        adcode = str(props.get("adcode", ""))
        if not props.get("name"):
            raise SourceError(path, f"feature {index} (adcode {adcode!r}): field 'name' is empty")
        geometry = _feature_geometry(path, index, feature)
        if geometry.geom_type not in ("Polygon", "MultiPolygon"):
            raise SourceError(path, f"feature {index} ({adcode}): geometry is {geometry.geom_type}")
        wgs84 = shapely.make_valid(geometry_gcj02_to_wgs84(geometry))
        districts[adcode] = District(adcode, str(props["name"]), str(props.get("city", "")), wgs84)
    missing = [c for c in (COUNTY_ADCODE, *NEIGHBOUR_ADCODES) if c not in districts]
    if missing:
        raise SourceError(path, f"no feature with field 'adcode' = {', '.join(missing)}")
    return districts


def _coordinate(path: Path, line: int, value: str, field: str, valid: tuple[float, float]) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise SourceError(path, f"line {line}: field '{field}' is not a number: {value!r}") from exc
    if not valid[0] <= number <= valid[1]:
        raise SourceError(path, f"line {line}: field '{field}' = {number} is outside {valid}")
    return number


def _place(path: Path, line: int, row: dict[str, str]) -> Place:
    lon_text, lat_text = row["longitude"].strip(), row["latitude"].strip()
    if bool(lon_text) != bool(lat_text):
        raise SourceError(path, f"line {line}: only one of longitude/latitude is given")
    lon = lat = None
    if lon_text:
        g_lon = _coordinate(path, line, lon_text, "longitude", _LON_RANGE)
        g_lat = _coordinate(path, line, lat_text, "latitude", _LAT_RANGE)
        w_lon, w_lat = gcj02_to_wgs84(g_lon, g_lat)
        lon, lat = float(w_lon), float(w_lat)
    code = row["code"].strip()
    if not (len(code) == 12 and code.isdigit()):
        raise SourceError(path, f"line {line}: field 'code' is not a 12-digit code: {code!r}")
    return Place(code, row["parent"].strip(), row["name"].strip(), row["level"], lon, lat)


def read_adcode_table(path: Path) -> AdcodeTable:
    """Parse the header-less adcode CSV; coordinates are converted from GCJ-02 to WGS84."""
    _require_file(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text ({exc})") from exc
    places: list[Place] = []
    for line, values in enumerate(csv.reader(lines), start=1):
        if not values:
            continue
        if len(values) != len(ADCODE_COLUMNS):
            raise SourceError(
                path,
                f"line {line}: {len(values)} columns, expected {len(ADCODE_COLUMNS)} "
                f"({', '.join(ADCODE_COLUMNS)})",
            )
        row = dict(zip(ADCODE_COLUMNS, values, strict=True))
        if row["level"] not in ("county", "town", "village"):
            raise SourceError(path, f"line {line}: field 'level' is {row['level']!r}")
        places.append(_place(path, line, row))
    counties = [p for p in places if p.level == "county"]
    if len(counties) != 1 or counties[0].lon is None:
        raise SourceError(path, "expected exactly one 'county' row with a coordinate")
    towns = tuple(p for p in places if p.level == "town")
    villages = tuple(p for p in places if p.level == "village")
    known = {t.code for t in towns}
    for village in villages:
        if village.parent not in known:
            raise SourceError(path, f"village {village.code} {village.name}: unknown parent")
    return AdcodeTable(counties[0], towns, villages)


def read_river_lines(path: Path, wdb_level: int) -> list[LineString]:
    """The WDBII river lines (WGS84) whose attribute 'wdb_level' equals wdb_level."""
    data = _read_json(path)
    lines: list[LineString] = []
    for index, feature in enumerate(data["features"]):
        level = (feature.get("properties") or {}).get("wdb_level")
        if level is None:
            raise SourceError(path, f"feature {index}: field 'wdb_level' is missing")
        if level != wdb_level:
            continue
        geometry = _feature_geometry(path, index, feature)
        if isinstance(geometry, MultiLineString):
            lines.extend(geometry.geoms)
        elif isinstance(geometry, LineString):
            lines.append(geometry)
        else:
            raise SourceError(path, f"feature {index}: geometry is {geometry.geom_type}")
    if not lines:
        raise SourceError(path, f"no line with wdb_level {wdb_level}")
    return lines
