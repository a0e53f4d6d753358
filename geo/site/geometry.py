"""Checks and repair of a site's geometry before anything is measured."""

import re
from dataclasses import dataclass, field

import shapely
from shapely.geometry.base import BaseGeometry

from geo.admin.problems import Problem
from geo.site.inputs import SiteInput
from geo.site.limits import MAX_VERTICES
from geo.site.measure import POLYGONAL, buffered, vertex_count
from geo.site.problems import rejected

_WHERE = re.compile(r"\[([-\d.eE+]+) ([-\d.eE+]+)\]")


@dataclass
class PreparedSite:
    """The geometry the check works on: repaired if needed, buffered if a width was given."""

    given: BaseGeometry  # as the user gave it (repaired when it was invalid)
    checked: BaseGeometry  # what is overlaid: `given`, or its buffer
    buffer_m: float | None
    repaired: bool = False
    notes: list[Problem] = field(default_factory=list)


def prepare(site: SiteInput, buffer_m: float | None = None) -> PreparedSite:
    """The checked geometry of the site, or SiteRejected naming the problem and the place."""
    geometry = site.geometry
    if geometry is None or geometry.is_empty:
        raise rejected("empty-geometry", "几何为空", "the geometry is empty", site.source)
    vertices = vertex_count(geometry)
    if vertices > MAX_VERTICES:
        raise rejected("too-many-vertices", f"几何有 {vertices} 个顶点，超过上限 {MAX_VERTICES}",
                       f"the geometry has {vertices} vertices, more than the limit of "
                       f"{MAX_VERTICES}", site.source)
    if buffer_m is not None and buffer_m <= 0:
        raise rejected("bad-buffer", f"缓冲宽度须大于 0 米（现为 {buffer_m}）",
                       f"the buffer width must be above 0 m (it is {buffer_m})", site.source)
    notes: list[Problem] = []
    repaired = False
    if not geometry.is_valid:
        geometry, note = _repaired(geometry, site)
        notes.append(note)
        repaired = True
    checked = geometry
    if buffer_m is not None:
        checked = buffered(geometry, buffer_m)
    elif geometry.geom_type not in POLYGONAL and geometry.geom_type != "Point" and (
            geometry.geom_type != "MultiPoint"):
        notes.append(Problem("no-buffer", "线状场址未给缓冲宽度：只按线长统计，不计面积",
                             "a line site without a buffer width: shares are by length, "
                             "no area", site.source, severity="warning"))
    return PreparedSite(geometry, checked, buffer_m, repaired, notes)


def _repaired(geometry: BaseGeometry, site: SiteInput) -> tuple[BaseGeometry, Problem]:
    reason = shapely.is_valid_reason(geometry)
    place_zh, place_en = _place(reason, geometry, site)
    kind = geometry.geom_type
    parts = [p for p in shapely.get_parts(shapely.make_valid(geometry))
             if not p.is_empty and (p.geom_type in POLYGONAL) == (kind in POLYGONAL)]
    if not parts:
        raise rejected("invalid-geometry", f"几何无效（{reason}）{place_zh}，且无法修复",
                       f"invalid geometry ({reason}){place_en} that cannot be repaired",
                       site.source)
    fixed = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    return fixed, Problem(
        "repaired", f"几何无效（{reason}）{place_zh}；已按修复后的几何（make_valid）检查，"
        "可下载修复后的几何核对", f"invalid geometry ({reason}){place_en}; the repaired "
        "geometry (make_valid) was checked — download it to review", site.source,
        severity="warning")


def _place(reason: str, geometry: BaseGeometry, site: SiteInput) -> tuple[str, str]:
    """Near which vertex (and pasted line) the geometry goes wrong."""
    found = _WHERE.search(reason)
    if not found:
        return "", ""
    spot = shapely.Point(float(found.group(1)), float(found.group(2)))
    coords = shapely.get_coordinates(geometry)
    nearest = int(((coords - [spot.x, spot.y]) ** 2).sum(axis=1).argmin())
    if site.vertex_lines and nearest < len(site.vertex_lines):
        line = site.vertex_lines[nearest]
        return f"，位于第 {line} 行的点附近", f" near the point on line {line}"
    return f"，位于第 {nearest + 1} 个顶点附近", f" near vertex {nearest + 1}"
