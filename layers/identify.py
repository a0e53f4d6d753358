"""Identify: what the plan says about each feature the map draws, keyed by the feature's id.

Every interactive shape the themes draw carries `properties.id` (the click event of the map
component lists the ids under the pointer). The id rule, in one place:

- a shape that draws one plan fact at a point (a 五库/多区 feature, a park, an axis, a route)
  carries the fact's own id, a slug from data/plan/*.yaml (unique across the plan);
- every other shape carries "<kind>:<key>" (a colon never occurs in a slug):
  township:<code>, seat:<code>, centre:<core or sub-centre id>, circle:<code>, led:<code>,
  area:<fact id>/<code> (a fact shown over its whole township), river:<name>,
  stop:<route id>/<position>, redline:<index>, highlight:<industry id>/<code>.

catalogue() turns ids into FeatureFacts (kind, name and description in the plan data's own
words, townships, citations, data quality, how the shape is placed); identify() orders the
facts under a click, most specific first (points, then lines, then areas, then the township).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geo import datastore
from geo.data_version import layers_version, per_version, plan_version
from geo.plan import Plan
from geo.plan.current import plan
from geo.plan.schema import MODE_LABELS, Citation, PlaceRef
from geo.project_places import LAYER_ID as INFRASTRUCTURE_ID
from geo.project_places import drawn_items as infrastructure_items
from layers.places import locate, village_points

# How specific a kind of shape is: a click answers with the lowest first.
POINT, LINE, REGION, AREA, TOWNSHIP = range(5)


def township_id(code: str) -> str:
    return f"township:{code}"


def seat_id(code: str) -> str:
    return f"seat:{code}"


def centre_id(centre_id_: str) -> str:
    return f"centre:{centre_id_}"


def circle_id(code: str) -> str:
    return f"circle:{code}"


def led_id(code: str) -> str:
    return f"led:{code}"


def area_id(fact_id: str, code: str) -> str:
    return f"area:{fact_id}/{code}"


def river_id(name: str) -> str:
    return f"river:{name}"


def stop_id(route_id: str, position: int) -> str:
    return f"stop:{route_id}/{position}"


REDLINE_PREFIX = "redline:"  # + index: the tiled red line (static/map/hd-tiles.js) adds it


def redline_id(index: int) -> str:
    return f"{REDLINE_PREFIX}{index}"


def highlight_id(industry_id: str, code: str) -> str:
    return f"highlight:{industry_id}/{code}"


@dataclass(frozen=True)
class FeatureFacts:
    """What the plan says about one drawn feature, in Chinese and English."""

    id: str
    kind: str  # ui label key feature_kind_<kind>
    name: str
    name_en: str
    description: str
    description_en: str
    townships: tuple[str, ...]  # codes
    citations: tuple[Citation, ...]
    quality: str  # surveyed / approximate / schematic
    placement: str  # ui label key placement_<placement>
    village: str | None = None  # the village whose centre the shape sits at
    specificity: int = AREA


def _join(parts: Iterable[str | None], sep: str) -> str:
    return sep.join(p for p in parts if p)


def _codes(facts: Plan, places: Iterable[PlaceRef]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(facts.resolve(p.township).code for p in places))


def _admin(facts: Plan) -> Iterator[FeatureFacts]:
    townships_quality = datastore.layer_info("townships")["quality"]
    seats_quality = datastore.layer_info("seats")["quality"]
    for township in facts.townships:
        view = facts.township(township.code)
        yield FeatureFacts(
            township_id(township.code), "township", township.name, township.name_en,
            _join([r.name for r in view.roles], "；"),
            _join([r.name_en or r.name for r in view.roles], "; "),
            (township.code,), tuple(c for r in view.roles for c in r.citations),
            townships_quality, "data", specificity=TOWNSHIP,
        )
    seats = datastore.load_layer("seats")
    for row in seats.itertuples(index=False):
        code = str(row.code)
        county = bool(row.is_county_seat)
        yield FeatureFacts(
            seat_id(code), "county_seat" if county else "seat", f"{row.name}驻地",
            f"{row.name_en} seat", "县城所在地" if county else "",
            "Seat of the county town" if county else "", (code,), (), seats_quality, "data",
            specificity=POINT,
        )


def _town_system(facts: Plan) -> Iterator[FeatureFacts]:
    core = facts.core
    core_code = facts.resolve(core.seat.township).code
    yield FeatureFacts(
        centre_id(core.id), "core", core.name, core.name_en or core.name, core.summary or "",
        core.summary_en or "", (core_code,), (*core.seat_citations, *core.citations),
        "schematic", "seat", specificity=POINT,
    )
    for place in core.circle.places:
        code = facts.resolve(place.township).code
        yield FeatureFacts(
            circle_id(code), "core_circle", "半小时核心发展圈", "Half-hour core circle",
            _join([core.summary, core.circle.note], " "),
            _join([core.summary_en, core.circle.note_en], " "), (code,), tuple(core.citations),
            "schematic", "township",
        )
    for centre in facts.sub_centres:
        code = facts.resolve(centre.township).code
        yield FeatureFacts(
            centre_id(centre.id), "sub_centre", centre.name, centre.name_en or centre.name,
            _join([centre.summary, _join([f.name for f in centre.functions], "；")], " "),
            _join([centre.summary_en,
                   _join([f.name_en or f.name for f in centre.functions], "; ")], " "),
            (code,), tuple(centre.citations), "schematic", "seat", specificity=POINT,
        )
        centre_township = facts.resolve(centre.township)
        for place in centre.leads:
            led = facts.resolve(place.township).code
            yield FeatureFacts(
                led_id(led), "led", f"受{centre_township.name}副中心带动",
                f"Led by the {centre_township.name_en} sub-centre", centre.summary or "",
                centre.summary_en or "", (led, code), tuple(centre.citations), "schematic",
                "township",
            )
    for axis in facts.axes:
        towns = [facts.resolve(p.township) for p in axis.towns]
        yield FeatureFacts(
            axis.id, "axis", axis.name, axis.name_en or axis.name,
            f"{axis.role}：{' → '.join(t.name for t in towns)}",
            f"{axis.role_en or axis.role}: {' → '.join(t.name_en for t in towns)}",
            tuple(t.code for t in towns), tuple(axis.citations), "schematic", "seats_in_order",
            specificity=LINE,
        )


def _placed(facts: Plan, kind: str, fact, point_quality: str,
            area_quality: str = "schematic") -> Iterator[FeatureFacts]:
    """A fact drawn at its villages (id = the fact's id) and over townships (area ids)."""
    points = village_points()
    base = {
        "kind": kind, "name": fact.name, "name_en": fact.name_en or fact.name,
        "description": _join([fact.summary, fact.location_note], " "),
        "description_en": _join([fact.summary_en, fact.location_note_en], " "),
        "citations": tuple(fact.citations),
    }
    located = [(place, locate(place, points)) for place in fact.places]
    codes = _codes(facts, fact.places)
    at_villages = [where for _, where in located if where.point is not None]
    if at_villages or not fact.places:
        yield FeatureFacts(
            fact.id, townships=codes, quality=point_quality if at_villages else "schematic",
            placement="village" if at_villages else "unplaced",
            village="、".join(w.village for w in at_villages) or None, specificity=POINT,
            **base,
        )
    for _, where in located:
        if where.point is None:
            yield FeatureFacts(
                area_id(fact.id, where.township_code), townships=(where.township_code,),
                quality=area_quality, placement="township", **base,
            )


def _ecology(facts: Plan) -> Iterator[FeatureFacts]:
    for feature in facts.ecology_features:
        if feature.group == "三水":
            continue
        kind = "reservoir" if feature.group == "五库" else "protected_area"
        yield from _placed(facts, kind, feature, "approximate")
    river_quality = datastore.layer_info("xiangjiang")["quality"]
    for row in datastore.load_layer("xiangjiang").itertuples(index=False):
        fact = next((f for f in facts.ecology_features
                     if f.group == "三水" and f.name == row.name), None)
        yield FeatureFacts(
            river_id(str(row.name)), "river", str(row.name), str(row.name_en),
            (fact.summary or "") if fact else "", (fact.summary_en or "") if fact else "",
            _codes(facts, fact.places) if fact else (),
            tuple(fact.citations) if fact else (), river_quality, "data", specificity=LINE,
        )
    if facts.redline and datastore.has_layer("redline"):
        info = datastore.layer_info("redline")
        for index in range(len(datastore.load_layer("redline"))):
            yield FeatureFacts(
                redline_id(index), "redline", facts.redline.name,
                facts.redline.name_en or facts.redline.name,
                info["version_label_zh"], info["version_label_en"],
                (), tuple(facts.redline.citations), info["quality"], "data", specificity=REGION,
            )


def _industry(facts: Plan) -> Iterator[FeatureFacts]:
    for park in facts.parks:
        yield from _placed(facts, "park", park, "schematic")
    for entry in facts.industry_index():
        industry = facts.industry(entry.id)
        by_code: dict[str, list[str]] = {}
        for place in entry.townships:
            by_code.setdefault(place.code, []).append(place.mode)
        for code, modes in by_code.items():
            labels = [MODE_LABELS[m] for m in dict.fromkeys(modes)]
            yield FeatureFacts(
                highlight_id(entry.id, code), "industry", industry.name,
                industry.name_en or industry.name,
                _join([_join([zh for zh, _ in labels], "、"), industry.summary], "："),
                _join([_join([en for _, en in labels], ", "), industry.summary_en], ": "),
                (code,), tuple(c for a in industry.assignments for c in a.citations)
                or tuple(industry.citations), "approximate", "township",
            )


def _tourism(facts: Plan) -> Iterator[FeatureFacts]:
    points = village_points()
    for route in facts.routes:
        stop_codes = [code for stop in route.stops for code in _codes(facts,
                      facts.stop_places(stop))]
        yield FeatureFacts(
            route.id, "route", f"{route.number} {route.name}",
            f"{route.number} {route.name_en or route.name}",
            " → ".join(stop.name for stop in route.stops),
            " → ".join(stop.name_en or stop.name for stop in route.stops),
            tuple(dict.fromkeys(stop_codes)), tuple(route.citations), "schematic", "stops",
            specificity=LINE,
        )
        for position, stop in enumerate(route.stops, start=1):
            places = facts.stop_places(stop)
            if not places:
                continue
            where = locate(places[0], points)
            site = facts.site(stop.site) if stop.site else None
            yield FeatureFacts(
                stop_id(route.id, position), "route_stop", stop.name, stop.name_en or stop.name,
                _join([f"{route.number} {route.name} 第{position}/{len(route.stops)}站",
                       site.summary if site else None], "；"),
                _join([f"{route.number} {route.name_en or route.name}, stop {position} of "
                       f"{len(route.stops)}", site.summary_en if site else None], "; "),
                _codes(facts, places),
                (*route.citations, *(site.citations if site else ())), "schematic",
                "village" if where.point is not None else "seat", village=where.village,
                specificity=POINT,
            )


def _infrastructure(facts: Plan) -> Iterator[FeatureFacts]:
    """A road line, a project symbol (every project of its kind at one place), a district."""
    for item in infrastructure_items():
        projects, where = item.projects, item.anchors[0]
        if item.kind == "road-line":
            placement, specificity = "seats_in_order", LINE
        elif where.key.startswith("district:"):
            placement, specificity = "district", POINT
        elif where.village:
            placement, specificity = "village", POINT
        else:
            placement, specificity = "seat", POINT
        yield FeatureFacts(
            item.id, "project", _join([p.name for p in projects], "、"),
            _join([p.name_en or p.name for p in projects], "; "),
            _join([p.summary for p in projects], " "),
            _join([p.summary_en for p in projects], " "),
            tuple(dict.fromkeys(c for p in projects for c in _codes(facts, p.places))),
            tuple(c for p in projects for c in p.citations), "schematic", placement,
            village=where.village, specificity=specificity,
        )
    for district in facts.core.districts:
        yield FeatureFacts(
            f"{INFRASTRUCTURE_ID}:district:{district.id}", "district", district.name,
            district.name_en or district.name, district.summary or "", district.summary_en or "",
            _codes(facts, district.places), tuple(district.citations), "approximate", "district",
            specificity=REGION,
        )


CATALOGUE_LAYERS = ("townships", "seats", "villages", "xiangjiang", "redline")


@per_version(lambda: (plan_version(), layers_version(CATALOGUE_LAYERS)), maxsize=4)
def catalogue() -> dict[str, FeatureFacts]:
    """id -> FeatureFacts of every feature the map can draw (cached per plan and data version)."""
    facts = plan()
    found: dict[str, FeatureFacts] = {}
    for part in (_admin, _town_system, _ecology, _industry, _tourism, _infrastructure):
        for item in part(facts):
            found.setdefault(item.id, item)
    return found


def identify(ids: Iterable[str]) -> list[FeatureFacts]:
    """The known features among `ids` (a click's), most specific first; unknown ids are
    skipped (e.g. from a newer map than the catalogue)."""
    known = catalogue()
    found = [known[i] for i in dict.fromkeys(ids) if i in known]
    return sorted(found, key=lambda f: f.specificity)  # stable: the click's order breaks ties


def township_of(facts: list[FeatureFacts]) -> str | None:
    """The township a click selects: the township shape's, else the most specific feature's
    only township."""
    for item in facts:
        if item.kind == "township":
            return item.townships[0]
    for item in facts:
        if len(item.townships) == 1:
            return item.townships[0]
    return None
