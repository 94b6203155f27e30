"""Tools → Compare plans: 2 to 6 plans side by side. Add saved plan files, the current plan, or a
variant of the current plan with one field changed; Compare plans them all in the background
(``app.planning.compare``) and shows the inputs that differ, the key results, each recommended
GPU's time and cost against GPU count on the same axes, and a PDF of it all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.ui.workers import run_in_background

MAX_PLANS = 6
# fields offered for a variant (what people change between scenarios)
VARIANT_FIELDS = ("model", "method", "samples", "tokens", "gpu_id", "gpu_count", "deployment", "pricing", "budget",
                  "deadline_days", "precision", "quant", "hours_per_day", "cloud_price", "gpu_price", "currency")


class CompareDialog(QDialog):
    def __init__(self, session, lang_fn, parent=None):
        super().__init__(parent)
        from app.present.fields import label

        self.session, self.lang = session, lang_fn
        self.setWindowTitle(self.tr("Compare plans"))
        self.plans: list[tuple[str, Any]] = []  # (name, PlanRequest)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Plans to compare"))
        self.list.setMaximumHeight(6 * self.fontMetrics().height() + 8)
        add_files = QPushButton(self.tr("Add plan &files…"))
        add_current = QPushButton(self.tr("Add the &current plan"))
        self.field = QComboBox()
        for f in VARIANT_FIELDS:
            self.field.addItem(label(f), f)
        self.field.setAccessibleName(self.tr("Field to change"))
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("new value, e.g. 70B model id, 3000万, 16"))
        self.value.setAccessibleName(self.tr("New value"))
        add_variant = QPushButton(self.tr("Add a &variant"))
        add_variant.setToolTip(self.tr("The current plan with this one field changed"))
        remove = QPushButton(self.tr("Re&move"))
        self.compare_button = QPushButton(self.tr("C&ompare"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"))
        self.pdf_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field; arrows move between cells
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Comparison"))
        from app.ui.charts.scaling import ScalingChart

        self.chart = ScalingChart()
        row1 = QHBoxLayout()
        for w in (add_files, add_current, remove):
            row1.addWidget(w)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Variant:")))
        row2.addWidget(self.field)
        row2.addWidget(self.value, 1)
        row2.addWidget(add_variant)
        row3 = QHBoxLayout()
        row3.addWidget(self.status, 1)
        row3.addWidget(self.compare_button)
        row3.addWidget(self.pdf_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addLayout(row3)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.chart, 2)
        self.chart.view.setMinimumHeight(180)
        self.chart.setMaximumHeight(340)
        add_files.clicked.connect(self._add_files)
        add_current.clicked.connect(self.add_current)
        add_variant.clicked.connect(self._add_variant)
        remove.clicked.connect(self._remove)
        self.compare_button.clicked.connect(self.compare)
        self.pdf_button.clicked.connect(self._export)
        self.comparison = None
        self.resize(1100, 720)

    # ----- the list ----------------------------------------------------------------------
    def _push(self, name: str, request) -> bool:
        if len(self.plans) >= MAX_PLANS:
            self.status.setText(self.tr("At most {0} plans.").format(MAX_PLANS))
            return False
        self.plans.append((name, request))
        self.list.addItem(name)
        return True

    def add_current(self) -> None:
        from app.planning.request import request_for_goal

        self._push(self.session.name, request_for_goal(self.session.draft))

    def add_files(self, paths: list[str]) -> None:
        from app.planning import planfile
        from app.planning.request import PlanRequest

        for p in paths:
            try:
                pf = planfile.read(p)
            except planfile.PlanFileError as e:
                self.status.setText(self.tr("{0} cannot be opened ({1}).").format(Path(p).name, e.code))
                continue
            if not self._push(pf.name or Path(p).stem, PlanRequest(**pf.request)):
                break

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add plan files"), "", self.tr("Plans (*.gpuplan)"))
        self.add_files(paths)

    def add_variant(self, field: str, value: str) -> None:
        from dataclasses import replace

        from app.planning.request import request_for_goal
        from app.present.fields import label

        base = request_for_goal(self.session.draft)
        changes: dict[str, Any] = {field: value or None}
        if field == "model":
            changes["model_file"] = None
        self._push(f"{self.session.name}: {label(field)} = {value}", replace(base, **changes))

    def _add_variant(self) -> None:
        self.add_variant(self.field.currentData(), self.value.text().strip())

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.plans[row]

    # ----- comparing -----------------------------------------------------------------------
    def compare(self) -> None:
        from app.planning.compare import compare_requests

        if len(self.plans) < 2:
            self.status.setText(self.tr("Add at least two plans."))
            return
        names = [n for n, _ in self.plans]
        requests = [r for _, r in self.plans]
        catalog = self.session.catalog
        self.compare_button.setEnabled(False)
        self.status.setText(self.tr("Planning {0} plans…").format(len(names)))
        self._job = run_in_background(lambda: compare_requests(requests, names, catalog, curves=True), self._show, self._failed)

    def _failed(self, message: str) -> None:
        self.compare_button.setEnabled(True)
        self.status.setText(self.tr("Could not compare: {0}").format(message))

    def _show(self, cmp) -> None:
        from app.present.sensitivity import compare_rows

        self.compare_button.setEnabled(True)
        self.comparison = cmp
        lang = self.lang()
        header, rows = compare_rows(cmp, lang)
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(header)
        for i, r in enumerate(rows):
            for j, cell in enumerate(r):
                self.table.setItem(i, j, QTableWidgetItem(cell))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        series = {}
        for name, o in zip(cmp.names, cmp.outcomes, strict=True):
            if o.best is not None and o.best.gpu in o.curves:
                series[f"{name}: {o.gpu_name(o.best.gpu)}"] = o.curves[o.best.gpu]
        first = cmp.outcomes[0].scenario
        self.chart.show_data(series, training=first.is_training, deadline_s=None, budget=None, currency=first.currency,
                             lang=lang, deployment=first.deployment.value)
        self.pdf_button.setEnabled(True)
        self.status.setText(self.tr("{0} plans compared; {1} inputs differ.").format(len(cmp.names), len(cmp.differences())))

    def _export(self) -> None:
        if self.comparison is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison"), self.tr("comparison.pdf"), self.tr("PDF (*.pdf)"))
        if not path:
            return
        from app.ui.report.pdf import write_compare_pdf

        try:
            pages = write_compare_pdf(self.comparison, path, self.lang())
        except OSError as e:
            QMessageBox.warning(self, self.tr("Not written"), str(e))
            return
        self.status.setText(self.tr("Wrote {0} ({1} pages).").format(path, pages))
