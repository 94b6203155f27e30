"""Page breaks where a reader expects them (issue 19): a heading (or a lead-in paragraph ending in a
colon) is never left at the foot of a page without what it heads, a short section is not split over
two pages, and a table row is never cut in two (the table closes and opens again on the next page
with its header).

Qt's QTextDocument paginates line by line: it has no keep-with-next, and a row whose cells have
several lines is split across pages. So the document is laid out, the first such problem is found
from the layout's positions, the HTML is written again with a page break there
(app.present.html.Breaks), and so on until no problem remains. Each pass moves content only
downwards from the fix, so the passes end; a row or heading that cannot be helped (a row taller than
a page, a heading already at the top of one, a break that did not help) is left as it is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextDocument, QTextFrame, QTextTable

from app.present.html import Breaks, lead_in

MAX_PASSES = 40
SHORT_SECTION = 0.3  # a section shorter than this share of a page is kept on one page
TOP_SLACK_PX = 30  # a heading this close to the top of its page is already at the top
EPS = 1.0  # Qt places lines on a 1/64 px grid: a page that starts at 964.67 puts its first line at 964.66


def paginate(build: Callable[[Breaks], QTextDocument], page_h: float) -> QTextDocument:
    """The document ``build`` lays out, with the page breaks it needs; ``page_h``, the body's height."""
    headings: set[int] = set()
    rows: dict[int, set[int]] = {}
    doc = build(Breaks())
    for _ in range(MAX_PASSES):
        problem = first_problem(doc, page_h, rows, headings)
        if problem is None:
            break
        kind, key, row = problem
        if kind == "heading" and key not in headings:
            headings.add(key)
        elif kind == "row" and row not in rows.get(key, set()):
            rows.setdefault(key, set()).add(row)
        else:  # first_problem skips the breaks already made; a repeat would loop
            break
        doc = None  # type: ignore[assignment]  # free this layout before the next one is built (peak memory)
        doc = build(Breaks(headings, rows))
    return doc


