"""Step 5: the recommendation. Verdict in one sentence, ranked options, details of the selected one
(layout, memory, findings, itemised cost, sources) and the plots. It only draws the PlanOutcome the
session hands it (never the catalog or the core); while a newer plan is computing everything is greyed
and marked as updating."""

from __future__ import annotations

from html import escape as esc

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
)

from app.present.fields import for_gui
from app.present.text.format import fmt_bytes, fmt_duration, fmt_money, layout_label, stack_name, utilisation_text
from app.present.text.messages import finding_message, labels_text, suggestion_message, verdict_message
from app.ui.wizard.common import BoundPage, scrolling_layout


class _Splitter(QSplitter):
    """A splitter that asks for no more than its minimum: in the page's scroll area it then takes the
    height there is, and the page scrolls only when even the minimum does not fit (the scroll area
    sizes a page with wrapping labels by its preferred height, which the tables made ~1,000 px)."""

    def sizeHint(self):  # noqa: N802 - Qt override
        return self.minimumSizeHint()


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
        # the decision first: what to get, how long, how much, rent/buy/own, the main risk
        self.key_figures = QLabel()
        self.key_figures.setObjectName("key_figures")
        self.key_figures.setWordWrap(True)
        self.key_figures.setTextFormat(Qt.TextFormat.RichText)
        self.key_figures.setStyleSheet("background: #f3f6fb; border: 1px solid #c9d3e3; padding: 6px;")
        self.show_all = QCheckBox(self.tr("Sho&w all options"))
        self.show_all.toggled.connect(self._apply_row_limit)
        self.suggestions = QListWidget()
        self.suggestions.setMaximumHeight(90)
        self.suggestions.setAccessibleName(self.tr("Ways to make it feasible"))
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field; arrows move between cells
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
        # small minimums: on a laptop screen the splitter shares what there is instead of the page scrolling
        self.table.setMinimumHeight(90)
        self.tabs.setMinimumHeight(160)
        split = _Splitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        # In a scroll area like the other pages: at 150-200% scaling on a 1366 x 768 laptop the page's
        # minimum (verdict, key figures, table and tabs) is taller than the screen, and Back and Next
        # went below its edge. When there is room the splitter takes all of it, as before.
        lay = scrolling_layout(self)
        lay.addWidget(self.verdict)
        lay.addWidget(self.key_figures)
        lay.addWidget(self.suggestions)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.show_all)
        lay.addLayout(row)
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
        from app.ui.wizard.sensitivity_tab import SensitivityTab

        self.sensitivity = SensitivityTab(self.session, self.lang)
        self.tabs.addTab(self.sensitivity, self.tr("Sensiti&vity"))
        self.apis = QTextBrowser()
        self.apis.setAccessibleName(self.tr("Self-hosting against commercial APIs"))
        self.tabs.addTab(self.apis, self.tr("&APIs"))
        self.ruled_out = QTextBrowser()
        self.ruled_out.setAccessibleName(self.tr("Configurations ruled out, with the reason for each"))
        self.tabs.addTab(self.ruled_out, self.tr("Rul&ed out"))
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
        self.verdict.setText(for_gui(verdict_message(p.verdict.code, p.verdict.params, lang, cur)))
        self.verdict.setStyleSheet("color: #1b5e20" if p.verdict.feasible else "color: #b00020")
        self.suggestions.clear()
        for sug in p.verdict.suggestions:
            self.suggestions.addItem("→ " + for_gui(suggestion_message(sug.code, sug.params, lang, cur)))
        self.suggestions.setVisible(bool(p.verdict.suggestions))
        # Refilling the table moves its current row through every old row: without the blocker each
        # move redrew the details and two charts (37 times for one plan, 1.3 s on 2 cores).
        with QSignalBlocker(self.table.selectionModel()):
            self._fill_table(p, s, lang)
            if p.options:
                self.table.selectRow(0)
        if p.options:
            self._show_option(0)
        self._draw_key_figures(result)
        self._apply_row_limit()
        self._draw_ruled_out(result)
        self._draw_scaling(result)
        self._draw_runs(result)
        self.sensitivity.show_result(result)
        self._draw_apis(result)
        self._draw_sources(result)

    def _fill_table(self, p, s, lang) -> None:
        self.model.clear()
        training = s.is_training
        self.model.setHorizontalHeaderLabels([
            "#", self.tr("Why"), self.tr("GPU"), self.tr("GPUs"), self.tr("Layout"), self.tr("Format"),
            self.tr("Time") if training else self.tr("Speed / user"), self.tr("Cloud"), self.tr("On-prem"),
            self.tr("Memory / GPU")])
        for i, o in enumerate(p.options, 1):
            layout = layout_label(o.parallelism, serving=not training)
            speed = fmt_duration(o.job_s) if training else self.tr("{0:.1f} tok/s").format(o.decode_tokens_per_s)
            cells = [str(i), labels_text(o.labels), o.gpu_name,
                     str(o.gpu_count), layout, o.precision or o.weight_format or "", speed, fmt_money(o.cost.cloud, s.currency, lang),
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
        o = self.result.plan.options[row]
        s, lang = self.result.scenario, self.lang()
        cur = s.currency
        c = o.cost
        par = o.parallelism
        lines = [f"<h3>{o.gpu_count} × {o.gpu_name}</h3>"]
        lines.append(self.tr("Layout: tensor parallel {0}, pipeline {1}, data parallel {2}, ZeRO stage {3}, replicas {4}; {5}.").format(
            par.tp, par.pp, par.dp, par.zero_stage, par.replicas, o.precision or o.weight_format))
        if s.is_training:
            lo, hi = o.duration_s_range
            lines.append("<br>" + self.tr("Time {0} (range {1} – {2}); utilisation (MFU) {3:.0%}; {4} GPU-hours.").format(
                fmt_duration(o.job_s), fmt_duration(lo), fmt_duration(hi), o.mfu or 0.0, f"{o.gpu_hours:,.0f}"))
            lines.append("<br>" + self.tr("Memory {0} of {1} per GPU, as {2} allocates it.").format(
                fmt_bytes(o.memory_per_gpu_bytes), fmt_bytes(o.memory_capacity_bytes), stack_name(o.stack or "")))
            explained = utilisation_text(o.utilisation_factors, o.hfu, o.mfu)
            if explained:
                lines.append("<br>" + explained)
        else:
            lines.append("<br>" + self.tr("{0:.1f} tokens/s per user, {1:,.0f} tokens/s in all; first token after {2}.").format(
                o.decode_tokens_per_s, o.throughput_tokens_per_s, fmt_duration(o.time_to_first_token_s)))
            if o.memory_usable_bytes:
                lines.append("<br>" + self.tr("Memory {0} of the {1} the engine may use ({2} on the GPU).").format(
                    fmt_bytes(o.memory_per_gpu_bytes), fmt_bytes(o.memory_usable_bytes), fmt_bytes(o.memory_capacity_bytes)))
            if o.cost_per_million_tokens:
                from app.present.summary import token_prices_text

                lines.append("<br>" + esc(token_prices_text(o, cur, lang)))
        lines.append("<h4>" + self.tr("Cost") + "</h4><ul>")
        if c.cloud is not None:
            lines.append("<li>" + self.tr("Cloud: {0} ({1} per GPU-hour{2})").format(
                fmt_money(c.cloud, cur, lang), fmt_money(c.cloud_price_per_gpu_hour, cur, lang),
                self.tr(", offer {0}").format(c.cloud_offer) if c.cloud_offer else "") + "</li>")
        if c.onprem is not None:
            lines.append("<li>" + self.tr("On-prem: {0} = GPUs {1} + servers and network {2} + electricity {3}").format(
                fmt_money(c.onprem, cur, lang), fmt_money(c.items.get("gpu_purchase"), cur, lang),
                fmt_money(c.items.get("host"), cur, lang), fmt_money(c.items.get("electricity"), cur, lang)) + "</li>")
        if c.breakeven_months is not None and s.is_training:
            lines.append("<li>" + self.tr("For this job renting is {0} and buying {1}; buying pays back only with continued use, after {2:.1f} months at {3:g} h/day ({4:.0%} utilisation over {5:g} years).").format(
                fmt_money(c.cloud, cur, lang), fmt_money(c.onprem, cur, lang),
                c.breakeven_months, s.hours_per_day, c.breakeven_utilisation or 0, c.horizon_years or 0) + "</li>")
        elif c.breakeven_months is not None:
            lines.append("<li>" + self.tr("Buying beats renting after {0:.1f} months at {1:g} h/day ({2:.0%} utilisation over {3:g} years).").format(
                c.breakeven_months, s.hours_per_day, c.breakeven_utilisation or 0, c.horizon_years or 0) + "</li>")
        lines.append("</ul>")
        if o.findings:
            lines.append("<h4>" + self.tr("Findings") + "</h4><ul>")
            for f in o.findings:
                mark = {"error": "✗", "warning": "!", "info": "·"}.get(f.severity, "·")
                lines.append(f"<li>{mark} " + esc(for_gui(finding_message(f.code, f.params, lang, cur))) + "</li>")
            lines.append("</ul>")
        self.details.setHtml("".join(lines))
        self.memory_chart.show_data(o.memory_breakdown_bytes.model_dump(), o.memory_capacity_bytes)
        series = self.result.outcome.option_costs[row].series
        self.breakeven_chart.show_data(series.months, series.cloud, series.onprem, series.breakeven_months, cur, lang)

    TOP_ROWS = 5  # options shown before "Show all options"

    def _apply_row_limit(self) -> None:
        rows = self.model.rowCount()
        for r in range(rows):
            self.table.setRowHidden(r, not self.show_all.isChecked() and r >= self.TOP_ROWS)
        self.show_all.setVisible(rows > self.TOP_ROWS)
        self.show_all.setText(self.tr("Sho&w all {0} options").format(rows))

    def _draw_key_figures(self, result) -> None:
        from app.present.summary import key_figures

        rows = key_figures(result.outcome, self.lang())
        self.key_figures.setVisible(bool(rows))
        self.key_figures.setText("<table cellspacing='0' cellpadding='1'>" + "".join(
            f"<tr><td><b>{esc(k)}</b>\u00a0\u00a0</td><td>{esc(for_gui(v))}</td></tr>" for k, v in rows) + "</table>")

    def _draw_ruled_out(self, result) -> None:
        """Each accelerator with no configuration among the options, with the reason; and how many
        configurations were set aside, by reason."""
        from app.present.text.messages import finding_reason

        p, lang, cur = result.plan, self.lang(), result.scenario.currency
        html = ["<ul>"] + [f"<li><b>{esc(result.outcome.gpu_name(r.gpu))}</b>: "
                           f"{esc(for_gui(finding_message(r.code, r.params, lang, cur)))}</li>" for r in p.rejected] + ["</ul>"]
        if p.rejected_summary:
            html.append("<p>" + esc(self.tr("Also evaluated, not shown: {0}.").format(", ".join(
                f"{n} {finding_reason(code)}" for code, n in sorted(p.rejected_summary.items(), key=lambda kv: -kv[1])))) + "</p>")
        if not p.rejected and not p.rejected_summary:
            html = ["<p>" + esc(self.tr("Nothing was ruled out.")) + "</p>"]
        self.ruled_out.setHtml("".join(html))

    def _draw_apis(self, result) -> None:
        """Serving: the recommended option's monthly bill against each API's for the same tokens
        (the tab is hidden for training)."""
        from app.present.apis import api_headers, api_rows, caveat, self_hosting_line, verdict_line

        out, lang = result.outcome, self.lang()
        i = self.tabs.indexOf(self.apis)
        if self.tabs.isTabVisible(i) != (out.apis is not None):
            self.tabs.setTabVisible(i, out.apis is not None)
            self.tabs.tabBar().adjustSize()  # the bar lays the shown tab out at once, not on the next resize
        if out.apis is None:
            self.apis.clear()
            return
        html = [f"<p>{esc(x)}</p>" for x in (self_hosting_line(out, lang), verdict_line(out, lang)) if x]
        html.append("<table cellspacing='0' cellpadding='3' border='1'><tr>"
                    + "".join(f"<th>{esc(h)}</th>" for h in api_headers()) + "</tr>")
        for row in api_rows(out, lang):
            html.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
        html.append("</table>")
        html.append(f"<p><i>{esc(caveat(out, lang))}</i></p>")
        self.apis.setHtml("".join(html))

    def _draw_scaling(self, result) -> None:
        out, s = result.outcome, result.scenario
        series = {out.gpu_name(gid): pts for gid, pts in out.curves.items()}
        self.scaling_chart.show_data(series, training=s.is_training,
                                    deadline_s=(s.deadline_days or 0) * 86400.0 or None, budget=s.budget,
                                    currency=s.currency, lang=self.lang(), deployment=s.deployment.value)

    def _draw_runs(self, result) -> None:
        out = result.outcome
        runs = [(r.name, r.flops, r.gpu_hours) for r in out.runs]
        point = (self.tr("this plan"), out.plan_point.flops, out.plan_point.gpu_hours) if out.plan_point else None
        self.runs_chart.show_data(runs, point)

    def _draw_sources(self, result) -> None:


        from app.present.fields import label
        from app.present.text.assumptions import assumption_name, assumption_source, assumption_value
        from app.present.text.format import fmt_date
        from app.present.text.messages import pricing_text

        out, lang = result.outcome, self.lang()
        rows = ["<h4>" + self.tr("Assumptions") + "</h4><table>"]
        for a in out.plan.assumptions:
            rows.append(f"<tr><td><b>{esc(assumption_name(a.name))}</b></td><td>{esc(assumption_value(a))}</td>"
                        f"<td>{esc(assumption_source(a, lang, label, out.scenario.fx_as_of))}</td></tr>")
        rows.append("</table><h4>" + self.tr("Catalog entries used") + "</h4><ul>")
        as_of = self.tr("as of {0}")
        for e in out.entries:
            dated = f" ({as_of.format(fmt_date(e.as_of, lang))})" if e.as_of else ""
            source = e.source or self.tr("entered by you")
            if e.kind == "offer":
                of = out.offers[e.id]
                rows.append(f"<li><b>{esc(e.name)}</b> ({esc(pricing_text(of.pricing))}, {esc(of.region)}): {esc(source)}{dated}</li>")
            else:
                rows.append(f"<li><b>{esc(e.name)}</b>: {esc(source)}{dated}</li>")
        rows.append("</ul>")
        self.sources.setHtml("".join(rows))
