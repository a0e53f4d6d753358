"""Read data/plan/*.yaml, validate each file, check cross-references, build the Plan."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from geo.paths import PLAN_DIR
from geo.plan import schema as s
from geo.plan.errors import PlanDataError, problem
from geo.plan.model import Plan
from geo.plan.names import is_accepted_spelling, township_lookup

PLAN_FILES: dict[str, type[BaseModel]] = {
    "documents.yaml": s.DocumentsFile,
    "townships.yaml": s.TownshipsFile,
    "normalisations.yaml": s.NormalisationsFile,
    "town_system.yaml": s.TownSystemFile,
    "industries.yaml": s.IndustriesFile,
    "parks_chains.yaml": s.ParksChainsFile,
    "ecology.yaml": s.EcologyFile,
    "tourism.yaml": s.TourismFile,
    "places.yaml": s.PlacesFile,
    "infrastructure.yaml": s.InfrastructureFile,
}
"""Each file of the knowledge base and the model that validates it."""


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (much faster), else the pure-Python one."""


def load_plan(path: Path = PLAN_DIR) -> Plan:
    """Load and validate every plan file under `path`; raise PlanDataError naming the problem."""
    path = Path(path)
    parsed: dict[str, BaseModel] = {}
    raws: dict[str, dict[str, Any]] = {}
    problems: list[tuple[str, str, str, str]] = []
    for file_name, model in PLAN_FILES.items():
        raw = raws[file_name] = _read_yaml(path / file_name)
        try:
            parsed[file_name] = model.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_describe(path / file_name, raw, exc))
    if problems:
        raise PlanDataError(problems)
    problems = _check_references(path, parsed, raws)
    if problems:
        raise PlanDataError(problems)
    _name_stops_after_sites(parsed["tourism.yaml"])
    fields: dict[str, Any] = {}
    for part in parsed.values():
        fields.update({name: getattr(part, name) for name in type(part).model_fields})
    return Plan(**fields)


def _name_stops_after_sites(tourism: s.TourismFile) -> None:
    """A route stop without an English name takes its site's."""
    sites = {site.id: site for site in tourism.sites}
    for route in tourism.routes:
        for stop in route.stops:
            if stop.site and not stop.name_en:
                stop.name_en = sites[stop.site].name_en


def _read_yaml(file: Path) -> dict[str, Any]:
    if not file.is_file():
        raise PlanDataError([problem(file, "-", "-", "file is missing")])
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise PlanDataError([problem(file, "-", "-", f"not valid YAML: {exc}")]) from exc
    if not isinstance(data, dict):
        raise PlanDataError([problem(file, "-", "-", "top level must be a mapping")])
    # keys starting with "x-" only hold YAML anchors (shared citations)
    return {k: v for k, v in data.items() if not str(k).startswith("x-")}


