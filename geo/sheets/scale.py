"""The sheet's projection and scale: a transverse Mercator centred on the sheet (scale 1 at
its centre), a round scale denominator that fits the content, and a round scale bar."""

from __future__ import annotations

import math

SCALE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5)  # x 10^k
BAR_STEPS = (1.0, 2.0, 5.0)  # x 10^k metres


def sheet_crs(lon: float, lat: float) -> str:
    """A transverse Mercator with scale factor 1 at (lon, lat): distances on the sheet are
    true at its centre (and within 0.01 % over a county)."""
    return (f"+proj=tmerc +lat_0={lat:.6f} +lon_0={lon:.6f} +k=1 +x_0=0 +y_0=0 "
            "+ellps=WGS84 +units=m +no_defs")


def round_denominator(raw: float) -> int:
    """The smallest round scale denominator (1:10 000, 1:25 000, 1:250 000 …) >= raw."""
    if raw <= 0:
        raise ValueError(f"scale denominator must be positive, got {raw}")
    exponent = math.floor(math.log10(raw))
    for power in (exponent, exponent + 1):
        for step in SCALE_STEPS:
            value = step * 10**power
            if value >= raw * (1 - 1e-9):
                return int(round(value))
    raise AssertionError("unreachable")


def scale_text(denominator: int) -> str:
    """1:250 000 (digits grouped by thin spaces of three, the Chinese map convention)."""
    return f"1:{denominator:,}".replace(",", " ")


def bar_length_m(denominator: int, target_mm: float) -> float:
    """A round ground length (1, 2, 5 x 10^k m) whose bar is at most target_mm on paper."""
    target_m = target_mm / 1000 * denominator
    exponent = math.floor(math.log10(target_m))
    best = 10.0**exponent
    for power in (exponent - 1, exponent):
        for step in BAR_STEPS:
            if step * 10**power <= target_m:
                best = max(best, step * 10**power)
    return best


