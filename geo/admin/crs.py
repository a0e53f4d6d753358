"""Bring uploaded coordinates to WGS84: which CRSs are taken, converted, or rejected (and why).
Every CRS guess_crs suggests is one to_wgs84 takes (tests/test_admin_crs_hints.py)."""

from functools import cache

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from pyproj.transformer import TransformerGroup

from geo.admin.problems import Problem, RejectedFile, worded
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
            raise RejectedFile([_problem(
                "crs-conflict", label,
                f"文件的坐标系是 {_describe(frame.crs)}，不是经纬度，不能按 GCJ-02 转换",
                f"the file's CRS is {_describe(frame.crs)}, not longitude/latitude, so it cannot "
                "be GCJ-02")])
        converted = frame.set_geometry(gpd.GeoSeries(
            [None if g is None else geometry_gcj02_to_wgs84(g) for g in frame.geometry],
            index=frame.index, crs=4326))
        return _checked_in_region(converted, frame, label)
    if isinstance(declared, int):
        if frame.crs is not None and file_epsg != declared:
            raise RejectedFile([_problem(
                "crs-conflict", label,
                f"文件声明的坐标系 {_describe(frame.crs)} 与指定的 EPSG:{declared} 不一致",
                f"the file declares {_describe(frame.crs)}, which contradicts the EPSG:{declared} "
                "you gave")])
        frame = frame.set_crs(_crs_or_reject(declared, label), allow_override=True)
        file_epsg = declared
    if frame.crs is None:
        return _checked_in_region(frame.set_crs(4326), frame, label, assumed=True)
    if file_epsg in GEOGRAPHIC_AS_IS:
        return _checked_in_region(frame.set_crs(4326, allow_override=True), frame, label)
    problem = transform_problem(frame.crs)
    if problem is not None:
        raise RejectedFile([_problem("crs-unsupported", label, *problem)])
    return _checked_in_region(frame.to_crs(4326), frame, label)


def transform_problem(crs: CRS) -> tuple[str, str] | None:
    """Why coordinates in `crs` cannot be brought to WGS84 exactly enough (zh, en), or None:
    any CRS on the WGS84 or CGCS2000 datum is taken (UTM, Web Mercator, Gauss-Krüger …), one on
    another datum only with a published transformation good to MAX_TRANSFORM_ERROR_M; Xian 1980
    and Beijing 1954 need local parameters that are not published, so they are refused."""
    base = _epsg(crs.geodetic_crs) if crs.geodetic_crs is not None else None
    if base in UNPUBLISHED_DATUMS:
        zh, en = UNPUBLISHED_DATUMS[base]
        return (f"坐标系 {_describe(crs)} 基于{zh}，转换到 WGS84 需要未公开的本地转换参数，"
                "无法准确转换；请提供 CGCS2000 坐标（如 EPSG:4547）",
                f"CRS {_describe(crs)} is on the {en} datum, whose conversion to WGS84 needs "
                "local parameters that are not published; deliver CGCS2000 coordinates "
                "(e.g. EPSG:4547)")
    if base in GEOGRAPHIC_AS_IS:
        return None
    best = next(iter(TransformerGroup(crs, 4326, always_xy=True).transformers), None)
    if (best is None or "ballpark" in best.description.lower()
            or not 0 <= best.accuracy <= MAX_TRANSFORM_ERROR_M):
        return (f"坐标系 {_describe(crs)} 没有精度在 {MAX_TRANSFORM_ERROR_M:g} 米以内的公开转换；"
                "请提供 CGCS2000（如 EPSG:4547）或 WGS84 坐标",
                f"CRS {_describe(crs)} has no published transformation to WGS84 good to "
                f"{MAX_TRANSFORM_ERROR_M:g} m; deliver CGCS2000 (e.g. EPSG:4547) or WGS84 "
                "coordinates")
    return None


def guess_crs(frame: gpd.GeoDataFrame) -> tuple[str, str]:
    """What CRS the raw coordinates look like, in Chinese and English."""
    x, y = _centre(frame)
    if _in_region(y, x):
        return "纬度、经度顺序颠倒的经纬度", "latitude/longitude with the axes swapped"
    if -180 <= x <= 180 and -90 <= y <= 90:
        return (f"经纬度，但位于 ({x:.3f}, {y:.3f})，不在衡东县",
                f"longitude/latitude, but at ({x:.3f}, {y:.3f}), not in 衡东县")
    for swapped in (False, True):
        found = [epsg for epsg in GUESS_CANDIDATES
                 if _in_region(*_to_lonlat(epsg).transform(*((y, x) if swapped else (x, y))))]
        if found:
            return _looks_like(found, swapped)
    return (f"未知的投影坐标（中心约 {x:.0f}, {y:.0f}）",
            f"an unknown projected CRS (centre about {x:.0f}, {y:.0f})")


def _looks_like(found: list[int], swapped: bool) -> tuple[str, str]:
    """The candidate CRSs the coordinates fit, and (unless the axes are swapped) how to declare
    each: every CRS named here is one to_wgs84 takes."""
    names = [f"EPSG:{epsg}（{CRS.from_epsg(epsg).name}）" for epsg in found]
    names_en = [f"EPSG:{epsg} ({CRS.from_epsg(epsg).name})" for epsg in found]
    zh, en = "或".join(names), " or ".join(names_en)
    if swapped:
        return zh + "（X/Y 轴颠倒）", en + " with X/Y swapped"
    if any(epsg in GAUSS_KRUGER_3_DEGREE for epsg in found):
        zh += ("（同分带的西安 80 / 北京 54 坐标看起来相同，但不接受："
               "请索取 CGCS2000 坐标）")
        en += (" (Xian 1980 / Beijing 1954 coordinates of the same zone look alike but"
               " are not accepted: ask for CGCS2000)")
    flags = [f"--crs EPSG:{epsg}" for epsg in found]
    zh += f"；如确是该坐标系，请指定（命令行 {' 或 '.join(flags)}）"
    en += f"; if so, declare it (CLI: {' or '.join(flags)})"
    return zh, en


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
    looks_zh, looks_en = guess_crs(raw)
    read_as = _describe(raw.crs) if raw.crs else "GCJ-02"
    said_zh = "文件没有坐标系信息，且" if assumed else f"按 {read_as} 解读，"
    said_en = "the file has no CRS and " if assumed else f"read as {read_as}, "
    raise RejectedFile([_problem(
        "outside-region" if not assumed else "no-crs-outside",
        label,
        f"{said_zh}坐标不在衡东县范围内；看起来像 {looks_zh}",
        f"{said_en}the coordinates are not in 衡东县; they look like {looks_en}")])


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
        raise RejectedFile([_problem("crs-unsupported", label, f"未知的 EPSG 代码 {epsg}",
                                     f"unknown EPSG code {epsg}")]) from exc


def _problem(code: str, label: str, zh: str, en: str) -> Problem:
    return Problem(code, zh, en, label, field="geometry")
