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
        raise rejected("no-coordinates", "没有坐标：每行输入一个点（经度,纬度 或 X Y）",
                       "no coordinates: give one point a line (lon,lat or X Y)", source)
    if len(rows) > MAX_VERTICES:
        raise rejected("too-many-vertices",
                       f"共 {len(rows)} 个点，超过上限 {MAX_VERTICES}",
                       f"{len(rows)} points, more than the limit of {MAX_VERTICES}", source)
    first_line, (a, b) = rows[0]
    geographic = abs(a) <= 180 and abs(b) <= 180
    for line, (x, y) in rows:
        if (abs(x) <= 180 and abs(y) <= 180) != geographic:
            raise rejected("mixed-coordinates",
                           f"第 {line} 行与第 {first_line} 行的坐标种类不同"
                           "（经纬度与平面坐标混用）",
                           f"line {line} is not the same kind of coordinate as line {first_line} "
                           "(longitude/latitude mixed with projected X Y)", source)
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
            what_zh = (f"“{bad}”不是数字" if bad is not None
                       else f"应为两个数，现有 {len(tokens)} 个")
            what_en = f"'{bad}' is not a number" if bad is not None else \
                f"expected two numbers, found {len(tokens)}"
            raise rejected("bad-line",
                           f"第 {number} 行无法识别：{what_zh}（{raw.strip()[:60]}）",
                           f"line {number} cannot be read: {what_en} ({raw.strip()[:60]})",
                           source)
        rows.append((number, (float(tokens[0]), float(tokens[1]))))
    return rows


def _in_region(lon: float, lat: float) -> bool:
    return REGION[0] <= lon <= REGION[2] and REGION[1] <= lat <= REGION[3]


def _lonlat(rows, source: str) -> list[tuple[float, float]]:
    for line, (lon, lat) in rows:
        if _in_region(lon, lat):
            continue
        if _in_region(lat, lon):
            raise rejected("axes-swapped",
                           f"第 {line} 行像是“纬度,经度”顺序；请按“经度,纬度”输入",
                           f"line {line} looks like latitude,longitude; give longitude,latitude",
                           source)
        raise rejected("outside-region",
                       f"第 {line} 行的经纬度 ({lon}, {lat}) 不在衡东县附近",
                       f"line {line}: longitude/latitude ({lon}, {lat}) is not near 衡东县",
                       source)
    return [xy for _, xy in rows]


@cache
def _to_lonlat(epsg: int) -> Transformer:
    return Transformer.from_crs(epsg, 4326, always_xy=True)


def _gauss_kruger(rows, zone_key: str, source: str) -> tuple[list[tuple[float, float]], CrsUsed]:
    first_line, (x0, y0) = rows[0]
    if x0 >= 10_000_000 or (
            NORTHING_RANGE[0] <= y0 <= NORTHING_RANGE[1] and not
            NORTHING_RANGE[0] <= x0 <= NORTHING_RANGE[1]):
        raise rejected("axes-swapped",
                       f"第 {first_line} 行像是“Y X”（东坐标在前）；高斯坐标请按“X Y”输入，"
                       "X 为北坐标（约 300 万），Y 为东坐标",
                       f"line {first_line} looks like 'Y X' (easting first); give Gauss-Krüger "
                       "pairs as 'X Y', X the northing (about 3 000 000), Y the easting", source)
    prefixed = has_zone_prefix(y0)
    chosen: Zone
    if prefixed:
        found = zone_of_prefix(y0)
        if found is None:
            raise rejected("unknown-zone",
                           f"第 {first_line} 行东坐标的带号 {int(y0 // 1_000_000)} "
                           "不是衡东县所在的 3° 带第 38 带或 6° 带第 19 带",
                           f"line {first_line}: zone number {int(y0 // 1_000_000)} in front of the "
                           "easting is neither the 3° zone 38 nor the 6° zone 19 衡东县 lies in",
                           source)
        chosen = found
    else:
        chosen = zone(zone_key)
    points = []
    for line, (x, y) in rows:
        if has_zone_prefix(y) != prefixed or (prefixed and zone_of_prefix(y) != chosen):
            raise rejected("mixed-zones",
                           f"第 {line} 行的带号与第 {first_line} 行不同",
                           f"line {line} has another zone number than line {first_line}", source)
        if not NORTHING_RANGE[0] <= x <= NORTHING_RANGE[1]:
            raise rejected("outside-region",
                           f"第 {line} 行的 X（北坐标）{x} 不在衡东县范围"
                           "（约 2 900 000–3 100 000）",
                           f"line {line}: X (northing) {x} is not at 衡东县 "
                           "(about 2 900 000–3 100 000)", source)
        epsg = chosen.epsg_prefixed if prefixed else chosen.epsg_plain
        lon, lat = _to_lonlat(epsg).transform(y, x)
        if not _in_region(lon, lat):
            raise rejected("outside-region", *_wrong_zone_hint(line, x, y, chosen, prefixed),
                           source)
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


def _wrong_zone_hint(line: int, x: float, y: float, chosen: Zone,
                     prefixed: bool) -> tuple[str, str]:
    others = [z for z in ZONES.values() if z != chosen]
    fits = [z for z in others if not prefixed
            and _in_region(*_to_lonlat(z.epsg_plain).transform(y, x))]
    zh = f"第 {line} 行的坐标按{chosen.label_zh}换算后不在衡东县"
    en = f"line {line}: read as the {chosen.label_en}, the point is not in 衡东县"
    if fits:
        zh += f"；按{fits[0].label_zh}则在县内，请改选该分带"
        en += f"; as the {fits[0].label_en} it is, so pick that zone"
    return zh, en


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
