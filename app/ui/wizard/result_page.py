"""Step 5: the recommendation. Verdict in one sentence, ranked options, details of the selected one
(layout, memory, findings, itemised cost, sources) and the plots. It only draws the PlanResult the
session hands it; while a newer plan is computing everything is greyed and marked as updating."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QListWidget, QSplitter, QTableView,
                               QTabWidget, QTextBrowser, QVBoxLayout)

from app.ui.wizard.common import BoundPage
from app.wording import (finding_message, fmt_bytes, fmt_duration, fmt_money, labels_text, suggestion_message,
                         verdict_message)


class ResultPage(BoundPage):
    keys = ()

    def __init__(self, session, lang_fn, parent=None):
        super().__init__(session, parent)
        self.lang = lang_fn
        self.setTitle(self.tr("Recommendation"))
        self.setFinalPage(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f = self.verdict.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        f.setBold(True)
        self.verdict.setFont(f)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.suggestions = QListWidget()
        self.suggestions.setMaximumHeight(90)
        self.suggestions.setAccessibleName(self.tr("Ways to make it feasible"))
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Ranked options"))
        self.model = QStandardItemModel(self)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.tabs = QTabWidget()
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.sources = QTextBrowser()
        self.charts_ready = False
        self.memory_chart = self.breakeven_chart = self.scaling_chart = self.runs_chart = None
        self.tabs.addTab(self.details, self.tr("&Details"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.verdict)
        lay.addWidget(self.suggestions)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)
        self.result = None
        session.sig_busy.connect(self._on_busy)
        session.sig_plan_ready.connect(self.show_result)
        session.sig_plan_failed.connect(self._on_failed)

    # ----- lifecycle -------------------------------------------------------------------------
    def _ensure_charts(self) -> None:
        """pyqtgraph is imported on first use of this page (0.9 s, platform.md)."""
        if self.charts_ready:
            return
        from app.ui.charts.breakeven import BreakevenChart
        from app.ui.charts.memory import MemoryChart
        from app.ui.charts.runs import RunsChart
        from app.ui.charts.scaling import ScalingChart

        self.memory_chart, self.breakeven_chart = MemoryChart(), BreakevenChart()
        self.scaling_chart, self.runs_chart = ScalingChart(), RunsChart()
        self.tabs.addTab(self.memory_chart, self.tr("&Memory"))
        self.tabs.addTab(self.breakeven_chart, self.tr("&Cloud vs on-prem"))
        self.tabs.addTab(self.scaling_chart, self.tr("&Scaling"))
        self.tabs.addTab(self.runs_chart, self.tr("&Published runs"))
        self.tabs.addTab(self.sources, self.tr("S&ources"))
        self.charts_ready = True

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self._ensure_charts()
        if self.session.result is not None and self.session.result.generation == self.session.generation:
            self.show_result(self.session.result)
        else:
            self._on_busy(True)
            self.session.recompute()

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("Updating…"))
            for w in (self.table, self.tabs, self.verdict, self.suggestions):
                w.setEnabled(False)
        if self.session.errors:
            self.status.setText(self.tr("Some answers need fixing before a plan can be made (go Back)."))

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("The plan could not be computed: {0}").format(message))

    # ----- drawing ---------------------------------------------------------------------------
    def show_result(self, result) -> None:
        self._ensure_charts()
        self.result = result
        p, s, lang = result.plan, result.scenario, self.lang()
        cur = s.currency
        for w in (self.table, self.tabs, self.verdict, self.suggestions):
            w.setEnabled(True)
        self.status.setText(self.tr("{0} configurations evaluated; {1} shown.").format(p.evaluated, len(p.options)))
        self.verdict.setText(verdict_message(p.verdict.code, p.verdict.params, lang, cur))
        self.verdict.setStyleSheet("color: #1b5e20" if p.verdict.feasible else "color: #b00020")
        self.suggestions.clear()
        for sug in p.verdict.suggestions:
            self.suggestions.addItem("→ " + suggestion_message(sug.code, sug.params, lang, cur))
        self.suggestions.setVisible(bool(p.verdict.suggestions))
        # Refilling the table moves its current row through every old row: without the blocker each
        # move redrew the details and two charts (37 times for one plan, 1.3 s on 2 cores).
        with QSignalBlocker(self.table.selectionModel()):
            self._fill_table(p, s, lang)
            if p.options:
                self.table.selectRow(0)
        if p.options:
            self._show_option(0)
        self._draw_scaling(result)
        self._draw_runs(result)
        self._draw_sources(result)

    def _fill_table(self, p, s, lang) -> None:
        self.model.clear()
        training = s.is_training
        self.model.setHorizontalHeaderLabels([
            "#", self.tr("Why"), self.tr("GPU"), self.tr("GPUs"), self.tr("Layout"), self.tr("Format"),
            self.tr("Time") if training else self.tr("Speed / user"), self.tr("Cloud"), self.tr("On-prem"),
            self.tr("Memory / GPU")])
        for i, o in enumerate(p.options, 1):
            par = o.parallelism
            layout = (f"TP{par.tp} PP{par.pp} DP{par.dp}" + (f" ZeRO-{par.zero_stage}" if par.zero_stage else "")
                      if training else f"TP{par.tp} PP{par.pp} ×{par.replicas}")
            speed = fmt_duration(o.wall_clock_s) if training else self.tr("{0:.1f} tok/s").format(o.decode_tokens_per_s)
            cells = [str(i), labels_text(o.labels), o.gpu_name,
                     str(o.gpu_count), layout, o.precision, speed, fmt_money(o.cost.cloud, s.currency, lang),
                     fmt_money(o.cost.onprem, s.currency, lang),
                     f"{fmt_bytes(o.memory_per_gpu_bytes)} / {fmt_bytes(o.memory_capacity_bytes)}"]
            items = [QStandardItem(c) for c in cells]
            if not (o.fits and o.meets_deadline and o.within_budget):
                for it in items:
                    it.setForeground(Qt.GlobalColor.darkRed)
            self.model.appendRow(items)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _on_row(self, current, _previous) -> None:
        if current.isValid():
            self._show_option(current.row())

    def selected_option(self):
        idx = self.table.currentIndex()
        if self.result is None or not self.result.plan.options:
            return None
        row = idx.row() if idx.isValid() else 0
        return self.result.plan.options[min(row, len(self.result.plan.options) - 1)]

    def _show_option(self, row: int) -> None:
        if self.result is None or row >= len(self.result.plan.options):
            return
        from app.core.cost import cumulative_costs

        o = self.result.plan.options[row]
        s, lang = self.result.scenario, self.lang()
        cur = s.currency
        c = o.cost
        par = o.parallelism
        lines = [f"<h3>{o.gpu_count} × {o.gpu_name}</h3>"]
        lines.append(self.tr("Layout: tensor parallel {0}, pipeline {1}, data parallel {2}, ZeRO stage {3}, replicas {4}; {5}.").format(
            par.tp, par.pp, par.dp, par.zero_stage, par.replicas, o.precision))
        if s.is_training:
            lines.append("<br>" + self.tr("Time {0} (range {1} – {2}); utilisation (MFU) {3:.0%}; {4} GPU-hours.").format(
                fmt_duration(o.wall_clock_s), fmt_duration(o.wall_clock_s_range[0]), fmt_duration(o.wall_clock_s_range[1]),
                o.mfu, f"{o.gpu_hours:,.0f}"))
        else:
            lines.append("<br>" + self.tr("{0:.1f} tokens/s per user, {1:,.0f} tokens/s in all; first token after {2}.").format(
                o.decode_tokens_per_s, o.throughput_tokens_per_s, fmt_duration(o.time_to_first_token_s)))
        lines.append("<h4>" + self.tr("Cost") + "</h4><ul>")
        if c.cloud is not None:
            lines.append("<li>" + self.tr("Cloud: {0} ({1} per GPU-hour{2})").format(
                fmt_money(c.cloud, cur, lang), fmt_money(c.cloud_price_per_gpu_hour, cur, lang),
                self.tr(", offer {0}").format(c.cloud_offer) if c.cloud_offer else "") + "</li>")
        if c.onprem is not None:
            lines.append("<li>" + self.tr("On-prem: {0} = GPUs {1} + servers and network {2} + electricity {3}").format(
                fmt_money(c.onprem, cur, lang), fmt_money(c.items.get("gpu_purchase"), cur, lang),
                fmt_money(c.items.get("host"), cur, lang), fmt_money(c.items.get("electricity"), cur, lang)) + "</li>")
        if c.breakeven_months is not None:
            lines.append("<li>" + self.tr("Buying beats renting after {0:.1f} months at {1:g} h/day ({2:.0%} utilisation over {3:g} years).").format(
                c.breakeven_months, s.hours_per_day, c.breakeven_utilisation or 0, c.horizon_years or 0) + "</li>")
        lines.append("</ul>")
        if o.findings:
            lines.append("<h4>" + self.tr("Findings") + "</h4><ul>")
            for f in o.findings:
                mark = {"error": "✗", "warning": "!", "info": "·"}.get(f.severity, "·")
                lines.append(f"<li>{mark} " + finding_message(f.code, f.params, lang, cur) + "</li>")
            lines.append("</ul>")
        self.details.setHtml("".join(lines))
        self.memory_chart.show_data(o.memory_breakdown_bytes.model_dump(), o.memory_capacity_bytes)
        months = int(max(12, round(s.years * 12)))
        xs, cloud, onprem = cumulative_costs(s, c, o.gpu_count, months)
        self.breakeven_chart.show_data(xs, cloud, onprem, c.breakeven_months, cur, lang)

    def _draw_scaling(self, result) -> None:
        s = result.scenario
        names = {g.id: g.name for g in self.session.catalog.gpus()}
        series = {names.get(gid, gid): pts for gid, pts in result.curves.items()}
        self.scaling_chart.show_data(series, training=s.is_training,
                                    deadline_s=(s.deadline_days or 0) * 86400.0 or None, budget=s.budget,
                                    currency=s.currency, lang=self.lang(), deployment=s.deployment.value)

    def _draw_runs(self, result) -> None:
        runs = []
        for r in self.session.catalog.runs():
            n = r.params_active or r.params_total
            hours = r.gpu_hours or (r.gpu_count * r.days * 24 if r.gpu_count and r.days else None)
            if n and r.tokens and hours:
                runs.append((r.name, 6.0 * n * r.tokens, hours))
        point = None
        p, s = result.plan, result.scenario
        if s.is_training and p.options:
            point = (self.tr("this plan"), p.workload.train_flops, p.options[0].gpu_hours)
        self.runs_chart.show_data(runs, point)

    def _draw_sources(self, result) -> None:
        from html import escape as esc

        from app.wording import assumption_name, assumption_source, assumption_value, fmt_date, pricing_text

        p, lang = result.plan, self.lang()
        rows = ["<h4>" + self.tr("Assumptions") + "</h4><table>"]
        for a in p.assumptions:
            rows.append(f"<tr><td><b>{esc(assumption_name(a.name))}</b></td><td>{esc(assumption_value(a))}</td>"
                        f"<td>{esc(assumption_source(a, lang))}</td></tr>")
        rows.append("</table><h4>" + self.tr("Catalog entries used") + "</h4><ul>")
        gpus = {g.id: g for g in self.session.catalog.gpus()}
        offers = {o.id: o for o in self.session.catalog.offers()}
        as_of = self.tr("as of {0}")
        for gid in dict.fromkeys(o.gpu for o in p.options):
            g = gpus.get(gid)
            if g:
                rows.append(f"<li><b>{esc(g.name)}</b>: {esc(g.source)} ({as_of.format(fmt_date(g.as_of, lang))})</li>")
        for oid in dict.fromkeys(o.cost.cloud_offer for o in p.options if o.cost.cloud_offer):
            of = offers.get(oid)
            if of:
                rows.append(f"<li><b>{esc(of.name)}</b> ({esc(pricing_text(of.pricing))}, {esc(of.region)}): {esc(of.source)} "
                            f"({as_of.format(fmt_date(of.as_of, lang))})</li>")
        m = result.scenario.model
        dated = f" ({as_of.format(fmt_date(m.as_of, lang))})" if m.as_of else ""
        source = m.source or self.tr("entered by you")
        rows.append(f"<li><b>{esc(m.name)}</b>: {esc(source)}{dated}</li></ul>")
        self.sources.setHtml("".join(rows))


