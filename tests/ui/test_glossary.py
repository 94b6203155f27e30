"""Issue 19, 8: help for terms. Help → Glossary (F1) opens a panel with every term the report's
glossary has, a filter, and the language of the app."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.present.glossary import GLOSSARY, glossary


def test_f1_opens_the_glossary_with_every_term_and_the_filter_narrows_it(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dock = window._glossary
    assert dock is not None and dock.isVisible()
    assert dock.shown == [t for t, _ in glossary()] and len(dock.shown) == len(GLOSSARY) >= 30
    qtbot.keyClicks(dock.filter, "kv")
    assert dock.shown[0] == "KV cache" and "Context length" in dock.shown  # its explanation mentions it
    dock.filter.setText("no such thing")
    assert dock.shown == [] and "No term matches" in dock.view.toPlainText()


def test_the_glossary_follows_the_language(qtbot, window):
    window.show_glossary()
    window.apply_language("ja")
    try:
        dock = window._glossary
        assert dock.windowTitle() == "用語集"
        assert "KVキャッシュ" in dock.view.toPlainText() or "KV キャッシュ" in dock.view.toPlainText()
    finally:
        window.apply_language("en")


def test_the_report_glossary_is_the_same_list():
    from app.present.report import _glossary

    section = _glossary()
    assert ["".join(r.text for r in row[0]) for row in section.blocks[0].rows] == [t for t, _ in glossary()]
