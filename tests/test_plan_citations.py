"""The one citation formatter (geo/plan/citations.py): document names, English headings,
brief and full styles, ids only without the document list."""

from __future__ import annotations

import pytest

from geo.plan import load_plan
from geo.plan.citations import citation_text, citations_text
from geo.plan.schema import Citation

BOX = Citation(doc="plan", chapter="第八章", section="第一节", part="一、大力发展规模农业",
               box="专栏8-1", item="（1）水稻集聚提升工程")
REPORT = Citation(doc="news-2025-six-supports", section="亮点一·经济运行稳中向好")
CH10 = Citation(doc="plan", chapter="第十章", note="名词解释 4")


@pytest.fixture(scope="module")
def documents():
    return load_plan().documents


def test_full_names_the_document_and_every_part(documents) -> None:
    assert citation_text(BOX, "zh", "full", documents) == (
        "《规划纲要》 第八章 第一节 一、大力发展规模农业 专栏8-1 （1）水稻集聚提升工程")
    assert citation_text(BOX, "en", "full", documents).startswith(
        "Plan outline ch. 8 sec. 1 一、大力发展规模农业 box 8-1")
    assert citation_text(CH10, "en", "full", documents) == "Plan outline ch. 10 名词解释 4"


def test_brief_gives_each_document_once_with_its_distinct_places(documents) -> None:
    zh = citations_text([BOX, BOX, CH10, REPORT], "zh", "brief", documents)
    assert zh == "《规划纲要》 第八章 第一节 专栏8-1、第十章；《衡阳日报》2025年“六大支撑”报道"
    en = citations_text([BOX, CH10, REPORT], "en", "brief", documents)
    assert en == "Plan outline ch. 8 sec. 1 box 8-1, ch. 10; Hengyang Daily, 2025 six supports"


def test_no_document_id_with_documents_and_ids_without(documents) -> None:
    for lang in ("zh", "en"):
        for style in ("full", "brief"):
            text = citations_text([BOX, REPORT], lang, style, documents)
            assert "news-2025-six-supports" not in text and not text.startswith("plan ")
    assert BOX.label() == "plan 第八章 第一节 一、大力发展规模农业 专栏8-1 （1）水稻集聚提升工程"
    assert REPORT.label() == "news-2025-six-supports 亮点一·经济运行稳中向好"
