"""Step 4: money, time and what you already have."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
)

from app.core import assumptions as A
from app.present.text.assumptions import field_help, source_sentence
from app.ui.wizard.common import BoundPage, Collapsible, explanation, scrolling_layout


class BudgetPage(BoundPage):
    keys = ("currency", "budget", "deadline_days", "deployment", "own", "max_gpus", "fx_jpy_per_usd",
            "electricity_price_per_kwh", "pue", "hours_per_day", "days_per_month", "years", "pricing",
            "power_limit_kw", "rank_by", "network", "cloud_price", "gpu_price", "mfu")

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setTitle(self.tr("Budget, deadline and what you have"))
        self.setSubTitle(self.tr("Leave budget and deadline empty to see the cheapest way; add GPUs you already own."))
        money = QGroupBox(self.tr("Money and time"))
        mf = QFormLayout(money)
        self.currency = self.combo("currency", self.tr("Currency"), [(self.tr("Japanese yen (JPY)"), "JPY"), (self.tr("US dollar (USD)"), "USD")])
        mf.addRow(self.tr("&Currency"), self.currency)
        self.budget = self.line("budget", self.tr("Budget"), self.tr("none (e.g. 30M, $1M, 3000万, 3億円)"),
                                self.tr("Most you can spend on this job (training) or on serving over the horizon (inference). "
                                        "Accepts 30M, 200K, $1M, ¥30M, 3000万, 3億円, 100万ドル, in the currency above."))
        mf.addRow(self.tr("Bud&get"), self.budget)
        self.deadline = self.line("deadline_days", self.tr("Deadline (days)"),
                                  self.tr("none (the search aims at {0:g} days)").format(A.value("target_days")),
                                  self.tr("Calendar days the training may take. Accepts 90, 90日, 12 weeks, 3 months, 3か月, 1 year."))
        self.deadline_label = QLabel(self.tr("&Deadline (days)"))
        self.deadline_label.setBuddy(self.deadline)
        mf.addRow(self.deadline_label, self.deadline)
        self.deployment = self.combo("deployment", self.tr("Where"), [
            (self.tr("Cloud or on-premises, whichever is cheaper"), "any"), (self.tr("Cloud (rent)"), "cloud"),
            (self.tr("On-premises (buy or use own)"), "onprem")])
        mf.addRow(self.tr("&Where"), self.deployment)
        self.rank = self.combo("rank_by", self.tr("Prefer"), [(self.tr("Cheapest that meets the deadline"), "cost"),
                                                              (self.tr("Fastest within the budget"), "time")])
        mf.addRow(self.tr("P&refer"), self.rank)
        self.pricing = self.combo("pricing", self.tr("Cloud prices"), [
            (self.tr("On-demand"), "on-demand"), (self.tr("Spot / interruptible"), "spot"),
            (self.tr("Reserved / committed"), "reserved"), (self.tr("Cheapest of any kind"), "cheapest")],
            self.tr("Which catalog offers price the cloud (see Catalog → Offers for providers and dates)."))
        mf.addRow(self.tr("Cloud &prices"), self.pricing)

        own = QGroupBox(self.tr("GPUs you already own (free to use: only electricity is counted)"))
        ol = QVBoxLayout(own)
        self.own_table = QTableWidget(0, 2)
        self.own_table.setHorizontalHeaderLabels([self.tr("GPU"), self.tr("Count")])
        self.own_table.horizontalHeader().setStretchLastSection(True)
        self.own_table.setMaximumHeight(120)
        self.own_table.setAccessibleName(self.tr("GPUs you own"))
        add, remove = QPushButton(self.tr("&Add GPU")), QPushButton(self.tr("Remo&ve"))
        add.clicked.connect(lambda: self._add_own())
        remove.clicked.connect(self._remove_own)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        ol.addWidget(self.own_table)
        ol.addLayout(row)
        self.widgets["own"] = self.own_table

        more = QGroupBox()
        g = QGridLayout(more)
        self.max_gpus = self.spin("max_gpus", self.tr("At most GPUs"), 1, 1_000_000, self.tr("Largest cluster to consider."))
        self.power = self.line("power_limit_kw", self.tr("Power limit (kW)"), self.tr("none"),
                               self.tr("Facility power available on-premises: GPUs x TDP x PUE must stay below it."))
        self.elec = self.line("electricity_price_per_kwh", self.tr("Electricity per kWh"), "",
                              field_help("electricity_jpy_per_kwh"))
        self.pue = self.dspin("pue", self.tr("PUE"), 1.0, 5.0, 2, 0.05, field_help("pue"))
        self.fx = self.dspin("fx_jpy_per_usd", self.tr("JPY per USD"), 1.0, 1000.0, 2, 1.0, field_help("fx_jpy_per_usd"))
        self.hours = self.dspin("hours_per_day", self.tr("Hours per day in use"), 0.5, 24.0, 1, 1.0, field_help("hours_per_day"))
        self.days = self.dspin("days_per_month", self.tr("Days per month in use"), 1.0, 31.0, 0, 1.0, field_help("days_per_month"))
        self.years = self.dspin("years", self.tr("Years (horizon)"), 0.5, 50.0, 1, 0.5, field_help("years"))
        self.network = self.combo("network", self.tr("Network between servers"), [
            ("InfiniBand 400G", "ib-400"), ("InfiniBand 200G", "ib-200"), ("100 GbE", "100gbe"), ("25 GbE", "25gbe"), ("10 GbE", "10gbe")],
            source_sentence("network_factor_ib-400"))
        # what the catalog would otherwise decide: prices and the utilisation (the CLI's --cloud-price, --gpu-price, --mfu)
        self.cloud_price = self.line("cloud_price", self.tr("Cloud price per GPU-hour"), self.tr("catalog offer"),
                                     self.tr("Your price per GPU-hour, in the currency above, instead of the cheapest catalog "
                                             "offer (Sources lists each offer with its date)."))
        self.gpu_price = self.line("gpu_price", self.tr("GPU purchase price"), self.tr("catalog price"),
                                   self.tr("Your quote per GPU, in the currency above, instead of the catalog's dated price; "
                                           "servers and network are added on top."))
        self.mfu = self.line("mfu", self.tr("Expected MFU (0-1)"), self.tr("calibrated model"), field_help("mfu"))
        self.mfu_label = QLabel(self.tr("E&xpected MFU (0-1)"))
        self.mfu_label.setBuddy(self.mfu)
        pairs = [(self.tr("Cloud pr&ice per GPU-hour"), self.cloud_price), (self.tr("GPU purcha&se price"), self.gpu_price),
                 (self.mfu_label, self.mfu),
                 (self.tr("At &most GPUs"), self.max_gpus), (self.tr("Power &limit (kW)"), self.power),
                 (self.tr("&Electricity per kWh"), self.elec), (self.tr("P&UE"), self.pue),
                 (self.tr("&JPY per USD"), self.fx), (self.tr("H&ours per day in use"), self.hours),
                 (self.tr("Days per month in use"), self.days), (self.tr("&Years (horizon)"), self.years),
                 (self.tr("Networ&k between servers"), self.network)]

        for i, (label, w) in enumerate(pairs):
            lab = label if isinstance(label, QLabel) else QLabel(label)
            lab.setBuddy(w)
            g.addWidget(lab, i // 2, (i % 2) * 2)
            g.addWidget(w, i // 2, (i % 2) * 2 + 1)

        self.advanced = Collapsible(self.tr("Advanced: prices, utilisation, limits and assumptions"), more)
        lay = scrolling_layout(self)
        lay.addWidget(money)
        lay.addWidget(own)
        lay.addWidget(self.advanced)
        lay.addWidget(explanation(self.tr("Hover over a field to see where its default comes from.")))
        lay.addWidget(self.error_label)
        lay.addStretch(1)  # the sections keep their height; the space left goes below them
        self.load()

    # ----- owned GPUs -------------------------------------------------------------------------
    def _gpu_combo(self, gid: str | None) -> QComboBox:
        c = QComboBox()
        for g in self.session.catalog.gpus():
            c.addItem(g.name, g.id)
        if gid:
            c.setCurrentIndex(max(0, c.findData(gid)))
        c.currentIndexChanged.connect(self._own_changed)
        return c

    def _add_own(self, gid: str | None = None, n: int = 4) -> None:
        r = self.own_table.rowCount()
        self.own_table.insertRow(r)
        self.own_table.setCellWidget(r, 0, self._gpu_combo(gid or "rtx-a6000"))
        sp = QSpinBox()
        sp.setRange(1, 100000)
        sp.setValue(n)
        sp.valueChanged.connect(self._own_changed)
        self.own_table.setCellWidget(r, 1, sp)
        self._own_changed()

    def _remove_own(self) -> None:
        r = self.own_table.currentRow()
        if r < 0:
            r = self.own_table.rowCount() - 1
        if r >= 0:
            self.own_table.removeRow(r)
            self._own_changed()

    def _own_changed(self) -> None:
        own: dict[str, int] = {}
        for r in range(self.own_table.rowCount()):
            c, sp = self.own_table.cellWidget(r, 0), self.own_table.cellWidget(r, 1)
            if c is not None and sp is not None:
                own[c.currentData()] = own.get(c.currentData(), 0) + sp.value()
        self.session.update(own=own)

    ADVANCED = ("cloud_price", "gpu_price", "mfu", "max_gpus", "power_limit_kw", "electricity_price_per_kwh", "pue",
                "fx_jpy_per_usd", "hours_per_day", "days_per_month", "years", "network")

    def _on_session_validity(self, errors: dict) -> None:
        if any(k in errors for k in self.ADVANCED) and hasattr(self, "advanced"):
            self.advanced.set_expanded(True)  # a field in error is never hidden
        super()._on_session_validity(errors)

    def load(self) -> None:
        super().load()
        if any(self.session.draft.get(k) not in (None, "") for k in self.ADVANCED):
            self.advanced.set_expanded(True)  # the plan sets one of them: show it
        own = self.session.draft.get("own") or {}
        current: dict[str, int] = {}
        for r in range(self.own_table.rowCount()):
            c, sp = self.own_table.cellWidget(r, 0), self.own_table.cellWidget(r, 1)
            if c is not None and sp is not None:
                current[c.currentData()] = current.get(c.currentData(), 0) + sp.value()
        if current != own:
            with QSignalBlocker(self.own_table):
                self.own_table.setRowCount(0)
                for gid, n in own.items():
                    r = self.own_table.rowCount()
                    self.own_table.insertRow(r)
                    combo = self._gpu_combo(gid)
                    sp = QSpinBox()
                    sp.setRange(1, 100000)
                    sp.setValue(int(n))
                    sp.valueChanged.connect(self._own_changed)
                    self.own_table.setCellWidget(r, 0, combo)
                    self.own_table.setCellWidget(r, 1, sp)
        cur = self.session.draft.get("currency") or "USD"
        jpy = A.value("electricity_jpy_per_kwh")
        fx = float(self.shown_value("fx_jpy_per_usd") or A.value("fx_jpy_per_usd"))
        self.elec.setPlaceholderText(self.tr("{0:g} JPY").format(jpy) if cur == "JPY" else self.tr("{0:.3f} USD").format(jpy / fx))
        training = self.session.draft.get("goal") != "inference"
        self.deadline.setVisible(training)
        self.deadline_label.setVisible(training)
        self.mfu.setVisible(training)
        self.mfu_label.setVisible(training)


