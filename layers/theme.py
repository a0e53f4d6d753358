"""What every map theme shares: the build context, its overlay group and its legend entries."""

from dataclasses import dataclass, field

import folium

from geo import datastore
from geo.labels import pick
from geo.plan.citations import citations_text
from geo.plan.current import plan
from geo.plan.schema import Citation
from geo.symbology import QUALITIES
from layers.elements import OverlayRegistration, Style


def local_name(properties: object, lang: str) -> str:
    """A place's name in the map's language (pinyin name_en in English when there is one)."""
    name = str(properties.name)
    name_en = getattr(properties, "name_en", None)
    return name if lang == "zh" or not name_en else str(name_en)


@dataclass(frozen=True)
class MapContext:
    """What a theme is built for: the language and the basemap (GCJ-02 under 高德)."""

    lang: str
    basemap: str


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a swatch, a title, its data quality and where it comes from."""

    layer_id: str
    title: str
    swatch: Style
    quality: str
    attribution: str
    notes: tuple[str, ...] = field(default_factory=tuple)  # shown
    method: str = ""  # shown on hover

    def __post_init__(self) -> None:
        if self.quality not in QUALITIES:
            raise ValueError(f"legend entry {self.title!r}: unknown quality {self.quality!r}")


def overlay_group(layer_id: str, title: str, show: bool = True) -> folium.FeatureGroup:
    """The group of one theme: one checkbox in the map's layer control, known in the
    browser as HD.overlays[layer_id]."""
    group = folium.FeatureGroup(name=title, overlay=True, control=True, show=show)
    OverlayRegistration(layer_id).add_to(group)
    return group


def data_layer_entry(
    theme_id: str, layer_id: str, swatch: Style, lang: str, notes: tuple[str, ...] = ()
) -> LegendEntry:
    """The legend line of a data layer: title, quality, method and version from the manifest
    (or from the admin-imported version being served), plus the theme's own notes."""
    info = datastore.layer_info(layer_id)
    version = (pick(lang, info["version_label_zh"], info["version_label_en"]),)
    return LegendEntry(
        layer_id=theme_id,
        title=pick(lang, info["title_zh"], info["title_en"]),
        swatch=swatch,
        quality=info["quality"],
        attribution=info["attribution"],
        notes=(*(version if info.get("official") else ()), *notes),
        method=str(info.get("method", "")),
    )


def cite(citations: list[Citation], lang: str) -> str:
    """Where facts come from, briefly (legend lines): geo.plan.citations, brief style."""
    return citations_text(citations, lang, "brief", plan().documents)
