"""Site files: GeoJSON, zipped Shapefile, GeoPackage (the admin readers), KML and DXF.

The admin readers and their CRS rules are reused (WGS84, CGCS2000, CGCS2000 Gauss-Krüger zones,
GCJ-02 when declared). DXF carries no CRS: the user declares it, or the coordinates decide —
longitude/latitude at 衡东县, Gauss-Krüger with the zone number in front of the easting, or
without it in the zone the user picked (the report says which was assumed); anything else is
refused.
"""

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS

from geo.admin.crs import GCJ02, parse_declared_crs, to_wgs84
from geo.admin.problems import Problem, RejectedFile, Worded, found, worded
from geo.admin.readers import read_vector
from geo.site.coordinates import NORTHING_RANGE
from geo.site.inputs import CrsUsed, SiteInput
from geo.site.limits import SITE_MAX_MB_ENV, max_file_bytes
from geo.site.problems import SiteRejected, rejected
from geo.site.zones import DEFAULT_ZONE, ZONES, has_zone_prefix, zone, zone_of_prefix

OWN_READERS = {".kml", ".dxf"}  # read here; every other suffix goes through the admin readers
ACCEPTED = ".geojson .json .zip .gpkg .shp .kml .dxf"
KIND_ZH = {"polygon": "面", "line": "线", "point": "点"}
SIX_DEGREE_EPSG = {z.epsg_prefixed for z in ZONES.values() if z.width == 6} | {
    z.epsg_plain for z in ZONES.values() if z.width == 6}


def read_site_file(path: Path, label: str | None = None, crs: str | None = None,
                   zone_key: str = DEFAULT_ZONE) -> SiteInput:
    """The site in `path` in WGS84, or SiteRejected naming the file and feature."""
    label = label or path.name
    size, limit = path.stat().st_size, max_file_bytes()
    if size > limit:
        raise rejected("too-big.site", label, mb=size / 1048576, limit=limit / 1048576,
                       env=SITE_MAX_MB_ENV)
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED.split():
        raise rejected("unsupported-type.site", label, suffix=suffix or worded("no_suffix"),
                       accepted=ACCEPTED)
    try:
        declared = parse_declared_crs(crs)
    except ValueError as exc:
        raise rejected("crs-unsupported.declared", label, crs=crs) from exc
    try:
        if suffix == ".dxf":
            frame, used = _dxf_in_wgs84(_read_all_layers(path, label), label, declared, zone_key)
        else:
            raw = (_read_all_layers(path, label) if suffix in OWN_READERS
                   else read_vector(path, "site", limit, label).frame)
            frame, used = _in_wgs84(raw, label, declared)
    except RejectedFile as exc:
        raise SiteRejected(exc.problems) from exc
    geometries = list(frame.geometry)
    return SiteInput(_one_geometry(geometries, label), label, "file", used,
                     notes=_feature_notes(geometries, label))


def _read_all_layers(path: Path, label: str) -> gpd.GeoDataFrame:
    """Every layer with geometries (KML folders, DXF entities), one frame."""
    try:
        layers = [name for name, kind in pyogrio.list_layers(path) if kind] or [None]
        frames = [pyogrio.read_dataframe(path, layer=name) for name in layers]
    except Exception as exc:  # GDAL raises many kinds; all mean "cannot parse"
        raise rejected("unreadable", label, said=exc) from exc
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=frames[0].crs)


def _in_wgs84(raw: gpd.GeoDataFrame, label: str, declared) -> tuple[gpd.GeoDataFrame, CrsUsed]:
    epsg = declared if isinstance(declared, int) else (
        raw.crs.to_epsg(min_confidence=70) if raw.crs is not None else None)
    if epsg in SIX_DEGREE_EPSG:  # the admin rules know 3-degree zones only
        raw = (raw.set_crs(epsg, allow_override=True) if raw.crs is None else raw).to_crs(4326)
        frame = to_wgs84(raw, label, None)
    else:
        frame = to_wgs84(raw, label, declared)
    if declared == GCJ02:
        return frame, CrsUsed("GCJ-02（已转换为 WGS84）/ GCJ-02, converted to WGS84")
    if epsg is not None:
        return frame, CrsUsed(f"{CRS.from_epsg(epsg).name} (EPSG:{epsg})", epsg)
    if raw.crs is None:
        return frame, CrsUsed("WGS84 (EPSG:4326)", 4326, assumed=True,
                              note_zh="文件没有坐标系信息，坐标位于衡东县，按经纬度读取",
                              note_en="the file has no CRS; its coordinates lie in 衡东县 and "
                                      "are read as longitude/latitude")
    return frame, CrsUsed(raw.crs.name)


