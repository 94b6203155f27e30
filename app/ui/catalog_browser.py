"""Catalog browser: GPUs, models, runs and offers in filterable tables with sources and dates; add,
edit and remove your own entries (the overlay), import and export CSV."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog.csv_io import CatalogCsvError, CellError, Problem, format_cell, parse_cell, parse_records
from app.catalog.schema import KINDS
from app.i18n import QT_TRANSLATE_NOOP
from app.present.text.messages import column_allowed, csv_problem_message, csv_problem_text

KIND_TITLES = {"gpus": QT_TRANSLATE_NOOP("CatalogBrowser", "GPUs"), "models": QT_TRANSLATE_NOOP("CatalogBrowser", "Models"),
               "runs": QT_TRANSLATE_NOOP("CatalogBrowser", "Published runs"),
               "offers": QT_TRANSLATE_NOOP("CatalogBrowser", "Cloud offers"),
               "measurements": QT_TRANSLATE_NOOP("CatalogBrowser", "My measured runs"),
               "apis": QT_TRANSLATE_NOOP("CatalogBrowser", "API prices")}
# Column headers for people; the CSV name (the import format) is the header's tooltip.
COLUMN_LABELS = {
    "as_of": QT_TRANSLATE_NOOP("CatalogColumns", "As of"),
    "bandwidth_tb_per_s": QT_TRANSLATE_NOOP("CatalogColumns", "Memory bandwidth (TB/s)"),
    "bf16_dense_tflops": QT_TRANSLATE_NOOP("CatalogColumns", "BF16 dense TFLOPS"),
    "cloud_source": QT_TRANSLATE_NOOP("CatalogColumns", "Cloud price source"),
    "cloud_usd_per_gpu_hour": QT_TRANSLATE_NOOP("CatalogColumns", "Cloud USD per GPU-hour"),
    "context": QT_TRANSLATE_NOOP("CatalogColumns", "Context (tokens)"),
    "cost_status": QT_TRANSLATE_NOOP("CatalogColumns", "Cost: how known"),
    "cost_usd": QT_TRANSLATE_NOOP("CatalogColumns", "Cost (USD)"),
    "currency": QT_TRANSLATE_NOOP("CatalogColumns", "Currency"),
    "days": QT_TRANSLATE_NOOP("CatalogColumns", "Days"),
    "days_status": QT_TRANSLATE_NOOP("CatalogColumns", "Days: how known"),
    "eligibility": QT_TRANSLATE_NOOP("CatalogColumns", "Who may use it"),
    "experts_per_token": QT_TRANSLATE_NOOP("CatalogColumns", "Experts per token"),
    "ffn": QT_TRANSLATE_NOOP("CatalogColumns", "FFN size"),
    "fp16_dense_tflops": QT_TRANSLATE_NOOP("CatalogColumns", "FP16 dense TFLOPS"),
    "fp8_dense_tflops": QT_TRANSLATE_NOOP("CatalogColumns", "FP8 dense TFLOPS"),
    "gated_ffn": QT_TRANSLATE_NOOP("CatalogColumns", "Gated FFN"),
    "gpu": QT_TRANSLATE_NOOP("CatalogColumns", "GPU"),
    "gpu_count": QT_TRANSLATE_NOOP("CatalogColumns", "GPU count"),
    "gpu_count_status": QT_TRANSLATE_NOOP("CatalogColumns", "GPU count: how known"),
    "gpu_hours": QT_TRANSLATE_NOOP("CatalogColumns", "GPU-hours"),
    "gpu_hours_status": QT_TRANSLATE_NOOP("CatalogColumns", "GPU-hours: how known"),
    "gpu_name": QT_TRANSLATE_NOOP("CatalogColumns", "GPU name"),
    "gpus_per_instance": QT_TRANSLATE_NOOP("CatalogColumns", "GPUs per instance"),
    "gpus_per_node": QT_TRANSLATE_NOOP("CatalogColumns", "GPUs per server"),
    "head_dim": QT_TRANSLATE_NOOP("CatalogColumns", "Head size"),
    "heads": QT_TRANSLATE_NOOP("CatalogColumns", "Attention heads"),
    "input_per_million": QT_TRANSLATE_NOOP("CatalogColumns", "Input per 1M tokens"),
    "output_per_million": QT_TRANSLATE_NOOP("CatalogColumns", "Output per 1M tokens"),
    "open_model": QT_TRANSLATE_NOOP("CatalogColumns", "Open model served"),
    "hidden": QT_TRANSLATE_NOOP("CatalogColumns", "Hidden size"),
    "id": QT_TRANSLATE_NOOP("CatalogColumns", "ID"),
    "instance": QT_TRANSLATE_NOOP("CatalogColumns", "Instance"),
    "int8_dense_tops": QT_TRANSLATE_NOOP("CatalogColumns", "INT8 dense TOPS"),
    "kv_elems_per_token_per_layer": QT_TRANSLATE_NOOP("CatalogColumns", "KV values per token and layer"),
    "sliding_window": QT_TRANSLATE_NOOP("CatalogColumns", "Sliding window (tokens)"),
    "local_layers": QT_TRANSLATE_NOOP("CatalogColumns", "Sliding-window layers"),
    "kv_heads": QT_TRANSLATE_NOOP("CatalogColumns", "KV heads"),
    "layers": QT_TRANSLATE_NOOP("CatalogColumns", "Layers"),
    "license": QT_TRANSLATE_NOOP("CatalogColumns", "Licence"),
    "mamf_fraction": QT_TRANSLATE_NOOP("CatalogColumns", "Achievable matmul share (MAMF)"),
    "memory_gib": QT_TRANSLATE_NOOP("CatalogColumns", "Memory (GiB)"),
    "mfu": QT_TRANSLATE_NOOP("CatalogColumns", "MFU"),
    "mfu_status": QT_TRANSLATE_NOOP("CatalogColumns", "MFU: how known"),
    "model": QT_TRANSLATE_NOOP("CatalogColumns", "Model"),
    "name": QT_TRANSLATE_NOOP("CatalogColumns", "Name"),
    "notes": QT_TRANSLATE_NOOP("CatalogColumns", "Notes"),
    "num_experts": QT_TRANSLATE_NOOP("CatalogColumns", "Experts"),
    "nvlink_domain": QT_TRANSLATE_NOOP("CatalogColumns", "GPUs joined by NVLink"),
    "nvlink_gb_per_s": QT_TRANSLATE_NOOP("CatalogColumns", "NVLink (GB/s)"),
    "org": QT_TRANSLATE_NOOP("CatalogColumns", "Organisation"),
    "params_active": QT_TRANSLATE_NOOP("CatalogColumns", "Active parameters"),
    "params_stated": QT_TRANSLATE_NOOP("CatalogColumns", "Parameters as stated"),
    "params_status": QT_TRANSLATE_NOOP("CatalogColumns", "Parameters: how known"),
    "params_total": QT_TRANSLATE_NOOP("CatalogColumns", "Total parameters"),
    "pcie_gen": QT_TRANSLATE_NOOP("CatalogColumns", "PCIe generation"),
    "precision": QT_TRANSLATE_NOOP("CatalogColumns", "Number format"),
    "price_as_of": QT_TRANSLATE_NOOP("CatalogColumns", "Price as of"),
    "price_per_gpu_hour": QT_TRANSLATE_NOOP("CatalogColumns", "Price per GPU-hour"),
    "price_source": QT_TRANSLATE_NOOP("CatalogColumns", "Price source"),
    "price_usd": QT_TRANSLATE_NOOP("CatalogColumns", "Purchase price (USD)"),
    "pricing": QT_TRANSLATE_NOOP("CatalogColumns", "Kind of price"),
    "provider": QT_TRANSLATE_NOOP("CatalogColumns", "Provider"),
    "region": QT_TRANSLATE_NOOP("CatalogColumns", "Region"),
    "source": QT_TRANSLATE_NOOP("CatalogColumns", "Source"),
    "stack": QT_TRANSLATE_NOOP("CatalogColumns", "Training stack"),
    "method": QT_TRANSLATE_NOOP("CatalogColumns", "Method"),
    "seq_len": QT_TRANSLATE_NOOP("CatalogColumns", "Sequence length"),
    "tokens_per_s_per_gpu": QT_TRANSLATE_NOOP("CatalogColumns", "Measured tokens/s per GPU"),
    "tdp_w": QT_TRANSLATE_NOOP("CatalogColumns", "Power (TDP, W)"),
    "tflops_per_gpu": QT_TRANSLATE_NOOP("CatalogColumns", "TFLOPS per GPU"),
    "tied_embeddings": QT_TRANSLATE_NOOP("CatalogColumns", "Tied embeddings"),
    "tokens": QT_TRANSLATE_NOOP("CatalogColumns", "Tokens"),
    "tokens_status": QT_TRANSLATE_NOOP("CatalogColumns", "Tokens: how known"),
    "vendor": QT_TRANSLATE_NOOP("CatalogColumns", "Vendor"),
    "vocab": QT_TRANSLATE_NOOP("CatalogColumns", "Vocabulary"),
    "year": QT_TRANSLATE_NOOP("CatalogColumns", "Year"),
}
ORIGINS = {"user": QT_TRANSLATE_NOOP("CatalogBrowser", "yours"), "shipped": QT_TRANSLATE_NOOP("CatalogBrowser", "shipped")}


def kind_title(kind: str) -> str:
    return QCoreApplication.translate("CatalogBrowser", KIND_TITLES[kind])


def column_label(csv_name: str) -> str:
    """A catalog column's name for people, in the current language (the CSV name when unknown)."""
    return QCoreApplication.translate("CatalogColumns", COLUMN_LABELS[csv_name]) if csv_name in COLUMN_LABELS else csv_name
