"""Paper sizes and where each element of a sheet goes on it (millimetres from bottom left)."""

from dataclasses import dataclass

PAPERS_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
ORIENTATIONS = ("portrait", "landscape")
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in mm from the bottom-left corner."""

    x: float
    y: float
    w: float
    h: float

    def fraction(self, page: "Box") -> tuple[float, float, float, float]:
        """The box as matplotlib figure fractions (left, bottom, width, height)."""
        return (self.x / page.w, self.y / page.h, self.w / page.w, self.h / page.h)


@dataclass(frozen=True)
class Layout:
    """The page and its parts: title band, map frame, side panel, footer band."""

    page: Box
    title: Box
    map: Box
    panel: Box
    footer: Box
    columns: int  # text columns of the panel
    text_scale: float  # 1 on A4, larger on A3

    @property
    def figsize(self) -> tuple[float, float]:
        """The page in inches, for matplotlib."""
        return (self.page.w / MM_PER_INCH, self.page.h / MM_PER_INCH)


def page_size_mm(paper: str, orientation: str) -> tuple[float, float]:
    """(width, height) of the paper in mm; ValueError names an unknown paper or orientation."""
    if paper not in PAPERS_MM:
        raise ValueError(f"unknown paper {paper!r}; one of {', '.join(PAPERS_MM)}")
    if orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation {orientation!r}; one of {', '.join(ORIENTATIONS)}")
    short, long = PAPERS_MM[paper]
    return (short, long) if orientation == "portrait" else (long, short)


def layout(paper: str, orientation: str) -> Layout:
    """Where the title, map, panel and footer go: the panel below the map on portrait paper
    (two text columns), beside it on landscape paper."""
    width, height = page_size_mm(paper, orientation)
    scale = min(width, height) / PAPERS_MM["A4"][0]
    margin, gap = 10.0 * scale, 4.0 * scale
    title_h, footer_h = 13.0 * scale, 13.0 * scale
    inner_w = width - 2 * margin
    body_y = margin + footer_h + gap
    body_h = height - 2 * margin - title_h - footer_h - 2 * gap
    title = Box(margin, height - margin - title_h, inner_w, title_h)
    footer = Box(margin, margin, inner_w, footer_h)
    if orientation == "portrait":
        map_h = round(body_h * 0.68, 1)
        map_box = Box(margin, body_y + body_h - map_h, inner_w, map_h)
        panel = Box(margin, body_y, inner_w, body_h - map_h - gap)
        columns = 2
    else:
        map_w = round(inner_w * 0.66, 1)
        map_box = Box(margin, body_y, map_w, body_h)
        panel = Box(margin + map_w + gap, body_y, inner_w - map_w - gap, body_h)
        columns = 1
    page = Box(0.0, 0.0, width, height)
    return Layout(page, title, map_box, panel, footer, columns, scale)
