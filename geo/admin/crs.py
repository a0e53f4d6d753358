"""Bring uploaded coordinates to WGS84: which CRSs are taken, converted, or rejected (and why).
Every CRS guess_crs suggests is one to_wgs84 takes (tests/test_admin_crs_hints.py)."""

from functools import cache

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from pyproj.transformer import TransformerGroup

from geo.admin.problems import RejectedFile, Worded, found, phrase, worded
from geo.coords import geometry_gcj02_to_wgs84
from geo.precision import COORDINATE_DECIMALS

GEOGRAPHIC_AS_IS = (4326, 4490)  # WGS84 and CGCS2000 differ by centimetres here
GAUSS_KRUGER_3_DEGREE = range(4513, 4555)  # CGCS2000 3-degree Gauss-Krüger zones and CMs
# CRSs in which coordinates of 衡东县 are commonly delivered: CGCS2000 3-degree GK zone 38 / CM 114E
# (and the neighbouring zone 37 / CM 111E), Web Mercator, UTM 49N. Xian 1980 and Beijing 1954 GK
# coordinates of the same zone are within metres of these and are named in the message.
GUESS_CANDIDATES = (4526, 4547, 4525, 4546, 3857, 32649)
GCJ02 = "gcj02"
# Datums whose conversion to WGS84 here needs local parameters that are not published.
UNPUBLISHED_DATUMS = {
    4610: ("西安 80 坐标系", "Xian 1980"),
    4214: ("北京 54 坐标系", "Beijing 1954"),
    4555: ("新北京 54 坐标系", "New Beijing"),
}
MAX_TRANSFORM_ERROR_M = 10.0
# Coarse box around 衡东县 (about 30 km margin): a file whose data misses it is in the wrong CRS.
REGION = (112.4, 26.6, 113.6, 27.6)


def parse_declared_crs(text: str | None) -> str | int | None:
    """'gcj02', an EPSG code from 'EPSG:4547' / '4547', or None for 'as the file says'."""
    if text is None or not text.strip() or text.strip().lower() in {"auto", "file"}:
        return None
    cleaned = text.strip().lower().replace("-", "").replace("_", "")
    if cleaned == GCJ02:
        return GCJ02
    code = cleaned.removeprefix("epsg:")
    if not code.isdigit():
        raise ValueError(worded("crs-unsupported.declared", crs=text).en)
    return int(code)


def to_wgs84(frame: gpd.GeoDataFrame, label: str, declared: str | int | None) -> gpd.GeoDataFrame:
    """A copy of `frame` in EPSG:4326 with coordinates rounded to 6 decimals, or RejectedFile."""
    file_epsg = _epsg(frame.crs)
    if declared == GCJ02:
        if frame.crs is not None and file_epsg not in GEOGRAPHIC_AS_IS:
            raise RejectedFile([found("crs-conflict.gcj02", label, field="geometry",
                                      crs=_describe(frame.crs))])
        converted = frame.set_geometry(gpd.GeoSeries(
            [None if g is None else geometry_gcj02_to_wgs84(g) for g in frame.geometry],
            index=frame.index, crs=4326))
        return _checked_in_region(converted, frame, label)
    if isinstance(declared, int):
        if frame.crs is not None and file_epsg != declared:
            raise RejectedFile([found("crs-conflict", label, field="geometry",
                                      crs=_describe(frame.crs), declared=declared)])
        frame = frame.set_crs(_crs_or_reject(declared, label), allow_override=True)
        file_epsg = declared
    if frame.crs is None:
        return _checked_in_region(frame.set_crs(4326), frame, label, assumed=True)
    if file_epsg in GEOGRAPHIC_AS_IS:
        return _checked_in_region(frame.set_crs(4326, allow_override=True), frame, label)
    problem = transform_problem(frame.crs)
    if problem is not None:
        key, values = problem
        raise RejectedFile([found(key, label, field="geometry", **values)])
    return _checked_in_region(frame.to_crs(4326), frame, label)


