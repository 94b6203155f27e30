"""This plan among published training runs: compute (6·N·D) against GPU-hours, log–log, labelled."""

from __future__ import annotations

import pyqtgraph as pg

from app.present.text.format import fmt_count
from app.ui.charts.base import ChartPanel, log10


class RunsChart(ChartPanel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.view.addPlot()
        self.plot.setLogMode(x=True, y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", self.tr("training compute 6·N·D (FLOP)"))
        self.plot.setLabel("left", self.tr("GPU-hours"))
        for ax in ("bottom", "left"):
            self.plot.getAxis(ax).enableAutoSIPrefix(False)
        self.runs_item: pg.PlotDataItem | None = None
        self.plan_item: pg.PlotDataItem | None = None

    def set_data(self, runs: list[tuple[str, float, float]], plan_point: tuple[str, float, float] | None) -> None:
        """``runs``: (label, FLOPs, GPU-hours) of published runs; ``plan_point`` the same for this plan."""
        self.plot.clear()
        xs = [r[1] for r in runs]
        ys = [r[2] for r in runs]
        self.runs_item = self.plot.plot(xs, ys, pen=None, symbol="o", symbolSize=6, symbolBrush="#7f7f7f")
        self.plot.addItem(self.hoverable([log10(x) for x in xs], [log10(y) for y in ys],
                                         [f"{r[0]}: {r[1]:.2g} FLOP, {fmt_count(r[2])} GPU-h" for r in runs], "#7f7f7f", size=6))
        placed: list[tuple[float, float]] = []
        right = max((log10(r[1]) for r in runs), default=0.0)
        for label, x, y in sorted(runs, key=lambda r: -r[1]):
            lx, ly = log10(x), log10(y)
            # label a run only where no other label sits (within ~0.6 decade across, 0.3 up): readable
            if any(abs(lx - px) < 0.6 and abs(ly - py) < 0.3 for px, py in placed):
                continue
            placed.append((lx, ly))
            t = pg.TextItem(label, color="#505050", anchor=(1, 1) if lx > right - 1.0 else (0, 1))
            t.setPos(lx, ly)
            self.plot.addItem(t)
        self.plan_item = None
        if plan_point:
            label, x, y = plan_point
            self.plan_item = self.plot.plot([x], [y], pen=None, symbol="star", symbolSize=18, symbolBrush="#d62728")
            t = pg.TextItem(label, color="#d62728", anchor=(0, 0))
            t.setPos(log10(x), log10(y))
            self.plot.addItem(t)
