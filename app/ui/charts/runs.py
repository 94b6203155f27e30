"""This plan among published training runs: compute (6·N·D) against GPU-hours, log–log, labelled.

Labels are placed in pixels (app.ui.charts.labels) whenever the plot's size or range changes: none
overlaps another or a point, none leaves the plot, a label set apart from its point has a leader
line, and a run with no free place keeps its hover text only."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QTimer

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
        self._texts: list[pg.TextItem] = []  # one per point, made once per set_data and moved after
        self._sizes: list[tuple[float, float]] = []
        self._leaders = pg.PlotCurveItem(pen=pg.mkPen(LEADER_COLOR, width=1), connect="pairs")
        self._points: list[tuple[str, float, float, str]] = []  # (label, log10 x, log10 y, colour)
        self._quiet = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.relabel)
        vb = self.plot.getViewBox()
        vb.sigResized.connect(self._schedule)
        vb.sigRangeChanged.connect(self._schedule)

    def _schedule(self, *_args) -> None:
        """Resizing and zooming emit several signals in a row: place the labels once, after them."""
        if not self._quiet:
            self._timer.start(0)

    def set_data(self, runs: list[tuple[str, float, float]], plan_point: tuple[str, float, float] | None) -> None:
        """``runs``: (label, FLOPs, GPU-hours) of published runs; ``plan_point`` the same for this plan."""
        self._quiet = True
        try:
            self.plot.clear()
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
            same = [(p[0], p[3]) for p in points] == [(p[0], p[3]) for p in self._points]
            self._points = points
            if not same:  # the same runs (every later plan): keep the labels, only their places change
                self._texts = [pg.TextItem(label, color=color, anchor=(0, 0)) for label, _, _, color in points]
                self._sizes = [(t.textItem.boundingRect().width(), t.textItem.boundingRect().height()) for t in self._texts]
            for t in self._texts:
                t.hide()
                self.plot.addItem(t, ignoreBounds=True)
            self.plot.addItem(self._leaders, ignoreBounds=True)
            self._fix_range()
        finally:
            self._quiet = False
        self._timer.start(0)  # once the chart has its size (the PDF places them in before_export)

    def _fix_range(self) -> None:
        """An explicit range (the data, padded for labels) so pixels map to data before the first paint."""
        if not self._points:
            return
        xs = [p[1] for p in self._points]
        ys = [p[2] for p in self._points]
        self.plot.setRange(xRange=(min(xs) - 0.4, max(xs) + 0.4), yRange=(min(ys) - 0.5, max(ys) + 0.6), padding=0)

    def before_export(self) -> None:
        """The PDF draws the chart offscreen at a new size: lay it out and place the labels for it."""
        self._quiet = True
        try:
            self.view.ci.layout.activate()
        finally:
            self._quiet = False
        self.relabel()

    def relabel(self, *_args) -> None:
        self._timer.stop()
        vb = self.plot.getViewBox()
        self.labels = []
        rect = vb.sceneBoundingRect()
        for t in self._texts:
            t.hide()
        self._leaders.setData([], [])
        if not self._points or rect.width() < 50 or rect.height() < 50:
            return
        scene = [vb.mapViewToScene(QPointF(x, y)) for _, x, y, _ in self._points]
        spots = place([(p.x(), p.y()) for p in scene], self._sizes, (rect.left(), rect.top(), rect.width(), rect.height()))
        lx: list[float] = []
        ly: list[float] = []
        for text, spot, (_, x, y, _), p in zip(self._texts, spots, self._points, scene, strict=True):
            if spot is None:
                continue
            box, leader = spot
            at = vb.mapSceneToView(QPointF(box[0], box[1]))
            text.setPos(at.x(), at.y())
            text.show()
            self.labels.append(text)
            if leader:
                end = vb.mapSceneToView(QPointF(*leader_end((p.x(), p.y()), box)))
                lx += [x, end.x()]
                ly += [y, end.y()]
        self._leaders.setData(lx, ly, connect="pairs")
