"""Issue 19, 4: published-run labels overlapped and were cut off at the plot's edge. Labels are
placed in pixels: none overlaps another or a point, none leaves the plot, a displaced one has a
leader line."""

from __future__ import annotations

import random

from app.ui.charts.labels import leader_end, place


def _overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_placed_labels_never_overlap_and_stay_inside():
    random.seed(7)
    pts = [(60 + i * 11 + random.random() * 25, 330 - i * 7 + random.random() * 25) for i in range(45)]
    sizes = [(random.randint(40, 140), 14) for _ in pts]
    bounds = (40.0, 10.0, 560.0, 360.0)
    spots = place(pts, sizes, bounds)
    boxes = [s[0] for s in spots if s]
    assert len(boxes) >= 15  # most of a dense cloud is still labelled
    for i, a in enumerate(boxes):
        assert bounds[0] <= a[0] and a[0] + a[2] <= bounds[0] + bounds[2]
        assert bounds[1] <= a[1] and a[1] + a[3] <= bounds[1] + bounds[3]
        assert not any(_overlap(a, b) for b in boxes[i + 1:])
        assert not any(_overlap(a, (x - 4, y - 4, 8, 8)) for x, y in pts)  # no label hides a point


def test_a_lone_point_is_labelled_next_to_it_and_a_crowded_one_gets_a_leader():
    spots = place([(100, 100)], [(50, 12)], (0, 0, 400, 300))
    box, leader = spots[0]
    assert not leader and abs(box[0] - 105) < 1e-9  # just right of the point, no line
    # a point inside a tight cluster: no free place beside it, so its label moves out with a line
    grid = [(200 + 9 * i, 150 + 9 * j) for i in range(5) for j in range(5)]
    centre = grid.index((218, 168))
    spots = place(grid, [(50, 12)] * len(grid), (0, 0, 500, 400), order=[centre])
    box, leader = spots[centre]
    assert leader
    end = leader_end(grid[centre], box)
    assert box[0] <= end[0] <= box[0] + box[2] and box[1] <= end[1] <= box[1] + box[3]


def test_the_chart_places_its_labels_for_the_size_it_is_drawn_at(qapp):
    """On screen and in the PDF (drawn offscreen at 660 x 380): the labels' rectangles in the scene
    do not overlap and lie inside the plot area; the plan is always labelled."""
    from app.catalog.repository import default_catalog
    from app.planning.outcome import _runs
    from app.ui.charts.runs import RunsChart
    from app.ui.report.pdf import _render

    runs = [(r.name, r.flops, r.gpu_hours) for r in _runs(default_catalog())]
    chart = RunsChart()
    chart.set_data(runs, ("this plan", 3e21, 2e4))
    _render(chart, 660, 380)
    rects = [t.sceneBoundingRect() for t in chart.labels]
    area = chart.plot.getViewBox().sceneBoundingRect()
    assert len(rects) >= 10 and chart.labels[0].textItem.toPlainText() == "this plan"
    for i, a in enumerate(rects):
        assert area.adjusted(-1, -1, 1, 1).contains(a)
        assert not any(a.intersects(b) for b in rects[i + 1:])
