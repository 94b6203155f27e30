"""A plot with hover values and PNG/SVG export, the base of every chart in the wizard."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.present.palette import COLOURS

pg.setConfigOptions(antialias=True, foreground="#202020", background="w")
LEGEND_TEXT = "9pt"

PALETTE = COLOURS  # app.present.palette: the PDF names them in words


def log10(v: float) -> float:
    return math.log10(v) if v and v > 0 else 0.0


def nice_log_ticks(lo: float, hi: float, fmt=None) -> list[tuple[float, str]]:
    """1-2-5 ticks between lo and hi for a log axis, as (log10 position, label): pyqtgraph's own log
    ticks crowd into overlapping '2·10¹ 3·10¹ …' labels. A range of less than a decade gets finer
    steps (1, 1.5, 2, 3, 4, 5, 7), so an axis never has a single label."""
    if not (lo > 0 and hi > 0):
        return []
    fmt = fmt or (lambda v: f"{v:,.0f}" if v >= 1 else f"{v:g}")

    def ticks(mantissas) -> list[tuple[float, str]]:
        out = []
        e = math.floor(math.log10(lo))
        while 10 ** e <= hi * 1.0001:
            for m in mantissas:
                v = m * 10 ** e
                if lo / 1.0001 <= v <= hi * 1.0001:
                    out.append((math.log10(v), fmt(v)))
            e += 1
        return out

    out = ticks((1, 2, 5))
    if len(out) < 3:
        out = ticks((1, 1.5, 2, 3, 4, 5, 7))
    if len(out) > 8:  # too many: keep the decades
        out = [t for t in out if abs(10 ** t[0] / 10 ** round(t[0]) - 1) < 1e-6] or out
    return out


class ChartPanel(QWidget):
    """One or more PlotItems in a GraphicsLayoutWidget, a hover readout and export buttons."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setMinimumHeight(260)
        self.readout = QLabel(" ")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setWordWrap(True)
        png = QPushButton(self.tr("Save PNG…"))
        svg = QPushButton(self.tr("Save SVG…"))
        png.clicked.connect(lambda: self._ask_export("png"))
        svg.clicked.connect(lambda: self._ask_export("svg"))
        bar = QHBoxLayout()
        bar.addWidget(self.readout, 1)
        bar.addWidget(png)
        bar.addWidget(svg)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addLayout(bar)

    _pending: tuple | None = None

    def set_data(self, *args, **kwargs) -> None:
        """Draw the chart's data (each chart defines what it takes)."""
        raise NotImplementedError

    def show_data(self, *args, **kwargs) -> None:
        """``set_data(*args, **kwargs)`` now if the chart is on screen, else when it is next shown: a
        chart on a hidden tab costs nothing per edit (each redraw is 20-35 ms of GUI thread)."""
        self._pending = (args, kwargs)
        if self.isVisible():
            self.flush()

    def flush(self) -> None:
        """Draw the data last given to ``show_data`` if it is not drawn yet."""
        if self._pending is not None:
            args, kwargs = self._pending
            self._pending = None
            self.set_data(*args, **kwargs)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.flush()
        super().showEvent(event)

    def hoverable(self, xs, ys, tips: list[str], color: str, symbol: str = "o", size: int = 8,
                  item: pg.ScatterPlotItem | None = None) -> pg.ScatterPlotItem:
        """Points that show their value on hover (tooltip and the readout line). Given ``item``, its
        points are replaced in place (cheaper than a new item in the scene)."""
        spots = [{"pos": (x, y), "data": t} for x, y, t in zip(xs, ys, tips, strict=True)]
        opts = dict(spots=spots, hoverable=True, tip=None, symbol=symbol, size=size, brush=pg.mkBrush(color),
                    pen=pg.mkPen("w", width=0.5), hoverSize=size + 4, hoverBrush=pg.mkBrush("#000000"))
        if item is not None:
            item.setData(**opts)
            return item
        item = pg.ScatterPlotItem(**opts)
        item.sigHovered.connect(self._on_hovered)
        return item

    def _on_hovered(self, item, points, ev) -> None:
        if len(points):
            self.readout.setText(str(points[0].data()))
            self.view.setToolTip(str(points[0].data()))

    def plots(self) -> list[pg.PlotItem]:
        return [i for i in self.view.ci.items if isinstance(i, pg.PlotItem)]

    def legends(self) -> list[pg.LegendItem]:
        """The chart's legends (the PDF enlarges their labels for print)."""
        return [p.legend for p in self.plots() if getattr(p, "legend", None) is not None]

    def export(self, path: str) -> None:
        """Write the whole chart to PNG or SVG (by extension), all or nothing: drawn into memory,
        then app.fileio.write_atomic (OSError when it cannot be written; an old file is kept).

        SVG goes through Qt's QSvgGenerator: pyqtgraph 0.14's SVGExporter fails on the path syntax
        Qt 6.12 writes ("not enough values to unpack")."""
        from PySide6.QtCore import QBuffer, QIODevice

        from app.fileio import write_atomic

        self.flush()
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if path.lower().endswith(".svg"):
            from PySide6.QtCore import QRectF
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator

            scene = self.view.scene()
            rect = QRectF(self.view.rect())
            gen = QSvgGenerator()
            gen.setOutputDevice(buf)
            gen.setSize(rect.size().toSize())
            gen.setViewBox(rect)
            gen.setTitle(self.readout.text() or "LLM GPU Planner chart")
            painter = QPainter(gen)
            scene.render(painter, rect, rect)
            painter.end()
        else:
            import pyqtgraph.exporters as ex

            exporter = ex.ImageExporter(self.view.scene())
            exporter.parameters()["width"] = max(800, self.view.width())
            if not exporter.export(toBytes=True).save(buf, "PNG"):
                raise OSError("the chart could not be encoded as PNG")
        data = bytes(buf.data().data())
        buf.close()
        write_atomic(path, data)

    def _ask_export(self, ext: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), self.tr("chart") + f".{ext}",
                                              f"{ext.upper()} (*.{ext})")
        if path:
            try:
                self.export(path)
            except OSError as e:
                from PySide6.QtWidgets import QMessageBox

                from app.present.text.messages import write_failed_message

                QMessageBox.warning(self, self.tr("Export chart"), write_failed_message(path, e))
