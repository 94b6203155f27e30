"""Drive the real wizard (design habit 6): each goal to a recommendation, Next disabled on bad
input, plots checked through their data, plan files, the catalog browser, settings."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.planning.planfile import SCHEMA as PLANFILE_SCHEMA
from app.ui.application import MainWindow, SettingsDialog
from app.ui.session import PlanSession
from app.ui.settings import Settings
from app.ui.wizard import PageId


def to_result(qtbot, w):
    wiz = w.wizard
    while wiz.currentId() != PageId.RESULT:
        assert wiz.button(wiz.WizardButton.NextButton).isEnabled(), wiz.currentPage().error_label.text()
        wiz.next()
    page = wiz.page_at(PageId.RESULT)
    qtbot.waitUntil(lambda: page.result is not None and page.result.generation == w.session.generation, timeout=20000)
    return page


def test_next_next_finish_gives_a_recommendation(qtbot, window):
    page = to_result(qtbot, window)
    assert page.verdict.text().startswith("Feasible")
    assert page.model.rowCount() >= 3
    assert page.table.isEnabled()


@pytest.mark.parametrize("goal, model_id", [("inference", "llama-3.1-70b"), ("finetune", "llama-3.1-8b"),
                                            ("cpt", "llama-3.1-swallow-8b"), ("scratch", "llama-3.2-1b")])
def test_each_goal_reaches_a_recommendation(qtbot, window, goal, model_id):
    wiz = window.wizard
    wiz.page_at(PageId.GOAL).select(goal)
    wiz.next()
    assert wiz.currentId() == PageId.MODEL
    assert wiz.page_at(PageId.MODEL).select_model(model_id)
    wiz.next()
    data = wiz.page_at(PageId.DATA)
    assert data.inf_box.isVisibleTo(data) == (goal == "inference")
    assert data.ft_box.isVisibleTo(data) == (goal == "finetune")
    page = to_result(qtbot, window)
    plan = page.result.plan
    assert plan.goal == goal and plan.model_id == model_id
    assert plan.options, page.verdict.text()
    # the details and every chart show the selected option (a chart draws when its tab is shown)
    assert "×" in page.details.toPlainText()
    page.tabs.setCurrentWidget(page.memory_chart)
    assert page.memory_chart.stacked_total_gib() * 1024**3 == pytest.approx(plan.options[0].memory_per_gpu_bytes, rel=1e-6)


def test_next_is_disabled_on_invalid_input_and_the_field_says_why(qtbot, window):
    wiz = window.wizard
    wiz.next()
    wiz.next()  # data page, fine-tuning
    assert wiz.currentId() == PageId.DATA
    page = wiz.currentPage()
    samples = page.samples
    samples.clear()
    qtbot.keyClicks(samples, "lots")
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    assert "lots" in page.error_label.text() and "7B" in page.error_label.text()
    assert "b00020" in samples.styleSheet()
    samples.clear()
    qtbot.keyClicks(samples, "20K")
    assert wiz.button(wiz.WizardButton.NextButton).isEnabled()
    assert window.session.scenario.samples == 20000


def test_custom_model_by_size_shows_footprint(qtbot, window):
    wiz = window.wizard
    wiz.next()
    page = wiz.currentPage()
    page.use_custom.click()
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()  # no size yet
    qtbot.keyClicks(page.c_params, "13B")
    assert wiz.button(wiz.WizardButton.NextButton).isEnabled()
    assert "13B" in page.footprint.text() and "BF16" in page.footprint.text()


def test_stale_results_are_never_shown_as_current(qtbot, window):
    page = to_result(qtbot, window)
    first = page.result.generation
    with qtbot.waitSignal(window.session.sig_busy) as blocker:
        window.session.update(samples="50000")
    assert blocker.args == [True]
    assert not page.table.isEnabled() and "Updating" in page.status.text()
    qtbot.waitUntil(lambda: page.result.generation > first, timeout=20000)
    assert page.table.isEnabled()
    assert page.result.scenario.samples == 50000


def test_plots_draw_the_plan(qtbot, window):
    window.session.update(goal="scratch", model="llama-3.1-8b", deadline_days="60", budget="2M", currency="USD")
    page = to_result(qtbot, window)
    res = page.result
    for chart in (page.scaling_chart, page.breakeven_chart, page.runs_chart):
        page.tabs.setCurrentWidget(chart)  # each chart draws when its tab is shown
    # scaling: one time curve per leading GPU type, the deadline drawn at 60 days (log axis)
    assert page.scaling_chart.curves
    name, (tcurve, ccurve) = next(iter(page.scaling_chart.curves.items()))
    xs, ys = tcurve.getOriginalDataset()  # getData() is log10 on the log axes
    gid = next(iter(res.outcome.curves))
    fitting = [p for p in res.outcome.curves[gid] if p.fits]
    assert list(xs) == pytest.approx([float(p.count) for p in fitting])
    assert list(ys) == pytest.approx([p.job_s / 86400 for p in fitting])
    assert page.scaling_chart.deadline_line.value() == pytest.approx(__import__("math").log10(60))
    # cloud vs on-prem: cumulative lines start at 0 (cloud) and at the purchase (on-prem)
    o = res.plan.options[0]
    if page.breakeven_chart.cloud_curve is not None:
        _, cloud = page.breakeven_chart.cloud_curve.getData()
        assert cloud[0] == 0
    if page.breakeven_chart.onprem_curve is not None:
        _, onprem = page.breakeven_chart.onprem_curve.getData()
        assert onprem[0] == pytest.approx(o.cost.items.get("gpu_purchase", 0) + o.cost.items.get("host", 0))
    # published runs: one point per run with GPU-hours, and this plan as a star
    rx, ry = page.runs_chart.runs_item.getOriginalDataset()
    assert len(rx) >= 30
    px, py = page.runs_chart.plan_item.getOriginalDataset()
    assert px[0] == pytest.approx(res.plan.workload.train_flops)


def test_charts_on_hidden_tabs_draw_when_shown_and_follow_each_plan(qtbot, window):
    """An edit redraws only the chart on screen; the others draw the newest plan when their tab
    is shown (each redraw is 20-50 ms of GUI thread: issue 10)."""
    page = to_result(qtbot, window)
    page.tabs.setCurrentWidget(page.scaling_chart)
    first = page.result
    assert page.scaling_chart.curves and page.memory_chart.stacked_total_gib() == 0  # memory tab never shown
    window.session.update(deadline_days="30", goal="scratch", model="llama-3.2-1b")
    qtbot.waitUntil(lambda: page.result is not first and page.result.generation == window.session.generation,
                    timeout=20000)
    assert page.scaling_chart.deadline_line is not None  # on screen: redrawn at once
    page.tabs.setCurrentWidget(page.memory_chart)
    o = page.result.plan.options[0]
    assert page.memory_chart.stacked_total_gib() * 1024**3 == pytest.approx(o.memory_per_gpu_bytes, rel=1e-6)
    window.session.update(deadline_days="")
    qtbot.waitUntil(lambda: page.result.generation == window.session.generation, timeout=20000)
    page.tabs.setCurrentWidget(page.scaling_chart)
    assert page.scaling_chart.deadline_line is None and page.scaling_chart.curves


def test_chart_export_png_and_svg(qtbot, window, tmp_path):
    page = to_result(qtbot, window)
    for chart in (page.memory_chart, page.scaling_chart):
        chart.export(str(tmp_path / "c.png"))
        chart.export(str(tmp_path / "c.svg"))
        assert (tmp_path / "c.png").stat().st_size > 1000
        assert "<svg" in (tmp_path / "c.svg").read_text(encoding="utf-8")[:400]


def test_plan_file_round_trip_and_title(qtbot, window, tmp_path):
    window.session.update(goal="inference", model="qwen2.5-7b", quant="int4")
    assert window.isWindowModified()
    path = tmp_path / "my plan.gpuplan"
    assert window._write(path)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("my plan")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema"] == PLANFILE_SCHEMA and doc["request"]["quant"] == "int4"
    other = PlanSession()
    other.open(path)
    assert other.draft["model"] == "qwen2.5-7b" and other.draft["goal"] == "inference"
    assert str(path.resolve()) in Settings().recent_files


def test_a_broken_plan_file_is_refused_and_the_current_plan_kept(qtbot, window, tmp_path, monkeypatch):
    window.session.update(samples="12345")
    bad = tmp_path / "bad.gpuplan"
    bad.write_text("{not json", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not window.open_path(str(bad), ask=False)
    assert shown and "not a plan file" in shown[0]
    assert window.session.draft["samples"] == "12345"


def test_unsaved_changes_prompt_before_new(qtbot, window, monkeypatch):
    del window.maybe_save  # the real prompt
    window.session.update(samples="777")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(1) or QMessageBox.StandardButton.Cancel)
    window.new_plan()
    assert asked and window.session.draft["samples"] == "777"
    window.maybe_save = lambda: True


def test_settings_persist_and_seed_new_plans(qtbot):
    s = Settings()
    dlg = SettingsDialog(s)
    qtbot.addWidget(dlg)
    dlg.currency.setCurrentIndex(dlg.currency.findData("JPY"))
    dlg.fx.setValue(160.0)
    dlg.fx_date.setDate(QDate(2026, 11, 20))
    dlg.pue.setValue(1.3)
    dlg.accept()
    again = Settings()
    assert again.currency == "JPY" and again.fx_jpy_per_usd == 160.0 and again.pue == pytest.approx(1.3)
    assert again.fx_as_of == "2026-11-20"
    w = MainWindow()
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    assert w.session.draft["currency"] == "JPY" and w.session.draft["fx_jpy_per_usd"] == 160.0
    # the rate's date reaches the plan and is cited as its source
    assert w.session.scenario.fx_as_of == "2026-11-20"
    w.session.recompute()
    qtbot.waitUntil(lambda: w.session.result is not None, timeout=20000)
    fx = next(a for a in w.session.result.plan.assumptions if a.name == "fx_jpy_per_usd")
    from app.present.text.assumptions import assumption_source

    assert fx.value == 160.0 and fx.set_by == "user"
    assert "20 Nov 2026" in assumption_source(fx, "en", fx_as_of=w.session.scenario.fx_as_of)
    w.session.wait_idle()


def test_catalog_browser_adds_a_users_gpu_with_live_validation(qtbot, window):
    from app.ui.catalog_browser import CatalogBrowser, EntryDialog

    browser = CatalogBrowser(window.session, window)
    qtbot.addWidget(browser)
    _view, model, _proxy = browser.views["gpus"]
    assert model.rowCount() == len(window.session.catalog.gpus())
    dlg = EntryDialog("gpus", None, window.session.catalog.known_ids(), browser)
    qtbot.addWidget(dlg)
    save = dlg.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    for k, v in dict(id="lab-gpu", name="Lab GPU", memory_gib="96", bandwidth_tb_per_s="3", bf16_dense_tflops="400",
                     tdp_w="500", source="our datasheet", as_of="2026-11").items():
        dlg.edits[k].setText(v)
    assert save.isEnabled(), dlg.error.text()
    dlg.edits["memory_gib"].setText("lots")
    assert not save.isEnabled() and "Memory (GiB)" in dlg.error.text()
    dlg.edits["memory_gib"].setText("96")
    browser._import_text(dlg.csv_text())
    assert window.session.catalog.gpu("lab-gpu") is not None
    assert any(model.item(r, 0).text() == "lab-gpu" and model.item(r, model.columnCount() - 1).text() == "yours"
               for r in range(model.rowCount()))


def test_importing_a_price_list_shows_what_changes_before_it_is_applied(qtbot, window, tmp_path, monkeypatch):
    """Issue 23: a newer price list (CSV) is shown field by field (old → new) and applied only on Apply."""
    from app.ui.catalog_browser import CatalogBrowser

    browser = CatalogBrowser(window.session, window)
    qtbot.addWidget(browser)
    from app.catalog.csv_io import write_csv
    from app.catalog.schema import KINDS

    csv_path = tmp_path / "prices.csv"
    records = window.session.catalog.records("gpus")
    old = window.session.catalog.gpu("h100-sxm").price_usd
    new = round(old * 0.8)
    write_csv(csv_path, KINDS["gpus"], [{**r, "price_usd": new} if r["id"] == "h100-sxm" else r for r in records])
    seen = {}

    def answer(button):
        def exec_(box):
            seen["text"], seen["details"] = box.text(), box.detailedText()
            return button
        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Cancel))
    assert not browser._import_path(str(csv_path), confirm=True)
    assert "changes 1" in seen["text"] and f"price_usd {old:.6g} → {new:.6g}" in seen["details"]
    assert window.session.catalog.gpu("h100-sxm").price_usd == old  # cancelled: nothing applied
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Apply))
    assert browser._import_path(str(csv_path), confirm=True)
    assert window.session.catalog.gpu("h100-sxm").price_usd == new


def test_keyboard_only_navigation(qtbot, window):
    wiz = window.wizard
    qtbot.keyClick(wiz.button(wiz.WizardButton.NextButton), Qt.Key.Key_Space)
    assert wiz.currentId() == PageId.MODEL


def test_export_pdf_markdown_csv_json_and_copy_from_the_window(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QApplication

    to_result(qtbot, window)
    for kind in ("pdf", "md", "csv", "json"):
        path = tmp_path / f"plan.{kind}"
        assert window.export(kind, str(path))
        assert path.stat().st_size > 100
    assert (tmp_path / "plan.pdf").read_bytes()[:5] == b"%PDF-"
    # the wizard plans without the backtest (it is the report's alone); the exports add it
    assert window.session.result.outcome.backtest is None
    md = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert "published runs with a median error of" in md
    window.copy_table()
    text = QApplication.clipboard().text()
    assert text.splitlines()[0].startswith("rank\tlabels\tgpu")
    assert len(text.splitlines()) == len(window.session.result.plan.options) + 1


def test_exports_that_cannot_be_written_say_so_and_keep_the_old_file(qtbot, window, tmp_path, monkeypatch):
    """Issue 24: an export onto a folder, into a missing folder or onto a full device is refused
    with a message (never "Wrote …"), and an earlier file at the target is unchanged."""
    import errno
    import os

    from app import fileio

    to_result(qtbot, window)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    for kind in ("pdf", "md", "csv", "json"):
        assert not window.export(kind, str(tmp_path))
        assert not window.export(kind, str(tmp_path / "missing" / f"plan.{kind}"))
    assert len(shown) == 8 and all("Nothing was written" in m for m in shown)
    assert "is a folder" in shown[0] and "does not exist" in shown[1]
    old = tmp_path / "plan.md"
    old.write_text("last week", encoding="utf-8")

    def full(_fd, _data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio.os, "write", full)
    assert not window.export("md", str(old))
    assert old.read_text(encoding="utf-8") == "last week" and "No space left" in shown[-1]


def test_opening_a_hostile_file_from_the_window_keeps_the_plan(qtbot, window, tmp_path, monkeypatch):
    hostile = tmp_path / "hostile.gpuplan"
    hostile.write_text(json.dumps({"schema": PLANFILE_SCHEMA, "request": {"goal": "finetune", "own": {"h100-sxm": "8"}}}),
                       encoding="utf-8")
    window.session.update(samples="4242")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not window.open_path(str(hostile), ask=False)
    assert "'own'" in shown[0] and window.session.draft["samples"] == "4242" and window.session.path is None


def test_the_wizard_widgets_and_the_cli_flags_give_the_same_scenario(qtbot, window):
    """Issue 15: the same question typed into the wizard's fields and given as flags is one Scenario
    (one pipeline: app.planning.to_scenario), defaults included."""
    from app.cli.commands import scenario_from_args
    from app.cli.parser import build_parser

    wiz = window.wizard
    wiz.page_at(PageId.GOAL).select("finetune")
    wiz.next()
    assert wiz.page_at(PageId.MODEL).select_model("llama-3.1-70b")
    wiz.next()
    data = wiz.page_at(PageId.DATA)
    data.method.setCurrentIndex(data.method.findData("qlora"))
    data.samples.clear()
    qtbot.keyClicks(data.samples, "20K")
    data.seq_len.setValue(4096)
    data.epochs.setValue(2.0)
    data.lora_rank.setValue(64)
    data.prec_checks["fp8"].setChecked(True)
    wiz.next()
    budget = wiz.page_at(PageId.BUDGET)
    budget.currency.setCurrentIndex(budget.currency.findData("JPY"))
    budget.budget.setText("3000万")  # QTest types ASCII only: the edit signal a typed "万" sends
    budget.budget.textEdited.emit("3000万")
    qtbot.keyClicks(budget.deadline, "10")
    budget._add_own("rtx-a6000", 4)
    assert not window.session.errors, window.session.errors
    flags = ["--goal", "finetune", "--model", "llama-3.1-70b", "--method", "qlora", "--samples", "20K", "--seq-len",
             "4096", "--epochs", "2", "--lora-rank", "64", "--precision", "bf16,fp8", "--budget", "3000万",
             "--currency", "JPY", "--deadline-days", "10", "--own", "rtx-a6000:4", "--lang", "en"]
    _request, s_cli, _lang = scenario_from_args(build_parser().parse_args(["plan", *flags]))
    assert window.session.scenario == s_cli
    # fields the user never touched stay empty in the draft: the plan uses the defaults the CLI uses
    assert "pue" not in window.session.draft and "hours_per_day" not in window.session.draft
