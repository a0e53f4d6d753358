"""Every place in the plan data is a real township or village; every fact is cited, really.

Places are checked against the committed layers (data/layers/townships.geojson,
villages.geojson and the manifest's villages without coordinate) and against the raw
statistics-code CSV in ../shared/sources; each check is skipped only if its source is
absent. Citations are checked against the texts in ../shared/plan.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from geo.paths import LAYERS_DIR, MANIFEST_PATH, PROJECT_ROOT
from geo.plan import Plan, load_plan
from geo.plan.names import village_stem
from geo.plan.schema import Citation, PlaceRef

SHARED = PROJECT_ROOT.parent / "shared"
CODES_CSV = SHARED / "sources" / "adcode_430424_gcj02.csv"
PLAN_DIR_TEXTS = SHARED / "plan"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def places_from_layers() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(township code -> (name, kind), village code -> (name, township name)) from data/.

    villages.geojson holds the villages with a coordinate; the manifest lists the others
    (villages_without_coordinate).
    """
    townships_file = LAYERS_DIR / "townships.geojson"
    villages_file = LAYERS_DIR / "villages.geojson"
    if not (townships_file.is_file() and villages_file.is_file() and MANIFEST_PATH.is_file()):
        pytest.skip("layers not built in data/layers")
    towns = [f["properties"] for f in _features(townships_file)]
    villages = {
        p["code"]: (p["name"], p["township_name"])
        for p in (f["properties"] for f in _features(villages_file))
    }
    manifest = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))
    for v in manifest.get("villages_without_coordinate", []):
        villages.setdefault(v["code"], (v["name"], v["township"]))
    return {p["code"]: (p["name"], p["kind"]) for p in towns}, villages


def places_from_csv() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """The same, read from the raw statistics-code CSV in ../shared/sources."""
    if not CODES_CSV.is_file():
        pytest.skip(f"{CODES_CSV} not present")
    townships: dict[str, tuple[str, str]] = {}
    villages: dict[str, tuple[str, str]] = {}
    with CODES_CSV.open(encoding="utf-8") as f:
        for row in csv.reader(f):
            code, parent, name, level = row[0], row[1], row[2], row[3]
            if level == "town" and name[-1] in "镇乡":
                townships[code] = (name, name[-1])
            elif level == "village" and parent in townships:
                villages[code] = (name, townships[parent][0])
    return townships, villages


REFERENCE_SOURCES = [places_from_layers, places_from_csv]


def _features(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def walk(obj: Any, parents: tuple[Any, ...] = ()) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    """Every model inside obj with the chain of models above it."""
    if isinstance(obj, BaseModel):
        yield obj, parents
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), (*parents, obj))
    elif isinstance(obj, list):
        for item in obj:
            yield from walk(item, parents)


def all_places(plan: Plan) -> list[tuple[PlaceRef, tuple[Any, ...]]]:
    return [(m, parents) for m, parents in walk(plan) if isinstance(m, PlaceRef)]


# ---- places ------------------------------------------------------------------------


@pytest.mark.parametrize("reference", REFERENCE_SOURCES)
def test_the_17_townships_are_the_official_ones(plan: Plan, reference: Callable) -> None:
    townships, _ = reference()
    assert len(plan.townships) == 17
    assert {t.code: (t.name, t.kind) for t in plan.townships} == townships


@pytest.mark.parametrize("reference", REFERENCE_SOURCES)
def test_every_location_reference_resolves_to_a_real_township_or_village(
    plan: Plan, reference: Callable
) -> None:
    townships, villages = reference()
    places = all_places(plan)
    assert len(places) > 150
    for place, parents in places:
        where = getattr(parents[-1], "id", None) or getattr(parents[-1], "name", "?")
        if place.village is None:
            assert place.code in townships, (where, place)
            assert townships[place.code][0] == place.township, (where, place)
        else:
            assert place.code in villages, (where, place)
            name, township_name = villages[place.code]
            assert name == place.village, (where, place)
            assert township_name == place.township, (where, place)


