"""matplotlib, imported only when a sheet is printed (the viewer never pays for it), set up
for print: Noto Sans CJK (Debian fonts-noto-cjk, converted to TrueType outlines by
geo/sheets/fonts.py) embedded as Type 42, so text stays text in the PDF."""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType

from geo.sheets.fonts import FAMILY, SOURCE_FAMILY, print_fonts


class SheetFontError(RuntimeError):
    """The CJK font the sheets need is not installed."""


@lru_cache(maxsize=1)
def matplotlib() -> ModuleType:
    """matplotlib, configured for the sheets (once per process)."""
    import matplotlib as mpl

    mpl.use("Agg")  # no display; PDF and PNG are written by their own backends
    from matplotlib import font_manager

    try:
        font_manager.findfont(font_manager.FontProperties(family=SOURCE_FAMILY),
                              fallback_to_default=False)
    except ValueError:
        raise SheetFontError(
            f"font {SOURCE_FAMILY!r} not found: install Debian's fonts-noto-cjk "
            "(bash scripts/setup.sh does)"
        ) from None
    for path in print_fonts():
        font_manager.fontManager.addfont(str(path))
    mpl.rcParams.update({
        "font.family": [FAMILY, SOURCE_FAMILY],  # glyph by glyph: converted, else original
        "pdf.fonttype": 42,  # embed the font (TrueType/Type 42 or CID), never outlines
        "axes.unicode_minus": False,
        "lines.scale_dashes": False,  # dash lengths in points, like Leaflet's in px
        "path.simplify": True,
        "savefig.facecolor": "white",
    })
    return mpl
