"""What a sheet shows, before any drawing: the items of the map (each one legend line), the
labels, the side-panel blocks and the footnotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from geo.plan.citations import citation_text
from geo.plan.schema import Citation, Document
from geo.symbology import Style

KINDS = ("area", "line", "point")


@dataclass
class Item:
    """One legend line and the geometries drawn with its style (WGS84 lon/lat)."""

    key: str
    title: str
    quality: str
    kind: str
    style: Style
    geometries: list[BaseGeometry]
    layers: tuple[str, ...] = ()  # the data layers it is drawn from (their credits are printed)
    part_of: str | None = None  # drawn under another item's legend line (a route's stops)

    @property
    def legend_key(self) -> str:
        return self.part_of or self.key

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"item {self.key!r}: kind must be one of {KINDS}, not {self.kind!r}")


@dataclass(frozen=True)
class Label:
    """A name on the map: at a point, or inside the visible part of a polygon."""

    text: str
    geometry: BaseGeometry
    kind: str = "township"  # a key of sheet.LABEL_STYLES: township, neighbour, focus, stop, glyph
    on: str | None = None  # the key of the item whose point symbol it is written on (a glyph)


@dataclass
class Block:
    """A titled list of lines in the side panel (a row with a tab is a two-column table row)."""

    title: str
    lines: list[str]


@dataclass
class Content:
    """Everything a view puts on a sheet."""

    title: str
    focus: BaseGeometry  # the map frame holds it whole
    items: list[Item] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def drawn_items(self) -> list[Item]:
        """The items with something to draw (only these get a legend line)."""
        return [item for item in self.items
                if any(g is not None and not g.is_empty for g in item.geometries)]


class Footnotes:
    """Numbered citations (geo/plan/citations.py's one formatter): the same citation text
    gets the same number."""

    def __init__(self, documents: list[Document], lang: str) -> None:
        self._documents = documents
        self._lang = lang
        self.texts: list[str] = []

    def refs(self, citations: list[Citation]) -> str:
        """"[1][3]" for these citations, numbering new ones."""
        numbers = []
        for citation in citations:
            text = citation_text(citation, self._lang, "full", self._documents)
            if text not in self.texts:
                self.texts.append(text)
            numbers.append(self.texts.index(text) + 1)
        return "".join(f"[{n}]" for n in dict.fromkeys(numbers))
