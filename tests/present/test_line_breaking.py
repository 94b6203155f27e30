"""Japanese line breaking in the report's HTML (issue 19, 7)."""

from __future__ import annotations

from app.present.document import Paragraph, ReportDocument, Section, runs
from app.present.html import WJ, keep_words, to_html


def test_katakana_words_and_numbers_with_units_are_joined():
    """W3C JLREQ §3.1.7 (unbreakable sequences): a number and its unit stay on one line; katakana
    words are held together too (the issue: "no broken katakana"); ・ and kanji keep their breaks."""
    assert keep_words("クラウドでレンタル") == WJ.join("クラウド") + "で" + WJ.join("レンタル")
    assert keep_words("約37.5万円") == "約37.5" + WJ + "万" + WJ + "円"
    assert keep_words("電力 0.9 kW、14.6 日") == "電力 0.9\u00a0kW、14.6\u00a0日"
    assert keep_words("レンタル・購入") == WJ.join("レンタル") + "・購入"
    assert keep_words("plain English, 3 GPUs") == "plain English, 3\u00a0GPUs"


def test_only_japanese_reports_get_word_joiners():
    def doc(lang):
        return ReportDocument(title="t", subtitle="", lead=[Paragraph(runs("クラウド 30 kW"))], sections=[Section("s")],
                              footer="", lang=lang)

    assert WJ in to_html(doc("ja"), "f") and WJ not in to_html(doc("en"), "f")
