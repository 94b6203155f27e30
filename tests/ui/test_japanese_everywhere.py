"""A Japanese user sees no English word: the whole wizard is driven under Japanese, every goal to its
recommendation, and every text a person can read (labels, buttons, fields, tooltips, tables, tabs,
menus, errors, the result's details and sources) is scanned for English words.

Names stay as they are: model and GPU names, citations and the other catalog texts (data, quoted as
published), and the technical abbreviations a Japanese engineer also writes in Latin letters (GPU, LoRA,
BF16, NVLink, PUE …, listed below). Everything else in Latin letters is a hole in the translation.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from app.i18n import set_language
from app.ui.application import MainWindow, SettingsDialog
from app.ui.wizard import PageId
from tests.japanese import catalog_words, english


def _texts(root: QWidget) -> list[str]:
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        out.append(w.toolTip())
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            out.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QTextBrowser):
            out.append(w.toPlainText())
        elif isinstance(w, QListWidget):
            out.extend(w.item(i).text() for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            out.extend(str(m.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) or "")
                       for c in range(m.columnCount()))
            for r in range(min(m.rowCount(), 20)):
                out.extend(str(m.index(r, c).data() or "") for c in range(m.columnCount()))
    return out


@pytest.fixture
def ja_window(qtbot):
    from app.ui.settings import Settings

    settings = Settings()
    settings.language = "ja"  # as a Japanese user's settings (tests' settings are isolated)
    set_language("ja")
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    w.show()
    yield w
    w.session.wait_idle()
    set_language("en")


def _menus(w) -> list[str]:
    out = []
    for a in w.menuBar().actions():
        out.append(a.text())
        if a.menu():
            out.extend(x.text() for x in a.menu().actions())
    return out


@pytest.mark.parametrize("goal, model_id", [("inference", "llama-3.1-70b"), ("finetune", "llama-3.1-8b"),
                                            ("cpt", "llama-3.1-swallow-8b"), ("scratch", "llama-3.2-1b")])
def test_no_english_word_in_the_japanese_wizard(qtbot, ja_window, goal, model_id):
    w = ja_window
    allowed = catalog_words(w.session.catalog)
    wiz = w.wizard
    seen: list[str] = _menus(w)
    wiz.page_at(PageId.GOAL).select(goal)
    seen += _texts(w)
    wiz.next()
    wiz.page_at(PageId.MODEL).select_model(model_id)
    seen += _texts(w)
    wiz.page_at(PageId.MODEL).use_custom.click()
    seen += _texts(w)
    wiz.page_at(PageId.MODEL).select_model(model_id)
    wiz.next()
    seen += _texts(w)
    if goal == "finetune":  # an error message, worded in Japanese
        page = wiz.currentPage()
        page.samples.clear()
        qtbot.keyClicks(page.samples, "lots")
        seen += _texts(w)
        assert page.error_label.text()
        page.samples.clear()
        qtbot.keyClicks(page.samples, "10K")
    wiz.next()
    seen += _texts(w)
    wiz.next()
    page = wiz.page_at(PageId.RESULT)
    qtbot.waitUntil(lambda: page.result is not None and page.result.generation == w.session.generation, timeout=20000)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        seen += _texts(w)
    assert page.verdict.text() and page.model.rowCount() > 0
    bad = english(seen, allowed)
    if bad:
        pytest.fail("English words " + ", ".join(sorted(bad)) + " in:\n" +
                    "\n".join(sorted({t[:200] for t in seen if english([t], allowed)})))


def test_the_scan_findsenglish(qtbot):
    """The check must be able to fail: an English label is found, a Japanese one and a GPU name are not."""
    assert english(["予算 Budget", "NVIDIA H100 の BF16", "<b>期限</b>"], set()) == {"Budget"}


def test_settings_dialog_in_japanese(qtbot):
    from app.ui.settings import Settings

    set_language("ja")
    try:
        d = SettingsDialog(Settings())
        qtbot.addWidget(d)
        d.show()
        assert not english(_texts(d), set())
    finally:
        set_language("en")


def test_switching_language_keeps_the_plan_and_rewords_the_window(qtbot):
    """Settings → language: the window changes language at once; the plan, its edits and the page stay."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    w.show()
    try:
        wiz = w.wizard
        wiz.next()
        wiz.next()
        data = wiz.currentPage()
        data.samples.clear()
        qtbot.keyClicks(data.samples, "25K")
        assert w.menuBar().actions()[0].text() == "&File"
        w.apply_language("ja")
        assert w.wizard is not wiz and w.wizard.currentId() == PageId.DATA
        assert w.session.draft["samples"] == "25K" and w.session.modified
        assert "ファイル" in w.menuBar().actions()[0].text()
        assert w.wizard.currentPage().samples.text() == "25K"
        w.apply_language("en")
        assert w.menuBar().actions()[0].text() == "&File"
    finally:
        w.session.wait_idle()
        set_language("en")


def test_catalog_browser_and_entry_form_in_japanese(qtbot):
    from app.ui.catalog_browser import CatalogBrowser, EntryDialog
    from app.ui.session import PlanSession

    set_language("ja")
    try:
        session = PlanSession()
        b = CatalogBrowser(session)
        qtbot.addWidget(b)
        b.show()
        texts = []
        for i in range(b.tabs.count()):
            b.tabs.setCurrentIndex(i)
            texts += _texts(b)
        d = EntryDialog("gpus", None, {}, b)
        qtbot.addWidget(d)
        d.show()
        d.edits["memory_gib"].setText("lots")
        texts += _texts(d)
        assert "数値" in d.error.text()
        # rows are catalog data (names, sources) and stay as published; tooltips name the CSV columns
        from app.catalog.schema import KINDS

        csv_names = {h for k in KINDS.values() for h in k.header}
        bad = english(texts, catalog_words(session.catalog) | csv_names | {"true", "false", "YYYY", "MM", "DD", "sxm"})
        assert not bad, sorted(bad)
    finally:
        set_language("en")
