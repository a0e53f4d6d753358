"""Turn the checked sources into the features of each layer (all WGS84)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from geo.gazetteer import (
    COUNTY_CODE,
    COUNTY_SEAT_TOWNSHIP,
    DEVELOPMENT_ZONES,
    DISTRICT_NAMES_EN,
    TOWNSHIP_PINYIN,
    township_kind,
    township_name_en,
    township_of_row,
)
from geo.geojson_out import Feature
from geo.outliers import TownshipPoint, find_outliers
from geo.partition import GRID, Generator, partition
from geo.precision import AREA_DECIMALS
from geo.projections import area_km2, project_xy
from geo.sources import (
    ADCODE_FILE,
    COUNTY_ADCODE,
    NEIGHBOUR_ADCODES,
    AdcodeTable,
    District,
    SourceError,
)

XIANG_RIVER_LEVEL = 2


@dataclass
class BuiltLayers:
    """Features per layer id, plus what the manifest reports about the points used."""

    features: dict[str, list[Feature]] = field(default_factory=dict)
    rejected_points: list[dict[str, str]] = field(default_factory=list)
    development_zones: list[dict[str, Any]] = field(default_factory=list)
    villages_without_coordinate: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Township:
    """A township-level unit with its WGS84 seat."""

    code: str
    name: str
    seat: tuple[float, float]


@dataclass(frozen=True)
class Village:
    """A village with a WGS84 coordinate, the township it lies in and the row it is listed under."""

    code: str
    name: str
    lon: float
    lat: float
    township: str
    listed_under: str


def townships_of(table: AdcodeTable, source_dir: Path) -> list[Township]:
    """The 17 townships in code order; 洣水镇's seat is the county record point."""
    found: dict[str, Township] = {}
    for town in table.towns:
        if town.name in DEVELOPMENT_ZONES:
            continue
        if town.name not in TOWNSHIP_PINYIN:
            raise SourceError(source_dir / ADCODE_FILE, f"unknown town-level row {town.name}")
        if town.name == COUNTY_SEAT_TOWNSHIP:
            seat = (table.county.lon, table.county.lat)
        elif town.lon is None:
            raise SourceError(source_dir / ADCODE_FILE, f"town {town.name} has no coordinate")
        else:
            seat = (town.lon, town.lat)
        found[town.name] = Township(town.code, town.name, seat)
    missing = sorted(set(TOWNSHIP_PINYIN) - set(found))
    if missing:
        raise SourceError(source_dir / ADCODE_FILE, f"township rows missing: {', '.join(missing)}")
    return sorted(found.values(), key=lambda t: t.code)


def located_villages(table: AdcodeTable) -> list[Village]:
    """Villages with a coordinate in code order; development-zone ones go to their township."""
    town_names = {t.code: t.name for t in table.towns}
    return [
        Village(
            v.code,
            v.name,
            v.lon,
            v.lat,
            township_of_row(town_names[v.parent]),
            town_names[v.parent],
        )
        for v in sorted(table.villages, key=lambda v: v.code)
        if v.lon is not None
    ]


def outlier_reasons(villages: list[Village], townships: list[Township]) -> dict[str, str]:
    """Reason of rejection keyed by village code, for the villages that fail geo.outliers."""
    lons = [t.seat[0] for t in townships] + [v.lon for v in villages]
    lats = [t.seat[1] for t in townships] + [v.lat for v in villages]
    x, y = project_xy(lons, lats)
    members = [(t.code, t.name, True) for t in townships]
    members += [(v.code, v.township, False) for v in villages]
    points = [
        TownshipPoint(key, township, float(px) / 1000, float(py) / 1000, is_seat)
        for (key, township, is_seat), px, py in zip(members, x, y, strict=True)
    ]
    return find_outliers(points)


def _district_features(districts: dict[str, District]) -> list[Feature]:
    return [
        Feature(
            shapely.set_precision(districts[code].geometry, GRID),
            {
                "adcode": code,
                "name": districts[code].name,
                "name_en": DISTRICT_NAMES_EN[code],
                "city": districts[code].city,
            },
        )
        for code in NEIGHBOUR_ADCODES
    ]


def _township_features(
    townships: list[Township], areas: dict[str, Polygon], generators: list[Generator]
) -> list[Feature]:
    return [
        Feature(
            areas[t.name],
            {
                "code": t.code,
                "name": t.name,
                "name_en": township_name_en(t.name),
                "kind": township_kind(t.name),
                "seat_lon": t.seat[0],
                "seat_lat": t.seat[1],
                "area_km2": round(area_km2(areas[t.name]), AREA_DECIMALS),
                "quality": "approximate",
                "village_points": sum(1 for g in generators if g.township == t.name),
            },
        )
        for t in townships
    ]


