"""The desktop app. Until the wizard lands (issue 5) this is a one-window quick planner that drives
the same pipeline as ``gpu-planner plan``: edit a field, the plan recomputes and is shown."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMainWindow, QMessageBox, QPlainTextEdit, QSpinBox, QWidget)

from app import __version__


class QuickPlanWindow(QMainWindow):
    """Goal, model, data and GPU choice on the left; the plan summary on the right."""

    GOALS = ("inference", "finetune", "cpt", "scratch")

    def __init__(self) -> None:
        super().__init__()
        from app.catalog.repository import default_catalog

        catalog = default_catalog()
        self._gpus = list(catalog.gpus())
        self._models = list(catalog.models())
        self._offers = list(catalog.offers())
        self.setWindowTitle(self.tr("LLM GPU Planner {0}").format(__version__))
        central = QWidget(self)
        row = QHBoxLayout(central)
        form = QFormLayout()
        row.addLayout(form, 0)

        self.goal = QComboBox()
        for g, label in zip(self.GOALS, (self.tr("Inference (serve the model)"), self.tr("Fine-tuning (adjust behaviour)"),
                                         self.tr("Continued pre-training (add knowledge)"), self.tr("From scratch (train a new model)"))):
            self.goal.addItem(label, g)
        form.addRow(self.tr("Goal"), self.goal)

        self.model = QComboBox()
        for m in self._models:
            self.model.addItem(m.name, m.id)
        self.model.setCurrentIndex(max(0, self.model.findData("llama-3.1-8b")))
        form.addRow(self.tr("Model"), self.model)

        self.tokens = QLineEdit()
        self.tokens.setPlaceholderText(self.tr("default (e.g. 100B, 1.4T)"))
        self.tokens.setToolTip(self.tr("Training tokens; empty = Chinchilla's 20 per parameter for scratch, 10% of that for continued pre-training"))
        form.addRow(self.tr("Tokens"), self.tokens)
        self.samples = QLineEdit("10000")
        form.addRow(self.tr("Fine-tuning samples"), self.samples)

        self.gpu = QComboBox()
        self.gpu.addItem(self.tr("Recommend"), None)
        for g in self._gpus:
            self.gpu.addItem(g.name, g.id)
        form.addRow(self.tr("GPU"), self.gpu)
        self.count = QSpinBox()
        self.count.setRange(1, 100000)
        self.count.setValue(8)
        form.addRow(self.tr("GPU count"), self.count)

        self.currency = QComboBox()
        self.currency.addItem("USD", "USD")
        self.currency.addItem("JPY", "JPY")
        form.addRow(self.tr("Currency"), self.currency)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)

        self.result = QPlainTextEdit()
        self.result.setReadOnly(True)
        self.result.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.result.setMinimumWidth(640)
        row.addWidget(self.result, 1)
        self.setCentralWidget(central)

        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.recompute)
        for w in (self.goal, self.model, self.gpu, self.currency):
            w.currentIndexChanged.connect(self._timer.start)
        for w in (self.tokens, self.samples):
            w.textChanged.connect(self._timer.start)
        self.count.valueChanged.connect(self._timer.start)
        self.gpu.currentIndexChanged.connect(self._on_gpu_changed)
        self._on_gpu_changed()
        self.recompute()

    def _on_gpu_changed(self) -> None:
        # the count only applies to a chosen GPU; "Recommend" searches counts itself
        self.count.setEnabled(self.gpu.currentData() is not None)

    def _scenario(self):
        from app.catalog.repository import default_catalog
        from app.core.scenario import Scenario
        from app.core.units import parse_quantity

        goal = self.goal.currentData()
        kw: dict = {"goal": goal, "model": default_catalog().model(self.model.currentData()),
                    "currency": self.currency.currentData()}
        for name, edit, label in (("tokens", self.tokens, self.tr("Tokens")), ("samples", self.samples, self.tr("Fine-tuning samples"))):
            text = edit.text().strip()
            if text:
                try:
                    v = parse_quantity(text)
                except ValueError:
                    raise ValueError(self.tr("{0}: {1!r} is not a number (e.g. 7B, 1.4T, 500M)").format(label, text)) from None
                if v <= 0:
                    raise ValueError(self.tr("{0}: must be greater than 0").format(label))
                kw[name] = v
        if goal != "finetune":
            kw.pop("samples", None)
        if self.gpu.currentData():
            kw.update(gpu_id=self.gpu.currentData(), gpu_count=self.count.value())
        return Scenario(**kw)

    def recompute(self) -> None:
        from pydantic import ValidationError

        from app.wording import render_summary
        from app.core.planner import plan

        try:
            s = self._scenario()
        except (ValueError, ValidationError) as e:
            msg = e.errors()[0]["msg"] if isinstance(e, ValidationError) else str(e)
            self.error.setText(msg)
            self.result.setPlainText("")
            return
        self.error.setText("")
        from app.cli import default_lang

        self.result.setPlainText(render_summary(plan(s, self._gpus, self._offers), s, default_lang()))


def run(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("LLM GPU Planner")
    from app.catalog.repository import CatalogError, default_catalog

    try:
        catalog = default_catalog()
    except CatalogError as e:
        QMessageBox.critical(None, QCoreApplication.translate("Application", "LLM GPU Planner"),
                             QCoreApplication.translate("Application", "The catalog cannot be read:\n{0}").format(e))
        return 1
    w = QuickPlanWindow()
    for problem in catalog.problems:  # e.g. the user's catalog could not be read: shipped rows are used
        w.statusBar().showMessage(problem)
    w.resize(1200, 760)
    w.show()
    return app.exec()
