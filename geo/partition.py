"""Share the county among its townships: Voronoi cells of village/seat points, one polygon each.

Cells are built in the metric CRS, the county outline and all cell edges are noded together
on the GRID (the output precision), polygonised, and each face goes to the township of the
nearest generator point. Faces sharing exact edges dissolve without gaps or overlaps; a
township part detached from the one holding its seat is folded into the neighbour it shares
the longest border with.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Polygon
from shapely.geometry.base import BaseGeometry

from geo.projections import project, project_xy, unproject

GRID = 1e-6  # degrees; the coordinate precision of the written layers
_MAX_FOLD_ROUNDS = 50


class PartitionError(Exception):
    """The partition could not give every township one polygon holding its seat."""


@dataclass(frozen=True)
class Generator:
    """A point (WGS84) that pulls the area around it into its township."""

    township: str
    lon: float
    lat: float


def _unique_generators(generators: list[Generator]) -> list[Generator]:
    """Drop repeated positions; the first listed (callers list seats first) wins."""
    seen: set[tuple[float, float]] = set()
    unique = []
    for gen in generators:
        if (gen.lon, gen.lat) not in seen:
            seen.add((gen.lon, gen.lat))
            unique.append(gen)
    return unique


def _faces(county: BaseGeometry, generators: list[Generator]) -> list[Polygon]:
    """The county cut by all Voronoi cell edges, as faces on the GRID."""
    x, y = project_xy([g.lon for g in generators], [g.lat for g in generators])
    points = MultiPoint(np.column_stack([x, y]))
    extent = project(county).buffer(5000.0)
    cells = shapely.voronoi_polygons(points, extend_to=extent)
    edges = [unproject(cell).boundary for cell in cells.geoms] + [county.boundary]
    noded = shapely.union_all(edges, grid_size=GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    inside = shapely.within(shapely.point_on_surface(faces), county)
    return list(faces[inside])


def _assign(faces: list[Polygon], generators: list[Generator]) -> dict[str, list[Polygon]]:
    """Group faces by the township of the generator nearest to a point inside each face."""
    gx, gy = project_xy([g.lon for g in generators], [g.lat for g in generators])
    inner = shapely.point_on_surface(faces)
    fx, fy = project_xy(shapely.get_x(inner), shapely.get_y(inner))
    squared = (fx[:, None] - gx[None, :]) ** 2 + (fy[:, None] - gy[None, :]) ** 2
    nearest = np.argmin(squared, axis=1)
    groups: dict[str, list[Polygon]] = defaultdict(list)
    for face, index in zip(faces, nearest, strict=True):
        groups[generators[index].township].append(face)
    return groups


def _shared_border(part: BaseGeometry, other: BaseGeometry) -> float:
    return float(shapely.intersection(part.boundary, other.boundary, grid_size=GRID).length)


def _fold_detached_parts(
    areas: dict[str, BaseGeometry], seats: dict[str, tuple[float, float]]
) -> dict[str, BaseGeometry]:
    """Move every part not holding its township's seat to its longest-bordering neighbour."""
    areas = dict(areas)
    for _ in range(_MAX_FOLD_ROUNDS):
        moved = False
        for township in sorted(areas):
            parts = list(shapely.get_parts(areas[township]))
            if len(parts) == 1:
                continue
            seat = shapely.Point(seats[township])
            home = next((p for p in parts if p.covers(seat)), max(parts, key=lambda p: p.area))
            for part in sorted((p for p in parts if p is not home), key=lambda p: p.wkb):
                others = [t for t in sorted(areas) if t != township]
                target = max(others, key=lambda t: _shared_border(part, areas[t]))
                areas[target] = shapely.union_all([areas[target], part], grid_size=GRID)
            areas[township] = home
            moved = True
        if not moved:
            return areas
    raise PartitionError("detached parts kept moving; no stable one-polygon-per-township result")


def partition(
    county: BaseGeometry, generators: list[Generator], seats: dict[str, tuple[float, float]]
) -> dict[str, Polygon]:
    """One polygon per township (WGS84, on the GRID) that together tile the county exactly."""
    unique = _unique_generators(generators)
    groups = _assign(_faces(county, unique), unique)
    missing = sorted(set(seats) - set(groups))
    if missing:
        raise PartitionError(f"townships without any area: {', '.join(missing)}")
    areas = {t: shapely.union_all(faces, grid_size=GRID) for t, faces in groups.items()}
    areas = _fold_detached_parts(areas, seats)
    for township, area in areas.items():
        if area.geom_type != "Polygon":
            raise PartitionError(f"{township}: result is {area.geom_type}, not one Polygon")
        if not area.covers(shapely.Point(seats[township])):
            raise PartitionError(f"{township}: its seat lies outside its area")
    return areas
