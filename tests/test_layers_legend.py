"""The legend: a line per layer with its quality (实测/近似/示意) and attribution, escaped."""

import pytest

from geo.symbology import QUALITIES
from layers import map as map_module
from layers.legend import attribution_text, theme_html
from layers.theme import LegendEntry


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_theme_has_legend_lines_with_quality_and_source(lang: str) -> None:
    for theme in map_module.THEMES:
        entries = theme.legend_entries(lang)
        assert entries, theme.LAYER_ID
        for entry in entries:
            assert entry.quality in QUALITIES
            assert entry.attribution.strip(), (theme.LAYER_ID, entry.title)


def test_legend_html_shows_quality_words_and_escapes_text() -> None:
    entry = LegendEntry("x", "<b>bad</b>", {"color": "#123456"}, "schematic", "A & B", ("n<1>",))
    zh = theme_html([entry], "zh")
    assert "示意" in zh and "&lt;b&gt;bad&lt;/b&gt;" in zh and "A &amp; B" in zh
    assert "<b>" not in zh and "n&lt;1&gt;" in zh
    assert "schematic" in theme_html([entry], "en")


def test_unknown_quality_is_refused() -> None:
    with pytest.raises(ValueError, match="quality"):
        LegendEntry("x", "t", {}, "guessed", "a")


def test_attribution_names_each_source_once() -> None:
    text = attribution_text(["county", "townships", "seats"], ["plan"])
    parts = text.split(" | ")
    assert len(parts) == len(set(parts)) and parts[-1] == "plan"
    assert any("Vonng" in part for part in parts) and any("cnmaps" in part for part in parts)
