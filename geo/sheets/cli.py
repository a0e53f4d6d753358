"""The `map` and `atlas` commands of `python -m geo.export` (argument parsing and messages;
the drawing is in sheet.py and atlas.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from geo.sheets.overlays import THEMES
from geo.sheets.paper import ORIENTATIONS, PAPERS_MM
from geo.sheets.scale import scale_text
from geo.sheets.views import VIEWS

FORMATS = ("pdf", "png")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _overlays(text: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [n for n in names if n not in THEMES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown overlay {', '.join(unknown)}; one of {', '.join(THEMES)}")
    return names


def _missing_folder(out: Path, command: str) -> bool:
    """True (and says so) when the output file's folder does not exist."""
    if out.parent.is_dir():
        return False
    print(f"geo.export {command}: no folder {out.parent} for --out {out}", file=sys.stderr)
    return True


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--paper", choices=list(PAPERS_MM), default="A4")
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="portrait")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--organisation", default="", help="编制单位 (default: empty)")
    parser.add_argument("--date", type=_date, default=None, help="date printed (default today)")


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `map` and `atlas` to the subcommands of geo.export."""
    map_parser = commands.add_parser("map", help="one print-ready map sheet (PDF or PNG)")
    map_parser.add_argument("--view", choices=VIEWS, default="county")
    map_parser.add_argument("--township", help="name, pinyin or code (township view)")
    map_parser.add_argument("--industry", help="Chinese or English name or id (industry view)")
    map_parser.add_argument("--format", choices=FORMATS, default=None,
                            help="default: from --out's suffix, else pdf")
    map_parser.add_argument("--dpi", type=int, default=300, help="PNG / basemap resolution")
    map_parser.add_argument("--title", help="图名 (default: from the view)")
    map_parser.add_argument("--overlays", type=_overlays, default=None,
                            help=f"comma-separated, of {','.join(THEMES)} (default: the view's)")
    map_parser.add_argument("--tiles", help="XYZ tile URL of a basemap, e.g. an intranet server")
    map_parser.add_argument("--tiles-credit", default="", help="the basemap's credit line")
    map_parser.add_argument("--tiles-approval", default="", help="the basemap's 审图号")
    map_parser.add_argument("--out", type=Path, default=None)
    _common(map_parser)
    map_parser.set_defaults(run=run_map)
    atlas_parser = commands.add_parser("atlas", help="the township atlas (one PDF)")
    atlas_parser.add_argument("--out", type=Path, default=Path("衡东县乡镇图集.pdf"))
    _common(atlas_parser)
    atlas_parser.set_defaults(run=run_atlas)


def run_map(args: argparse.Namespace) -> int:
    from geo.basemaps import TileSource
    from geo.plan.current import plan as current_plan
    from geo.sheets.choices import UnknownChoice, industry_id, township_code
    from geo.sheets.sheet import SheetSpec, render

    plan = current_plan()
    try:
        township = township_code(plan, args.township) if args.township else None
        industry = industry_id(plan, args.industry) if args.industry else None
    except UnknownChoice as exc:
        print(f"geo.export map: {exc}", file=sys.stderr)
        return 2
    if args.view == "township" and not township:
        print("geo.export map: --view township needs --township NAME|CODE", file=sys.stderr)
        return 2
    if args.view == "industry" and not industry:
        print("geo.export map: --view industry needs --industry NAME", file=sys.stderr)
        return 2
    if args.dpi < 30 or args.dpi > 1200:
        print(f"geo.export map: --dpi {args.dpi} outside 30-1200", file=sys.stderr)
        return 2
    fmt = args.format or (args.out.suffix.lstrip(".").lower() if args.out else "") or "pdf"
    if fmt not in FORMATS:
        print(f"geo.export map: unknown format {fmt!r}; one of {', '.join(FORMATS)}",
              file=sys.stderr)
        return 2
    tiles = (TileSource(args.tiles, args.tiles_credit or args.tiles, approval=args.tiles_approval),
             ) if args.tiles else ()
    spec = SheetSpec(view=args.view, township=township, industry=industry, paper=args.paper,
                     orientation=args.orientation, title=args.title, lang=args.lang,
                     organisation=args.organisation, date=args.date, overlays=args.overlays,
                     tiles=tiles, dpi=args.dpi)
    out = args.out or Path(f"{args.view}.{fmt}")
    if _missing_folder(out, "map"):
        return 2
    sheet = render(spec, plan)
    sheet.save(out, fmt)
    print(f"{out} ({args.paper} {args.orientation}, {sheet.content.title}, "
          f"{scale_text(sheet.denominator)})")
    if sheet.basemap is not None and sheet.basemap.image is None:
        print(f"geo.export map: basemap not drawn: {sheet.basemap.reason}", file=sys.stderr)
    return 0


def run_atlas(args: argparse.Namespace) -> int:
    from geo.sheets.atlas import write_atlas

    def progress(done: int, total: int, name: str) -> None:
        print(f"[{done}/{total}] {name}", file=sys.stderr)

    if _missing_folder(args.out, "atlas"):
        return 2
    pages = write_atlas(args.out, args.paper, args.orientation, args.lang, args.organisation,
                        args.date, progress)
    print(f"{args.out} ({len(pages)} pages)")
    return 0
