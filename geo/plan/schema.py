"""Pydantic models of the plan facts as they are written in data/plan/*.yaml."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Code12 = Annotated[str, StringConstraints(pattern=r"^430424\d{6}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

Mode = Literal["centred", "radiating", "driven"]
Basis = Literal["stated", "name", "seat", "zone"]

MODE_LABELS: dict[str, tuple[str, str]] = {
    "centred": ("重点", "centred"),
    "radiating": ("辐射", "radiating"),
    "driven": ("带动", "driven"),
    "sub_centre": ("副中心功能", "sub-centre function"),
    "along_axis": ("沿轴导向", "along the axis"),
}
"""zh / en labels of every assignment mode (the last two come from town_system.yaml)."""

BASIS_LABELS: dict[str, tuple[str, str]] = {
    "stated": ("原文写明", "stated in the text"),
    "name": ("按名称推断", "inferred from the name"),
    "seat": ("按县城定位", "at the county seat"),
    "zone": ("按开发区各村近似定位", "approximate, from the development zone's villages"),
}
"""How a place was found: the text names it; the fact's name is the place's name; the text
puts it in the county town (县城, 城区 …), which lies in 洣水镇; it lies in a district (河西新区)
located only approximately from the villages of the statistics list's development zone."""

ProjectKind = Literal["road", "water", "energy", "logistics", "trade", "urban", "education"]

PROJECT_KINDS: dict[str, tuple[str, str]] = {
    "road": ("道路交通", "roads and bridges"),
    "water": ("水利供水", "water works and supply"),
    "energy": ("能源", "energy"),
    "logistics": ("物流仓储", "logistics and storage"),
    "trade": ("商贸市场", "trade and markets"),
    "urban": ("城镇建设", "urban works"),
    "education": ("学校", "schools"),
}
"""zh / en labels of the kinds of infrastructure and key projects, in display order."""


class Strict(BaseModel):
    """Base: unknown fields are errors, so typos in YAML keys do not pass silently."""

    model_config = ConfigDict(extra="forbid")


class Citation(Strict):
    """Where in which document a fact is stated."""

    doc: NonEmpty
    chapter: str | None = None
    section: str | None = None
    part: str | None = None
    box: str | None = Field(default=None, description="专栏, e.g. 专栏8-1")
    item: str | None = None
    note: str | None = None

    def label(self) -> str:
        """One line naming the document by id (exports), e.g. 'plan 第八章 第一节 专栏8-1 …';
        geo.plan.citations formats it for display."""
        from geo.plan.citations import citation_text  # the formatter imports this module

        return citation_text(self)

    @model_validator(mode="after")
    def _plan_needs_chapter(self) -> Citation:
        if self.doc == "plan" and not self.chapter:
            raise ValueError("a citation of the plan needs a chapter")
        if self.doc != "plan" and not (self.section or self.note):
            raise ValueError("a citation of a report needs a section or note")
        return self


Citations = Annotated[list[Citation], Field(min_length=1)]