def _entry_name(raw: dict[str, Any], loc: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """Split a pydantic error location into the entry (top-level item) and the field path."""
    if not loc:
        return "-", ()
    key, rest = loc[0], loc[1:]
    value = raw.get(key) if isinstance(raw, dict) else None
    if rest and isinstance(rest[0], int) and isinstance(value, list):
        index, rest = rest[0], rest[1:]
        item = value[index] if index < len(value) else None
        ident = None
        if isinstance(item, dict):
            ident = item.get("id") or item.get("name") or item.get("code")
        return (f"{key}[{index}]" + (f" ({ident})" if ident else "")), rest
    return str(key), rest


def _describe(file: Path, raw: dict[str, Any], exc: ValidationError) -> list[tuple[str, ...]]:
    out = []
    for err in exc.errors():
        entry, rest = _entry_name(raw, tuple(err["loc"]))
        field = ".".join(str(p) for p in rest) or "-"
        out.append(problem(file, entry, field, err["msg"]))
    return out


def _walk(obj: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every model inside `obj`, with its location (like pydantic's error locations)."""
    if isinstance(obj, BaseModel):
        yield loc, obj
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk(item, (*loc, i))


def _check_references(
    path: Path, parsed: dict[str, BaseModel], raws: dict[str, dict[str, Any]]
) -> list[tuple[str, ...]]:
    """Places, documents, categories and industry ids must all point at something real."""
    townships = parsed["townships.yaml"].townships
    norms = parsed["normalisations.yaml"].normalisations
    lookup = township_lookup(townships, norms)
    official = {t.name: t for t in townships}
    doc_ids = {d.id for d in parsed["documents.yaml"].documents}
    categories = {c.id for c in parsed["industries.yaml"].categories}
    industry_ids = {i.id for i in parsed["industries.yaml"].industries}
    park_ids = {p.id for p in parsed["parks_chains.yaml"].parks}
    chain_ids = {c.id for c in parsed["parks_chains.yaml"].chains}
    site_ids = {site.id for site in parsed["tourism.yaml"].sites}
    district_ids = {d.id for d in parsed["town_system.yaml"].core.districts}
    links: list[tuple[type[BaseModel], str, set[str], str]] = [
        (s.SubCentre, "industries", industry_ids, "industry"),
        (s.AxisSegment, "industries", industry_ids, "industry"),
        (s.Park, "chains", chain_ids, "chain"),
        (s.Chain, "parks", park_ids, "park"),
    ]
    problems: list[tuple[str, ...]] = []

    for file_name, part in parsed.items():
        report = _reporter(path / file_name, raws[file_name], problems)
        _check_unique_ids(part, report)
        for loc, model in _walk(part):
            if isinstance(model, s.Citation) and model.doc not in doc_ids:
                report((*loc, "doc"), f"unknown document {model.doc!r}")
            elif isinstance(model, s.PlaceRef):
                _check_place(model, loc, official, lookup, norms, report)
                if model.district and model.district not in district_ids:
                    report((*loc, "district"), f"unknown district {model.district!r}")
            elif isinstance(model, s.Industry) and model.category not in categories:
                report((*loc, "category"), f"unknown category {model.category!r}")
            elif isinstance(model, s.RouteStop) and model.site and model.site not in site_ids:
                report((*loc, "site"), f"unknown tourism site {model.site!r}")
            for kind, field, known, what in links:
                if isinstance(model, kind):
                    for i, ident in enumerate(getattr(model, field)):
                        if ident not in known:
                            report((*loc, field, i), f"unknown {what} {ident!r}")
            if isinstance(model, s.SubCentre) and model.township not in official:
                report((*loc, "township"), f"unknown township {model.township!r}")
            if isinstance(model, s.Axis):
                names = [p.township for p in model.towns]
                for seg_i, seg in enumerate(model.segments):
                    for i, town in enumerate(seg.towns):
                        if town not in names:
                            where = (*loc, "segments", seg_i, "towns", i)
                            report(where, f"{town} is not on the axis")
    return problems


def _check_unique_ids(part: BaseModel, report: Callable[..., None]) -> None:
    """Within each top-level list of a file, ids (or codes, written forms) are unique."""
    for name in type(part).model_fields:
        seen: set[str] = set()
        items = getattr(part, name)
        for i, item in enumerate(items if isinstance(items, list) else []):
            key = next(k for k in ("id", "code", "written", "name") if hasattr(item, k))
            ident = getattr(item, key)
            if ident in seen:
                report((name, i, key), f"duplicate {key} {ident!r}")
            seen.add(ident)


def _reporter(
    file: Path, raw: dict[str, Any], problems: list[tuple[str, ...]]
) -> Callable[..., None]:
    """A function that records a problem at a model location inside `file`."""

    def report(loc: tuple[Any, ...], message: str) -> None:
        entry, rest = _entry_name(raw, loc)
        problems.append(problem(file, entry, ".".join(map(str, rest)) or "-", message))

    return report


def _check_place(place, loc, official, lookup, norms, report) -> None:  # noqa: ANN001
    """A place names an official township; a village code lies inside it; spellings are known."""
    township = official.get(place.township)
    if township is None:
        hint = lookup.get(place.township)
        suggestion = f" (write township: {hint.name}, written: {place.township})" if hint else ""
        report((*loc, "township"), f"unknown township {place.township!r}{suggestion}")
        return
    if place.village is None:
        if place.code not in (None, township.code):
            report((*loc, "code"), f"{place.code} is not the code of {township.name}")
        place.code = township.code
    elif place.code[:9] != township.code[:9]:
        report((*loc, "code"), f"village code {place.code} is not inside {township.name}")
    if place.written and not is_accepted_spelling(
        place.written, township.name, place.village, township, norms
    ):
        report(
            (*loc, "written"),
            f"{place.written!r} is not a known spelling of {place.village or township.name}; "
            "add it to normalisations.yaml",
        )
