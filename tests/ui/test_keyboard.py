"""Issue 19: every wizard page's Alt keys are its own, in English and Japanese: the labels, buttons,
group boxes and tabs on screen, the wizard's Back/Next/Finish and the menu bar never share a key (so
Alt+N always advances)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

from app.i18n import set_language
from app.ui.application import MainWindow
from app.ui.wizard import PageId

GOALS = (("finetune", {"samples": "10000"}), ("inference", {}), ("cpt", {}), ("scratch", {}))
KEY = re.compile(r"&([^&\s])")


def _key(text: str) -> str | None:
    m = KEY.search(text.replace("&&", ""))
    return m.group(1).lower() if m else None


def _keys_on(page) -> list[tuple[str, str]]:
    from app.ui.wizard.common import Collapsible

    for section in page.findChildren(Collapsible):  # advanced settings count when they are open
        section.set_expanded(True)
    out = []
    for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton) + page.findChildren(QGroupBox):
        text = w.title() if isinstance(w, QGroupBox) else w.text()
        k = _key(text)
        if k and w.isVisibleTo(page):
            out.append((k, text))
    for tabs in page.findChildren(QTabWidget):
        for i in range(tabs.count()):
            k = _key(tabs.tabText(i))
            if k and tabs.isTabVisible(i):
                out.append((k, tabs.tabText(i)))
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_alt_keys_are_unique_on_every_page_for_every_goal(qtbot, lang):
    from app.ui.settings import Settings

    settings = Settings()
    settings.language = lang
    set_language(lang)
    try:
        w = MainWindow(settings=settings)
        qtbot.addWidget(w)
        w.maybe_save = lambda: True
        w.show()
        wiz = w.wizard
        menus = [(_key(a.text()), a.text()) for a in w.menuBar().actions()]
        checked = 0
        for goal, extra in GOALS:
            w.session.update(goal=goal, model="llama-3.1-8b", **extra)
            for pid in (PageId.GOAL, PageId.MODEL, PageId.DATA, PageId.BUDGET, PageId.RESULT):
                wiz.setCurrentId(pid)
                w.session.wait_idle()
                qtbot.wait(10)
                page = wiz.currentPage()
                buttons = [(_key(wiz.button(b).text()), wiz.button(b).text())
                           for b in (wiz.WizardButton.BackButton, wiz.WizardButton.NextButton, wiz.WizardButton.FinishButton)
                           if wiz.button(b).isVisible()]
                taken = _keys_on(page) + [x for x in buttons + menus if x[0]]
                keys = [k for k, _ in taken]
                dup = sorted({k for k in keys if keys.count(k) > 1})
                assert not dup, (lang, goal, pid.name, [t for k, t in taken if k in dup])
                checked += len(keys)
        assert checked > 100
        w.session.wait_idle()
    finally:
        set_language("en")


def test_tab_leaves_the_model_and_options_tables(qtbot, window):
    """Tab moves to the next control instead of walking the table cell by cell (arrows still do)."""
    from PySide6.QtCore import Qt

    window.session.update(goal="finetune", model="llama-3.1-8b", samples="10000")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    wiz = window.wizard
    for pid in (PageId.MODEL, PageId.RESULT):
        wiz.setCurrentId(pid)
        window.session.wait_idle()
        table = wiz.currentPage().table
        qtbot.waitUntil(lambda t=table: t.isVisible() and t.isEnabled(), timeout=20000)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.waitUntil(table.hasFocus, timeout=3000)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert not table.hasFocus(), pid.name


def test_a_step_indicator_shows_where_the_user_is(qtbot, window):
    """Issue 19: the five steps down the side of the wizard, the current one marked."""
    wiz = window.wizard
    for pid in PageId:
        wiz.setCurrentId(pid)
        window.session.wait_idle()
        text = wiz.steps.text()
        assert text.count("<b>") == 1 and f"{int(pid) + 1}. " in text.split("<b>")[1].split("</b>")[0]
        assert wiz.steps.accessibleName() == f"Step {int(pid) + 1} of 5"