class PlaceRef(Strict):
    """A township, or a village inside it; a bare string in YAML means a township name."""

    township: NonEmpty
    village: str | None = None
    code: Code12 | None = Field(default=None, description="filled in by the loader for townships")
    basis: Basis = "stated"
    written: str | None = Field(default=None, description="the text's own form, if different")
    scope: str | None = None
    scope_en: str | None = None
    note: str | None = None
    note_en: str | None = None
    district: Slug | None = Field(default=None, description="id of a core district (hexi)")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        return {"township": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _village_needs_code(self) -> PlaceRef:
        if self.village and not self.code:
            raise ValueError("a village reference needs its 12-digit code")
        if (self.district is None) != (self.basis != "zone"):
            raise ValueError("basis zone goes with a district, and a district with basis zone")
        return self

    @property
    def is_village(self) -> bool:
        return self.village is not None


class Named(Strict):
    """Something with a Chinese name, an optional English name and an own-words summary."""

    id: Slug
    name: NonEmpty
    name_en: str | None = None
    summary: str | None = None
    summary_en: str | None = None


class Fact(Named):
    """A cited fact; `places` empty means the texts do not locate it (see location_note)."""

    places: list[PlaceRef] = []
    location_note: str | None = None
    location_note_en: str | None = None
    citations: Citations

    @model_validator(mode="after")
    def _unlocated_needs_note(self) -> Fact:
        if not self.places and not self.location_note:
            raise ValueError("a fact without places needs a location_note saying why")
        return self


# ---- reference data -------------------------------------------------------------


class Document(Strict):
    id: Slug
    title: NonEmpty
    title_en: str | None = None
    short: NonEmpty = Field(description="short name for citations, e.g. 《纲要》")
    short_en: str | None = None
    file: NonEmpty
    kind: Literal["plan", "news"]
    year: int | None = None


class Township(Strict):
    code: Code12
    name: Annotated[str, StringConstraints(pattern=r"^.+[镇乡]$")]
    kind: Literal["镇", "乡"]
    name_en: NonEmpty

    @property
    def short(self) -> str:
        """The name without its 镇/乡 suffix, as the plan often writes it."""
        return self.name[:-1]

    @model_validator(mode="after")
    def _kind_matches_name(self) -> Township:
        if not self.name.endswith(self.kind):
            raise ValueError(f"kind {self.kind} does not match the name {self.name}")
        if not re.fullmatch(r"430424\d{3}000", self.code):
            raise ValueError("a township code ends in 000")
        return self


class Normalisation(Strict):
    written: NonEmpty
    normalised: NonEmpty
    level: Literal["township", "village", "site", "river"]
    township: str | None = None
    reason: NonEmpty
    reason_en: str | None = None
    citations: Citations


# ---- town system -----------------------------------------------------------------


class Label(Strict):
    name: NonEmpty
    name_en: str | None = None


class Circle(Strict):
    places: list[PlaceRef] = Field(min_length=1)
    open_list: bool = False
    note: str | None = None
    note_en: str | None = None


class District(Fact):
    """A district of the county town (河西新区): located from a development zone's villages."""

    zone: NonEmpty = Field(description="the statistics list's development zone, e.g. 河西开发区")
    zone_code: Code12


class Core(Named):
    seat: PlaceRef
    seat_citations: Citations
    circle: Circle
    districts: list[District] = []
    citations: Citations


class SubCentre(Named):
    township: NonEmpty
    functions: list[Label] = Field(min_length=1)
    industries: list[Slug] = []
    leads: list[PlaceRef] = Field(min_length=1)
    citations: Citations


class AxisSegment(Strict):
    id: Slug
    name: NonEmpty
    name_en: str | None = None
    towns: list[NonEmpty] = Field(min_length=1)
    industries: list[Slug] = []
    note: str | None = None
    note_en: str | None = None


class Axis(Named):
    is_main: bool
    role: NonEmpty
    role_en: str | None = None
    towns: list[PlaceRef] = Field(min_length=2)
    open_list: bool = False
    segments: list[AxisSegment] = []
    citations: Citations


class TownSystemFile(Strict):
    model_config = ConfigDict(extra="forbid")
    core: Core
    sub_centres: list[SubCentre] = Field(min_length=1)
    axes: list[Axis] = Field(min_length=1)


# ---- industries ------------------------------------------------------------------


class Category(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    name: NonEmpty
    name_en: str | None = None


class Assignment(Strict):
    """One list in the text: these places, this mode, this citation."""

    mode: Mode
    places: list[PlaceRef] = Field(min_length=1)
    open_list: bool = False
    note: str | None = None
    note_en: str | None = None
    citations: Citations


class Industry(Named):
    category: str
    assignments: list[Assignment] = []
    citations: list[Citation] = []

    @model_validator(mode="after")
    def _is_cited(self) -> Industry:
        if not self.assignments and not self.citations:
            raise ValueError("an industry needs assignments or citations")
        return self


class IndustriesFile(Strict):
    categories: list[Category] = Field(min_length=1)
    industries: list[Industry] = Field(min_length=1)


class DocumentsFile(Strict):
    documents: list[Document] = Field(min_length=1)


class TownshipsFile(Strict):
    townships: list[Township] = Field(min_length=1)


class NormalisationsFile(Strict):
    normalisations: list[Normalisation] = []


# ---- parks and chains ------------------------------------------------------------


class Park(Fact):
    chains: list[Slug] = []


class Chain(Fact):
    level: NonEmpty
    level_en: str | None = None
    parks: list[Slug] = []
    target: str | None = None
    target_en: str | None = None


class ParksChainsFile(Strict):
    parks: list[Park] = Field(min_length=1)
    chains: list[Chain] = Field(min_length=1)


# ---- ecology ---------------------------------------------------------------------


class RedlineArea(Strict):
    id: Slug
    name: NonEmpty
    name_en: str | None = None
    area_km2: float = Field(gt=0)
    places: list[PlaceRef] = []
    location_note: str | None = None
    location_note_en: str | None = None


class RedlineType(Strict):
    """One type of the red line (by ecological function) and its area."""

    id: Slug
    name: NonEmpty
    name_en: str | None = None
    area_km2: float = Field(gt=0)


class Redline(Strict):
    """The ecological protection red line: total, share of the county, components, types."""

    name: NonEmpty
    name_en: str | None = None
    total_km2: float = Field(gt=0)
    share_pct: float = Field(gt=0, lt=100)
    components: list[RedlineArea] = Field(min_length=1)
    types: list[RedlineType] = Field(min_length=1)
    citations: Citations
    types_citations: Citations


class EcoFeature(Fact):
    group: Literal["三水", "五库", "多区"]
    kind: NonEmpty
    kind_en: str | None = None
    aliases: list[str] = []


class EcologyFile(Strict):
    redline: Redline
    ecology_features: list[EcoFeature] = Field(min_length=1)


# ---- tourism ---------------------------------------------------------------------


class Site(Fact):
    kind: NonEmpty
    kind_en: str | None = None
    aliases: list[str] = []


class RouteStop(Strict):
    name: NonEmpty
    name_en: str | None = None
    site: Slug | None = Field(default=None, description="id of a tourism site, if recorded")
    places: list[PlaceRef] = []
    location_note: str | None = None

    @model_validator(mode="after")
    def _stop_is_placed_or_linked(self) -> RouteStop:
        if not (self.site or self.places or self.location_note):
            raise ValueError("a route stop needs a site, places or a location_note")
        return self


class Route(Named):
    number: int
    stops: list[RouteStop] = Field(min_length=2)
    citations: Citations


class TourismFile(Strict):
    featured_towns: list[Fact] = Field(min_length=1)
    sites: list[Site] = Field(min_length=1)
    routes: list[Route] = Field(min_length=1)


# ---- brands, projects, recognitions ---------------------------------------------


class Brand(Fact):
    kind: Literal["product", "heritage"]


class Project(Fact):
    """An infrastructure work or key project; a road's places are its towns in order."""

    kind: ProjectKind
    road: str | None = Field(default=None, description="road number, e.g. G240")
    items: list[Label] = Field(default=[], description="the members of a listed group of works")
    open_list: bool = False


class PlacesFile(Strict):
    brands: list[Brand] = Field(min_length=1)
    recognitions: list[Fact] = []


class InfrastructureFile(Strict):
    projects: list[Project] = Field(min_length=1)
