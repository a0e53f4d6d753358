"""Read-only views the app and the export build from a Plan: per township, per industry."""

from __future__ import annotations

from pydantic import BaseModel

from geo.plan.schema import PROJECT_KINDS, Citation, Label, PlaceRef


class RoleView(BaseModel):
    """A part the township plays in the town system (core, sub-centre, led town, axis stop)."""

    kind: str
    name: str
    name_en: str | None = None
    detail: str | None = None
    detail_en: str | None = None
    citations: list[Citation]


class AxisView(BaseModel):
    """The township's place on one development axis."""

    id: str
    name: str
    name_en: str | None = None
    is_main: bool
    position: int
    of: int
    written: str | None = None
    segment: str | None = None
    segment_name: str | None = None
    segment_name_en: str | None = None
    citations: list[Citation]


class IndustryView(BaseModel):
    """One industry as it concerns one township."""

    id: str
    name: str
    name_en: str | None = None
    category: str
    category_name: str
    category_name_en: str | None = None
    mode: str
    mode_name: str
    mode_name_en: str
    via: str
    village: str | None = None
    village_code: str | None = None
    scope: str | None = None
    written: str | None = None
    open_list: bool = False
    note: str | None = None
    note_en: str | None = None
    citations: list[Citation]

    @property
    def citation(self) -> str:
        """The citations as one line."""
        return "; ".join(c.label() for c in self.citations)


class FactView(BaseModel):
    """A located fact (featured town, brand, site, project, ecology feature …) in a township."""

    type: str
    id: str
    name: str
    name_en: str | None = None
    kind: str | None = None
    kind_en: str | None = None
    group: str | None = None  # a project's kind id (road, water …), see schema.PROJECT_KINDS
    summary: str | None = None
    summary_en: str | None = None
    items: list[Label] = []
    open_list: bool = False
    place: PlaceRef
    citations: list[Citation]


class RouteStopView(BaseModel):
    """A stop of a tourism route that lies in the township."""

    route: str
    route_name: str
    route_name_en: str | None = None
    position: int
    of: int
    stop: str
    stop_en: str | None = None
    place: PlaceRef
    citations: list[Citation]


class TownshipView(BaseModel):
    """Everything the plan and the reports say about one township."""

    code: str
    name: str
    kind: str
    name_en: str
    roles: list[RoleView] = []
    axes: list[AxisView] = []
    industries: list[IndustryView] = []
    featured_towns: list[FactView] = []
    brands: list[FactView] = []
    ecology: list[FactView] = []
    tourism_sites: list[FactView] = []
    tourism_routes: list[RouteStopView] = []
    parks: list[FactView] = []
    projects: list[FactView] = []
    recognitions: list[FactView] = []

    def industries_by_category(self) -> dict[str, list[IndustryView]]:
        """Industries grouped by category id, in first-seen order."""
        groups: dict[str, list[IndustryView]] = {}
        for industry in self.industries:
            groups.setdefault(industry.category, []).append(industry)
        return groups

    def projects_by_kind(self) -> dict[str, list[FactView]]:
        """Projects grouped by kind (schema.PROJECT_KINDS order); a district under "district"."""
        order = [*PROJECT_KINDS, "district"]
        groups: dict[str, list[FactView]] = {}
        for fact in sorted(self.projects, key=lambda f: order.index(f.group or f.type)):
            groups.setdefault(fact.group or fact.type, []).append(fact)
        return groups


class IndustryPlace(BaseModel):
    """One township where an industry is put, and how."""

    code: str
    name: str
    name_en: str
    mode: str
    mode_name: str
    via: str
    village: str | None = None
    village_code: str | None = None


class IndustryIndexEntry(BaseModel):
    """An industry for the industry picker: where it is, and in which mode."""

    id: str
    name: str
    name_en: str | None = None
    category: str
    category_name: str
    category_name_en: str | None = None
    townships: list[IndustryPlace]
