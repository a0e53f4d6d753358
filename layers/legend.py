"""The map legend: per theme, a line per layer with its data quality and attribution."""

from html import escape

from branca.element import MacroElement
from jinja2 import Template

from geo import datastore
from geo.labels import label, quality_label
from layers.elements import HdElement, Style, js_value
from layers.theme import LegendEntry

ThemeLegend = tuple[str, list[LegendEntry]]  # (theme title, its entries)


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


def theme_html(entries: list[LegendEntry], lang: str) -> str:
    """The legend lines of one theme (all text escaped)."""
    return "".join(_entry_html(entry, lang) for entry in entries)


class Legend(HdElement):
    """The legend inside the layer control: each theme's lines under its checkbox, in a
    foldable block, open where the map is wide enough, folded on narrow maps. Add it after
    the layer control (HD.legendInLayers in hd-map.js keeps the blocks in place when the
    control redraws its list)."""

    open_min_width = 760  # px of map width from which the legend starts unfolded

    _template = Template(
        """{% macro script(this, kwargs) %}
HD.legendInLayers({{ this._parent.get_name() }}, {{ this.control.get_name() }},
    {{ this.themes_js }}, {{ this.options_js }});
{% endmacro %}"""
    )

    def __init__(self, themes: list[ThemeLegend], lang: str, control: MacroElement) -> None:
        super().__init__()
        self._name = "Legend"
        self.control = control
        self.themes = [{"title": title, "html": theme_html(entries, lang)}
                       for title, entries in themes]
        self.themes_js = js_value(self.themes)
        self.options_js = js_value({"openMinWidth": self.open_min_width,
                                    "summary": label("sheet.legend", lang)})


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
