"""Issue 19: a plan-name field (the report's title), Undo/Redo of edits, and Start over that resets
after a confirmation."""

from __future__ import annotations

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
