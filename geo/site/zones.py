"""CGCS2000 Gauss-Krüger zones 衡东县 is delivered in, and which EPSG code a coordinate pair means.

衡东县 (112.7–113.3°E) lies in the 3-degree zone 38 (CM 114°E) and the 6-degree zone 19 (CM 111°E).
An easting with the zone number in front (38 402 345.67) names its zone; one without it
(402 345.67) does not, and the user says which zone is meant.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Zone:
    """One Gauss-Krüger zone: its EPSG codes with and without the zone prefix in the easting."""

    key: str  # "3-38" or "6-19": what the user picks
    width: int  # degrees
    number: int
    central_meridian: int
    epsg_prefixed: int
    epsg_plain: int

    @property
    def label_zh(self) -> str:
        return (f"CGCS2000 高斯-克吕格 {self.width}° 带第 {self.number} 带"
                f"（中央经线 {self.central_meridian}°E）")

    @property
    def label_en(self) -> str:
        return (f"CGCS2000 Gauss-Krüger {self.width}° zone {self.number} "
                f"(CM {self.central_meridian}°E)")


ZONES: dict[str, Zone] = {z.key: z for z in (
    Zone("3-38", 3, 38, 114, 4526, 4547),
    Zone("6-19", 6, 19, 111, 4497, 4508),
)}
DEFAULT_ZONE = "3-38"


def zone_of_prefix(easting: float) -> Zone | None:
    """The zone named by the number in front of an easting (38: 3° zone 38, 19: 6° zone 19)."""
    number = int(easting // 1_000_000)
    return next((z for z in ZONES.values() if z.number == number), None)


def has_zone_prefix(easting: float) -> bool:
    """Eastings without a prefix are below 1 000 000 m."""
    return easting >= 1_000_000


def zone(key: str) -> Zone:
    """The zone a user picked ('3-38' or '6-19'); ValueError naming the choices otherwise."""
    if key not in ZONES:
        raise ValueError(f"unknown zone {key!r}; choose one of {', '.join(ZONES)}")
    return ZONES[key]
