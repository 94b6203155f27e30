"""Issue 19: a plan-name field (the report's title), Undo/Redo of edits, and Start over that resets
after a confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.wizard import PageId


def test_the_plan_name_titles_the_window_and_is_saved(qtbot, window, tmp_path):
    window.wizard.setCurrentId(PageId.GOAL)
    page = window.wizard.currentPage()
    qtbot.keyClicks(page.name_edit, "Support chatbot")
    assert window.session.name == "Support chatbot" and "Support chatbot" in window.windowTitle()
    path = tmp_path / "plan.gpuplan"
    window.session.save(path)
    window.session.new()
    assert window.session.name != "Support chatbot" and page.name_edit.text() == ""
    window.session.open(path)
    assert window.session.name == "Support chatbot" and page.name_edit.text() == "Support chatbot"


def test_undo_and_redo_step_through_edits_and_typing_is_one_step(qtbot, window):
    s = window.session
    s.undo_stack.clear()
    s.update(goal="finetune", samples="10000")
    window.wizard.setCurrentId(PageId.BUDGET)
    page = window.wizard.currentPage()
    qtbot.keyClicks(page.budget, "30000")  # five keystrokes, one edit
    s.update(deployment="cloud")
    assert s.draft["budget"] == "30000" and s.draft["deployment"] == "cloud"
    s.undo_stack.undo()
    assert s.draft.get("deployment") != "cloud" and s.draft["budget"] == "30000"
    s.undo_stack.undo()
    assert not s.draft.get("budget") and page.budget.text() == ""
    s.undo_stack.redo()
    assert s.draft["budget"] == "30000" and page.budget.text() == "30000"
    s.new()
    assert not s.undo_stack.canUndo()  # undo does not reach into the previous plan


def test_start_over_asks_and_then_resets_every_answer(qtbot, window):
    s = window.session
    s.update(goal="scratch", model="llama-3.1-70b", budget="1M", deadline_days="30")
    window.confirm_start_over = lambda: False
    window.wizard.done(1)  # the result page's Start over
    assert s.draft.get("budget") == "1M" and s.draft["goal"] == "scratch"
    window.confirm_start_over = lambda: True
    window.wizard.done(1)
    assert s.draft.get("budget") is None and s.draft["goal"] == "finetune" and window.wizard.currentId() == PageId.GOAL
    assert s.draft.get("currency")  # the currency in use is kept (issue 19, New plan)


def test_prices_and_mfu_can_be_set_in_the_wizard_and_findings_name_fields(qtbot, window):
    """Issue 19: the GUI has fields for what the CLI sets with --cloud-price, --gpu-price and --mfu, and
    a finding that would tell the CLI user to "pass --cloud-price" names the field instead."""
    from app.present.fields import for_gui

    s = window.session
    s.update(goal="finetune", model="llama-3.1-8b", samples="10000", currency="USD")
    window.wizard.setCurrentId(PageId.BUDGET)
    page = window.wizard.currentPage()
    # they sit in the collapsed advanced section, which a click (or Space on its title) opens
    assert not page.mfu.isVisibleTo(page) and not page.advanced.is_expanded()
    qtbot.mouseClick(page.advanced.toggle, Qt.MouseButton.LeftButton)
    assert page.mfu.isVisibleTo(page) and page.cloud_price.isVisibleTo(page)
    qtbot.keyClicks(page.cloud_price, "2.5")
    qtbot.keyClicks(page.mfu, "0.3")
    qtbot.waitUntil(lambda: s.scenario is not None and s.scenario.cloud_price == 2.5 and s.scenario.mfu == 0.3, timeout=5000)
    result = window.wizard.page_at(PageId.RESULT)
    window.wizard.setCurrentId(PageId.RESULT)
    qtbot.waitUntil(lambda: result.result is not None and result.result.generation == s.generation, timeout=20000)
    best = result.result.plan.options[0]
    assert best.cost.cloud_price_source == "user" and best.mfu == pytest.approx(0.3)
    assert "--" not in for_gui("No cloud price for rtx-5090: pass --cloud-price.")
    assert "--" not in result.details.toPlainText().replace("–", "")
    s.update(goal="inference")
    window.wizard.setCurrentId(PageId.BUDGET)
    assert not page.mfu.isVisibleTo(page)  # MFU is a training figure


def test_the_result_page_leads_with_the_decision_and_keeps_the_rest_one_click_away(qtbot, window):
    """Issue 19: key figures first (what to get, how long, how much, rent/buy/own, the main risk),
    the top five options with the rest behind "Show all", and what was ruled out with its reason."""
    s = window.session
    s.update(goal="scratch", model="llama-3.1-8b", deadline_days="60", currency="USD")
    window.wizard.setCurrentId(PageId.RESULT)
    page = window.wizard.currentPage()
    qtbot.waitUntil(lambda: page.result is not None and page.result.generation == s.generation, timeout=20000)
    best = page.result.plan.options[0]
    figures = page.key_figures.text()
    for word in ("Get", "Time", "Cost", "Decision", "Main risk"):
        assert word in figures
    assert best.gpu_name in figures
    n = page.model.rowCount()
    assert n > page.TOP_ROWS
    assert sum(not page.table.isRowHidden(r) for r in range(n)) == page.TOP_ROWS
    page.show_all.setChecked(True)
    assert sum(not page.table.isRowHidden(r) for r in range(n)) == n
    page.tabs.setCurrentWidget(page.ruled_out)
    text = page.ruled_out.toPlainText()
    assert "Also evaluated, not shown" in text
    assert all(page.result.outcome.gpu_name(r.gpu) in text for r in page.result.plan.rejected)
