"""The map legend: per theme, a line per layer with its data quality and attribution."""

from html import escape

from branca.element import MacroElement
from jinja2 import Template

from geo import datastore
from geo.symbology import QUALITY_LABELS
from layers.elements import HdElement, Style, js_value
from layers.theme import LegendEntry, pick

ThemeLegend = tuple[str, list[LegendEntry]]  # (theme title, its entries)


def quality_label(quality: str, lang: str) -> str:
    """实测/近似/示意 or surveyed/approximate/schematic."""
    zh, en = QUALITY_LABELS[quality]
    return pick(lang, zh, en)


def _swatch(style: Style) -> str:
    color = style.get("color", "#333")
    fill = style.get("fillColor", color) if style.get("fill", True) else "transparent"
    dashed = "dashed" if style.get("dashArray") else "solid"
    return (
        f'<span class="hd-legend-swatch" style="border-color:{escape(color)};'
        f'border-style:{dashed};background:{escape(fill)}"></span>'
    )


def _entry_html(entry: LegendEntry, lang: str) -> str:
    notes = "".join(f'<div class="hd-legend-note">{escape(note)}</div>' for note in entry.notes)
    return (
        f'<div class="hd-legend-entry" data-quality="{entry.quality}" '
        f'title="{escape(entry.method)}">'
        f"{_swatch(entry.swatch)}<span>{escape(entry.title)}</span>"
        f'<span class="hd-legend-quality hd-quality-{entry.quality}">'
        f"{quality_label(entry.quality, lang)}</span>"
        f"{notes}"
        f'<div class="hd-legend-source">{escape(entry.attribution)}</div></div>'
    )


def legend_html(themes: list[ThemeLegend], lang: str) -> str:
    """The legend's HTML (all text escaped), open by default, collapsible."""
    body = "".join(
        f'<div class="hd-legend-theme"><div class="hd-legend-title">{escape(title)}</div>'
        + "".join(_entry_html(entry, lang) for entry in entries)
        + "</div>"
        for title, entries in themes
    )
    return f"<details open><summary>{pick(lang, '图例', 'Legend')}</summary>{body}</details>"


class Legend(HdElement):
    """A Leaflet control (bottom right) holding the legend HTML; folded on narrow maps."""

    open_min_width = 760  # px of map width from which the legend starts unfolded

    _template = Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control({position: "bottomright"});
{{ this.get_name() }}.onAdd = function () {
    var div = L.DomUtil.create("div", "hd-legend");
    div.innerHTML = {{ this.html_js }};
    // On a narrow map the open legend would hide the county: start it folded there.
    if ({{ this._parent.get_name() }}.getSize().x < {{ this.open_min_width }}) {
        div.querySelector("details").open = false;
    }
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
};
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, themes: list[ThemeLegend], lang: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = legend_html(themes, lang)
        self.html_js = js_value(self.html)


def attribution_text(layer_ids: list[str], extra: list[str]) -> str:
    """The data credits of the layers on the map, each source once ("; "-separated parts)."""
    parts: list[str] = []
    for layer_id in layer_ids:
        parts.extend(str(datastore.layer_info(layer_id)["attribution"]).split("; "))
    parts.extend(extra)
    return " | ".join(escape(part) for part in dict.fromkeys(p.strip() for p in parts if p))


class DataAttribution(MacroElement):
    """Adds the data credits to Leaflet's attribution control, beside the tiles' credit."""

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text_js }});
{% endmacro %}"""
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "DataAttribution"
        self.text = text
        self.text_js = js_value(text)
