"""Export the plan and print maps.

    python -m geo.export plan --format json|csv          # the knowledge base on stdout
    python -m geo.export map --view county|township|industry|town-system|ecology
        [--township NAME|CODE] [--industry NAME] [--paper A4|A3]
        [--orientation portrait|landscape] [--format pdf|png] [--dpi N] [--title T]
        [--organisation ORG] [--tiles URL --tiles-credit TEXT --tiles-approval 审图号]
        [--overlays admin_areas,town_system,ecology,industry,tourism,infrastructure]
        [--out FILE]                                     # one map sheet
    python -m geo.export atlas --paper A4 --out 衡东县乡镇图集.pdf   # the township atlas
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from geo.districts import district_location
from geo.paths import PLAN_DIR
from geo.plan import Plan, PlanDataError, load_plan
from geo.plan.schema import BASIS_LABELS, PROJECT_KINDS

CSV_COLUMNS = [
    "township_code",
    "township",
    "township_en",
    "industry_id",
    "industry",
    "industry_en",
    "category",
    "category_name",
    "category_name_en",
    "mode",
    "mode_name",
    "mode_name_en",
    "via",
    "village",
    "village_code",
    "scope",
    "open_list",
    "citation",
]
"""Columns of the CSV export: one row per township x industry assignment."""


def _dump(model: Any) -> Any:
    """A pydantic model (or list of them) as plain JSON data, without empty fields."""
    if isinstance(model, list):
        return [_dump(m) for m in model]
    return model.model_dump(mode="json", exclude_none=True)


def _township_entry(plan: Plan, code: str) -> dict[str, Any]:
    view = plan.township_views[code]
    data = _dump(view)
    for industry, raw in zip(view.industries, data["industries"], strict=True):
        raw["citation"] = industry.citation
    data["industries_by_category"] = {
        cat: [i.id for i in items] for cat, items in view.industries_by_category().items()
    }
    return data


def _axis_entry(plan: Plan, axis: Any) -> dict[str, Any]:
    data = _dump(axis)
    data["towns"] = [plan.resolve(p.township).name for p in axis.towns]
    data["town_codes"] = [plan.resolve(p.township).code for p in axis.towns]
    data["stops"] = _dump(axis.towns)
    return data


def _core_entry(plan: Plan) -> dict[str, Any]:
    """The core, each district with its approximate location (None when it cannot be made)."""
    data = _dump(plan.core)
    for district, raw in zip(plan.core.districts, data["districts"], strict=True):
        location = district_location(district)
        raw["location"] = location.as_dict() if location else None
    return data


def _labels(labels: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    return {key: {"zh": zh, "en": en} for key, (zh, en) in labels.items()}


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The whole knowledge base as JSON-ready data (see docs/plan-data.md)."""
    return {
        "documents": _dump(plan.documents),
        "townships": [_township_entry(plan, t.code) for t in plan.townships],
        "core": _core_entry(plan),
        "sub_centres": _dump(plan.sub_centres),
        "axes": [_axis_entry(plan, a) for a in plan.axes],
        "parks": _dump(plan.parks),
        "chains": _dump(plan.chains),
        "redline": _dump(plan.redline) if plan.redline else None,
        "ecology_features": _dump(plan.ecology_features),
        "featured_towns": _dump(plan.featured_towns),
        "tourism_sites": _dump(plan.sites),
        "tourism_routes": _dump(plan.routes),
        "brands": _dump(plan.brands),
        "projects": _dump(plan.projects),
        "project_kinds": _labels(PROJECT_KINDS),
        "place_bases": _labels(BASIS_LABELS),
        "recognitions": _dump(plan.recognitions),
        "categories": _dump(plan.categories),
        "industries": _dump(plan.industry_index()),
        "normalisations": _dump(plan.normalisations),
    }


def plan_csv_rows(plan: Plan) -> list[dict[str, str]]:
    """One row per township x industry assignment, townships in code order."""
    rows = []
    for township in plan.townships:
        for industry in plan.township_views[township.code].industries:
            rows.append(
                {
                    "township_code": township.code,
                    "township": township.name,
                    "township_en": township.name_en,
                    "industry_id": industry.id,
                    "industry": industry.name,
                    "industry_en": industry.name_en or "",
                    "category": industry.category,
                    "category_name": industry.category_name,
                    "category_name_en": industry.category_name_en or "",
                    "mode": industry.mode,
                    "mode_name": industry.mode_name,
                    "mode_name_en": industry.mode_name_en,
                    "via": industry.via,
                    "village": industry.village or "",
                    "village_code": industry.village_code or "",
                    "scope": industry.scope or "",
                    "open_list": "yes" if industry.open_list else "no",
                    "citation": industry.citation,
                }
            )
    return rows


def write_plan(plan: Plan, fmt: str, out: TextIO) -> None:
    """Write the plan in `fmt` ("json" or "csv") to `out`."""
    if fmt == "json":
        json.dump(plan_to_dict(plan), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(plan_csv_rows(plan))


def _plan_command(args: argparse.Namespace) -> int:
    try:
        plan = load_plan(args.plan_dir)
    except PlanDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        write_plan(plan, args.format, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _parser() -> argparse.ArgumentParser:
    from geo.sheets import cli

    parser = argparse.ArgumentParser(prog="python -m geo.export", description=__doc__.split(
        "\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    commands = parser.add_subparsers(dest="what", required=True, metavar="plan|map|atlas")
    plan_parser = commands.add_parser("plan", help="the plan knowledge base on stdout")
    plan_parser.add_argument("--format", choices=["json", "csv"], default="json")
    plan_parser.add_argument("--plan-dir", type=Path, default=PLAN_DIR,
                             help="plan data directory")
    plan_parser.set_defaults(run=_plan_command)
    cli.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
