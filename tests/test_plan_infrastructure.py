"""Infrastructure, projects, 河西新区 and the openness of every list, against the texts.

Lists are found in the text they cite (plan outline or report), scoped to the cited chapter,
section, part and 专栏; a list is open exactly when 等 ("and others") follows it there.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from shapely.geometry import Point

from geo.districts import district_location
from geo.export import plan_csv_rows, plan_to_dict, write_plan
from geo.paths import PROJECT_ROOT
from geo.plan import Plan, load_plan
from geo.plan.schema import PROJECT_KINDS, Citation, Label, PlaceRef

TEXTS = PROJECT_ROOT.parent / "shared" / "plan"
SEPARATORS = r"\s*[、，,和\-—–－]\s*"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


@pytest.fixture(scope="module")
def texts(plan: Plan) -> dict[str, str]:
    files = {d.id: TEXTS / d.file for d in plan.documents}
    if not all(f.is_file() for f in files.values()):
        pytest.skip(f"plan texts not in {TEXTS}")
    return {doc: f.read_text(encoding="utf-8") for doc, f in files.items()}


def cited_scope(text: str, citation: Citation) -> str:
    """The part of a text a citation points at: from its chapter / section / part / 专栏 on."""
    if citation.doc != "plan":
        return text[text.index(citation.section):] if citation.section else text
    start = re.search(rf"^{citation.chapter}\s", text, flags=re.M).start()
    following = re.search(r"^第.{1,2}章\s", text[start + 4:], flags=re.M)
    scope = text[start: start + 4 + following.start()] if following else text[start:]
    for marker in (citation.section, citation.part, citation.box):
        if marker and marker in scope:
            scope = scope[scope.index(marker):]
    return scope


def place_forms(plan: Plan, place: PlaceRef) -> list[str]:
    """Every way the text may write a place of a list."""
    township = plan.resolve(place.township)
    forms = {place.written} if place.written else set()
    if place.village:
        forms |= {place.village, township.short + place.village, township.name + place.village}
    else:
        forms |= {township.name, township.short}
    return sorted(forms, key=len, reverse=True)


def text_lists(plan: Plan) -> Iterator[tuple[str, list[list[str]], bool, list[Citation]]]:
    """(label, the forms of each member in order, open_list flag, citations) of every list
    of two or more members in the data."""
    for industry in plan.industries:
        for i, a in enumerate(industry.assignments):
            yield (f"{industry.id}[{i}]", [place_forms(plan, p) for p in a.places], a.open_list,
                   a.citations)
    circle = plan.core.circle
    yield ("core circle", [place_forms(plan, p) for p in circle.places], circle.open_list,
           plan.core.citations)
    for axis in plan.axes:
        yield (axis.id, [place_forms(plan, p) for p in axis.towns], axis.open_list,
               axis.citations)
    for centre in plan.sub_centres:
        yield (f"{centre.id} leads", [place_forms(plan, p) for p in centre.leads], False,
               centre.citations)
    for route in plan.routes:
        yield (route.id, [[s.name] for s in route.stops], False, route.citations)
    for project in plan.projects:
        if project.items:
            yield (project.id, [[item.name] for item in project.items], project.open_list,
                   project.citations)


def find_list(texts: dict[str, str], members: list[list[str]], citations: list[Citation]
              ) -> re.Match[str] | None:
    pattern = SEPARATORS.join(
        "[“\"]?(?:" + "|".join(map(re.escape, forms)) + ")[”\"]?" for forms in members
    )
    for citation in citations:
        found = re.search(pattern, cited_scope(texts[citation.doc], citation))
        if found:
            return found
    return None


def test_every_list_is_open_exactly_when_the_text_ends_it_in_deng(
    plan: Plan, texts: dict[str, str]
) -> None:
    checked = []
    for label, members, open_list, citations in text_lists(plan):
        if len(members) < 2:
            continue
        found = find_list(texts, members, citations)
        assert found, f"{label}: list not found in its cited text"
        text_open = found.string[found.end():].startswith("等")
        assert open_list == text_open, f"{label}: open_list={open_list}, text: " + \
            found.string[found.start(): found.end() + 6]
        checked.append((label, text_open))
    assert len(checked) > 40
    opened = {label for label, is_open in checked if is_open}
    # the three 第八章 lists the first version stored as complete
    assert {"oil-tea[0]", "herbs[0]", "tea[0]"} <= opened


def test_every_project_is_cited_and_placed_or_says_why(plan: Plan) -> None:
    kinds = {p.kind for p in plan.projects}
    assert kinds == set(PROJECT_KINDS)
    for project in plan.projects:
        assert project.citations, project.id
        if not project.places:
            assert project.location_note, project.id
        for place in project.places:
            township = plan.resolve(place.township)
            assert place.code == township.code or (place.village and place.code), project.id
            if place.district:
                assert place.basis == "zone"
                district = next(d for d in plan.core.districts if d.id == place.district)
                assert district_location(district) is not None, project.id


def test_a_road_links_its_towns_in_the_text_order(plan: Plan, texts: dict[str, str]) -> None:
    roads = [p for p in plan.projects if p.kind == "road" and len(p.places) >= 2]
    assert len(roads) >= 4
    for road in roads:
        ends = re.search(r"(\S+)至(\S+)", road.name).groups()
        first, second = (place_forms(plan, p) for p in road.places)
        assert any(f in ends[0] for f in first) and any(f in ends[1] for f in second), road.id
    seat_road = next(p for p in plan.projects if p.id == "proj-g240-seat-reroute")
    assert [(p.township, p.written) for p in seat_road.places] == [("洣水镇", "县城")]
    assert "G240衡东县城改线" in texts["plan"]


def test_hexi_is_located_approximately_from_its_development_zone(plan: Plan) -> None:
    (hexi,) = plan.core.districts
    location = district_location(hexi)
    assert location.villages == ("大势塘村", "秋波村")
    seat = Point(112.953168, 27.08117)  # the county record, GCJ-02; the offset is < 1 km
    assert 2 < location.point.distance(seat) * 111 < 8  # km, west of the county town
    assert location.point.x < seat.x
    (place,) = hexi.places
    assert place.basis == "zone" and place.district == "hexi"
    mishui = plan.township("洣水镇")
    in_hexi = [f for f in mishui.projects if f.place.district == "hexi"]
    assert {f.id for f in in_hexi} >= {"hexi", "proj-hexi-complex", "proj-hexi-farmers-market",
                                       "proj-tucai-culture-city"}
    pump_town = next(t for t in plan.featured_towns if t.id == "town-pump")
    assert pump_town.places[0].district == "hexi"


def test_the_json_export_has_projects_kinds_open_flags_and_hexi(plan: Plan) -> None:
    data = plan_to_dict(plan)
    assert {p["kind"] for p in data["projects"]} == set(PROJECT_KINDS)
    assert all(p["citations"] for p in data["projects"])
    hexi = data["core"]["districts"][0]
    assert hexi["location"]["quality"] == "approximate" and hexi["location"]["lon"] > 112
    assert data["core"]["circle"]["open_list"] is True
    assert any(p.get("open_list") for p in data["projects"])
    oil_tea = next(i for i in plan.industry("oil-tea").assignments if i.mode == "centred")
    assert oil_tea.open_list


def test_the_csv_export_carries_every_list_flag(plan: Plan) -> None:
    out = io.StringIO()
    write_plan(plan, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == len(plan_csv_rows(plan))
    open_axes = {a.id for a in plan.axes if a.open_list}
    axis_rows = [r for r in rows if r["via"].startswith("axis:")]
    for row in axis_rows:
        axis_id = row["via"].split(":")[1].split("/")[0]
        assert row["open_list"] == ("yes" if axis_id in open_axes else "no"), row
    assert any(r["open_list"] == "yes" for r in axis_rows)
    flags = {(r["township_code"], r["industry_id"], r["mode"], r["via"]): r["open_list"]
             for r in rows if r["via"] == "industries"}
    for industry in plan.industries:
        for a in industry.assignments:
            for place in a.places:
                key = (plan.resolve(place.township).code, industry.id, a.mode, "industries")
                assert flags[key] == ("yes" if a.open_list else "no"), key


def test_item_labels_have_english(plan: Plan) -> None:
    items: list[Label] = [i for p in plan.projects for i in p.items]
    assert items and all(i.name_en for i in items)
