"""The result page's Sensitivity tab (tornado, what-if sliders) and Tools → Compare plans."""

from __future__ import annotations


def to_result(qtbot, window, **draft):
    window.session.update(**draft)
    wiz = window.wizard
    wiz.setCurrentId(4)
    page = wiz.currentPage()
    qtbot.waitUntil(lambda: page.result is not None and page.result.generation == window.session.generation, timeout=20000)
    return page


def test_the_tornado_shows_the_plans_swings_widest_first(qtbot, window):
    page = to_result(qtbot, window, goal="inference", model="llama-3.1-8b", gpu_id="l40s", gpu_count="1", currency="USD")
    page.tabs.setCurrentWidget(page.sensitivity)
    tab = page.sensitivity
    qtbot.waitUntil(lambda: bool(tab.chart.order), timeout=20000)  # computed when the tab is shown
    from app.planning.outcome import with_sensitivity

    out = with_sensitivity(page.result.outcome, window.session.catalog)
    moving = [w for w in out.sensitivity if w.cost[0] != w.cost[1]]
    assert tab.chart.order and len(tab.chart.order) == len(moving)
    assert tab.chart.order[0] == "Hours of use per day"  # the widest swing of this plan
    assert "Buying beats renting" in tab.text.toPlainText()


def test_a_what_if_slider_replans_and_reset_restores(qtbot, window):
    page = to_result(qtbot, window, goal="inference", model="llama-3.1-8b", gpu_id="l40s", gpu_count="1", currency="USD")
    page.tabs.setCurrentWidget(page.sensitivity)
    tab = page.sensitivity
    first = page.result.outcome.best.cost.onprem
    tab.hours.setValue(8)
    qtbot.waitUntil(lambda: page.result.generation == window.session.generation and page.result.scenario.hours_per_day == 8,
                    timeout=20000)
    assert page.result.outcome.best.cost.onprem < first
    tab.cloud.setValue(200)
    qtbot.waitUntil(lambda: page.result.scenario.cloud_price is not None and page.result.generation == window.session.generation,
                    timeout=20000)
    assert page.result.scenario.cloud_price == tab.base_cloud * 2
    tab.reset.click()
    qtbot.waitUntil(lambda: page.result.generation == window.session.generation and page.result.scenario.hours_per_day == 24,
                    timeout=20000)
    assert page.result.scenario.cloud_price is None and tab.hours.value() == 24


def test_compare_the_current_plan_with_a_variant(qtbot, window, tmp_path):
    from app.ui.compare_dialog import CompareDialog

    window.session.update(goal="finetune", model="llama-3.1-8b", samples="10000")
    d = CompareDialog(window.session, lambda: "en", window)
    qtbot.addWidget(d)
    d.add_current()
    d.add_variant("method", "full")
    d.compare()
    qtbot.waitUntil(lambda: d.comparison is not None, timeout=30000)
    cells = [[d.table.item(r, c).text() for c in range(d.table.columnCount())] for r in range(d.table.rowCount())]
    method = next(r for r in cells if r[0] == "Method")
    assert method[1:] == ["LoRA", "full"]  # as written, not the request's ids
    assert any(r[0] == "Recommendation" for r in cells) and d.pdf_button.isEnabled()
    full = d.comparison.outcomes[1]
    assert full.scenario.method.value == "full" and full.plan.workload.trainable_params > d.comparison.outcomes[0].plan.workload.trainable_params
    from app.ui.report.pdf import write_compare_pdf

    assert write_compare_pdf(d.comparison, tmp_path / "c.pdf", "ja") >= 1


def test_keys_on_the_sensitivity_tab_and_the_compare_dialog_are_their_own(qtbot, window):
    """Alt keys of the new controls collide with nothing on the result page, its tabs, the wizard's
    buttons or the menu bar (File, Tools, Help)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from app.ui.compare_dialog import CompareDialog

    def keys(root):
        out = []
        for w in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
            m = re.search(r"&(\w)", w.text().replace("&&", ""))
            if m:
                out.append(m.group(1).lower())
        return out

    page = to_result(qtbot, window, goal="finetune", model="llama-3.1-8b", samples="10000")
    tabs = [re.search(r"&(\w)", page.tabs.tabText(i)).group(1).lower() for i in range(page.tabs.count())]
    menus = [m.group(1).lower() for a in window.menuBar().actions() if (m := re.search(r"&(\w)", a.text()))]
    taken = keys(page.sensitivity) + tabs + menus + ["b", "n"]  # Back, Next
    assert len(taken) == len(set(taken)), taken
    d = CompareDialog(window.session, lambda: "en", window)
    qtbot.addWidget(d)
    ks = keys(d)
    assert len(ks) == len(set(ks)) >= 6, ks