def _seat_features(townships: list[Township]) -> list[Feature]:
    return [
        Feature(
            Point(t.seat),
            {
                "code": t.code,
                "name": t.name,
                "name_en": township_name_en(t.name),
                "kind": township_kind(t.name),
                "is_county_seat": t.name == COUNTY_SEAT_TOWNSHIP,
            },
        )
        for t in townships
    ]


def _village_features(
    villages: list[Village], townships: list[Township], reasons: dict[str, str]
) -> list[Feature]:
    codes = {t.name: t.code for t in townships}
    return [
        Feature(
            Point(v.lon, v.lat),
            {
                "code": v.code,
                "name": v.name,
                "township_code": codes[v.township],
                "township_name": v.township,
                "listed_under": v.listed_under,
                "outlier": v.code in reasons,
                "outlier_reason": reasons.get(v.code),
            },
        )
        for v in villages
    ]


def _xiang_river(lines: list[BaseGeometry], districts: dict[str, District]) -> Feature:
    """The river lines inside the bounding box of the county and its neighbours, merged."""
    extent = box(*shapely.union_all([d.geometry for d in districts.values()]).bounds)
    clipped = shapely.intersection(shapely.union_all(lines), extent)
    merged = shapely.line_merge(shapely.set_precision(clipped, GRID))
    return Feature(merged, {"name": "湘江", "name_en": "Xiang River"})


def _development_zones(table: AdcodeTable, townships: list[Township]) -> list[dict[str, Any]]:
    codes = {t.name: t.code for t in townships}
    zones = []
    for town in sorted(table.towns, key=lambda t: t.code):
        if town.name not in DEVELOPMENT_ZONES:
            continue
        members = [v for v in table.villages if v.parent == town.code]
        zones.append(
            {
                "code": town.code,
                "name": town.name,
                "assigned_to": DEVELOPMENT_ZONES[town.name],
                "assigned_to_code": codes[DEVELOPMENT_ZONES[town.name]],
                "villages": len(members),
                "villages_with_coordinate": sum(1 for v in members if v.lon is not None),
            }
        )
    return zones


def _unlocated_villages(table: AdcodeTable) -> list[dict[str, str]]:
    """Villages the sources list without a coordinate: known to exist, not placed on the map."""
    town_names = {t.code: t.name for t in table.towns}
    return [
        {
            "code": v.code,
            "name": v.name,
            "township": township_of_row(town_names[v.parent]),
        }
        for v in sorted(table.villages, key=lambda v: v.code)
        if v.lon is None
    ]


def build_layers(
    source_dir: Path,
    districts: dict[str, District],
    table: AdcodeTable,
    river_lines: list[BaseGeometry],
) -> BuiltLayers:
    """Every layer's features from the checked sources."""
    townships = townships_of(table, source_dir)
    villages = located_villages(table)
    reasons = outlier_reasons(villages, townships)
    village_generators = [
        Generator(v.township, v.lon, v.lat) for v in villages if v.code not in reasons
    ]
    seats = {t.name: t.seat for t in townships}
    county = shapely.set_precision(districts[COUNTY_ADCODE].geometry, GRID)
    areas = partition(
        county, [Generator(t.name, *t.seat) for t in townships] + village_generators, seats
    )
    # The partition's noded outline: the county with the points where borders meet it.
    outline = shapely.union_all(list(areas.values()), grid_size=GRID)
    county_props = {
        "code": COUNTY_CODE,
        "name": districts[COUNTY_ADCODE].name,
        "name_en": DISTRICT_NAMES_EN[COUNTY_ADCODE],
        "area_km2": round(area_km2(outline), AREA_DECIMALS),
    }
    built = BuiltLayers()
    built.features = {
        "county": [Feature(outline, county_props)],
        "neighbours": _district_features(districts),
        "townships": _township_features(townships, areas, village_generators),
        "seats": _seat_features(townships),
        "villages": _village_features(villages, townships, reasons),
        "xiangjiang": [_xiang_river(river_lines, districts)],
    }
    built.rejected_points = [
        {"code": v.code, "name": v.name, "township": v.township, "reason": reasons[v.code]}
        for v in villages
        if v.code in reasons
    ]
    built.development_zones = _development_zones(table, townships)
    built.villages_without_coordinate = _unlocated_villages(table)
    return built
