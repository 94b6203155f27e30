"""A tornado chart: the recommended configuration's cost with each assumption at the low and the high
end of its range, widest first, about a line at the plan's own cost."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from app.present.text.format import fmt_money
from app.ui.charts.base import PALETTE, ChartPanel


class TornadoChart(ChartPanel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.view.addPlot()
        self.plot.showGrid(x=True, alpha=0.25)
        self.order: list[str] = []  # the assumptions top to bottom, as drawn

    def set_data(self, rows: list[tuple[str, float | None, float | None]], base: float | None, currency: str,
                 lang: str) -> None:
        """``rows``: (name, cost at the low end, cost at the high end), widest first (drawn at the top)."""
        self.plot.clear()
        rows = [r for r in rows if r[1] is not None and r[2] is not None]
        self.order = [r[0] for r in rows]
        if not rows or base is None:
            self.readout.setText(self.tr("Nothing uncertain moves this plan's cost."))
            return
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]  # the widest at the top
        lows = [min(float(r[1]), float(r[2])) for r in rows]  # type: ignore[arg-type]
        highs = [max(float(r[1]), float(r[2])) for r in rows]  # type: ignore[arg-type]
        down = pg.BarGraphItem(x0=[min(lo, base) for lo in lows], x1=[base] * n, y=ys, height=0.6, brush=PALETTE[0])
        up = pg.BarGraphItem(x0=[base] * n, x1=[max(hi, base) for hi in highs], y=ys, height=0.6, brush=PALETTE[1])
        self.plot.addItem(down)
        self.plot.addItem(up)
        self.plot.addItem(pg.InfiniteLine(pos=base, angle=90, pen=pg.mkPen("#404040", width=1.5)))
        left = self.plot.getAxis("left")
        left.setTicks([[(y, r[0]) for y, r in zip(ys, rows, strict=True)]])
        # the names' width, set now: an offscreen render (the PDF) exports before the axis would
        # widen itself, and printed the bars without their names
        metrics = QFontMetrics(left.style.get("tickFont") or self.font())
        left.setWidth(max(metrics.horizontalAdvance(r[0]) for r in rows) + 18)
        lo, hi = min(lows + [base]), max(highs + [base])
        span = (hi - lo) or abs(base) or 1.0
        ticks = [lo + span * k / 4 for k in range(5)]
        self.plot.getAxis("bottom").setTicks([[(t, fmt_money(t, currency, lang, compact=True)) for t in ticks]])
        self.plot.setXRange(lo - span * 0.05, hi + span * 0.05)
        self.plot.setYRange(-0.7, n - 0.3)
        self.readout.setText(self.tr("Cost of the recommendation: {0}; each bar is one assumption across its range, blue to its cheaper end, red to its dearer end.").format(
            fmt_money(base, currency, lang)))