def _dxf_in_wgs84(raw: gpd.GeoDataFrame, label: str, declared,
                  zone_key: str) -> tuple[gpd.GeoDataFrame, CrsUsed]:
    """DXF has no CRS: the declared one, else the one its coordinates can only mean."""
    if declared is not None:
        frame, used = _in_wgs84(raw.set_crs(None, allow_override=True), label, declared)
        used.note_zh, used.note_en = "DXF 没有坐标系信息，按指定的坐标系读取", \
            "DXF carries no CRS; read in the CRS you gave"
        return frame, used
    present = raw.geometry[~(raw.geometry.isna() | raw.geometry.is_empty)]
    if len(present) == 0:
        raise rejected("no-features.site", label)
    minx, miny, maxx, maxy = present.total_bounds
    x, y = (minx + maxx) / 2, (miny + maxy) / 2
    if abs(x) <= 180 and abs(y) <= 90:
        frame, _ = _in_wgs84(raw, label, None)
        return frame, CrsUsed("WGS84 (EPSG:4326)", 4326, assumed=True,
                              note_zh="DXF 没有坐标系信息；坐标为衡东县的经纬度，按 WGS84 读取",
                              note_en="DXF carries no CRS; its coordinates are longitude/latitude "
                                      "at 衡东县 and are read as WGS84")
    if NORTHING_RANGE[0] <= y <= NORTHING_RANGE[1] and (
            zone_of_prefix(x) is not None or not has_zone_prefix(x)):
        chosen = zone_of_prefix(x) if has_zone_prefix(x) else zone(zone_key)
        epsg = chosen.epsg_prefixed if has_zone_prefix(x) else chosen.epsg_plain
        how_zh = "东坐标带有带号" if has_zone_prefix(x) else "东坐标没有带号，按所选分带"
        how_en = "the eastings carry the zone number" if has_zone_prefix(x) else \
            "the eastings carry no zone number; the chosen zone"
        frame, used = _in_wgs84(raw.set_crs(epsg), label, None)
        used.assumed = True
        used.note_zh = f"DXF 没有坐标系信息；按 {chosen.label_zh}（EPSG:{epsg}）读取（{how_zh}）"
        used.note_en = f"DXF carries no CRS; read as {chosen.label_en} (EPSG:{epsg}) ({how_en})"
        return frame, used
    if NORTHING_RANGE[0] <= x <= NORTHING_RANGE[1]:
        raise rejected("axes-swapped.dxf", label, x=x, y=y)
    raise rejected("crs-unknown", label, x=x, y=y)


def _as_area(geometry):
    """A closed CAD/KML line is the outline of an area."""
    if geometry.geom_type == "LineString" and geometry.is_ring and len(geometry.coords) >= 4:
        return shapely.Polygon(geometry.coords)
    return geometry


def _parts(geometries: list) -> dict[str, list]:
    kinds: dict[str, list] = {"polygon": [], "line": [], "point": []}
    for geometry in geometries:
        if geometry is None or geometry.is_empty:
            continue
        for part in shapely.get_parts(_as_area(geometry)):
            part = _as_area(part)
            kind = {"Polygon": "polygon", "LineString": "line", "Point": "point"}.get(
                part.geom_type)
            if kind:
                kinds[kind].append(part)
    return kinds


def _one_geometry(geometries: list, label: str):
    """All areas as one (multi)polygon; else all lines; else the points."""
    kinds = _parts(geometries)
    for kind in ("polygon", "line", "point"):
        if kinds[kind]:
            parts = kinds[kind]
            return parts[0] if len(parts) == 1 else {
                "polygon": shapely.MultiPolygon, "line": shapely.MultiLineString,
                "point": shapely.MultiPoint}[kind](parts)
    raise rejected("no-features.non-empty", label)


def _feature_notes(geometries: list, label: str) -> list[Problem]:
    notes = []
    kinds = _parts(geometries)
    used = next(k for k in ("polygon", "line", "point") if kinds[k])
    for index, geometry in enumerate(geometries):
        if geometry is None or geometry.is_empty:
            notes.append(found("empty-geometry.skipped", label, index, severity="warning"))
    ignored = {k: len(v) for k, v in kinds.items() if k != used and v}
    if ignored:
        listed_zh = "、".join(f"{n} 个{KIND_ZH[k]}" for k, n in ignored.items())
        listed_en = ", ".join(f"{n} {k}(s)" for k, n in ignored.items())
        notes.append(found("parts-ignored", label, severity="warning",
                           used=Worded(KIND_ZH[used], used), listed=Worded(listed_zh, listed_en)))
    return notes
