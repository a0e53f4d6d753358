"""What a user may name on the command line or in the dialog: a township (name, short name,
pinyin, code) or an industry (id, Chinese or English name); unknown names get the closest."""

from __future__ import annotations

import difflib

from geo.plan import Plan


class UnknownChoice(LookupError):
    """A township or industry that is not in the plan; the message names the closest ones."""


def _closest(written: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(written, candidates, n=5, cutoff=0.3)
    if not close:  # e.g. one character of a Chinese name: match by containment
        close = [c for c in candidates if written and (written in c or c in written)][:5]
    return "、".join(close) if close else "none"


def township_code(plan: Plan, written: str) -> str:
    """The 12-digit code of a township written as its name, short name, variant, pinyin or
    code."""
    written = written.strip()
    by_pinyin = {}
    for t in plan.townships:  # "Ronghuan Town", "ronghuan"
        by_pinyin[t.name_en.lower()] = t.code
        by_pinyin[t.name_en.lower().removesuffix(" town").removesuffix(" township")] = t.code
    if written.lower() in by_pinyin:
        return by_pinyin[written.lower()]
    try:
        return plan.resolve(written).code
    except KeyError:
        names = [t.name for t in plan.townships] + [t.name_en for t in plan.townships]
        raise UnknownChoice(
            f"unknown township {written!r}; closest: {_closest(written, names)}"
        ) from None


def industry_id(plan: Plan, written: str) -> str:
    """The id of an industry written as its id, Chinese name or English name."""
    written = written.strip()
    for industry in plan.industries:
        if written in (industry.id, industry.name) or written.lower() == (
            industry.name_en or ""
        ).lower():
            return industry.id
    names = [i.name for i in plan.industries] + [i.id for i in plan.industries]
    raise UnknownChoice(f"unknown industry {written!r}; closest: {_closest(written, names)}")
