"""Shapely geometries (in the sheet's projection) as matplotlib artists in a sheet style."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.sheets import style as st
from geo.symbology import Style


def _ring_codes(n: int) -> list[int]:
    from matplotlib.path import Path

    return [Path.MOVETO] + [Path.LINETO] * (n - 2) + [Path.CLOSEPOLY]


def polygon_path(geometry: BaseGeometry) -> Any:
    """A compound path of every ring of a (multi)polygon (holes stay holes)."""
    from matplotlib.path import Path

    vertices, codes = [], []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)
            if len(coords) >= 3:
                vertices.append(coords)
                codes += _ring_codes(len(coords))
    return Path(np.concatenate(vertices), codes) if vertices else None


def line_segments(geometries: list[BaseGeometry]) -> list[np.ndarray]:
    """Every line part (and polygon ring) as an array of points."""
    segments = []
    for geometry in geometries:
        for part in shapely.get_parts(geometry):
            if part.geom_type in ("LineString", "LinearRing"):
                segments.append(np.asarray(part.coords))
            elif part.geom_type == "Polygon":
                segments += [np.asarray(r.coords) for r in (part.exterior, *part.interiors)]
    return [s for s in segments if len(s) >= 2]


def draw_areas(ax: Any, geometries: list[BaseGeometry], style: Style, gid: str,
               zorder: float) -> list[Any]:
    from matplotlib.patches import PathPatch

    artists = []
    for geometry in geometries:
        path = polygon_path(geometry)
        if path is not None:
            patch = PathPatch(path, **st.area_kwargs(style), zorder=zorder, gid=gid)
            ax.add_patch(patch)
            artists.append(patch)
    return artists


def draw_lines(ax: Any, geometries: list[BaseGeometry], style: Style, gid: str,
               zorder: float) -> list[Any]:
    from matplotlib.collections import LineCollection

    segments = line_segments(geometries)
    if not segments:
        return []
    kwargs = st.line_kwargs(style)
    collection = LineCollection(segments, colors=[kwargs["color"]],
                                linewidths=kwargs["linewidth"], linestyles=kwargs["linestyle"],
                                capstyle="round", joinstyle="round", zorder=zorder, gid=gid)
    ax.add_collection(collection)
    return [collection]


def draw_points(ax: Any, geometries: list[BaseGeometry], style: Style, gid: str,
                zorder: float) -> list[Any]:
    points = [p for g in geometries for p in shapely.get_parts(g) if p.geom_type == "Point"]
    if not points:
        return []
    xy = np.array([(p.x, p.y) for p in points])
    return [ax.scatter(xy[:, 0], xy[:, 1], **st.point_kwargs(style), zorder=zorder, gid=gid)]


DRAWERS = {"area": draw_areas, "line": draw_lines, "point": draw_points}
