"""How a township is shaded for an industry: the plan naming it a focus wins over a looser tie."""

from geo.plan.model import Plan

# A township tied to an industry in several ways gets the strongest shade: the plan naming it
# a focus (centred, or a sub-centre function) wins.
SHADE_OF_MODE = {
    "centred": "centred",
    "sub_centre": "centred",
    "radiating": "radiating",
    "driven": "radiating",
    "along_axis": "radiating",
}


def industry_shades(plan: Plan, industry_id: str) -> dict[str, str]:
    """Township code -> "centred" or "radiating" for every township the industry is put in;
    KeyError for an unknown industry."""
    entry = next((e for e in plan.industry_index() if e.id == industry_id), None)
    if entry is None:
        raise KeyError(f"no industry {industry_id!r} in data/plan/industries.yaml")
    shades: dict[str, str] = {}
    for place in entry.townships:
        shade = SHADE_OF_MODE[place.mode]
        if shades.get(place.code) != "centred":
            shades[place.code] = shade
    return shades
