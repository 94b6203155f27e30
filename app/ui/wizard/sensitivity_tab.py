"""The result page's "What moves it" tab: the tornado of the recommendation's cost, the swings and
flip points as text, and what-if sliders for the assumptions people most often doubt (hours of use
per day, the cloud price, the utilisation). A slider edits the plan like any field: the session
plans again and every chart follows."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.charts.tornado import TornadoChart
from app.ui.workers import run_in_background


class SensitivityTab(QWidget):
    def __init__(self, session, lang_fn, parent=None):
        super().__init__(parent)
        self.session, self.lang = session, lang_fn
        self.chart = TornadoChart()
        self.text = QTextBrowser()
        self.text.setMaximumHeight(160)
        box = QGroupBox(self.tr("What if"))
        form = QFormLayout(box)
        self.hours = self._slider(1, 24, self.tr("Hours of use per day"))
        self.cloud = self._slider(10, 300, self.tr("Cloud price, % of the catalog's"))
        self.mfu = self._slider(5, 70, self.tr("Utilisation (MFU), %"))
        self.labels = {s: QLabel() for s in (self.hours, self.cloud, self.mfu)}
        for text, s in ((self.tr("Hours per da&y"), self.hours), (self.tr("C&loud price"), self.cloud),
                        (self.tr("&Utilisation (MFU)"), self.mfu)):
            row = QHBoxLayout()
            row.addWidget(s, 1)
            row.addWidget(self.labels[s])
            lab = QLabel(text)
            lab.setBuddy(s)
            form.addRow(lab, row)
        self.reset = QPushButton(self.tr("&Reset what-if"))
        self.reset.setToolTip(self.tr("Back to the catalog's prices, round-the-clock use and the calibrated utilisation"))
        form.addRow(self.reset)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.chart, 3)
        top.addWidget(box, 2)
        lay.addLayout(top, 1)
        lay.addWidget(self.text)
        self.base_cloud: float | None = None  # the catalog's price per GPU-hour, what 100% means
        self.hours.valueChanged.connect(lambda v: self._set("hours_per_day", float(v)))
        self.cloud.valueChanged.connect(self._on_cloud)
        self.mfu.valueChanged.connect(lambda v: self._set("mfu", v / 100.0))
        self.reset.clicked.connect(self._reset)

    def _slider(self, lo: int, hi: int, name: str) -> QSlider:
        s = QSlider(Qt.Orientation.Horizontal)
        s.setRange(lo, hi)
        s.setAccessibleName(name)
        s.setToolTip(name)
        s.setTracking(True)  # the plan follows while dragging
        return s

    def _set(self, field: str, value) -> None:
        if self.session.draft.get(field) != value:
            self.session.update(**{field: value})

    def _on_cloud(self, pct: int) -> None:
        if self.base_cloud is not None:
            self._set("cloud_price", round(self.base_cloud * pct / 100.0, 6))

    def _reset(self) -> None:
        self.session.update(hours_per_day=None, cloud_price=None, mfu=None)

    def show_result(self, result) -> None:
        """A new plan: the sliders follow at once; the sensitivity is computed (off the GUI thread)
        when this tab is on screen, now or when it is next shown."""
        self._result = result
        self._sliders(result.outcome)
        if self.isVisible():
            self._refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.session.want_sensitivity = True
        if getattr(self, "_result", None) is not None and getattr(self, "_drawn", None) is not self._result:
            self._refresh()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.session.want_sensitivity = False

    def _refresh(self) -> None:
        from app.planning.outcome import with_sensitivity

        result = self._result
        self._drawn = result
        out = result.outcome
        if out.sensitivity is not None:
            self._draw(out)
            return
        catalog = self.session.catalog
        self._job = run_in_background(lambda: with_sensitivity(out, catalog),
                                      lambda done: self._draw(done) if self._result is result else None,
                                      lambda message: self.text.setPlainText(message))

    def _draw(self, out) -> None:
        from app.present.sensitivity import flip_lines, swing_rows

        lang = self.lang()
        s, best = out.scenario, out.best
        rows = swing_rows(out, lang)
        from app.core.cost import relevant_cost

        base = relevant_cost(s, best.cost.cloud, best.cost.onprem, owned=bool(s.own.get(best.gpu))) if best else None
        self.chart.show_data([(r.name, r.cost_values[0], r.cost_values[1]) for r in rows if r.cost_values[0] != r.cost_values[1]],
                             base, s.currency, lang)
        html = ["<table>"] + [f"<tr><td><b>{escape(r.name)}</b></td><td>{escape(r.low)} → {escape(r.high)}</td>"
                              f"<td>{escape(r.time)}</td><td>{escape(r.cost)}</td></tr>" for r in rows] + ["</table>"]
        flips = flip_lines(out, lang)
        if flips:
            html.append("<p><b>" + escape(self.tr("What would change the decision:")) + "</b></p><ul>")
            html += [f"<li>{escape(x)}</li>" for x in flips] + ["</ul>"]
        self.text.setHtml("".join(html))

    def _sliders(self, out) -> None:
        """The sliders show the plan's values without editing it."""
        from app.present.text.format import fmt_money

        s, best, lang = out.scenario, out.best, self.lang()
        if s.cloud_price is None and best is not None:
            self.base_cloud = best.cost.cloud_price_per_gpu_hour
        for slider, value in ((self.hours, round(s.hours_per_day)),
                              (self.cloud, round(100 * (s.cloud_price / self.base_cloud)) if s.cloud_price is not None and self.base_cloud else 100),
                              (self.mfu, round(100 * (s.mfu if s.mfu is not None else (best.mfu if best and best.mfu else 0.3))))):
            slider.blockSignals(True)
            slider.setValue(int(value))
            slider.blockSignals(False)
        self.cloud.setEnabled(self.base_cloud is not None)
        self.mfu.setEnabled(s.is_training)
        self.labels[self.hours].setText(f"{self.hours.value()} h")
        self.labels[self.cloud].setText(fmt_money(self.base_cloud * self.cloud.value() / 100.0, s.currency, lang)
                                        if self.base_cloud else "–")
        self.labels[self.mfu].setText(f"{self.mfu.value()}%" if s.is_training else "–")
