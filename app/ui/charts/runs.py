"""This plan among published training runs: compute (6·N·D) against GPU-hours, log–log, labelled.

Labels are placed in pixels (app.ui.charts.labels) whenever the plot's size or range changes: none
overlaps another or a point, none leaves the plot, a label set apart from its point has a leader
line, and a run with no free place keeps its hover text only."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF

from app.present.text.format import fmt_count, fmt_flops
from app.ui.charts.base import ChartPanel, log10
from app.ui.charts.labels import leader_end, place

RUN_COLOR, PLAN_COLOR, LEADER_COLOR = "#505050", "#d62728", "#a0a0a0"


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
        self.labels: list[pg.TextItem] = []  # the labels placed, the plan's first
        self._label_items: list = []
        self._points: list[tuple[str, float, float, str]] = []  # (label, log10 x, log10 y, colour)
        vb = self.plot.getViewBox()
        vb.sigResized.connect(self.relabel)
        vb.sigRangeChanged.connect(self.relabel)

    def set_data(self, runs: list[tuple[str, float, float]], plan_point: tuple[str, float, float] | None) -> None:
        """``runs``: (label, FLOPs, GPU-hours) of published runs; ``plan_point`` the same for this plan."""
        self.plot.clear()
        self._label_items = []
        xs = [r[1] for r in runs]
        ys = [r[2] for r in runs]
        self.runs_item = self.plot.plot(xs, ys, pen=None, symbol="o", symbolSize=6, symbolBrush="#7f7f7f")
        self.plot.addItem(self.hoverable([log10(x) for x in xs], [log10(y) for y in ys],
                                         [f"{r[0]}: {fmt_flops(r[1])} FLOP, {fmt_count(r[2])} GPU-h" for r in runs], "#7f7f7f", size=6))
        self.plan_item = None
        points = []
        if plan_point:
            label, x, y = plan_point
            self.plan_item = self.plot.plot([x], [y], pen=None, symbol="star", symbolSize=18, symbolBrush=PLAN_COLOR)
            points.append((label, log10(x), log10(y), PLAN_COLOR))
        # the plan first, then the largest runs: the ends of the line are what a reader looks for
        points += [(r[0], log10(r[1]), log10(r[2]), RUN_COLOR) for r in sorted(runs, key=lambda r: -r[1])]
        self._points = points
        self._fix_range()
        self.relabel()

    def _fix_range(self) -> None:
        """An explicit range (the data, padded for labels) so pixels map to data before the first paint."""
        if not self._points:
            return
        xs = [p[1] for p in self._points]
        ys = [p[2] for p in self._points]
        self.plot.setRange(xRange=(min(xs) - 0.4, max(xs) + 0.4), yRange=(min(ys) - 0.5, max(ys) + 0.6), padding=0)

    def before_export(self) -> None:
        """The PDF draws the chart offscreen at a new size: lay it out and place the labels for it."""
        self.view.ci.layout.activate()
        self.relabel()

    def relabel(self, *_args) -> None:
        vb = self.plot.getViewBox()
        for item in self._label_items:
            self.plot.removeItem(item)
        self._label_items, self.labels = [], []
        rect = vb.sceneBoundingRect()
        if not self._points or rect.width() < 50 or rect.height() < 50:
            return
        texts = [pg.TextItem(label, color=color, anchor=(0, 0)) for label, _, _, color in self._points]
        sizes = [(t.textItem.boundingRect().width(), t.textItem.boundingRect().height()) for t in texts]
        scene = [vb.mapViewToScene(QPointF(x, y)) for _, x, y, _ in self._points]
        spots = place([(p.x(), p.y()) for p in scene], sizes, (rect.left(), rect.top(), rect.width(), rect.height()))
        for text, spot, (_, x, y, _), p in zip(texts, spots, self._points, scene, strict=True):
            if spot is None:
                continue
            box, leader = spot
            at = vb.mapSceneToView(QPointF(box[0], box[1]))
            text.setPos(at.x(), at.y())
            self.plot.addItem(text, ignoreBounds=True)
            self._label_items.append(text)
            self.labels.append(text)
            if leader:
                end = vb.mapSceneToView(QPointF(*leader_end((p.x(), p.y()), box)))
                line = pg.PlotCurveItem([x, end.x()], [y, end.y()], pen=pg.mkPen(LEADER_COLOR, width=1))
                self.plot.addItem(line, ignoreBounds=True)
                self._label_items.append(line)
