"""The one label catalogue (geo.labels): every key in Chinese and English with the same
placeholders, every key used somewhere, English that is English, and the one lookup."""

import re
import string
from pathlib import Path

import pytest

from geo.labels import LABELS, LANGS, label
from geo.paths import PROJECT_ROOT
from geo.sheets.labels import label as sheet_label
from geo.site.labels import label as report_label
from ui.i18n import t

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Catalogue files hold the words; every other module of the app is where they are used.
CATALOGUE_DATA = ("app.py", "sheets.py", "report.py", "problems.py", "vocabulary.py")
AREA_PREFIXES = ("sheet.", "report.", "problem.")
OWN_SCRIPT = ("lang_zh",)  # a language's name, written in that language in both interfaces


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _app_source() -> str:
    files = [p for package in ("geo", "layers", "ui")
             for p in (PROJECT_ROOT / package).rglob("*.py")
             if not (p.parent.name == "labels" and p.name in CATALOGUE_DATA)]
    files += [PROJECT_ROOT / "app.py", PROJECT_ROOT / "serve.py"]
    return "\n".join(Path(p).read_text(encoding="utf-8") for p in files)


@pytest.mark.parametrize("key", sorted(LABELS))
def test_label_in_both_languages(key: str) -> None:
    texts = LABELS[key]
    assert set(texts) == set(LANGS)
    assert all(text.strip() for text in texts.values())
    assert _placeholders(texts["zh"]) == _placeholders(texts["en"])


def test_every_key_is_used() -> None:
    source = _app_source()
    dynamic = set(re.findall(r"f[\"']([\w.\-]+)\{", source))  # t(f"kind_{kind}", …)
    unused = []
    for key in LABELS:
        bare = key.split(".", 1)[1] if key.startswith(AREA_PREFIXES) else key
        quoted = f'"{bare}"' in source or f"'{bare}'" in source
        if not quoted and not any(bare.startswith(prefix) for prefix in dynamic):
            unused.append(key)
    assert not unused, f"labels nothing shows: {unused}"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_english_reads_as_english(key: str) -> None:
    """Chinese may stay in the English text only beside English words (a name with its
    translation, e.g. 'Town (镇)'), never alone; the Chinese text is Chinese or a name."""
    zh, en = LABELS[key]["zh"], LABELS[key]["en"]
    template = string.Formatter()
    words = "".join(literal for literal, *_ in template.parse(en))
    if CJK.search(words) and key not in OWN_SCRIPT:
        assert re.search(r"[A-Za-z]{2,}", words), (key, en)
    if CJK.search(zh) and key not in OWN_SCRIPT:
        assert zh != en, key


def test_lookups_fill_placeholders_and_refuse_unknown_languages() -> None:
    assert t("area_value", "en", value=123.4) == "about 123 km²"
    assert t("area_value", "zh", value=123.4) == "约 123 平方千米"
    assert sheet_label("legend", "en") == label("sheet.legend", "en") == "Legend"
    assert report_label("title", "zh") == label("report.title", "zh") == "选址初审报告"
    assert label("kind_乡", "en") == "Township (乡)"
    with pytest.raises(ValueError, match="unknown language"):
        label("legend", "fr")
