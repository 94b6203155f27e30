"""Label placement for scatter charts (issue 19: published-run labels overlapped and were cut off).

Pure geometry in pixels, no Qt: greedy, in priority order, each label takes the first candidate box
around its point that stays inside the plot and overlaps no other label and no point; candidates
further out are joined to their point by a leader line; a label with no free place is left out (the
point keeps its hover text). Used by app.ui.charts.runs on screen and in the PDF."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

Box = tuple[float, float, float, float]  # left, top, width, height (y grows downwards)

# (dx, dy) directions tried around a point: beside it first, then above and below
_DIRS = ((1, -1), (-1, -1), (1, 1), (-1, 1), (1, 0), (-1, 0), (0, -1), (0, 1))
RINGS = (0.0, 1.2, 2.6, 4.2)  # distance steps (in label heights) beyond the first ring


def _overlap(a: Box, b: Box, pad: float = 1.0) -> bool:
    return a[0] < b[0] + b[2] + pad and b[0] < a[0] + a[2] + pad and a[1] < b[1] + b[3] + pad and b[1] < a[1] + a[3] + pad


def _candidates(p: tuple[float, float], size: tuple[float, float], gap: float):
    (px, py), (w, h) = p, size
    for ring in RINGS:
        d = gap + ring * h
        for dx, dy in _DIRS:
            left = px + d if dx > 0 else px - d - w if dx < 0 else px - w / 2
            top = py - d - h if dy < 0 else py + d if dy > 0 else py - h / 2
            yield (left, top, w, h), ring > 0


def place(points: Sequence[tuple[float, float]], sizes: Sequence[tuple[float, float]], bounds: Box,
          order: Sequence[int] | None = None, gap: float = 5.0, marker: float = 4.0) -> list[tuple[Box, bool] | None]:
    """For each point, (its label's box, whether it needs a leader line) or None (left out)."""
    markers = sorted((x - marker, y - marker, 2 * marker, 2 * marker) for x, y in points)
    lefts = [m[0] for m in markers]
    placed: list[Box] = []

    def near_markers(box: Box) -> list[Box]:  # those whose left edge is within reach (sorted by x)
        return markers[bisect_left(lefts, box[0] - 2 * marker):bisect_right(lefts, box[0] + box[2])]

    out: list[tuple[Box, bool] | None] = [None] * len(points)
    bx, by, bw, bh = bounds
    for i in order if order is not None else range(len(points)):
        for box, leader in _candidates(points[i], sizes[i], gap):
            if box[0] < bx or box[1] < by or box[0] + box[2] > bx + bw or box[1] + box[3] > by + bh:
                continue
            if any(_overlap(box, b) for b in placed) or any(_overlap(box, m, 0.0) for m in near_markers(box)):
                continue
            if leader and _crosses(points[i], leader_end(points[i], box), placed):
                continue  # a leader line through another label reads as pointing at it
            placed.append(box)
            out[i] = (box, leader)
            break
    return out


def _crosses(a: tuple[float, float], b: tuple[float, float], boxes: Sequence[Box]) -> bool:
    """Whether the segment a–b passes through any of the boxes (sampled every few pixels)."""
    n = max(2, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / 3))
    for k in range(1, n):
        x, y = a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n
        if any(bx <= x <= bx + bw and by <= y <= by + bh for bx, by, bw, bh in boxes):
            return True
    return False


def leader_end(point: tuple[float, float], box: Box) -> tuple[float, float]:
    """Where a leader line from the point meets its label: the nearest point of the box."""
    x = min(max(point[0], box[0]), box[0] + box[2])
    y = min(max(point[1], box[1]), box[1] + box[3])
    return x, y
