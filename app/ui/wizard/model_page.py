"""Step 2: which model. A searchable catalog picker, a model on disk (config.json, a model folder or a
.gguf file: typed, browsed or dropped on the page), or a custom size/architecture (MoE too), with the
footprint shown live."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
)

from app.present.text.format import fmt_bytes, fmt_count
from app.ui.wizard.common import BoundPage, scrolling_layout

ROLE_ID = Qt.ItemDataRole.UserRole + 1


class ModelPage(BoundPage):
    keys = ("model", "model_file", "params_total", "params_active", "layers", "hidden", "heads", "kv_heads")
    CUSTOM = ("params_total", "params_active", "layers", "hidden", "heads", "kv_heads")
    MEMO = "_custom"  # the custom model's fields while a catalog model is chosen (not part of the request)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setTitle(self.tr("Which model?"))
        self.setSubTitle(self.tr("Pick a published model, open your own model file, or describe a model by its size."))
        self.use_catalog = QRadioButton(self.tr("A model from the &catalog"))
        self.use_custom = QRadioButton(self.tr("My own &size or architecture"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: name, family, licence (e.g. Swallow, Qwen, 70B)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search models"))
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field; arrows move between cells
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.items = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.items)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table.setModel(self.proxy)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        custom = QGroupBox(self.tr("Custom model"))
        form = QFormLayout(custom)
        self.c_params = QLineEdit()
        self.c_params.setPlaceholderText(self.tr("e.g. 13B"))
        self.c_active = QLineEdit()
        self.c_active.setPlaceholderText(self.tr("MoE only: parameters used per token, e.g. 37B"))
        self.c_arch = {k: QLineEdit() for k in ("layers", "hidden", "heads", "kv_heads")}
        for w in self.c_arch.values():
            w.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("Total &parameters"), self.c_params)
        form.addRow(self.tr("&Active parameters (MoE)"), self.c_active)
        form.addRow(self.tr("Layers"), self.c_arch["layers"])
        form.addRow(self.tr("Hidden size"), self.c_arch["hidden"])
        form.addRow(self.tr("Attention heads"), self.c_arch["heads"])
        form.addRow(self.tr("KV heads (GQA)"), self.c_arch["kv_heads"])
        self._register("params_total", self.c_params, self.tr("Total parameters"),
                       self.tr("Parameters of the model: 7B, 70B, 1.4T. Memory follows the total."))
        self._register("params_active", self.c_active, self.tr("Active parameters"),
                       self.tr("Mixture-of-experts models use only some experts per token: compute follows the active count."))
        for k, label in (("layers", self.tr("Layers")), ("hidden", self.tr("Hidden size")),
                         ("heads", self.tr("Attention heads")), ("kv_heads", self.tr("KV heads (GQA)"))):
            self._register(k, self.c_arch[k], label)
        self.custom_box = custom

        self.use_file = QRadioButton(self.tr("A model file on &disk"))
        self.file_box = QGroupBox(self.tr("Model file"))
        fl = QHBoxLayout(self.file_box)
        self.file_path = QLineEdit()
        self.file_path.setPlaceholderText(self.tr("config.json, a model folder (config.json + safetensors) or a .gguf file; or drop it here"))
        self._register("model_file", self.file_path, self.tr("Model file"),
                       self.tr("Read offline: the architecture from config.json or the GGUF header, the exact parameter "
                               "count from the safetensors or GGUF tensor list."))
        self.browse = QPushButton(self.tr("B&rowse…"))
        self.browse.setToolTip(self.tr("Choose a config.json, a .gguf file or a safetensors file in a model folder"))
        self.save_model = QPushButton(self.tr("Add to my catalo&g"))
        self.save_model.setToolTip(self.tr("Keep this model in your catalog, to pick it later without the file"))
        fl.addWidget(self.file_path, 1)
        fl.addWidget(self.browse)
        fl.addWidget(self.save_model)
        self.setAcceptDrops(True)

        self.footprint = QLabel()
        self.footprint.setWordWrap(True)
        self.footprint.setObjectName("footprint")

        top = QHBoxLayout()
        top.addWidget(self.use_catalog)
        top.addWidget(self.use_file)
        top.addWidget(self.use_custom)
        top.addStretch(1)
        lay = scrolling_layout(self)
        lay.addLayout(top)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.file_box)
        lay.addWidget(custom)
        lay.addWidget(self.footprint)
        lay.addWidget(self.error_label)

        self.use_catalog.toggled.connect(lambda on: on and self._on_mode("catalog"))
        self.use_file.toggled.connect(lambda on: on and self._on_mode("file"))
        self.use_custom.toggled.connect(lambda on: on and self._on_mode("custom"))
        self.file_path.textEdited.connect(lambda text: self.session.update(model_file=text.strip() or None))
        self.browse.clicked.connect(self._browse)
        self.save_model.clicked.connect(self._save_model)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        for w in (self.c_params, self.c_active, *self.c_arch.values()):
            w.textEdited.connect(self._on_custom_edit)
        session.sig_catalog_changed.connect(self.fill)
        self.fill()
        self.load()

    def fill(self) -> None:
        self.items.clear()
        self.items.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Parameters"), self.tr("Active"),
                                              self.tr("Context"), self.tr("Licence"), self.tr("Source")])
        for m in self.session.catalog.models():
            row = [QStandardItem(m.name), QStandardItem(fmt_count(m.params_total)),
                   QStandardItem(fmt_count(m.params_active) if m.is_moe else ""), QStandardItem(f"{m.context:,}"),
                   QStandardItem(m.license), QStandardItem(f"{m.source} ({m.as_of})")]
            row[0].setData(m.id, ROLE_ID)
            row[1].setData(m.params_total, Qt.ItemDataRole.UserRole)
            row[0].setToolTip(m.id + (" · " + m.notes if m.notes else ""))
            row[5].setToolTip(m.source)
            for it in row:
                it.setEditable(False)
            self.items.appendRow(row)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.load()

    def mode(self) -> str:
        d = self.session.draft
        return "file" if d.get("model_file") is not None or d.get("_file_mode") else "catalog" if d.get("model") else "custom"

    def load(self) -> None:
        d = self.session.draft
        mode = self.mode()
        catalog_mode = mode == "catalog"
        with QSignalBlocker(self.use_catalog), QSignalBlocker(self.use_custom), QSignalBlocker(self.use_file):
            self.use_catalog.setChecked(catalog_mode)
            self.use_file.setChecked(mode == "file")
            self.use_custom.setChecked(mode == "custom")
        self.table.setEnabled(catalog_mode)
        self.search.setEnabled(catalog_mode)
        self.custom_box.setEnabled(mode == "custom")
        self.file_box.setEnabled(mode == "file")
        self.save_model.setEnabled(mode == "file" and self.session.scenario is not None)
        if not self.file_path.hasFocus():
            with QSignalBlocker(self.file_path):
                self.file_path.setText(d.get("model_file") or "")
        c = d.get(self.MEMO) or d if mode != "custom" else d
        for w, v in ((self.c_params, c.get("params_total")), (self.c_active, c.get("params_active")),
                     *((self.c_arch[k], c.get(k)) for k in self.c_arch)):
            if not w.hasFocus():
                with QSignalBlocker(w):
                    w.setText("" if v in (None, "") else str(v))
        if catalog_mode:
            self.select_model(d["model"], update=False)
        self._show_footprint()

    def select_model(self, model_id: str, update: bool = True) -> bool:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if idx.data(ROLE_ID) == model_id:
                with QSignalBlocker(self.table.selectionModel()):
                    self.table.selectRow(r)
                    self.table.setCurrentIndex(idx)
                self.table.scrollTo(idx)
                if update:
                    self.session.update(model=model_id)
                return True
        return False

    def _on_mode(self, mode: str) -> None:
        """A catalog model, a file or the custom one: the custom fields are kept aside while another is
        chosen, and the file's path while it is not (neither is planned with)."""
        d = self.session.draft
        memo = d.get(self.MEMO)
        if self.mode() == "custom":
            memo = {k: d.get(k) for k in self.CUSTOM if d.get(k) not in (None, "")}
        path = d.get("model_file") or d.get("_file_memo")
        clear = {k: None for k in self.CUSTOM}
        if mode == "catalog":
            idx = self.table.currentIndex()
            mid = idx.siblingAtColumn(0).data(ROLE_ID) if idx.isValid() else "llama-3.1-8b"
            self.session.update(model=mid, model_file=None, _file_mode=None, _file_memo=path, **{self.MEMO: memo}, **clear)
        elif mode == "file":
            self.session.update(model=None, model_file=path, _file_mode=True if not path else None, _file_memo=None,
                                **{self.MEMO: memo}, **clear)
        else:
            memo = memo or {}
            self.session.update(model=None, model_file=None, _file_mode=None, _file_memo=path, **{self.MEMO: None},
                                **{k: memo.get(k) for k in self.CUSTOM})
        self.load()

    def open_file(self, path: str) -> None:
        """Plan with the model at ``path`` (Browse, a drop, or the keyboard)."""
        self.session.update(model=None, model_file=path, _file_mode=None, _file_memo=None)
        self.load()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), self.file_path.text(),
                                              self.tr("Model files (config.json *.gguf *.safetensors *.json);;All files (*)"))
        if path:
            self.open_file(path)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.open_file(files[0])
            event.acceptProposedAction()

    def _save_model(self) -> None:
        from app.planning.model_file import ModelFileError, cached_model_file, save_to_catalog

        path = self.session.draft.get("model_file")
        if not path:
            return
        try:
            entry = save_to_catalog(self.session.catalog, cached_model_file(path))
        except (ModelFileError, ValueError) as e:
            QMessageBox.warning(self, self.tr("Not added"), str(e))
            return
        self.session.reload_catalog()
        QMessageBox.information(self, self.tr("Added to your catalog"),
                                self.tr("{0} is in your catalog now: pick it from the list next time.").format(entry))

    def _on_row(self, current, _previous) -> None:
        if current.isValid() and self.use_catalog.isChecked() and self.mode() == "catalog":
            self.session.update(model=current.siblingAtColumn(0).data(ROLE_ID))

    def _on_custom_edit(self) -> None:
        """Typed text goes to the draft as typed: app.planning parses it and names what is wrong."""
        values = {"params_total": self.c_params.text().strip() or None, "params_active": self.c_active.text().strip() or None}
        values.update({k: w.text().strip() or None for k, w in self.c_arch.items()})
        self.session.update(**values)

    def _show_footprint(self) -> None:
        s = self.session.scenario
        if s is None:
            self.footprint.setText("")
            return
        m = s.model
        kv = m.kv_elems_per_token * 2
        text = self.tr("{0}: {1} parameters{2}. Weights: {3} in BF16, {4} in INT8, {5} in INT4. KV cache {6} per 1,000 tokens.").format(
            m.name, fmt_count(m.params_total),
            self.tr(" ({0} active per token)").format(fmt_count(m.params_active)) if m.is_moe else "",
            fmt_bytes(m.params_total * 2), fmt_bytes(m.params_total), fmt_bytes(m.params_total * 0.5), fmt_bytes(kv * 1000))
        if m.origin == "file":
            from app.i18n import current_language
            from app.planning.model_file import ModelFileError, cached_model_file, model_file_finding
            from app.present.text.messages import finding_message

            try:
                f = model_file_finding(cached_model_file(m.source))
                text += ("" if current_language() == "ja" else " ") + finding_message(f.code, f.params, current_language())
            except ModelFileError:
                pass
        if m.architecture_estimated:
            text += " " + self.tr("(Architecture estimated from the size; enter layers/hidden/heads for exact figures.)")
        self.footprint.setText(text)

    def _on_session_validity(self, errors: dict) -> None:
        super()._on_session_validity(errors)
        self._show_footprint()
