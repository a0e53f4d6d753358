"""Every UI label exists in Chinese and English with the same placeholders."""

import string

import pytest

from ui.i18n import LABELS, LANGS, t


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_label_in_both_languages(key: str) -> None:
    texts = LABELS[key]
    assert set(texts) == set(LANGS)
    assert all(text.strip() for text in texts.values())
    assert _placeholders(texts["zh"]) == _placeholders(texts["en"])


def test_chinese_labels_are_chinese_and_english_differ() -> None:
    switched = [k for k, v in LABELS.items() if v["zh"] != v["en"]]
    assert len(switched) > 0.9 * len(LABELS)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in t("app_title", "zh"))
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in t("township", "en"))


def test_placeholders_are_filled() -> None:
    assert t("area_value", "en", value=123.4) == "about 123 km²"
    assert t("area_value", "zh", value=123.4) == "约 123 平方千米"
