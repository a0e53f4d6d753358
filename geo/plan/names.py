"""Name normalisation: how a place written in the texts maps to an official township."""

from __future__ import annotations

from collections.abc import Iterable

from geo.plan.schema import Normalisation, Township


def township_lookup(
    townships: Iterable[Township], normalisations: Iterable[Normalisation]
) -> dict[str, Township]:
    """Every accepted spelling -> township: code, official name, short form, recorded variants."""
    lookup: dict[str, Township] = {}
    for township in townships:
        lookup[township.code] = township
        lookup[township.name] = township
        lookup[township.short] = township
    for norm in normalisations:
        if norm.level == "township" and norm.normalised in lookup:
            lookup[norm.written] = lookup[norm.normalised]
    return lookup


def is_accepted_spelling(
    written: str,
    official: str,
    village: str | None,
    township: Township,
    normalisations: Iterable[Normalisation],
) -> bool:
    """Whether `written` is a recognised way of writing the place `official` / `village`.

    Accepted: the official name, the township's short form, a recorded normalisation,
    or for a village its name, its name without 村/社区, or either with its township
    (short) name in front.
    """
    if written in (official, township.short):
        return True
    target = village or official
    if any(n.written == written and n.normalised == target for n in normalisations):
        return True
    if village is None:
        return False
    forms = {village, village_stem(village)}
    prefixed = {f"{prefix}{form}" for prefix in (township.short, township.name) for form in forms}
    return written in forms | prefixed


def village_stem(village: str) -> str:
    """A village name without its 村 / 社区 suffix (德圳村 -> 德圳, 杨山社区 -> 杨山)."""
    for suffix in ("社区", "村"):
        if village.endswith(suffix) and len(village) > len(suffix):
            return village[: -len(suffix)]
    return village
