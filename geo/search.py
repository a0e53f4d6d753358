"""One search box over the county: townships, villages, plan sites, industries and brands.

A query matches a name in Chinese (exact, prefix, substring), in pinyin with or without tone
marks or tone numbers ("dapu", "dà pǔ", "da4pu3") or by its initials ("dpz"), and the English
name. Works offline: the index is built once from the served layers and the plan data.

pypinyin loads its dictionaries (~55 MB, ~0.2 s) when first imported, so it is imported only
by build_index(); the app builds the index once per data version and keeps it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import geopandas as gpd

from geo.plan import Plan
from geo.plan.schema import PlaceRef

MAX_RESULTS = 10
VILLAGE_ZOOM = 14  # a point place: a village centre, or a site at one

# How well a query matches a name; lower ranks first.
EXACT, PREFIX, SUBSTRING, PINYIN = range(4)

# Kinds of result, in the order they are listed when they match equally well.
KINDS = (
    "township", "village", "reservoir", "protected_area", "river", "park", "site",
    "featured_town", "route_stop", "project", "industry", "brand",
)
_ECOLOGY_KIND = {"五库": "reservoir", "多区": "protected_area", "三水": "river"}
_NOT_LETTERS = re.compile(r"[^a-z]")
_NOT_NAME = re.compile(r"[\s·•“”\"'（）()、，,：:-]")


@dataclass(frozen=True)
class Target:
    """Where a result takes the map: a township (framed whole) or a point at a zoom (WGS84)."""

    township_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    zoom: int | None = None


@dataclass(frozen=True)
class SearchResult:
    """One hit: what it is, its label, its township, and where to go or what to highlight."""

    kind: str
    id: str  # township/village code, or the plan fact's / industry's id
    label: str
    label_en: str
    township: str | None  # township name ("" for a county-wide fact)
    township_code: str | None
    target: Target | None  # None: nothing to fly to (an industry, an unplaced fact)
    townships: tuple[str, ...] = ()  # codes an industry or brand is put in
    industry: str | None = None  # industry id to highlight (industry, brand of an industry)


@dataclass(frozen=True)
class _Entry:
    result: SearchResult
    names: tuple[str, ...]  # Chinese names and aliases, punctuation removed
    english: tuple[str, ...]  # the English name and each of its words, letters only
    spellings: tuple[str, ...]  # full pinyin and initials of each name
    order: int  # kind, then index order


@dataclass
class SearchIndex:
    """The searchable names; query() answers in well under a millisecond for this county."""

    entries: list[_Entry] = field(default_factory=list)

    def query(self, text: str, limit: int = MAX_RESULTS) -> list[SearchResult]:
        """The best matches for `text`, best first; [] for an empty or unmatched query."""
        name = _plain(text)
        letters = _letters(text)
        if not name and not letters:
            return []
        scored = []
        for entry in self.entries:
            rank = _rank(entry, name, letters)
            if rank is not None:
                scored.append((rank, entry.order, len(entry.result.label), entry.result))
        scored.sort(key=lambda item: item[:3])
        return [item[3] for item in scored[:limit]]


def _plain(text: str) -> str:
    """A name as compared: no spaces or punctuation, lower case."""
    return _NOT_NAME.sub("", unicodedata.normalize("NFKC", text)).lower()


def _letters(text: str) -> str:
    """Pinyin as compared: tone marks and tone numbers dropped, ü as u, letters only."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTERS.sub("", bare.replace("v", "u"))


def _rank(entry: _Entry, name: str, letters: str) -> int | None:
    if name:
        if name in entry.names:
            return EXACT
        if any(n.startswith(name) for n in entry.names):
            return PREFIX
        if any(name in n for n in entry.names):
            return SUBSTRING
    if len(letters) >= 2 and (
        any(s.startswith(letters) for s in (*entry.spellings, *entry.english))
    ):
        return PINYIN
    return None


def _spellings(names: Iterable[str]) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin  # ~55 MB of dictionaries: only when indexing

    spellings = []
    for name in names:
        syllables = [_letters(s) for s in lazy_pinyin(name, errors="ignore")]
        initials = [_letters(s)[:1] for s in lazy_pinyin(name, style=Style.FIRST_LETTER,
                                                           errors="ignore")]
        spellings += ["".join(syllables), "".join(initials)]
    return tuple(dict.fromkeys(s for s in spellings if s))


