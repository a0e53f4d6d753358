"""Checks and repair of a site's geometry before anything is measured."""

import re
from dataclasses import dataclass, field

import shapely
from shapely.geometry.base import BaseGeometry

from geo.admin.problems import Problem, Worded, found, worded
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
        raise rejected("empty-geometry.site", site.source)
    vertices = vertex_count(geometry)
    if vertices > MAX_VERTICES:
        raise rejected("too-many-vertices", site.source, vertices=vertices, limit=MAX_VERTICES)
    if buffer_m is not None and buffer_m <= 0:
        raise rejected("bad-buffer", site.source, buffer=buffer_m)
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
        notes.append(found("no-buffer", site.source, severity="warning"))
    return PreparedSite(geometry, checked, buffer_m, repaired, notes)


def _repaired(geometry: BaseGeometry, site: SiteInput) -> tuple[BaseGeometry, Problem]:
    reason = shapely.is_valid_reason(geometry)
    place = _place(reason, geometry, site)
    kind = geometry.geom_type
    parts = [p for p in shapely.get_parts(shapely.make_valid(geometry))
             if not p.is_empty and (p.geom_type in POLYGONAL) == (kind in POLYGONAL)]
    if not parts:
        raise rejected("invalid-geometry.unrepairable", site.source, reason=reason, place=place)
    fixed = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    return fixed, found("repaired", site.source, severity="warning", reason=reason, place=place)


def _place(reason: str, geometry: BaseGeometry, site: SiteInput) -> Worded:
    """Near which vertex (and pasted line) the geometry goes wrong."""
    found = _WHERE.search(reason)
    if not found:
        return Worded("", "")
    spot = shapely.Point(float(found.group(1)), float(found.group(2)))
    coords = shapely.get_coordinates(geometry)
    nearest = int(((coords - [spot.x, spot.y]) ** 2).sum(axis=1).argmin())
    if site.vertex_lines and nearest < len(site.vertex_lines):
        line = site.vertex_lines[nearest]
        return worded("near_line", line=line)
    return worded("near_vertex", vertex=nearest + 1)
