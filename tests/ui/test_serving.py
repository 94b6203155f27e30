"""The wizard's service-level fields and the result page's APIs tab (issue 21)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

from app.ui.wizard import PageId


def to_result(qtbot, window, **draft):
    window.session.update(**draft)
    wiz = window.wizard
    wiz.setCurrentId(PageId.RESULT)
    page = wiz.currentPage()
    qtbot.waitUntil(lambda: page.result is not None and page.result.generation == window.session.generation, timeout=20000)
    return page


def test_service_level_fields_validate_as_typed_and_reach_the_plan(qtbot, window):
    window.session.update(goal="inference", model="llama-3.1-8b")
    wiz = window.wizard
    wiz.setCurrentId(PageId.DATA)
    page = wiz.currentPage()
    assert page.sla_box.isVisible()
    qtbot.keyClicks(page.min_tps, "fast")
    qtbot.waitUntil(lambda: "min_tokens_per_s" in window.session.errors, timeout=5000)
    assert not page.isComplete() and "Answer speed per user" in page.error_label.text()
    page.min_tps.clear()
    qtbot.keyClicks(page.min_tps, "20")
    qtbot.keyClicks(page.prompt_tokens, "1000")
    qtbot.keyClicks(page.max_ttft, "1")
    page.availability.setCurrentIndex(page.availability.findData("n+1"))
    qtbot.waitUntil(lambda: not window.session.errors, timeout=5000)
    s = window.session.scenario
    assert (s.min_tokens_per_s, s.prompt_tokens, s.max_ttft_s, s.availability) == (20.0, 1000, 1.0, "n+1")
    window.session.update(goal="finetune", samples="10000")
    qtbot.waitUntil(lambda: not page.sla_box.isVisible() or not page.isVisible(), timeout=5000)


def test_the_apis_tab_compares_the_plan_with_api_prices_and_hides_for_training(qtbot, window):
    page = to_result(qtbot, window, goal="inference", model="llama-3.1-8b", concurrency=200, prompt_tokens="1000",
                     output_tokens=500, min_tokens_per_s="20", max_ttft_s="1", currency="USD")
    i = page.tabs.indexOf(page.apis)
    assert page.tabs.isTabVisible(i)
    page.tabs.setCurrentWidget(page.apis)
    text = page.apis.toPlainText()
    assert "per 1M tokens" in text and "(same model)" in text and "Prices only" in text
    out = page.result.outcome
    assert out.apis is not None and str(out.apis.rows[0].api.provider) in text
    assert "per 1M tokens at this load" in page.details.toPlainText()
    assert "binds" in page.details.toPlainText()
    page = to_result(qtbot, window, goal="finetune", model="llama-3.1-8b", samples="10000")
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.apis))


def test_the_serving_page_keys_are_unique_with_the_wizard_buttons(qtbot, window):
    """Alt keys of the inference fields (the ones on screen) collide with nothing on the page, the
    Back/Next buttons or the menu bar."""
    window.session.update(goal="inference", model="llama-3.1-8b")
    wiz = window.wizard
    wiz.setCurrentId(PageId.DATA)
    page = wiz.currentPage()
    page.advanced.set_expanded(True)  # the engine's field sits in the advanced section
    keys = []
    for lab in page.findChildren(QLabel):
        m = re.search(r"&(\w)", lab.text().replace("&&", ""))
        if m and lab.isVisibleTo(page):
            keys.append(m.group(1).lower())
    menus = [m.group(1).lower() for a in window.menuBar().actions() if (m := re.search(r"&(\w)", a.text()))]
    taken = keys + menus + ["b", "n"]
    assert len(keys) >= 9 and len(taken) == len(set(taken)), taken


def test_the_context_box_shows_the_context_the_plan_uses(qtbot, window):
    """With a prompt length and no context typed, the engine is set up for prompt + answer tokens:
    the Context box shows that, not the 4,096 default it would otherwise show."""
    window.session.update(goal="inference", model="llama-3.1-8b", prompt_tokens="1000", output_tokens=500)
    window.wizard.setCurrentId(PageId.DATA)
    page = window.wizard.currentPage()
    qtbot.waitUntil(lambda: page.context.value() == 1500, timeout=5000)
    assert window.session.scenario.inference_context == 1500
