"""Issue 19: PDF legends printed at 2-3 pt. The exporter enlarges the scene to CHART_WIDTH_PX but not
the legend's HTML labels, so the report scales them for the export: printed, they match 9 pt text
on screen (CHART_WIDTH_PX / scene width), and the chart on screen keeps 9 pt afterwards."""

from __future__ import annotations

import re


def test_legend_labels_are_enlarged_for_the_printed_image_and_restored(qapp, monkeypatch):
    import pyqtgraph.exporters as ex

    from app.ui.charts.memory import MemoryChart
    from app.ui.report import pdf

    chart = MemoryChart()
    chart.set_data({"weights": 15e9, "activations": 1e8, "kv_cache": 18e9, "overhead": 4e9}, 80e9)
    labels = [lab for _, lab in chart.plot.legend.items]
    assert labels
    seen: list[float] = []
    real = ex.ImageExporter.export

    def spy(self, *a, **k):
        seen.extend(float(re.search(r"([\d.]+)pt", lab.opts["size"]).group(1)) for lab in labels)
        return real(self, *a, **k)

    monkeypatch.setattr(ex.ImageExporter, "export", spy)
    pdf._render(chart, 400, 380)
    factor = pdf.CHART_WIDTH_PX / 400
    assert seen and min(seen) == max(seen) == round(pdf.LEGEND_PT * factor, 1)
    # printed 360 px wide at 96 dpi (the report's memory figure): the text is 9 pt x 360 / 400 >= 8 pt
    assert pdf.LEGEND_PT * 360 / 400 >= 8
    assert all(lab.opts["size"] == f"{pdf.LEGEND_PT}pt" for lab in labels)
