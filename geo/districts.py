"""Where a district of the county town (河西新区) lies, approximately.

The plan names no township for 河西新区; the statistics list files the villages of 河西开发区
under the zone. The district is drawn at the mean of those villages' geocoded points (known
outliers left out), marked approximate: a stand-in for where it is, not its extent.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import Point, Polygon

from geo import datastore
from geo.paths import MANIFEST_PATH
from geo.plan.schema import District

ZONE_PREFIX = 9
"""Digits of a 12-digit statistics code that name the town-level unit (430424401 = 河西开发区)."""


@dataclass(frozen=True)
class DistrictLocation:
    """An approximate point for a district and the villages it was derived from."""

    district_id: str
    point: Point  # WGS84 lon/lat
    villages: tuple[str, ...]
    village_points: tuple[Point, ...]
    unlocated_villages: int  # villages of the zone without a usable coordinate

    def as_dict(self) -> dict[str, object]:
        """For the JSON export."""
        return {
            "lon": round(self.point.x, 5),
            "lat": round(self.point.y, 5),
            "quality": "approximate",
            "method": "mean of the zone's geocoded village points",
            "villages": list(self.villages),
            "villages_without_point": self.unlocated_villages,
        }


def district_location(district: District) -> DistrictLocation | None:
    """The mean point of the zone's usable village points, or None if it has none (also when
    an imported villages layer carries no statistics codes)."""
    villages = datastore.load_layer("villages")
    if "code" not in villages.columns:
        return None
    in_zone = villages[villages["code"].astype(str).str[:ZONE_PREFIX]
                       == district.zone_code[:ZONE_PREFIX]]
    if "outlier" in in_zone.columns:
        in_zone_usable = ~in_zone["outlier"].fillna(False).astype(bool)
        usable = in_zone[in_zone_usable].sort_values("code")
    else:
        usable = in_zone.sort_values("code")
    zones = json.loads(MANIFEST_PATH.read_text(encoding="utf-8")).get("development_zones", [])
    manifest_zone = next((z for z in zones if z["code"] == district.zone_code), None)
    total = int(manifest_zone["villages"]) if manifest_zone else len(in_zone)
    if usable.empty:
        return None
    point = Point(usable.geometry.x.mean(), usable.geometry.y.mean())
    return DistrictLocation(district.id, point, tuple(usable["name"].astype(str)),
                            tuple(usable.geometry), total - len(usable))


DISTRICT_MARGIN_KM = 0.8


def district_area(location: DistrictLocation) -> Polygon:
    """A circle standing for the district: around the centre, reaching a little beyond its
    farthest source village (approximate; not the district's boundary)."""
    centre = location.point
    km_per_deg_y = 111.32
    km_per_deg_x = km_per_deg_y * math.cos(math.radians(centre.y))
    reach = max((math.hypot((v.x - centre.x) * km_per_deg_x, (v.y - centre.y) * km_per_deg_y)
                 for v in location.village_points), default=0.0)
    radius_km = reach + DISTRICT_MARGIN_KM
    circle = Point(0, 0).buffer(1, quad_segs=16)
    return affinity.affine_transform(
        circle, [radius_km / km_per_deg_x, 0, 0, radius_km / km_per_deg_y, centre.x, centre.y])
