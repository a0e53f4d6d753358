"""The township atlas (乡镇图集): a cover with the county, a table of contents, then one
sheet per township with its map and fact box; numbered pages, one PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.plan import Plan
from geo.plan.current import plan as current_plan
from geo.sheets.labels import label, pick
from geo.sheets.mpl import matplotlib
from geo.sheets.paper import layout
from geo.sheets.sheet import SheetSpec, render

Progress = Callable[[int, int, str], None]  # (done, total, what is being drawn)
CONTENTS_PAGE = 2


@dataclass(frozen=True)
class AtlasPage:
    number: int
    title: str


def atlas_pages(plan: Plan, lang: str) -> list[AtlasPage]:
    """Cover, contents, then the townships in statistics-code order."""
    pages = [AtlasPage(1, label("cover", lang)), AtlasPage(CONTENTS_PAGE, label("contents", lang))]
    for number, township in enumerate(sorted(plan.townships, key=lambda t: t.code),
                                      start=CONTENTS_PAGE + 1):
        pages.append(AtlasPage(number, pick(lang, township.name, township.name_en)))
    return pages


def _contents_figure(spec: SheetSpec, pages: list[AtlasPage]) -> Any:
    from matplotlib.figure import Figure

    lay = layout(spec.paper, spec.orientation)
    fig = Figure(figsize=lay.figsize)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, lay.page.w)
    ax.set_ylim(0, lay.page.h)
    s = lay.text_scale
    top = lay.title.y + lay.title.h / 2
    ax.text(lay.page.w / 2, top, label("contents", spec.lang), ha="center", va="center",
            fontsize=20 * s, fontweight="bold")
    left, right = lay.page.w * 0.2, lay.page.w * 0.8
    y, step = top - 20 * s, min(10 * s, (top - 40 * s) / len(pages))
    for page in pages:
        ax.text(left, y, page.title, ha="left", va="center", fontsize=11 * s)
        ax.plot([left + len(page.title) * 4.2 * s + 4, right - 8 * s], [y, y], color="#9e9e9e",
                linewidth=0.5, linestyle=(0, (1, 2)))
        ax.text(right, y, str(page.number), ha="right", va="center", fontsize=11 * s)
        y -= step
    ax.text(lay.page.w / 2, lay.footer.y + 2, label("page", spec.lang, n=CONTENTS_PAGE),
            ha="center", va="bottom", fontsize=7 * s)
    return fig


def write_atlas(path: Path, paper: str = "A4", orientation: str = "portrait", lang: str = "zh",
                organisation: str = "", date: dt.date | None = None,
                progress: Progress | None = None, plan: Plan | None = None) -> list[AtlasPage]:
    """Write the whole atlas to `path` (PDF); progress(done, total, name) after each page."""
    matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages

    plan = plan or current_plan()
    pages = atlas_pages(plan, lang)
    base = SheetSpec(paper=paper, orientation=orientation, lang=lang, organisation=organisation,
                     date=date or dt.date.today())
    townships = sorted(plan.townships, key=lambda t: t.code)
    total = len(pages)
    report = progress or (lambda *_: None)
    metadata = {"Title": label("atlas_title", lang), "Creator": "hengdong geo.sheets",
                "CreationDate": None}
    with PdfPages(path, metadata=metadata) as pdf:
        cover = render(replace(base, view="county", title=label("atlas_title", lang), page=1),
                       plan)
        pdf.savefig(cover.figure)
        report(1, total, pages[0].title)
        pdf.savefig(_contents_figure(base, pages))
        report(2, total, pages[1].title)
        for page, township in zip(pages[CONTENTS_PAGE:], townships, strict=True):
            sheet = render(replace(base, view="township", township=township.code,
                                   page=page.number), plan)
            pdf.savefig(sheet.figure)
            report(page.number, total, page.title)
    return pages
