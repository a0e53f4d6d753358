"""How a citation reads, everywhere: the one rule for the map, the panels and the exports.

- full: document, chapter, section, part, 专栏, item and note (panels, tooltips);
- brief: per document its distinct chapter / section / 专栏 (legend lines).
Documents are named by their short name in the map's language (《规划纲要》 / "Plan outline",
never a raw id); without the document list (the exports, which list the documents) the id is
used. In English, 第五章 / 第一节 / 专栏5-4 read "ch. 5" / "sec. 1" / "box 5-4"; the text's own
headings (parts, items, report sections) stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from geo.plan.schema import Citation, Document

Style = Literal["full", "brief"]

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SEPARATORS = {"zh": "；", "en": "; "}


def _number(chinese: str) -> int:
    """一 … 九十九 as an int (chapter and section numbers)."""
    if chinese.isdigit():
        return int(chinese)
    if "十" not in chinese:
        return _NUMERALS[chinese]
    tens, _, ones = chinese.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def _english_heading(heading: str) -> str:
    """第五章 -> ch. 5, 第一节 -> sec. 1, 专栏5-4 -> box 5-4; anything else unchanged."""
    match = re.fullmatch(r"第(.{1,3})([章节])", heading)
    if match:
        return f"{'ch.' if match.group(2) == '章' else 'sec.'} {_number(match.group(1))}"
    if heading.startswith("专栏"):
        return f"box {heading[2:]}"
    return heading


def document_name(doc_id: str, documents: Iterable[Document] | None, lang: str) -> str:
    """A document's short name in the language; its id when no document list is given."""
    document = next((d for d in documents or () if d.id == doc_id), None)
    if document is None:
        return doc_id
    return (document.short_en or document.short) if lang == "en" else document.short


def _where(citation: Citation, lang: str, style: Style) -> list[str]:
    if style == "brief":
        parts = [citation.chapter, citation.section if citation.doc == "plan" else None,
                 citation.box]
    else:
        parts = [citation.chapter, citation.section, citation.part, citation.box,
                 citation.item, citation.note]
    present = [p for p in parts if p]
    return [_english_heading(p) for p in present] if lang == "en" else present


def citation_text(citation: Citation, lang: str = "zh", style: Style = "full",
                  documents: Iterable[Document] | None = None) -> str:
    """One citation as one line, e.g. 《纲要》 第八章 第一节 专栏8-1 （1）水稻集聚提升工程."""
    return " ".join([document_name(citation.doc, documents, lang), *_where(citation, lang, style)])


def citations_text(citations: Iterable[Citation], lang: str = "zh", style: Style = "full",
                   documents: Iterable[Document] | None = None) -> str:
    """Several citations as one line; brief style names each document once."""
    citations = list(citations)
    documents = list(documents or ())
    if style == "full":
        lines = dict.fromkeys(citation_text(c, lang, style, documents) for c in citations)
        return SEPARATORS[lang].join(lines)
    by_doc: dict[str, list[str]] = {}
    for c in citations:
        by_doc.setdefault(c.doc, []).append(" ".join(_where(c, lang, style)))
    within = {"zh": "、", "en": ", "}[lang]
    return SEPARATORS[lang].join(
        f"{document_name(doc, documents, lang)} "
        f"{within.join(dict.fromkeys(w for w in wheres if w))}".strip()
        for doc, wheres in by_doc.items()
    )
