"""A site as given: its WGS84 geometry, where it came from, and how its coordinates were read."""

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from geo.admin.problems import Problem


@dataclass
class CrsUsed:
    """The coordinate system the input was read in, and whether it was assumed."""

    name: str
    epsg: int | None = None
    assumed: bool = False
    note_zh: str | None = None
    note_en: str | None = None

    def as_dict(self) -> dict:
        return {"name": self.name, "epsg": self.epsg, "assumed": self.assumed,
                "note_zh": self.note_zh, "note_en": self.note_en}


@dataclass
class SiteInput:
    """What the user gave, in WGS84 lon/lat (kind: file, coordinates or drawn)."""

    geometry: BaseGeometry
    source: str
    kind: str
    crs: CrsUsed
    notes: list[Problem] = field(default_factory=list)
    vertex_lines: list[int] | None = None  # for pasted coordinates: the line of each vertex


WGS84 = CrsUsed("WGS84 (EPSG:4326)", 4326)


def drawn(geometry: BaseGeometry, source: str = "地图绘制 / drawn on the map") -> SiteInput:
    """A site drawn on the map (the map sends WGS84)."""
    return SiteInput(geometry, source, "drawn", WGS84)
