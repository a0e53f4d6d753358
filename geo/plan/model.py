"""The loaded plan: all facts, plus per-township and per-industry views."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from geo.plan import schema as s
from geo.plan.names import township_lookup
from geo.plan.views import (
    AxisView,
    FactView,
    IndustryIndexEntry,
    IndustryPlace,
    IndustryView,
    RoleView,
    RouteStopView,
    TownshipView,
)


class Plan(BaseModel):
    """The whole knowledge base; build it with geo.plan.load_plan()."""

    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    documents: list[s.Document]
    townships: list[s.Township]
    normalisations: list[s.Normalisation]
    core: s.Core
    sub_centres: list[s.SubCentre]
    axes: list[s.Axis]
    categories: list[s.Category]
    industries: list[s.Industry]
    parks: list[s.Park] = []
    chains: list[s.Chain] = []
    redline: s.Redline | None = None
    ecology_features: list[s.EcoFeature] = []
    featured_towns: list[s.Fact] = []
    sites: list[s.Site] = []
    routes: list[s.Route] = []
    brands: list[s.Brand] = []
    projects: list[s.Project] = []
    recognitions: list[s.Fact] = []

    # ---- lookups -------------------------------------------------------------------

    def resolve(self, name_or_code: str) -> s.Township:
        """The township for a code, official name, short name or recorded variant."""
        lookup = township_lookup(self.townships, self.normalisations)
        try:
            return lookup[name_or_code.strip()]
        except KeyError:
            raise KeyError(f"no township called {name_or_code!r}") from None

    def industry(self, industry_id: str) -> s.Industry:
        return next(i for i in self.industries if i.id == industry_id)

    def category(self, category_id: str) -> s.Category:
        return next(c for c in self.categories if c.id == category_id)

    @property
    def main_axis(self) -> s.Axis:
        return next(a for a in self.axes if a.is_main)

    @property
    def ecology(self) -> dict[str, object]:
        """The red line and the 三水 / 五库 / 多区 features, grouped."""
        groups: dict[str, object] = {"redline": self.redline}
        for group in ("三水", "五库", "多区"):
            groups[group] = [f for f in self.ecology_features if f.group == group]
        return groups

    # ---- views ---------------------------------------------------------------------

    def township(self, name_or_code: str) -> TownshipView:
        """Everything about one township (name, short name, variant or code)."""
        return self.township_views[self.resolve(name_or_code).code]

    @cached_property
    def township_views(self) -> dict[str, TownshipView]:
        """code -> TownshipView for all 17 townships, in townships.yaml order."""
        views = {
            t.code: TownshipView(code=t.code, name=t.name, kind=t.kind, name_en=t.name_en)
            for t in self.townships
        }
        for code, role in self._roles():
            views[code].roles.append(role)
        for code, axis in self._axis_views():
            views[code].axes.append(axis)
        for code, industry in self.industry_assignments():
            views[code].industries.append(industry)
        for code, field, fact in self._located_facts():
            getattr(views[code], field).append(fact)
        for code, stop in self._route_stops():
            views[code].tourism_routes.append(stop)
        return views

    def industry_index(self) -> list[IndustryIndexEntry]:
        """Every industry with the townships it is put in (for an industry picker)."""
        places: dict[str, list[IndustryPlace]] = {i.id: [] for i in self.industries}
        names = {t.code: t for t in self.townships}
        for code, view in self.industry_assignments():
            places[view.id].append(
                IndustryPlace(
                    code=code,
                    name=names[code].name,
                    name_en=names[code].name_en,
                    mode=view.mode,
                    mode_name=view.mode_name,
                    via=view.via,
                    village=view.village,
                    village_code=view.village_code,
                )
            )
        out = []
        for industry in self.industries:
            cat = self.category(industry.category)
            out.append(
                IndustryIndexEntry(
                    id=industry.id,
                    name=industry.name,
                    name_en=industry.name_en,
                    category=cat.id,
                    category_name=cat.name,
                    category_name_en=cat.name_en,
                    townships=places[industry.id],
                )
            )
        return out

    def industry_assignments(self) -> Iterator[tuple[str, IndustryView]]:
        """(township code, industry view) for every assignment, sub-centre and axis segment."""
        for industry in self.industries:
            for assignment in industry.assignments:
                for place in assignment.places:
                    yield (
                        place_code(self, place),
                        self._industry_view(
                            industry,
                            assignment.mode,
                            "industries",
                            assignment.citations,
                            place=place,
                            open_list=assignment.open_list,
                            note=assignment.note,
                            note_en=assignment.note_en,
                        ),
                    )
        for centre in self.sub_centres:
            code = self.resolve(centre.township).code
            for ident in centre.industries:
                yield (
                    code,
                    self._industry_view(
                        self.industry(ident),
                        "sub_centre",
                        f"sub_centre:{centre.id}",
                        centre.citations,
                    ),
                )
        for axis in self.axes:
            for segment in axis.segments:
                for town in segment.towns:
                    for ident in segment.industries:
                        yield (
                            self.resolve(town).code,
                            self._industry_view(
                                self.industry(ident),
                                "along_axis",
                                f"axis:{axis.id}/{segment.id}",
                                axis.citations,
                                open_list=axis.open_list,
                                note=segment.note,
                                note_en=segment.note_en,
                            ),
                        )

    def _industry_view(
        self,
        industry: s.Industry,
        mode: str,
        via: str,
        citations: list[s.Citation],
        place: s.PlaceRef | None = None,
        open_list: bool = False,
        note: str | None = None,
        note_en: str | None = None,
    ) -> IndustryView:
        cat = self.category(industry.category)
        mode_zh, mode_en = s.MODE_LABELS[mode]
        return IndustryView(
            id=industry.id,
            name=industry.name,
            name_en=industry.name_en,
            category=cat.id,
            category_name=cat.name,
            category_name_en=cat.name_en,
            mode=mode,
            mode_name=mode_zh,
            mode_name_en=mode_en,
            via=via,
            village=place.village if place else None,
            village_code=place.code if place and place.is_village else None,
            scope=place.scope if place else None,
            written=place.written if place else None,
            open_list=open_list,
            note=note,
            note_en=note_en,
            citations=citations,
        )

    def _roles(self) -> Iterator[tuple[str, RoleView]]:
        core = self.core
        yield (
            place_code(self, core.seat),
            RoleView(
                kind="core_seat",
                name="县城所在地（一核）",
                name_en="Seat of the county town (the core)",
                detail=core.seat.note,
                detail_en=core.seat.note_en,
                citations=core.seat_citations,
            ),
        )
        for place in core.circle.places:
            yield (
                place_code(self, place),
                RoleView(
                    kind="core_circle",
                    name="县城“半小时核心发展圈”成员",
                    name_en="Member of the county seat's half-hour core circle",
                    detail=core.circle.note,
                    detail_en=core.circle.note_en,
                    citations=core.citations,
                ),
            )
        for centre in self.sub_centres:
            yield (
                self.resolve(centre.township).code,
                RoleView(
                    kind="sub_centre",
                    name="县域副中心",
                    name_en="County sub-centre",
                    detail="；".join(f.name for f in centre.functions),
                    detail_en="; ".join(f.name_en or f.name for f in centre.functions),
                    citations=centre.citations,
                ),
            )
            centre_en = self.resolve(centre.township).name_en
            for place in centre.leads:
                yield (
                    place_code(self, place),
                    RoleView(
                        kind="led_by_sub_centre",
                        name=f"受{centre.township}副中心带动",
                        name_en=f"Pulled along by the {centre_en} sub-centre",
                        citations=centre.citations,
                    ),
                )

    def _axis_views(self) -> Iterator[tuple[str, AxisView]]:
        for axis in self.axes:
            for position, place in enumerate(axis.towns, start=1):
                segment = next((g for g in axis.segments if place.township in g.towns), None)
                yield (
                    place_code(self, place),
                    AxisView(
                        id=axis.id,
                        name=axis.name,
                        name_en=axis.name_en,
                        is_main=axis.is_main,
                        position=position,
                        of=len(axis.towns),
                        written=place.written,
                        segment=segment.id if segment else None,
                        segment_name=segment.name if segment else None,
                        segment_name_en=segment.name_en if segment else None,
                        citations=axis.citations,
                    ),
                )

    def _located_facts(self) -> Iterator[tuple[str, str, FactView]]:
        groups: list[tuple[str, str, list[s.Fact]]] = [
            ("featured_towns", "featured_town", self.featured_towns),
            ("brands", "brand", self.brands),
            ("ecology", "ecology", self.ecology_features),
            ("tourism_sites", "tourism_site", self.sites),
            ("projects", "project", self.projects),
            ("recognitions", "recognition", self.recognitions),
            ("parks", "park", self.parks),
            ("projects", "district", self.core.districts),
        ]
        for field, type_, facts in groups:
            for fact in facts:
                kind, kind_en = getattr(fact, "kind", None), getattr(fact, "kind_en", None)
                group = None
                if isinstance(fact, s.Project):
                    group, (kind, kind_en) = fact.kind, s.PROJECT_KINDS[fact.kind]
                for place in fact.places:
                    yield (
                        place_code(self, place),
                        field,
                        FactView(
                            type=type_,
                            id=fact.id,
                            name=fact.name,
                            name_en=fact.name_en,
                            kind=kind,
                            kind_en=kind_en,
                            group=group,
                            summary=fact.summary,
                            summary_en=fact.summary_en,
                            items=getattr(fact, "items", []),
                            open_list=getattr(fact, "open_list", False),
                            place=place,
                            citations=fact.citations,
                        ),
                    )
        if self.redline:
            for area in self.redline.components:
                for place in area.places:
                    yield (
                        place_code(self, place),
                        "ecology",
                        FactView(
                            type="redline_component",
                            id=area.id,
                            name=area.name,
                            name_en=area.name_en,
                            place=place,
                            citations=self.redline.citations,
                        ),
                    )

    def site(self, site_id: str) -> s.Site:
        return next(site for site in self.sites if site.id == site_id)

    def stop_places(self, stop: s.RouteStop) -> list[s.PlaceRef]:
        """A route stop's own places, else those of the site it names."""
        if stop.places or not stop.site:
            return stop.places
        return self.site(stop.site).places

    def _route_stops(self) -> Iterator[tuple[str, RouteStopView]]:
        for route in self.routes:
            for position, stop in enumerate(route.stops, start=1):
                for place in self.stop_places(stop):
                    yield (
                        place_code(self, place),
                        RouteStopView(
                            route=route.id,
                            route_name=route.name,
                            route_name_en=route.name_en,
                            position=position,
                            of=len(route.stops),
                            stop=stop.name,
                            stop_en=stop.name_en,
                            place=place,
                            citations=route.citations,
                        ),
                    )


def place_code(plan: Plan, place: s.PlaceRef) -> str:
    """The township code a place reference belongs to (villages roll up to their township)."""
    return plan.resolve(place.township).code