def transform_problem(crs: CRS) -> tuple[str, dict[str, object]] | None:
    """Why coordinates in `crs` cannot be brought to WGS84 exactly enough (the finding's key
    and values), or None:
    any CRS on the WGS84 or CGCS2000 datum is taken (UTM, Web Mercator, Gauss-Krüger …), one on
    another datum only with a published transformation good to MAX_TRANSFORM_ERROR_M; Xian 1980
    and Beijing 1954 need local parameters that are not published, so they are refused."""
    base = _epsg(crs.geodetic_crs) if crs.geodetic_crs is not None else None
    if base in UNPUBLISHED_DATUMS:
        return "crs-unsupported.unpublished", {"crs": _describe(crs),
                                               "datum": Worded(*UNPUBLISHED_DATUMS[base])}
    if base in GEOGRAPHIC_AS_IS:
        return None
    best = next(iter(TransformerGroup(crs, 4326, always_xy=True).transformers), None)
    if (best is None or "ballpark" in best.description.lower()
            or not 0 <= best.accuracy <= MAX_TRANSFORM_ERROR_M):
        return "crs-unsupported.no-transformation", {"crs": _describe(crs),
                                                      "limit": MAX_TRANSFORM_ERROR_M}
    return None


def guess_crs(frame: gpd.GeoDataFrame) -> Worded:
    """What CRS the raw coordinates look like, in Chinese and English."""
    x, y = _centre(frame)
    if _in_region(y, x):
        return worded("looks_swapped_lonlat")
    if -180 <= x <= 180 and -90 <= y <= 90:
        return worded("looks_lonlat_elsewhere", x=x, y=y)
    for swapped in (False, True):
        found = [epsg for epsg in GUESS_CANDIDATES
                 if _in_region(*_to_lonlat(epsg).transform(*((y, x) if swapped else (x, y))))]
        if found:
            return _looks_like(found, swapped)
    return worded("looks_unknown_projected", x=x, y=y)


def _looks_like(found: list[int], swapped: bool) -> Worded:
    """The candidate CRSs the coordinates fit, and (unless the axes are swapped) how to declare
    each: every CRS named here is one to_wgs84 takes."""
    return Worded(_looks_like_in(found, swapped, "zh"), _looks_like_in(found, swapped, "en"))


def _looks_like_in(found: list[int], swapped: bool, lang: str) -> str:
    text = phrase("looks_or", lang).join(
        phrase("looks_crs", lang, epsg=epsg, name=CRS.from_epsg(epsg).name) for epsg in found)
    if swapped:
        return text + phrase("looks_axes_swapped", lang)
    if any(epsg in GAUSS_KRUGER_3_DEGREE for epsg in found):
        text += phrase("looks_xian_beijing_alike", lang)
    flags = phrase("looks_flag_or", lang).join(f"--crs EPSG:{epsg}" for epsg in found)
    return text + phrase("looks_declare", lang, flags=flags)


def _checked_in_region(converted: gpd.GeoDataFrame, raw: gpd.GeoDataFrame, label: str,
                       assumed: bool = False) -> gpd.GeoDataFrame:
    present = converted.geometry[~(converted.geometry.isna() | converted.geometry.is_empty)]
    if len(present) == 0:
        return _rounded(converted)
    minx, miny, maxx, maxy = present.total_bounds
    box = shapely.box(*REGION)
    if np.all(np.isfinite([minx, miny, maxx, maxy])) and shapely.box(
            minx, miny, maxx, maxy).intersects(box):
        return _rounded(converted)
    read_as = _describe(raw.crs) if raw.crs else "GCJ-02"
    raise RejectedFile([found("no-crs-outside" if assumed else "outside-region", label,
                              field="geometry", read_as=read_as, looks=guess_crs(raw))])


def _rounded(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    moved = shapely.transform(frame.geometry.values, lambda xy: np.round(xy, COORDINATE_DECIMALS))
    return frame.set_geometry(gpd.GeoSeries(moved, index=frame.index, crs=frame.crs))


def _centre(frame: gpd.GeoDataFrame) -> tuple[float, float]:
    present = frame.geometry[~(frame.geometry.isna() | frame.geometry.is_empty)]
    minx, miny, maxx, maxy = present.total_bounds
    return (minx + maxx) / 2, (miny + maxy) / 2


@cache
def _to_lonlat(epsg: int) -> Transformer:
    return Transformer.from_crs(epsg, 4326, always_xy=True)


def _in_region(lon: float, lat: float) -> bool:
    return REGION[0] <= lon <= REGION[2] and REGION[1] <= lat <= REGION[3]


def _epsg(crs: CRS | None) -> int | None:
    if crs is None:
        return None
    if crs.equals(CRS.from_epsg(4326), ignore_axis_order=True):
        return 4326
    return crs.to_epsg(min_confidence=70)


def _describe(crs: CRS) -> str:
    epsg = _epsg(crs)
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name


def _crs_or_reject(epsg: int, label: str) -> CRS:
    try:
        return CRS.from_epsg(epsg)
    except CRSError as exc:
        raise RejectedFile([found("crs-unsupported.unknown-epsg", label, field="geometry",
                                  epsg=epsg)]) from exc
