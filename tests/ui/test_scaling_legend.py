"""Issue 19, 4: which line is which. On screen the scaling chart has a legend row under both plots
(anchored inside the time plot, the legend of long "plan: GPU" names covered it, or left the image);
the PDF says it in words under the figure, and the exported image keeps its plots' size."""

from __future__ import annotations

from types import SimpleNamespace

from app.present.palette import COLOURS, line_key
from app.ui.charts.base import PALETTE, nice_log_ticks


def _pt(count, fits=True):
    return SimpleNamespace(count=count, fits=fits, duration_s=86400.0 / count, job_s=86400.0 / count, cloud=100.0 * count,
                           onprem=None)


def test_the_caption_names_each_drawn_line_by_its_colour():
    series = {"Plan A: H100": [_pt(1), _pt(2)], "Plan B: A100": [_pt(1, fits=False)], "Plan C: L40S": [_pt(4)]}
    assert line_key(series) == "Lines: blue, Plan A: H100; red, Plan C: L40S."  # B draws nothing
    assert PALETTE[:2] == COLOURS[:2] == ("#1f77b4", "#d62728")  # the chart's colours are the ones named


def test_the_legend_row_names_the_series_and_survives_an_export(qapp):
    from app.ui.charts.scaling import ScalingChart
    from app.ui.report.pdf import _render

    chart = ScalingChart()
    series = {"Plan A: H100": [_pt(1), _pt(2)], "Plan C: L40S": [_pt(4)]}
    chart.set_data(series, training=True, deadline_s=None, budget=None, currency="USD", lang="en")
    assert [lab.text for _, lab in chart.time_legend.items] == list(series)
    _render(chart, 660, 330)
    assert chart.time_legend.scene() is chart.view.scene()  # back on screen after the export


def test_a_narrow_log_axis_still_gets_several_labels():
    """A cost axis from $95 to $400 printed a single "$200" (1-2-5 steps only)."""
    ticks = nice_log_ticks(95, 400)
    assert [t[1] for t in ticks] == ["100", "150", "200", "300", "400"]
    assert [t[1] for t in nice_log_ticks(1, 1e4)] == ["1", "10", "100", "1,000", "10,000"]
