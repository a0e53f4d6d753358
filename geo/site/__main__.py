"""`python -m geo.site check SITE`: the site check from the command line.

    python -m geo.site check site.dxf --format md
    python -m geo.site check road.geojson --buffer 30 --format pdf --out road.pdf
    printf '3001234.56 38402345.67\\n…' | python -m geo.site check -

SITE is a file (GeoJSON, zipped Shapefile, GeoPackage, KML, DXF, or .txt/.csv of coordinates)
or `-` for coordinates on stdin. JSON goes to stdout unless --out is given. Exit status 2 when
the site cannot be checked (the messages name the line, vertex or feature).
"""

import argparse
import json
import sys
from pathlib import Path

from geo.site.check import check_site
from geo.site.limits import DEFAULT_NEARBY_M
from geo.site.load import site_from_path, site_from_text
from geo.site.markdown import render_markdown
from geo.site.problems import SiteRejected
from geo.site.zones import DEFAULT_ZONE, ZONES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo.site", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check one site against the plan and the red line")
    check.add_argument("site", help="a site file, or - for coordinates on stdin")
    check.add_argument("--buffer", type=float, metavar="M", help="buffer width in metres "
                       "(lines, points)")
    check.add_argument("--format", choices=("json", "md", "pdf"), default="json")
    check.add_argument("--out", type=Path, metavar="FILE", help="write here instead of stdout")
    check.add_argument("--crs", help="CRS of a file lacking one: EPSG:4526, EPSG:4547, gcj02 …")
    check.add_argument("--zone", choices=tuple(ZONES), default=DEFAULT_ZONE,
                       help="Gauss-Krüger zone of eastings without the zone number "
                       "(3-38: 3° zone 38, CM 114E; 6-19: 6° zone 19, CM 111E)")
    check.add_argument("--line", action="store_true", help="pasted points form a line")
    check.add_argument("--nearby", type=float, default=DEFAULT_NEARBY_M, metavar="M",
                       help="list plan sites and projects within this distance (default 2000)")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    return parser


def render(report: dict, fmt: str, lang: str) -> bytes:
    """The report in one of the formats."""
    if fmt == "json":
        return (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "md":
        return render_markdown(report, lang).encode("utf-8")
    from geo.site.pdf import render_pdf  # matplotlib is imported only for a PDF

    return render_pdf(report, lang)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.site == "-":
            site = site_from_text(sys.stdin.read(), args.zone, args.line, source="stdin")
        else:
            path = Path(args.site)
            if not path.is_file():
                print(f"找不到文件 / no such file: {path}", file=sys.stderr)
                return 2
            site = site_from_path(path, args.crs, args.zone, args.line)
        report = check_site(site, args.buffer, args.nearby)
    except SiteRejected as rejected:
        for problem in rejected.problems:
            print(problem.bilingual(), file=sys.stderr)
        return 2
    data = render(report, args.format, args.lang)
    if args.out:
        args.out.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
