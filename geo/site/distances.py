"""Distances from the site to the county seat, the nearest sub-centre and axis, and the 湘江.

The axes are schematic: the plan names the towns an axis runs through, in order, and the map
joins their seats with straight lines (layers/town_system.py draws the same lines).
"""

import shapely
from shapely.geometry.base import BaseGeometry

from geo.site.layers import layer
from geo.site.measure import distance_m
from geo.site.plan_context import plan


def _seats() -> dict[str, BaseGeometry]:
    seats = layer("seats")
    return dict(zip(seats["code"].astype(str), seats.geometry, strict=True))


def axis_lines() -> list[tuple[object, BaseGeometry]]:
    """(axis, line through its towns' seats in the plan's order) for every axis."""
    facts, seats = plan(), _seats()
    return [(axis, shapely.LineString([seats[facts.resolve(p.township).code] for p in axis.towns]))
            for axis in facts.axes]


def distances(site: BaseGeometry) -> dict:
    """Each distance in metres with what it is measured to and how exact that is."""
    facts, seats = plan(), _seats()
    seat_frame = layer("seats")
    county_seat = seat_frame[seat_frame["is_county_seat"].astype(bool)].iloc[0]
    centres = [(c, facts.resolve(c.township)) for c in facts.sub_centres]
    centre, town = min(centres, key=lambda pair: distance_m(site, seats[pair[1].code]))
    axis, line = min(axis_lines(), key=lambda pair: distance_m(site, pair[1]))
    river = layer("xiangjiang").union_all()
    return {
        "county_seat": {"name": f"县城（{county_seat['name']}驻地）",
                        "name_en": f"County seat ({county_seat['name_en']})",
                        "distance_m": round(distance_m(site, county_seat.geometry), 0),
                        "quality": "approximate"},
        "sub_centre": {"name": centre.name, "name_en": centre.name_en, "township": town.name,
                       "distance_m": round(distance_m(site, seats[town.code]), 0),
                       "quality": "approximate"},
        "axis": {"id": axis.id, "name": axis.name, "name_en": axis.name_en,
                 "distance_m": round(distance_m(site, line), 0), "quality": "schematic"},
        "xiangjiang": {"name": "湘江", "name_en": "Xiang River",
                       "distance_m": round(distance_m(site, river), 0), "quality": "approximate"},
    }
