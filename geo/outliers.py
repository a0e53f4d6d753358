"""Reject geocoded village points that cannot lie in the township they are listed under.

Villages of one township form a contiguous cluster around its seat, about 1-3 km apart. Two
tests, in this order, each on metric coordinates (km):

1. isolated: no other point of the same township (village or seat) within ISOLATION_KM;
2. foreign surroundings (on the points kept by test 1): at most MAX_OWN_NEIGHBOURS of its
   NEIGHBOURS nearest points belong to its township AND it lies more than FAR_FROM_SEAT_KM
   from its own seat (SOURCES.md: the wrong ones are 9-38 km off; a point nearer its seat may
   simply sit on a border).

Seats are never rejected: they anchor each township.
"""

from collections import Counter
from dataclasses import dataclass

import numpy as np

ISOLATION_KM = 8.0
NEIGHBOURS = 6
MAX_OWN_NEIGHBOURS = 1
FAR_FROM_SEAT_KM = 9.0


@dataclass(frozen=True)
class TownshipPoint:
    """A village or seat position in a metric CRS (km), with the township it is listed under."""

    key: str
    township: str
    x_km: float
    y_km: float
    is_seat: bool = False


def _describe(townships: list[str]) -> str:
    ranked = sorted(Counter(townships).items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{name} ×{count}" for name, count in ranked)


def find_outliers(points: list[TownshipPoint]) -> dict[str, str]:
    """Map the key of every rejected (non-seat) point to the reason it was rejected."""
    xy = np.array([(p.x_km, p.y_km) for p in points], dtype=float).reshape(-1, 2)
    towns = np.array([p.township for p in points])
    seat_index = {p.township: i for i, p in enumerate(points) if p.is_seat}
    distance = np.linalg.norm(xy[:, None, :] - xy[None, :, :], axis=2)
    np.fill_diagonal(distance, np.inf)
    reasons: dict[str, str] = {}

    for i, point in enumerate(points):
        if point.is_seat:
            continue
        same = towns == point.township
        nearest_same = float(distance[i][same].min()) if same.sum() > 1 else np.inf
        if nearest_same > ISOLATION_KM:
            order = np.argsort(distance[i], kind="stable")[:NEIGHBOURS]
            reasons[point.key] = (
                f"isolated: the nearest other point of {point.township} is "
                f"{nearest_same:.1f} km away (limit {ISOLATION_KM:g} km); its {NEIGHBOURS} "
                f"nearest points belong to {_describe(list(towns[order]))}"
            )

    kept = np.array([p.key not in reasons for p in points])
    for i, point in enumerate(points):
        if point.is_seat or not kept[i]:
            continue
        candidates = np.flatnonzero(kept & (np.arange(len(points)) != i))
        order = candidates[np.argsort(distance[i][candidates], kind="stable")[:NEIGHBOURS]]
        own = int((towns[order] == point.township).sum())
        to_seat = float(distance[i][seat_index[point.township]])
        if own <= MAX_OWN_NEIGHBOURS and to_seat > FAR_FROM_SEAT_KM:
            reasons[point.key] = (
                f"in foreign surroundings: {NEIGHBOURS - own} of its {NEIGHBOURS} nearest points "
                f"belong to other townships ({_describe(list(towns[order]))}) and it is "
                f"{to_seat:.1f} km from the {point.township} seat (limit {FAR_FROM_SEAT_KM:g} km)"
            )
    return reasons
