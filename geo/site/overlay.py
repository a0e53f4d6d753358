"""The townships a site falls in (share of its area, length or points) and the nearest villages."""

import shapely
from shapely.geometry.base import BaseGeometry

from geo.site.extent import size
from geo.site.layers import basis, layer
from geo.site.measure import M2_PER_MU, POLYGONAL, distance_m

VILLAGES_PER_TOWNSHIP = 3


def measure_kind(geometry: BaseGeometry) -> str:
    """'area', 'length' or 'points': what the shares are shares of."""
    if geometry.geom_type in POLYGONAL:
        return "area"
    if geometry.geom_type in ("Point", "MultiPoint"):
        return "points"
    return "length"


def townships(checked: BaseGeometry, inside: BaseGeometry) -> dict:
    """Per township: the part of the site in it and its share of the whole site."""
    kind, total = measure_kind(checked), size(checked)
    frame, villages = layer("townships"), layer("villages")
    items = []
    for row in frame.itertuples():
        part = shapely.intersection(inside, row.geometry)
        amount = size(part) if not part.is_empty else 0.0
        if amount <= 0:
            continue
        item = {"code": str(row.code), "name": row.name, "name_en": getattr(row, "name_en", None),
                "share": round(amount / total, 6)}
        if kind == "area":
            item.update(area_m2=round(amount, 1), area_km2=round(amount / 1e6, 6),
                        area_mu=round(amount / M2_PER_MU, 2))
        elif kind == "length":
            item["length_m"] = round(amount, 1)
        item["villages"] = nearest_villages(part, villages, str(row.code))
        items.append(item)
    items.sort(key=lambda i: -i["share"])
    return {"measure": kind, **basis("townships"), "items": items}


def nearest_villages(part: BaseGeometry, villages, code: str) -> list[dict]:
    """The village points of the township nearest to the part of the site in it."""
    own = villages[(villages["township_code"].astype(str) == code)
                   & ~villages["outlier"].fillna(False).astype(bool)]
    ranked = sorted(((distance_m(part, v.geometry), v) for v in own.itertuples()),
                    key=lambda pair: pair[0])
    return [{"code": str(v.code), "name": v.name, "distance_m": round(d, 0)}
            for d, v in ranked[:VILLAGES_PER_TOWNSHIP]]