ROLE_ID = Qt.ItemDataRole.UserRole + 1


class EntryDialog(QDialog):
    """Add or edit one entry: a field per CSV column, each checked as you type."""

    def __init__(self, kind: str, record: dict | None, known: dict, parent=None):
        super().__init__(parent)
        self.kind = KINDS[kind]
        self.known = known
        self.setWindowTitle(self.tr("Your {0} entry").format(kind_title(kind)))
        self.edits: dict[str, QLineEdit] = {}
        if kind == "measurements" and record is None:  # a manager should only type what they measured
            import datetime

            n = len(known.get("measurements", ())) + 1
            record = {"id": f"mine-{n}", "method": "full", "precision": "bf16", "seq_len": 4096,
                      "source": self.tr("your measurement"), "as_of": datetime.date.today().isoformat()}
        inner = QWidget()
        form = QFormLayout(inner)
        for col in self.kind.columns:
            e = QLineEdit(format_cell(col, record.get(col.name)) if record else "")
            e.setPlaceholderText(column_allowed(col) + (" *" if col.required else ""))
            e.setAccessibleName(column_label(col.csv))
            e.setToolTip(col.csv)
            e.textChanged.connect(self._check)
            self.edits[col.csv] = e
            form.addRow(column_label(col.csv) + (" *" if col.required else ""), e)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if kind == "measurements":
            intro = QLabel(self.tr("A training run you timed on your own system: the GPU, the model, the training "
                                   "stack, how many GPUs and the tokens per second each GPU processed. Plans on "
                                   "that GPU and stack then scale their utilisation to match it."))
            intro.setWordWrap(True)
            lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(560, 640)
        self._check()
        # the keyboard starts at the first field still to fill (a new measurement has its id, source
        # and date filled in)
        first = next((e for e in self.edits.values() if not e.text()), None)
        if first is not None:
            first.setFocus()

    def csv_text(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(self.kind.header)
        w.writerow([self.edits[h].text().strip() for h in self.kind.header])
        return buf.getvalue()

    def _check(self) -> None:
        bad = []
        for col in self.kind.columns:
            e = self.edits[col.csv]
            try:
                parse_cell(col, e.text())
                e.setStyleSheet("")
            except CellError as ex:
                e.setStyleSheet("border: 2px solid #b00020;")
                bad.append(f"{column_label(col.csv)}: {csv_problem_text(Problem(0, col.csv, ex.code, ex.params))}")
        if not bad:
            _, problems = parse_records(self.kind, self.csv_text(), self.known)
            bad = [(column_label(p.column) + ": " if p.column else "") + csv_problem_text(p) for p in problems]
        self.error.setText("\n".join(bad[:4]) + (f"\n… (+{len(bad) - 4})" if len(bad) > 4 else ""))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not bad)


