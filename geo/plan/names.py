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
    or for a village the village name with its township (short) name in front.
    """
    if written in (official, township.short):
        return True
    target = village or official
    if any(n.written == written and n.normalised == target for n in normalisations):
        return True
    if village is None:
        return False
    return written in (village, f"{township.short}{village}", f"{township.name}{village}")
