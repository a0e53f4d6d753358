"""The sheets' font: Debian's Noto Sans CJK SC with its CFF outlines converted to TrueType
outlines for the characters map text uses, cached under .cache/fonts/.

Why: matplotlib's Type 42 PDF writer declares every embedded font TrueType (CIDFontType2,
FontFile2). Noto CJK has CFF outlines, so embedded as they are the PDF is mis-declared:
poppler copes, ghostscript draws no text at all (matplotlib issue #20870). Converted, the
embedded subset is a real TrueType font and every renderer shows the text as text.

The converted set is GB 2312, the punctuation and symbols maps use and every character of the
project's plan data and sheet labels; a character outside it falls back to the original
Noto font (matplotlib falls back glyph by glyph along font.family). The converted font is
renamed (OFL: a modified font does not keep the original's reserved names).

    python -m geo.sheets.fonts      # build the cache now (scripts/setup.sh does)
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from geo.paths import DATA_DIR, PLAN_DIR, PROJECT_ROOT

SOURCE_FAMILY = "Noto Sans CJK SC"
FAMILY = "Hengdong Print Sans SC"
CACHE_DIR = PROJECT_ROOT / ".cache" / "fonts"
WEIGHTS = ("regular", "bold")
REPERTOIRE_VERSION = 1  # bump when the repertoire rule changes
RANGES = (
    (0x0020, 0x024F),  # Latin
    (0x02B0, 0x02FF), (0x0370, 0x03FF),  # modifier letters, Greek (μ)
    (0x2000, 0x206F), (0x2070, 0x209F),  # general punctuation, super/subscripts
    (0x2100, 0x218F), (0x2190, 0x21FF),  # letterlike (℃, №), arrows
    (0x2200, 0x22FF), (0x2460, 0x24FF),  # maths operators, circled numbers
    (0x2500, 0x25FF), (0x3000, 0x303F),  # box drawing and shapes, CJK punctuation
    (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),  # enclosed, squared (㎡), full width
)


def _gb2312() -> set[int]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def repertoire() -> set[int]:
    """Code points to convert: GB 2312, the RANGES and the project's own texts."""
    points = _gb2312()
    for start, end in RANGES:
        points.update(range(start, end + 1))
    texts = [*PLAN_DIR.glob("*.yaml"), DATA_DIR / "manifest.json",
             Path(__file__).with_name("labels.py")]
    for path in texts:
        points.update(ord(c) for c in path.read_text(encoding="utf-8"))
    return {p for p in points if p >= 0x20}


def source_face(weight: str) -> tuple[Path, int]:
    """The Debian Noto CJK file of this weight and the index of its SC face."""
    from fontTools.ttLib import TTCollection
    from matplotlib import font_manager

    props = font_manager.FontProperties(family=SOURCE_FAMILY, weight=weight.replace(
        "regular", "normal"))
    path = Path(font_manager.findfont(props, fallback_to_default=False))
    if path.suffix.lower() != ".ttc":
        return path, 0
    faces = TTCollection(path, lazy=True).fonts
    for index, face in enumerate(faces):
        if face["name"].getDebugName(1) == SOURCE_FAMILY:
            return path, index
    raise ValueError(f"{path}: no {SOURCE_FAMILY!r} face")


def cached_path(weight: str) -> Path:
    """Where the converted font of `weight` is (or will be) cached for this source file."""
    path, index = source_face(weight)
    stat = path.stat()
    key = f"{path}|{index}|{stat.st_size}|{stat.st_mtime_ns}|{REPERTOIRE_VERSION}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return CACHE_DIR / f"hengdong-print-sans-sc-{weight}-{digest}.ttf"


def _rename(font, weight: str) -> None:
    style = "Bold" if weight == "bold" else "Regular"
    names = {1: FAMILY, 2: style, 3: f"{FAMILY} {style} (from {SOURCE_FAMILY})",
             4: f"{FAMILY} {style}", 6: f"HengdongPrintSansSC-{style}", 16: FAMILY, 17: style}
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in names]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English


def convert(weight: str, out: Path) -> Path:
    """Subset the SC face to the repertoire and convert its outlines to TrueType."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    path, index = source_face(weight)
    font = TTFont(path, fontNumber=index)
    options = subset.Options()
    options.font_number = index
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["VORG", "vhea", "vmtx", "GSUB", "GPOS", "BASE", "JSTF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(repertoire() & set(font.getBestCmap())))
    subsetter.subset(font)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxComponentDepth", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    del font["CFF "]
    font.sfntVersion = "\x00\x01\x00\x00"
    _rename(font, weight)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    font.save(partial)
    partial.replace(out)  # atomic: a half-written font is never picked up
    return out


def print_fonts() -> list[Path]:
    """The converted fonts (regular, bold), built once per Noto version and cached."""
    paths = []
    for weight in WEIGHTS:
        path = cached_path(weight)
        if not path.exists():
            print(f"geo.sheets: converting {SOURCE_FAMILY} ({weight}) for print, once "
                  f"(about half a minute) -> {path}", file=sys.stderr)
            for old in path.parent.glob(f"hengdong-print-sans-sc-{weight}-*.ttf"):
                old.unlink()
            convert(weight, path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for built in print_fonts():
        print(built)