def first_problem(doc: QTextDocument, page_h: float, splits: dict[int, set[int]] | None = None,
                  made: set[int] | None = None) -> tuple[str, int, int] | None:
    """The first stranded heading ("heading", its ordinal, 0) or split table row ("row", the table's
    ordinal, the body row), in document order; None when there is none. ``splits`` and ``made``, the
    row and heading breaks the document was written with (a table split at a row is two Qt tables):
    where one did not help (a heading before a figure taller than the rest of its page, say) the
    problem is left as it is and the search goes on after it."""
    lay = doc.documentLayout()
    splits, made = splits or {}, made or set()
    pieces = _pieces(splits)

    def page(y: float) -> int:  # of a top (a bottom is passed less EPS)
        return int((y + EPS) // page_h)

    heading = 0
    pending: tuple[int, float] | None = None  # a heading waiting for the first line after it
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame, blk = it.currentFrame(), it.currentBlock()
        if frame is not None:
            if pending is not None:
                if page(_first_bottom(lay, frame) - 2 * EPS) != page(pending[1]) and pending[0] not in made:
                    return ("heading", pending[0], 0)
                pending = None
            grids = [t for t in _tables(frame) if _is_grid(t)]
            places = [next(pieces) for _ in grids]
            if grids and grids[0] is frame and isinstance(frame, QTextTable):
                table, start = places[0]
                done = {r - start for r in splits.get(table, ())}  # breaks made in this piece, by its own rows
                row = _split_row(lay, frame, page_h, done)
                if row is not None:
                    return ("row", table, start + row)
        elif blk.isValid() and blk.text().strip():
            if pending is not None:
                # the heading keeps two lines of its paragraph (or all of a one-line one) on its page
                if page(_line_bottom(lay, blk, 1) - 2 * EPS) != page(pending[1]) and pending[0] not in made:
                    return ("heading", pending[0], 0)
                pending = None
            level = blk.blockFormat().headingLevel()
            if level in (2, 3) or (blk.textList() is None and lead_in(blk.text())):
                top = lay.blockBoundingRect(blk).top()
                if (top + EPS) % page_h > TOP_SLACK_PX:
                    end = _short_section_end(lay, blk, top + SHORT_SECTION * page_h) if level == 2 else None
                    if end is not None and page(end - 2 * EPS) != page(top) and heading not in made:
                        return ("heading", heading, 0)  # a short section is not split: it starts the next page
                    pending = (heading, top)
                heading += 1
        it += 1
    return None


def _short_section_end(lay, heading: QTextBlock, limit: float) -> float | None:
    """The bottom of the section a heading starts (up to the next h2 heading), or None when the
    section reaches below ``limit`` (too long to be kept together)."""
    bottom = lay.blockBoundingRect(heading).bottom()
    blk = heading.next()
    while blk.isValid() and blk.blockFormat().headingLevel() != 2:
        bottom = max(bottom, lay.blockBoundingRect(blk).bottom())
        if bottom > limit:
            return None
        blk = blk.next()
    return bottom


def _pieces(splits: dict[int, set[int]]):
    """For each Qt grid table in document order: (the Table block's ordinal, its first body row)."""
    k = 0
    while True:
        for start in [0, *sorted(splits.get(k, set()) - {0})]:
            yield k, start
        k += 1


def _tables(frame: QTextFrame) -> list[QTextFrame]:
    """The frame and the frames in it, in document order."""
    out = [frame]
    for child in frame.childFrames():
        out += _tables(child)
    return out


def _is_grid(frame: QTextFrame) -> bool:
    return isinstance(frame, QTextTable) and frame.format().headerRowCount() > 0


def _line_bottom(lay, blk: QTextBlock, n: int) -> float:
    rect = lay.blockBoundingRect(blk)
    tl = blk.layout()
    if tl is None or tl.lineCount() == 0:
        return rect.bottom()
    line = tl.lineAt(min(n, tl.lineCount() - 1) if n >= 0 else tl.lineCount() - 1)
    return rect.top() + line.rect().bottom()


def _line_top(lay, blk: QTextBlock) -> float:
    rect = lay.blockBoundingRect(blk)
    tl = blk.layout()
    return rect.top() + (tl.lineAt(0).y() if tl is not None and tl.lineCount() else 0.0)


def _row_span(lay, t: QTextTable, r: int) -> tuple[float, float]:
    """The top of the row's first line and the bottom of its last, over its cells."""
    tops, bottoms = [], []
    for c in range(t.columns()):
        cell = t.cellAt(r, c)
        tops.append(_line_top(lay, cell.firstCursorPosition().block()))
        bottoms.append(_line_bottom(lay, cell.lastCursorPosition().block(), -1))
    return min(tops), max(bottoms)


def _first_bottom(lay, frame: QTextFrame) -> float:
    """Where the first thing in a frame ends: a grid table's first body row; another table's first
    line in every cell of its first row (a column's chart moved to the next page counts)."""
    if isinstance(frame, QTextTable):
        hdr = frame.format().headerRowCount()
        if hdr and frame.rows() > hdr:
            return _row_span(lay, frame, hdr)[1]
        return max(_line_bottom(lay, frame.cellAt(0, c).firstCursorPosition().block(), 0)
                   for c in range(frame.columns()))
    return lay.frameBoundingRect(frame).top()


def _split_row(lay, t: QTextTable, page_h: float, made: set[int]) -> int | None:
    """The first body row that runs over a page boundary and would fit on a page of its own (``made``:
    whether a break before a body row was already asked for)."""
    hdr = t.format().headerRowCount()
    head_h = _row_span(lay, t, 0)[1] - _row_span(lay, t, 0)[0] if hdr else 0.0
    for r in range(hdr, t.rows()):
        top, bottom = _row_span(lay, t, r)
        if int((top + EPS) // page_h) == int((bottom - EPS) // page_h):
            continue
        if bottom - top > page_h - head_h - 2 * TOP_SLACK_PX:
            continue  # taller than a page: it has to be split
        if r == hdr and (lay.frameBoundingRect(t).top() + EPS) % page_h <= TOP_SLACK_PX:
            continue  # the table already starts a page
        if r - hdr in made:
            continue
        return r - hdr
    return None
