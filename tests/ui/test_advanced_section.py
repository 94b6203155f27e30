"""Issue 19, 1 and 3: the advanced fields sit in a collapsible section with their sources as tooltips;
Enter advances the wizard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.wizard import PageId


def _budget(window):
    window.wizard.setCurrentId(PageId.BUDGET)
    return window.wizard.currentPage()


def test_the_advanced_section_is_closed_until_asked_for_or_used(qtbot, window):
    s = window.session
    s.update(goal="finetune", model="llama-3.1-8b", samples="10000")
    page = _budget(window)
    assert not page.advanced.is_expanded() and not page.network.isVisibleTo(page)
    qtbot.keyClick(page.advanced.toggle, Qt.Key.Key_Space)  # the keyboard opens it too
    assert page.advanced.is_expanded() and page.network.isVisibleTo(page)
    page.advanced.set_expanded(False)
    s.update(pue="9")  # a field in error is never hidden
    qtbot.waitUntil(lambda: "pue" in s.errors, timeout=5000)
    assert page.advanced.is_expanded()


def test_a_plan_that_sets_an_advanced_value_opens_the_section(qtbot, window):
    s = window.session
    page = _budget(window)
    page.advanced.set_expanded(False)
    s.update(goal="finetune", model="llama-3.1-8b", samples="10000", hours_per_day=8.0)
    page.load()
    assert page.advanced.is_expanded()


def test_each_advanced_field_says_where_its_default_comes_from(window):
    """Tooltips carry the assumptions registry's source (e.g. the network factors, the hours per day,
    the stack's bytes per parameter), not only what the field is."""
    page = _budget(window)
    assert "InfiniBand" in page.network.toolTip() and "×" in page.network.toolTip()
    assert "24" in page.hours.toolTip() and "round-the-clock" in page.hours.toolTip()
    assert "calibrated" in page.mfu.toolTip()
    data = window.wizard.page_at(PageId.DATA)
    assert "Megatron 18" in data.stack.toolTip()
    assert "default vLLM" in data.engine.toolTip()


def test_the_stack_and_the_engine_sit_in_the_data_pages_advanced_section(qtbot, window):
    s = window.session
    s.update(goal="finetune", model="llama-3.1-8b", samples="10000")
    window.wizard.setCurrentId(PageId.DATA)
    data = window.wizard.currentPage()
    assert not data.advanced.is_expanded() and not data.stack.isVisibleTo(data)
    data.advanced.set_expanded(True)
    assert data.stack.isVisibleTo(data) and not data.engine.isVisibleTo(data)  # the engine is for serving
    s.update(goal="inference")
    data.load()
    assert data.engine.isVisibleTo(data) and not data.stack.isVisibleTo(data)
    data.advanced.set_expanded(False)
    s.update(engine="llama.cpp")
    data.load()
    assert data.advanced.is_expanded()  # a plan that chose an engine shows it


def test_enter_advances(qtbot, window):
    s = window.session
    s.update(goal="finetune", model="llama-3.1-8b", samples="10000")
    page = _budget(window)
    page.budget.setFocus()
    qtbot.keyClick(page.budget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.wizard.currentId() == PageId.RESULT, timeout=5000)


def test_a_field_focused_by_its_alt_key_is_scrolled_into_view(qtbot, window):
    """On a short window the advanced fields sit below the fold; Alt+K (or Tab) focusing the network
    field scrolls the page to it (a mnemonic alone moved the focus out of sight)."""
    s = window.session
    s.update(goal="finetune", model="llama-3.1-8b", samples="10000")
    window.resize(1000, 480)
    page = _budget(window)
    page.advanced.set_expanded(True)
    qtbot.wait(20)
    assert page.network.visibleRegion().isEmpty()  # below the fold at first
    page.network.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(lambda: not page.network.visibleRegion().isEmpty(), timeout=2000)
