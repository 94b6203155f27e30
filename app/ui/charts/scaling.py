"""Time and cost against GPU count for the leading accelerators, deadline and budget drawn in."""

from __future__ import annotations

import pyqtgraph as pg

from app.present.palette import drawn_series
from app.present.text.format import fmt_duration, fmt_money, money_axis_label
from app.ui.charts.base import LEGEND_TEXT, PALETTE, ChartPanel, log10, nice_log_ticks


class ScalingChart(ChartPanel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.time_plot = self.view.addPlot(row=0, col=0)
        self.cost_plot = self.view.addPlot(row=0, col=1)
        for p in (self.time_plot, self.cost_plot):
            p.setLogMode(x=True, y=True)
            p.showGrid(x=True, y=True, alpha=0.25)
            p.setLabel("bottom", self.tr("GPUs"))
        # The legend has its own row under both plots: series named "plan: GPU" are wider than a plot,
        # and a legend anchored inside the time plot covered it (or, wider still, left the image)
        self.time_legend = pg.LegendItem(labelTextSize=LEGEND_TEXT, colCount=2, frame=False)
        self.view.addItem(self.time_legend, row=1, col=0, colspan=2)
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        # Items are kept and given new data on each plan (a new item in the scene costs ~5 ms):
        # slot i holds the time curve, the cost curve and their hover points of the i-th series.
        self._slots: list[tuple[pg.PlotDataItem, pg.PlotDataItem, pg.ScatterPlotItem, pg.ScatterPlotItem]] = []
        self._deadline = pg.InfiniteLine(angle=0, pen=pg.mkPen("#b00020", style=pg.QtCore.Qt.PenStyle.DashLine),
                                         label=self.tr("deadline"), labelOpts={"position": 0.1, "color": "#b00020"})
        self._budget = pg.InfiniteLine(angle=0, pen=pg.mkPen("#b00020", style=pg.QtCore.Qt.PenStyle.DashLine),
                                       label=self.tr("budget"), labelOpts={"position": 0.1, "color": "#b00020"})
        self.deadline_line: pg.InfiniteLine | None = None
        self.budget_line: pg.InfiniteLine | None = None

    def legends(self) -> list[pg.LegendItem]:
        return []  # none in the exported image: the report names the lines in words (palette.line_key)

    def before_export(self) -> None:
        """The PDF's image has no legend row (its labels do not scale with the export)."""
        if self.time_legend.scene() is not None:
            self.view.ci.removeItem(self.time_legend)
        self.view.ci.layout.activate()

    def after_export(self) -> None:
        if self.time_legend.scene() is None:
            self.view.addItem(self.time_legend, row=1, col=0, colspan=2)

    def _slot(self, i: int, name: str):
        """The items of series ``i`` (created on first use), its legend entry named ``name``."""
        if i < len(self._slots):
            tc, cc, th, ch = self._slots[i]
            for sample, label in self.time_legend.items:
                if sample.item is tc and label.text != name:
                    label.setText(name)
            return self._slots[i]
        color = PALETTE[i % len(PALETTE)]
        tc = self.time_plot.plot([], [], pen=pg.mkPen(color, width=2))
        self.time_legend.addItem(tc, name)
        cc = self.cost_plot.plot([], [], pen=pg.mkPen(color, width=2))
        th, ch = self.hoverable([], [], [], color), self.hoverable([], [], [], color)
        self.time_plot.addItem(th)
        self.cost_plot.addItem(ch)
        self._slots.append((tc, cc, th, ch))
        return self._slots[i]

    def _drop_slots(self, keep: int) -> None:
        while len(self._slots) > keep:
            tc, cc, th, ch = self._slots.pop()
            for plot, item in ((self.time_plot, tc), (self.cost_plot, cc), (self.time_plot, th), (self.cost_plot, ch)):
                plot.removeItem(item)
            self.time_legend.removeItem(tc)

    @staticmethod
    def _show_line(plot, line: pg.InfiniteLine, pos: float | None) -> pg.InfiniteLine | None:
        if pos is None:
            plot.removeItem(line)
            return None
        line.setValue(pos)
        if line not in plot.items:
            plot.addItem(line)
        return line

    def set_data(self, series: dict[str, list], *, training: bool, deadline_s: float | None, budget: float | None,
                 currency: str, lang: str, deployment: str = "any") -> None:
        """``series``: GPU name -> CurvePoints (count, fits, job_s or request_s, cloud, onprem)."""
        self.curves = {}
        self.time_plot.setLabel("left", self.tr("days") if training else self.tr("seconds per request"))
        self.cost_plot.setLabel("left", money_axis_label(currency, deployment))
        scale = 86400.0 if training else 1.0
        drawn = [(name, [p for p in series[name] if p.fits]) for name in drawn_series(series)]
        self._drop_slots(len(drawn))
        for i, (name, pts) in enumerate(drawn):
            color = PALETTE[i % len(PALETTE)]
            tc, cc, th, ch = self._slot(i, name)
            xs = [float(p.count) for p in pts]
            ts = [p.duration_s / scale for p in pts]
            costs = [self._cost(p, deployment) for p in pts]
            tc.setData(xs, ts)
            keep = [(x, c) for x, c in zip(xs, costs, strict=True) if c is not None]
            cc.setData([k[0] for k in keep], [k[1] for k in keep])
            self.curves[name] = (tc, cc)
            tips = [f"{name}: {int(x)} GPUs, {fmt_duration(p.duration_s)}" for x, p in zip(xs, pts, strict=True)]
            self.hoverable([log10(x) for x in xs], [log10(t) for t in ts], tips, color, item=th)
            ctips = [f"{name}: {int(x)} GPUs, {fmt_money(c, currency, lang)}" for x, c in keep]
            self.hoverable([log10(k[0]) for k in keep], [log10(k[1]) for k in keep], ctips, color, item=ch)
        all_x = [float(p.count) for pts in series.values() for p in pts if p.fits]
        all_t = [p.duration_s / scale for pts in series.values() for p in pts if p.fits and p.duration_s]
        all_c = [c for pts in series.values() for p in pts if p.fits for c in [self._cost(p, deployment)] if c]
        if deadline_s and training:
            all_t.append(deadline_s / scale)
        if budget:
            all_c.append(budget)
        if all_x:
            xt = [(log10(c), str(int(c))) for c in sorted(set(all_x)) if int(c) & (int(c) - 1) == 0]
            if len(xt) > 9:
                xt = xt[::2]
            for plot in (self.time_plot, self.cost_plot):
                plot.getAxis("bottom").setTicks([xt, []])
        if all_t:
            self.time_plot.getAxis("left").setTicks([nice_log_ticks(min(all_t), max(all_t), lambda v: f"{v:g}"), []])
        if all_c:
            self.cost_plot.getAxis("left").setTicks([nice_log_ticks(min(all_c), max(all_c),
                                                                    lambda v: fmt_money(v, currency, lang, True)), []])
            self.cost_plot.getAxis("left").setWidth(78)  # room for "約500.0万円"; narrower axes hide the labels
        self.deadline_line = self._show_line(self.time_plot, self._deadline,
                                             log10(deadline_s / scale) if deadline_s and training else None)
        self.budget_line = self._show_line(self.cost_plot, self._budget, log10(budget) if budget else None)

    @staticmethod
    def _cost(p, deployment: str):
        if deployment == "cloud":
            return p.cloud
        if deployment == "onprem":
            return p.onprem
        vals = [v for v in (p.cloud, p.onprem) if v is not None]
        return min(vals) if vals else None
