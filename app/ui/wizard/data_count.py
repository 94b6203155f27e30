"""The data page's "count my data": files or a folder counted off the GUI thread with a progress
dialog and a Cancel button; the count fills the plan's tokens (or samples and length), and a table
shows the same data planned with each tokenizer family."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.present.text.format import fmt_bytes, fmt_count, fmt_duration, fmt_money
from app.ui.workers import run_in_background


class _Progress(QObject):
    """Lives on the GUI thread. ``moved`` is emitted on the worker; connected to this object's own
    slot it is queued to the GUI thread (a lambda would run on the worker and touch the dialog
    there)."""

    moved = Signal(int, int)

    def __init__(self, dialog: QProgressDialog, parent: QObject):
        super().__init__(parent)
        self.dialog = dialog
        self.moved.connect(self._move, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int)
    def _move(self, done: int, total: int) -> None:
        self.dialog.setValue(int(1000 * done / total) if total else 0)


class DataCounter(QWidget):
    """Buttons, a summary line and the tokenizer table; ``counted`` carries the plan fields."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.stats = None
        self._cancel = threading.Event()
        self.files_button = QPushButton(self.tr("Count my f&iles…"))
        self.folder_button = QPushButton(self.tr("Count a fol&der…"))
        tip = self.tr("Counts characters by script (Japanese, English, code) in txt, jsonl, csv, parquet and code files, "
                      "and estimates tokens for each tokenizer family from published characters-per-token ratios.")
        for b in (self.files_button, self.folder_button):
            b.setToolTip(tip)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("data_summary")
        self.table = QTableWidget(0, 5)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field; arrows move between cells
        self.table.setHorizontalHeaderLabels([self.tr("Tokenizer"), self.tr("Tokens"), self.tr("GPUs"), self.tr("Time"),
                                              self.tr("Cloud cost")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("The same data with each tokenizer"))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setMaximumHeight(10 * (self.fontMetrics().height() + 6))
        self.table.hide()
        row = QHBoxLayout()
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.table)
        self.files_button.clicked.connect(self._pick_files)
        self.folder_button.clicked.connect(self._pick_folder)

    def _pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Count my files"), "",
                                                self.tr("Text data (*.txt *.md *.jsonl *.json *.csv *.tsv *.parquet);;All files (*)"))
        if paths:
            self.count(paths)

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Count a folder"))
        if path:
            self.count([path])

    def count(self, paths: list[str]) -> None:
        """Count ``paths`` in the background; the progress dialog's Cancel stops it."""
        from app.planning.corpus import Cancelled, scan, tokenizer_beside

        tok = tokenizer_beside(self.session.draft.get("model_file"))  # the model folder's own: exact
        self._cancel.clear()
        dialog = QProgressDialog(self.tr("Counting characters…"), self.tr("Cancel"), 0, 1000, self)
        dialog.setWindowTitle(self.tr("Counting your data"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(self._cancel.set)
        relay = _Progress(dialog, self)
        self._dialog, self._relay = dialog, relay

        def work():
            try:
                return scan(paths, tokenizer=tok, progress=lambda d, t: relay.moved.emit(d, t), cancel=self._cancel.is_set)
            except Cancelled:
                return None

        self._job = run_in_background(work, self._counted, self._failed)

    def _failed(self, message: str) -> None:
        self._dialog.reset()
        self.summary.setText(self.tr("Could not count: {0}").format(message))

    def _counted(self, stats) -> None:
        from app.core.tokens import FAMILIES, family_for
        from app.planning.corpus import data_fields

        self._dialog.reset()
        if stats is None:
            self.summary.setText(self.tr("Counting cancelled; nothing was changed."))
            return
        if not stats.files:
            self.summary.setText(self.tr("No text files there ({0} skipped).").format(len(stats.skipped)))
            return
        self.stats = stats
        s = self.session.scenario
        own = family_for(s.model.id, s.model.vocab) if s is not None else None
        used = own or "llama3"
        exact = next(iter(stats.exact.items()), None)
        tokens = exact[1] if exact else stats.tokens()[used]
        goal = self.session.draft.get("goal") or ""
        fields = data_fields(stats, goal, tokens)
        by = stats.chars_by_script
        text = self.tr("{0} files, {1}, {2} characters ({3:.0%} Japanese, {4:.0%} code), {5} records: {6} tokens with {7}.").format(
            f"{stats.files:,}", fmt_bytes(stats.bytes), fmt_count(stats.characters), by["ja"] / max(1, stats.characters),
            by["code"] / max(1, stats.characters), f"{stats.records:,}", fmt_count(tokens),
            self.tr("the model's own tokenizer.json (exact)") if exact else FAMILIES[used].name)
        from app.i18n import current_language

        sep = "" if current_language() == "ja" else " "  # Japanese sentences follow 。 without a space
        if own is None and not exact:
            text += sep + self.tr("(This model's tokenizer is not known: Llama 3's ratio is used; compare below.)")
        if stats.skipped:
            text += sep + self.tr("Skipped (not text): {0}.").format(len(stats.skipped))
        self.summary.setText(text)
        if fields:
            self.session.update(**{k: str(v) for k, v in fields.items()})
        self._compare(list(dict.fromkeys([used, *FAMILIES])), exact)

    def _compare(self, families: list[str], exact) -> None:
        from app.planning.corpus import tokenizer_comparison
        from app.planning.request import request_for_goal

        request, stats, catalog = request_for_goal(self.session.draft), self.stats, self.session.catalog
        self._cjob = run_in_background(lambda: tokenizer_comparison(request, stats, families, catalog, exact),
                                       self._show_rows, self._failed)

    def _show_rows(self, rows: list[dict]) -> None:
        from app.core.tokens import FAMILIES
        from app.i18n import current_language

        lang = current_language()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            name = FAMILIES[r["tokenizer"]].name if r["tokenizer"] in FAMILIES else self.tr("{0} (exact)").format(r["tokenizer"])
            cells = [name, fmt_count(r["tokens"]), f"{r['gpu_count']} × {r['gpu']}" if r.get("gpu") else "–",
                     fmt_duration(r.get("time_s")), fmt_money(r.get("cloud_cost"), r.get("currency") or "USD", lang, compact=lang != "ja")]  # ja compact drops 円
            for j, c in enumerate(cells):
                item = QTableWidgetItem(c)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.setVisible(bool(rows))