class CatalogBrowser(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Catalog"))
        self.tabs = QTabWidget()
        self.views: dict[str, tuple[QTableView, QStandardItemModel, QSortFilterProxyModel]] = {}
        for kind in KINDS:
            page = QWidget()
            filt = QLineEdit()
            filt.setPlaceholderText(self.tr("Filter…"))
            filt.setClearButtonEnabled(True)
            view = QTableView()
            view.setTabKeyNavigation(False)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSortingEnabled(True)
            model = QStandardItemModel(self)
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            proxy.setFilterKeyColumn(-1)
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            view.setModel(proxy)
            filt.textChanged.connect(proxy.setFilterFixedString)
            view.doubleClicked.connect(lambda _i, k=kind: self.edit(k))
            lay = QVBoxLayout(page)
            lay.addWidget(filt)
            lay.addWidget(view)
            self.views[kind] = (view, model, proxy)
            self.tabs.addTab(page, kind_title(kind))
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Add…"), lambda: self.edit(self.kind(), new=True)),
                           (self.tr("&Edit…"), lambda: self.edit(self.kind())),
                           (self.tr("&Remove mine"), lambda: self.remove(self.kind())),
                           (self.tr("&Import CSV…"), self.import_csv), (self.tr("E&xport CSV…"), self.export_csv)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        self.note = QLabel(self.tr("Shipped entries are read-only; yours live in {0} and win over shipped ones with the same id.").format(
            session.catalog.overlay_path))
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.note)
        lay.addLayout(buttons)
        self.resize(1100, 640)
        self.fill()

    def kind(self) -> str:
        return list(KINDS)[self.tabs.currentIndex()]

    def fill(self) -> None:
        cat = self.session.catalog
        for kind, (view, model, _proxy) in self.views.items():
            model.clear()
            cols = KINDS[kind].columns
            model.setHorizontalHeaderLabels([column_label(c.csv) for c in cols] + [self.tr("Origin")])
            for i, c in enumerate(cols):
                model.horizontalHeaderItem(i).setToolTip(c.csv)
            user_ids = {r["id"] for r in cat.records(kind, "user")}
            for rec in cat.records(kind):
                items = [QStandardItem(format_cell(c, rec.get(c.name))) for c in cols]
                items.append(QStandardItem(self.tr(ORIGINS["user" if rec["id"] in user_ids else "shipped"])))
                items[0].setData(rec["id"], ROLE_ID)
                model.appendRow(items)
            view.resizeColumnsToContents()
            for i in range(model.columnCount()):
                view.setColumnWidth(i, min(view.columnWidth(i), 260))

    def current_id(self, kind: str) -> str | None:
        view, _m, _p = self.views[kind]
        idx = view.currentIndex()
        return idx.siblingAtColumn(0).data(ROLE_ID) if idx.isValid() else None

    def edit(self, kind: str, new: bool = False) -> None:
        cat = self.session.catalog
        rec = None
        if not new:
            eid = self.current_id(kind)
            rec = next((r for r in cat.records(kind) if r["id"] == eid), None)
        dlg = EntryDialog(kind, rec, cat.known_ids(), self)
        if dlg.exec():
            self._import_text(dlg.csv_text())

    def _import_text(self, text: str) -> None:
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / "entry.csv"
            p.write_text(text, encoding="utf-8")
            self._import_path(str(p))

    def _import_path(self, path: str, confirm: bool = False) -> bool:
        """Import a CSV into the user's catalog. With ``confirm`` (a file the user picked), first show
        what it adds and changes, field by field, and apply it only when they say so (issue 23)."""
        cat = self.session.catalog
        try:
            preview = cat.preview_import(path)
            if confirm and not self._confirm_import(path, preview):
                return False
            cat.apply_import(preview)
        except CatalogCsvError as e:
            QMessageBox.warning(self, self.tr("Nothing imported"),
                                "\n".join(csv_problem_message(p) for p in e.problems[:20]))
            return False
        except OSError as e:
            from app.present.text.messages import file_problem_message

            QMessageBox.warning(self, self.tr("Nothing imported"), file_problem_message(e))
            return False
        except Exception as e:  # noqa: BLE001 - shown to the user; their files are untouched
            QMessageBox.warning(self, self.tr("Nothing imported"), str(e))
            return False
        self.session.reload_catalog()
        self.fill()
        return True

    def _confirm_import(self, path: str, preview) -> bool:
        from app.present.summary import render_import_preview

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import CSV"), "", parent=self)
        text = self.tr("{0} adds {1} entries and changes {2}; {3} stay the same.").format(
            path, len(preview.added), len(preview.changed), preview.unchanged)
        if preview.encoding != "utf-8":
            text += "\n" + self.tr("{0} was read as Shift-JIS (cp932), the CSV that Excel writes on Japanese Windows.").format(path)
        box.setText(text + "\n" + self.tr("Apply these changes to your catalog?"))
        box.setDetailedText(render_import_preview(preview, applied=False, limit=500))
        box.setStandardButtons(QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Apply)
        return box.exec() == QMessageBox.StandardButton.Apply

    def remove(self, kind: str) -> None:
        eid = self.current_id(kind)
        if eid and not self.session.catalog.remove(kind, eid):
            QMessageBox.information(self, self.tr("Catalog"), self.tr("Only your own entries can be removed."))
            return
        self.session.reload_catalog()
        self.fill()

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import CSV"), "", "CSV (*.csv)")
        if path:
            self._import_path(path, confirm=True)

    def export_csv(self) -> None:
        kind = self.kind()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), f"{kind}.csv", "CSV (*.csv)")
        if path:
            try:
                self.session.catalog.export_csv(kind, path)
            except OSError as e:
                from app.present.text.messages import write_failed_message

                QMessageBox.warning(self, self.tr("Export CSV"), write_failed_message(path, e))
