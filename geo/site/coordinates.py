"""Pasted 界址点: `lon,lat` pairs, or CGCS2000 Gauss-Krüger `X Y` (X northing, Y easting).

One point a line; separators are spaces, tabs, commas (also ，；). A leading point name
(J1, 1 …) is skipped; `#` starts a comment. One point gives a point site, two a line, three
or more a polygon (closed automatically) unless `as_line` is set.
"""

import re
from functools import cache

import shapely
from pyproj import Transformer

from geo.admin.crs import REGION
from geo.admin.problems import Worded, worded
from geo.site.inputs import CrsUsed, SiteInput
from geo.site.limits import MAX_VERTICES
from geo.site.problems import rejected
from geo.site.zones import DEFAULT_ZONE, ZONES, Zone, has_zone_prefix, zone, zone_of_prefix

SEPARATORS = re.compile(r"[\s,，;；]+")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
NORTHING_RANGE = (2_900_000.0, 3_100_000.0)  # X of 衡东县 in every CGCS2000 GK zone
PASTED = "粘贴的坐标 / pasted coordinates"


def parse_coordinates(text: str, zone_key: str = DEFAULT_ZONE, as_line: bool = False,
                      source: str = PASTED) -> SiteInput:
    """The site the pasted text describes, or SiteRejected naming the line."""
    rows = _rows(text, source)
    if not rows:
        raise rejected("no-coordinates", source)
    if len(rows) > MAX_VERTICES:
        raise rejected("too-many-vertices.points", source, points=len(rows), limit=MAX_VERTICES)
    first_line, (a, b) = rows[0]
    geographic = abs(a) <= 180 and abs(b) <= 180
    for line, (x, y) in rows:
        if (abs(x) <= 180 and abs(y) <= 180) != geographic:
            raise rejected("mixed-coordinates", source, line=line, first=first_line)
    if geographic:
        points, crs = _lonlat(rows, source), CrsUsed("WGS84 / CGCS2000 经纬度 (EPSG:4326)", 4326)
    else:
        points, crs = _gauss_kruger(rows, zone_key, source)
    lines = [line for line, _ in rows]
    return SiteInput(_shape(points, as_line), source, "coordinates", crs, vertex_lines=lines)


def _rows(text: str, source: str) -> list[tuple[int, tuple[float, float]]]:
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        tokens = [t for t in SEPARATORS.split(line) if t]
        if len(tokens) == 3 and not NUMBER.match(tokens[0]):
            tokens = tokens[1:]  # a point name such as J1
        elif len(tokens) == 3:
            values = [float(t) if NUMBER.match(t) else None for t in tokens]
            if None not in values and abs(values[0]) <= 180 and abs(values[1]) <= 90:
                tokens = tokens[:2]  # lon, lat, height
            else:
                tokens = tokens[1:]  # a point number, then X Y
        bad = next((t for t in tokens if not NUMBER.match(t)), None)
        if bad is not None or len(tokens) != 2:
            what = (worded("not_a_number", token=bad) if bad is not None
                    else worded("two_numbers", count=len(tokens)))
            raise rejected("bad-line", source, line=number, what=what, text=raw.strip()[:60])
        rows.append((number, (float(tokens[0]), float(tokens[1]))))
    return rows


def _in_region(lon: float, lat: float) -> bool:
    return REGION[0] <= lon <= REGION[2] and REGION[1] <= lat <= REGION[3]


def _lonlat(rows, source: str) -> list[tuple[float, float]]:
    for line, (lon, lat) in rows:
        if _in_region(lon, lat):
            continue
        if _in_region(lat, lon):
            raise rejected("axes-swapped.latlon", source, line=line)
        raise rejected("outside-region.lonlat", source, line=line, lon=lon, lat=lat)
    return [xy for _, xy in rows]


@cache
def _to_lonlat(epsg: int) -> Transformer:
    return Transformer.from_crs(epsg, 4326, always_xy=True)


def _gauss_kruger(rows, zone_key: str, source: str) -> tuple[list[tuple[float, float]], CrsUsed]:
    first_line, (x0, y0) = rows[0]
    if x0 >= 10_000_000 or (
            NORTHING_RANGE[0] <= y0 <= NORTHING_RANGE[1] and not
            NORTHING_RANGE[0] <= x0 <= NORTHING_RANGE[1]):
        raise rejected("axes-swapped.gauss", source, line=first_line)
    prefixed = has_zone_prefix(y0)
    chosen: Zone
    if prefixed:
        found = zone_of_prefix(y0)
        if found is None:
            raise rejected("unknown-zone", source, line=first_line, zone=int(y0 // 1_000_000))
        chosen = found
    else:
        chosen = zone(zone_key)
    points = []
    for line, (x, y) in rows:
        if has_zone_prefix(y) != prefixed or (prefixed and zone_of_prefix(y) != chosen):
            raise rejected("mixed-zones", source, line=line, first=first_line)
        if not NORTHING_RANGE[0] <= x <= NORTHING_RANGE[1]:
            raise rejected("outside-region.northing", source, line=line, x=x)
        epsg = chosen.epsg_prefixed if prefixed else chosen.epsg_plain
        lon, lat = _to_lonlat(epsg).transform(y, x)
        if not _in_region(lon, lat):
            raise rejected("outside-region.zone", source, line=line,
                           zone=Worded(chosen.label_zh, chosen.label_en),
                           fits=_fitting_zone(x, y, chosen, prefixed))
        points.append((lon, lat))
    epsg = chosen.epsg_prefixed if prefixed else chosen.epsg_plain
    if prefixed:
        crs = CrsUsed(f"{chosen.label_zh} / {chosen.label_en} (EPSG:{epsg})", epsg)
    else:
        crs = CrsUsed(
            f"{chosen.label_zh} / {chosen.label_en} (EPSG:{epsg})", epsg, assumed=True,
            note_zh=f"东坐标前没有带号，按所选的{chosen.label_zh}解读",
            note_en=f"the eastings carry no zone number; read as the chosen {chosen.label_en}")
    return points, crs


def _fitting_zone(x: float, y: float, chosen: Zone, prefixed: bool) -> Worded:
    """The hint naming another zone the point does fall in, if one does."""
    others = [z for z in ZONES.values() if z != chosen]
    fits = [z for z in others if not prefixed
            and _in_region(*_to_lonlat(z.epsg_plain).transform(y, x))]
    if not fits:
        return Worded("", "")
    return worded("zone_fits", zone=Worded(fits[0].label_zh, fits[0].label_en))


def _shape(points: list[tuple[float, float]], as_line: bool):
    if len(points) == 1:
        return shapely.Point(points[0])
    if len(points) == 2 or as_line:
        return shapely.LineString(points)
    if points[0] != points[-1]:
        points = [*points, points[0]]
    if len(points) < 4:
        return shapely.LineString(points[:-1])
    return shapely.Polygon(points)
