"""The quick-plan window drives the same pipeline as the CLI and validates as the user types."""

from app.ui.application import QuickPlanWindow


def test_window_shows_a_plan_and_recomputes_on_edit(qtbot):
    w = QuickPlanWindow()
    qtbot.addWidget(w)
    assert "Llama 3.1 8B" in w.result.toPlainText()
    w.goal.setCurrentIndex(w.goal.findData("scratch"))
    w.gpu.setCurrentIndex(w.gpu.findData("h100-sxm"))
    w.count.setValue(64)
    qtbot.waitUntil(lambda: "64 x NVIDIA H100" in w.result.toPlainText(), timeout=3000)


def test_bad_number_names_the_field_and_keeps_the_window_alive(qtbot):
    w = QuickPlanWindow()
    qtbot.addWidget(w)
    w.goal.setCurrentIndex(w.goal.findData("cpt"))
    w.tokens.setText("lots")
    qtbot.waitUntil(lambda: "Tokens" in w.error.text(), timeout=3000)
    assert w.result.toPlainText() == ""
    w.tokens.setText("50B")
    qtbot.waitUntil(lambda: w.error.text() == "" and "50B tokens" in w.result.toPlainText(), timeout=3000)
