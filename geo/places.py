"""Where a plan fact can be drawn: at its village (a geocoded point) or over its township.

Places are shown only as precisely as the plan data gives them: a village reference becomes
the village's centre point (unless that point is a known geocoding outlier), a township
reference becomes the township polygon, and a fact without places is not drawn. Used by the
web map (layers/) and the printed sheets (geo/sheets/).
"""

from dataclasses import dataclass

from shapely.geometry import Point

from geo.plan.current import plan
from geo.plan.schema import PlaceRef
from geo.web_geometry import web_frame


@dataclass(frozen=True)
class Location:
    """A drawable place: a village point (lon, lat in WGS84) or only its township."""

    township_code: str
    township_name: str
    village: str | None = None
    point: Point | None = None


def village_points() -> dict[str, Point]:
    """Village code -> centre point, leaving out the flagged geocoding outliers."""
    villages = web_frame("villages")
    usable = villages[~villages["outlier"].fillna(False).astype(bool)]
    return dict(zip(usable["code"].astype(str), usable.geometry, strict=True))


def locate(place: PlaceRef, points: dict[str, Point]) -> Location:
    """The most precise drawable location of a place reference."""
    township = plan().resolve(place.township)
    point = points.get(place.code) if place.is_village and place.code else None
    return Location(
        township_code=township.code,
        township_name=township.name,
        village=place.village if point is not None else None,
        point=point,
    )