class _Builder:
    """Collects the entries of one index, with the plan's township lookup at hand."""

    def __init__(self, plan: Plan, villages: gpd.GeoDataFrame) -> None:
        self.plan = plan
        usable = villages[~villages["outlier"].fillna(False).astype(bool)]
        self.points = {str(code): (float(point.y), float(point.x))
                       for code, point in zip(usable["code"], usable.geometry, strict=True)}
        self.entries: list[_Entry] = []
        self.seen: set[tuple[str, str]] = set()

    def add(self, result: SearchResult, names: Iterable[str], english: str | None) -> None:
        key = (result.kind, result.id)
        if key in self.seen:
            return
        self.seen.add(key)
        plain = tuple(dict.fromkeys(_plain(n) for n in names if _plain(n)))
        order = KINDS.index(result.kind) * 10_000 + len(self.entries)
        words = (english or "").split()
        english_forms = tuple(f for f in (_letters(english or ""), *map(_letters, words)) if f)
        self.entries.append(_Entry(result, plain, english_forms, _spellings(plain), order))

    def place_target(self, place: PlaceRef) -> Target:
        """A village centre when the place is a village with a usable point, else its township."""
        point = self.points.get(place.code or "") if place.is_village else None
        if point is not None:
            return Target(lat=point[0], lon=point[1], zoom=VILLAGE_ZOOM)
        return Target(township_code=self.plan.resolve(place.township).code)

    def fact(self, kind: str, fact, extra_names: Iterable[str] = ()) -> None:
        """A plan fact: its first place is where the map goes; unplaced facts are still found."""
        places = list(fact.places)
        township = self.plan.resolve(places[0].township) if places else None
        self.add(
            SearchResult(
                kind=kind, id=fact.id, label=fact.name, label_en=fact.name_en or fact.name,
                township=township.name if township else "",
                township_code=township.code if township else None,
                target=self.place_target(places[0]) if places else None,
                townships=tuple(dict.fromkeys(self.plan.resolve(p.township).code
                                              for p in places)),
            ),
            [fact.name, *getattr(fact, "aliases", []), *extra_names],
            fact.name_en,
        )


def _townships(builder: _Builder) -> None:
    for township in builder.plan.townships:
        builder.add(
            SearchResult(kind="township", id=township.code, label=township.name,
                         label_en=township.name_en, township=township.name,
                         township_code=township.code,
                         target=Target(township_code=township.code)),
            [township.name], township.name_en,
        )


def _villages(builder: _Builder, villages: gpd.GeoDataFrame) -> None:
    for row in villages.sort_values("code").itertuples(index=False):
        code, township_code = str(row.code), str(row.township_code)
        point = builder.points.get(code)
        target = (Target(lat=point[0], lon=point[1], zoom=VILLAGE_ZOOM) if point
                  else Target(township_code=township_code))  # a flagged outlier: not its point
        builder.add(
            SearchResult(kind="village", id=code, label=str(row.name), label_en=str(row.name),
                         township=str(row.township_name), township_code=township_code,
                         target=target),
            [str(row.name)], None,
        )


def _sites(builder: _Builder) -> None:
    plan = builder.plan
    for feature in plan.ecology_features:
        builder.fact(_ECOLOGY_KIND[feature.group], feature)
    for park in plan.parks:
        builder.fact("park", park)
    for site in plan.sites:
        builder.fact("site", site)
    for town in plan.featured_towns:
        builder.fact("featured_town", town)
    for route in plan.routes:
        for stop in route.stops:
            if stop.site:  # the site itself is listed
                continue
            places = plan.stop_places(stop)
            township = plan.resolve(places[0].township) if places else None
            builder.add(
                SearchResult(
                    kind="route_stop", id=f"{route.id}/{stop.name}", label=stop.name,
                    label_en=stop.name_en or stop.name,
                    township=township.name if township else "",
                    township_code=township.code if township else None,
                    target=builder.place_target(places[0]) if places else None,
                ),
                [stop.name], stop.name_en,
            )
    for project in plan.projects:
        builder.fact("project", project)


def _industries(builder: _Builder) -> None:
    plan = builder.plan
    index = plan.industry_index()
    for entry in index:
        codes = tuple(dict.fromkeys(place.code for place in entry.townships))
        builder.add(
            SearchResult(kind="industry", id=entry.id, label=entry.name,
                         label_en=entry.name_en or entry.name, township=None,
                         township_code=None, target=None, townships=codes, industry=entry.id),
            [entry.name], entry.name_en,
        )
    for brand in plan.brands:
        codes = tuple(dict.fromkeys(plan.resolve(p.township).code for p in brand.places))
        township = plan.resolve(brand.places[0].township) if brand.places else None
        builder.add(
            SearchResult(kind="brand", id=brand.id, label=brand.name,
                         label_en=brand.name_en or brand.name,
                         township=township.name if township else "",
                         township_code=township.code if township else None,
                         target=Target(township_code=township.code) if township else None,
                         townships=codes, industry=brand_industry(plan, brand.name)),
            [brand.name], brand.name_en,
        )


def brand_industry(plan: Plan, brand_name: str) -> str | None:
    """The industry a brand is a product of: the longest industry name inside the brand's
    (三樟黄贡椒 -> 黄贡椒); None when no industry name is part of it."""
    matches = [i for i in plan.industries if _plain(i.name) in _plain(brand_name)]
    return max(matches, key=lambda i: len(i.name)).id if matches else None


def build_index(plan: Plan, villages: gpd.GeoDataFrame) -> SearchIndex:
    """Every searchable name of the plan and the village layer (columns code, name,
    township_code, township_name, outlier; WGS84 points)."""
    builder = _Builder(plan, villages)
    _townships(builder)
    _villages(builder, villages)
    _sites(builder)
    _industries(builder)
    return SearchIndex(builder.entries)


def all_names(index: SearchIndex) -> Iterator[str]:
    """The label of every township, village and site in the index (benchmark queries)."""
    for entry in index.entries:
        if entry.result.kind not in ("industry", "brand"):
            yield entry.result.label
