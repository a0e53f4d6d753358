"""Turn the checked sources into the features of each layer (all WGS84)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry

from geo.gazetteer import (
    COUNTY_CODE,
    COUNTY_SEAT_TOWNSHIP,
    DEVELOPMENT_ZONES,
    DISTRICT_NAMES_EN,
    TOWNSHIP_PINYIN,
    township_kind,
    township_name_en,
)
from geo.geojson_out import Feature
from geo.outliers import TownshipPoint, find_outliers
from geo.partition import GRID, Generator, partition
from geo.projections import area_km2, project_xy
from geo.sources import (
    ADCODE_FILE,
    COUNTY_ADCODE,
    NEIGHBOUR_ADCODES,
    AdcodeTable,
    District,
    Place,
    SourceError,
)

XIANG_RIVER_LEVEL = 2
AREA_DECIMALS = 3


@dataclass
class BuiltLayers:
    """Features per layer id, plus what the manifest reports about the points used."""

    features: dict[str, list[Feature]] = field(default_factory=dict)
    rejected_points: list[dict[str, str]] = field(default_factory=list)
    development_zones: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Township:
    """A township-level unit with its WGS84 seat."""

    code: str
    name: str
    seat: tuple[float, float]


def townships_of(table: AdcodeTable, source_dir: Path) -> dict[str, Township]:
    """The 17 townships by name; 洣水镇's seat is the county record point."""
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
    return found


def _home_township(village: Place, town_names: dict[str, str]) -> str:
    listed = town_names[village.parent]
    return DEVELOPMENT_ZONES.get(listed, listed)


def _located_villages(table: AdcodeTable) -> list[Place]:
    return sorted((v for v in table.villages if v.lon is not None), key=lambda v: v.code)


def _outlier_reasons(
    villages: list[Place], townships: dict[str, Township], town_names: dict[str, str]
) -> dict[str, str]:
    seats = sorted(townships.values(), key=lambda t: t.code)
    lons = [t.seat[0] for t in seats] + [v.lon for v in villages]
    lats = [t.seat[1] for t in seats] + [v.lat for v in villages]
    x, y = project_xy(lons, lats)
    keys = [t.code for t in seats] + [v.code for v in villages]
    names = [t.name for t in seats] + [_home_township(v, town_names) for v in villages]
    points = [
        TownshipPoint(key, name, float(px) / 1000, float(py) / 1000, is_seat=i < len(seats))
        for i, (key, name, px, py) in enumerate(zip(keys, names, x, y, strict=True))
    ]
    return find_outliers(points)


def _district_features(districts: dict[str, District]) -> tuple[Feature, list[Feature]]:
    county = districts[COUNTY_ADCODE]
    county_feature = Feature(
        shapely.set_precision(county.geometry, GRID),
        {"code": COUNTY_CODE, "name": county.name, "name_en": DISTRICT_NAMES_EN[COUNTY_ADCODE]},
    )
    neighbours = [
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
    return county_feature, neighbours


def _xiang_river(lines: list[BaseGeometry], extent: BaseGeometry) -> Feature:
    clipped = shapely.intersection(shapely.union_all(lines), box(*extent.bounds))
    merged = shapely.line_merge(shapely.set_precision(clipped, GRID))
    return Feature(merged, {"name": "湘江", "name_en": "Xiang River"})


def build_layers(
    source_dir: Path,
    districts: dict[str, District],
    table: AdcodeTable,
    river_lines: list[BaseGeometry],
) -> BuiltLayers:
    """Every layer's features from the checked sources."""
    built = BuiltLayers()
    townships = townships_of(table, source_dir)
    town_names = {t.code: t.name for t in table.towns}
    villages = _located_villages(table)
    reasons = _outlier_reasons(villages, townships, town_names)

    county, neighbours = _district_features(districts)
    seats = {t.name: t.seat for t in townships.values()}
    ordered = sorted(townships.values(), key=lambda t: t.code)
    generators = [Generator(t.name, *t.seat) for t in ordered]
    generators += [
        Generator(_home_township(v, town_names), v.lon, v.lat)
        for v in villages
        if v.code not in reasons
    ]
    areas = partition(county.geometry, generators, seats)
    outline = shapely.union_all(list(areas.values()), grid_size=GRID)
    county.properties["area_km2"] = round(area_km2(outline), AREA_DECIMALS)
    built.features["county"] = [Feature(outline, county.properties)]
    built.features["neighbours"] = neighbours

    built.features["townships"] = [
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
                "village_points": sum(
                    1 for g in generators[len(townships) :] if g.township == t.name
                ),
            },
        )
        for t in townships.values()
    ]
    built.features["seats"] = [
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
        for t in townships.values()
    ]
    built.features["villages"] = [
        Feature(
            Point(v.lon, v.lat),
            {
                "code": v.code,
                "name": v.name,
                "township_code": townships[_home_township(v, town_names)].code,
                "township_name": _home_township(v, town_names),
                "listed_under": town_names[v.parent],
                "outlier": v.code in reasons,
                "outlier_reason": reasons.get(v.code),
            },
        )
        for v in villages
    ]
    built.features["xiangjiang"] = [_xiang_river(river_lines, _map_extent(districts))]
    built.rejected_points = [
        {"code": v.code, "name": v.name, "township": _home_township(v, town_names),
         "reason": reasons[v.code]}
        for v in villages
        if v.code in reasons
    ]  # fmt: skip
    built.development_zones = _development_zones(table, townships)
    return built


def _map_extent(districts: dict[str, District]) -> BaseGeometry:
    return shapely.union_all([d.geometry for d in districts.values()]).envelope


def _development_zones(table: AdcodeTable, townships: dict[str, Township]) -> list[dict[str, Any]]:
    zones = []
    for town in sorted(table.towns, key=lambda t: t.code):
        if town.name not in DEVELOPMENT_ZONES:
            continue
        target = townships[DEVELOPMENT_ZONES[town.name]]
        members = [v for v in table.villages if v.parent == town.code]
        zones.append(
            {
                "code": town.code,
                "name": town.name,
                "assigned_to": target.name,
                "assigned_to_code": target.code,
                "villages": len(members),
                "villages_with_coordinate": sum(1 for v in members if v.lon is not None),
            }
        )
    return zones
