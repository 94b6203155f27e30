"""Memory per GPU by component against the GPU's VRAM."""

from __future__ import annotations

import pyqtgraph as pg

from app.present.text.format import fmt_bytes
from app.ui.charts.base import LEGEND_TEXT, PALETTE, ChartPanel

COMPONENTS = ("weights", "gradients", "optimizer", "activations", "logits", "buffers", "kv_cache", "overhead")


class MemoryChart(ChartPanel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.view.addPlot()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("left", "GiB")
        self.legend = self.plot.addLegend(offset=(10, 10), labelTextSize=LEGEND_TEXT)
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.capacity_line: pg.InfiniteLine | None = None
        self.names = {
            "weights": self.tr("weights"), "gradients": self.tr("gradients"), "optimizer": self.tr("optimizer states"),
            "activations": self.tr("activations"), "kv_cache": self.tr("KV cache"), "overhead": self.tr("overhead"),
            "logits": self.tr("loss (logits)"), "buffers": self.tr("communication buffers"),
        }

    def set_data(self, breakdown: dict[str, float], capacity_bytes: float) -> None:
        self.plot.clear()
        self.legend.clear()
        self.bars = {}
        base = 0.0
        gib = 1024.0**3
        ax = self.plot.getAxis("bottom")
        ax.setTicks([[(0, self.tr("per GPU"))]])
        for i, key in enumerate(COMPONENTS):
            v = breakdown.get(key, 0.0) / gib
            if v <= 0:
                continue
            bar = pg.BarGraphItem(x=[0], height=[v], y0=[base], width=0.6, brush=PALETTE[i % len(PALETTE)])
            self.plot.addItem(bar)
            self.legend.addItem(bar, f"{self.names[key]} {fmt_bytes(v * gib)}")
            self.bars[key] = bar
            base += v
        self.capacity_line = pg.InfiniteLine(pos=capacity_bytes / gib, angle=0, pen=pg.mkPen("#b00020", width=2),
                                             label=self.tr("VRAM {0}").format(fmt_bytes(capacity_bytes)),
                                             labelOpts={"position": 0.8, "color": "#b00020"})
        self.plot.addItem(self.capacity_line)
        self.plot.setYRange(0, max(base, capacity_bytes / gib) * 1.1)
        self.plot.setXRange(-1, 1.5)
        self.readout.setText(self.tr("{0} of {1} per GPU").format(fmt_bytes(base * gib), fmt_bytes(capacity_bytes)))

    def stacked_total_gib(self) -> float:
        return sum(float(b.opts["height"][0]) for b in self.bars.values())
