"""Every text field of the wizard, fed nonsense: the field is marked and says why, Next is disabled,
nothing raises (pytest-qt fails a test on any exception in a Qt callback), and a good value recovers."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from app.ui.wizard import PageId

NONSENSE = ["lots", "-1", "0", "1e400", "nan", "inf", "12 34", "７B", "1" * 40, "万", "--3"]


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    """Type as a user would; QTest can only type ASCII, so other text arrives as one edit (an IME would)."""
    field.clear()
    if not text:  # what a user's select-all + Delete sends
        field.textEdited.emit("")
    elif text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.setText(text)
        field.textEdited.emit(text)


@pytest.mark.parametrize("goal", ["inference", "finetune", "scratch"])
def test_nonsense_in_every_text_field_is_refused_and_recoverable(qtbot, window, goal):
    wiz = window.wizard
    wiz.page_at(PageId.GOAL).select(goal)
    for pid in (PageId.MODEL, PageId.DATA, PageId.BUDGET):
        wiz.next()
        assert wiz.currentId() == pid
        page = wiz.currentPage()
        fields = [(k, w) for k, w in page.widgets.items() if isinstance(w, QLineEdit) and w.isVisibleTo(page)]
        for key, field in fields:
            good = field.text()
            for bad in NONSENSE:
                type_into(qtbot, field, bad)
                errors = window.session.errors
                if key in errors:  # refused: marked, explained, Next disabled
                    assert "b00020" in field.styleSheet() and errors[key]
                    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
                    assert errors[key] in page.error_label.text()
            type_into(qtbot, field, good)
            assert key not in window.session.errors, (key, good, window.session.errors)
        assert wiz.button(wiz.WizardButton.NextButton).isEnabled(), page.error_label.text()


def test_the_obviously_wrong_values_are_refused(qtbot, window):
    wiz = window.wizard
    wiz.next()
    wiz.next()
    wiz.next()
    page = wiz.currentPage()
    for bad in ("lots", "-1", "0", "1e400", "nan"):
        type_into(qtbot, page.widgets["budget"], bad)
        assert "budget" in window.session.errors, bad


def test_budget_and_deadline_take_the_forms_people_type(qtbot):
    """Issue 19: "$1M", "3億円" and "3 months" are accepted as typed; "¥30M" on a dollar plan is
    refused on the budget field, naming what to do."""
    from app.ui.application import MainWindow
    from app.ui.wizard import PageId

    w = MainWindow()
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    w.show()
    w.session.update(goal="finetune", model="llama-3.1-8b", samples="10000", currency="USD")
    w.wizard.setCurrentId(PageId.BUDGET)
    page = w.wizard.currentPage()
    qtbot.keyClicks(page.budget, "$1M")
    qtbot.keyClicks(page.deadline, "3 months")
    qtbot.waitUntil(lambda: w.session.scenario is not None and w.session.scenario.budget == 1e6, timeout=5000)
    assert w.session.scenario.deadline_days == pytest.approx(91.3125)
    page.budget.clear()
    qtbot.keyClicks(page.budget, "¥30M")
    qtbot.waitUntil(lambda: "budget" in w.session.errors, timeout=5000)
    assert "currency" in page.error_label.text() and not page.isComplete()
    w.session.wait_idle()