def test_a_name_based_place_really_shares_the_name(plan: Plan) -> None:
    """basis "name" is mechanical: the fact's name contains the township's or village's name."""
    checked = 0
    for place, parents in all_places(plan):
        if place.basis != "name":
            continue
        owner = next(p for p in reversed(parents) if getattr(p, "name", None))
        stem = village_stem(place.village) if place.village else place.township[:-1]
        assert stem in owner.name or stem == place.written, (owner.name, place)
        checked += 1
    assert checked > 20


def test_a_fact_without_places_says_why(plan: Plan) -> None:
    unlocated = [m for m, _ in walk(plan) if hasattr(m, "location_note") and not m.places]
    assert unlocated, "some facts are not located by the texts"
    for fact in unlocated:
        if hasattr(fact, "site") and fact.site:
            continue  # a route stop located through its site
        assert fact.location_note, getattr(fact, "id", fact)


def test_every_township_has_industries_and_an_axis(plan: Plan) -> None:
    on_axis = {p.township for a in plan.axes for p in a.towns}
    for township in plan.townships:
        view = plan.township(township.code)
        assert view.industries, township.name
        assert township.name in on_axis
        assert view.axes


# ---- citations ---------------------------------------------------------------------


def cited_models(plan: Plan) -> list[BaseModel]:
    return [m for m, _ in walk(plan) if "citations" in type(m).model_fields]


def test_every_fact_has_a_citation(plan: Plan) -> None:
    facts = cited_models(plan)
    assert len(facts) > 100
    for fact in facts:
        cited = bool(fact.citations) or bool(getattr(fact, "assignments", None))
        assert cited, getattr(fact, "id", fact)
    for industry in plan.industries:
        for a in industry.assignments:
            assert a.citations, industry.id
    assert plan.redline.citations and plan.redline.types_citations
    assert plan.core.seat_citations


def normalise_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def texts(plan: Plan) -> dict[str, str]:
    files = {d.id: PLAN_DIR_TEXTS / d.file for d in plan.documents}
    if not all(f.is_file() for f in files.values()):
        pytest.skip(f"plan texts not in {PLAN_DIR_TEXTS}")
    return {doc: f.read_text(encoding="utf-8") for doc, f in files.items()}


def chapter_text(text: str, chapter: str) -> str:
    """From the chapter heading line to the next chapter heading (or the end)."""
    start = re.search(rf"^{chapter}\s", text, flags=re.M)
    assert start, chapter
    following = re.search(r"^第.{1,2}章\s", text[start.end() :], flags=re.M)
    end = start.end() + following.start() if following else len(text)
    return text[start.start() : end]


def test_every_citation_points_at_a_real_place_in_its_text(
    plan: Plan, texts: dict[str, str]
) -> None:
    citations = [m for m, _ in walk(plan) if isinstance(m, Citation)]
    assert len(citations) > 150
    for c in citations:
        text = texts[c.doc]
        if c.doc == "plan":
            scope = chapter_text(text, c.chapter)
            if c.section:
                assert re.search(rf"^{c.section}\s", scope, flags=re.M), c.label()
                scope = scope[re.search(rf"^{c.section}\s", scope, flags=re.M).start() :]
            for part in (c.part, c.box):
                if part:
                    assert normalise_spaces(part) in normalise_spaces(scope), c.label()
        else:
            assert normalise_spaces(c.section or "") in normalise_spaces(text), c.label()


OWN_WORDS_FIELDS = ("summary", "note", "location_note", "reason", "role", "detail")
COPY_LIMIT = 14
"""Longest run of characters an own-words field may share with a source text."""


def test_descriptions_are_in_our_own_words(plan: Plan, texts: dict[str, str]) -> None:
    sources = normalise_spaces("".join(texts.values()))
    checked = 0
    for model, _ in walk(plan):
        for field in OWN_WORDS_FIELDS:
            value = getattr(model, field, None)
            if not isinstance(value, str):
                continue
            flat = normalise_spaces(value)
            checked += 1
            for i in range(len(flat) - COPY_LIMIT):
                window = flat[i : i + COPY_LIMIT + 1]
                assert window not in sources, (getattr(model, "id", field), window)
    assert checked > 150
