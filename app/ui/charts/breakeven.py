"""Cloud against on-prem: cumulative cost by month, with the break-even month marked."""

from __future__ import annotations

import math

import pyqtgraph as pg

from app.present.text.format import fmt_money, money_axis_label
from app.ui.charts.base import LEGEND_TEXT, ChartPanel


class BreakevenChart(ChartPanel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.view.addPlot()
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", self.tr("months of use"))
        self.legend = self.plot.addLegend(offset=(10, 10), labelTextSize=LEGEND_TEXT)
        self.cloud_curve: pg.PlotDataItem | None = None
        self.onprem_curve: pg.PlotDataItem | None = None
        self.breakeven_line: pg.InfiniteLine | None = None

    def set_data(self, months, cloud, onprem, breakeven_months: float | None, currency: str, lang: str) -> None:
        self.plot.clear()
        self.legend.clear()
        self.plot.setLabel("left", money_axis_label(currency))
        self.cloud_curve = self.onprem_curve = self.breakeven_line = None
        if any(v is not None for v in cloud):
            self.cloud_curve = self.plot.plot(months, cloud, pen=pg.mkPen("#1f77b4", width=2), name=self.tr("cloud (rent)"))
            self.plot.addItem(self.hoverable(months, cloud, [f"{int(m)}: {fmt_money(v, currency, lang)}" for m, v in zip(months, cloud, strict=True)], "#1f77b4", size=5))
        if any(v is not None for v in onprem):
            self.onprem_curve = self.plot.plot(months, onprem, pen=pg.mkPen("#d62728", width=2), name=self.tr("on-prem (buy)"))
            self.plot.addItem(self.hoverable(months, onprem, [f"{int(m)}: {fmt_money(v, currency, lang)}" for m, v in zip(months, onprem, strict=True)], "#d62728", size=5))
        vals = [v for v in (*cloud, *onprem) if v is not None]
        if vals:  # money ticks (約500万円 / $3.4M) instead of pyqtgraph's 6e+06
            top = max(vals)
            step = 10 ** math.floor(math.log10(top / 4)) if top > 0 else 1
            for m in (1, 2, 5, 10):
                if top / (step * m) <= 6:
                    step *= m
                    break
            ticks = [(k * step, fmt_money(k * step, currency, lang, True)) for k in range(int(top // step) + 2)]
            self.plot.getAxis("left").setTicks([ticks, []])
            self.plot.getAxis("left").setWidth(78)
        if breakeven_months is not None and months and breakeven_months <= months[-1]:
            self.breakeven_line = pg.InfiniteLine(pos=breakeven_months, angle=90, pen=pg.mkPen("#404040", style=pg.QtCore.Qt.PenStyle.DashLine),
                                                  label=self.tr("break-even {0:.1f} months").format(breakeven_months),
                                                  labelOpts={"position": 0.85})
            self.plot.addItem(self.breakeven_line)
