"""ReportDocument -> HTML for Qt's QTextDocument (the PDF writer lays it out). Every text is escaped;
figures become ``<img src="chart://name">`` resources the Qt layer renders from the figure's data."""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Mapping
from contextvars import ContextVar
from typing import Any

from app.present.document import (
    Bullets,
    Columns,
    Figure,
    Heading,
    Inline,
    KeyValues,
    Paragraph,
    ReportDocument,
    Run,
    Table,
)

STYLE = """
body { font-family: '%(font)s'; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 20pt; color: #0b3d91; margin-bottom: 2pt; }
h2 { font-size: 13.5pt; color: #0b3d91; margin-top: 16pt; margin-bottom: 4pt; border-bottom: 1px solid #0b3d91; }
h3 { font-size: 11pt; color: #303030; margin-top: 10pt; margin-bottom: 2pt; }
p { margin-top: 3pt; margin-bottom: 3pt; }
.sub { color: #555555; font-size: 9pt; }
.verdict-ok { font-size: 13pt; font-weight: bold; color: #1b5e20; }
.verdict-no { font-size: 13pt; font-weight: bold; color: #b00020; }
table.grid { border-collapse: collapse; }
table.grid th { background-color: #e8eef8; color: #0b3d91; font-weight: bold; text-align: left; border-bottom: 1px solid #9fb3d9; }
table.grid td { border-bottom: 1px solid #dddddd; vertical-align: top; }
table.kv td { padding: 2pt 6pt 2pt 0pt; vertical-align: top; }
table.box { background-color: #f3f6fb; border: 1px solid #c5d3ea; }
.num { text-align: right; }
.small { font-size: 8.5pt; color: #444444; }
"""


_JAPANESE: ContextVar[bool] = ContextVar("japanese", default=False)
WJ = "\u2060"  # WORD JOINER: no line break here (UAX #14), no glyph, not in the copied text
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc-\u30ff]{2,}")  # a katakana word (・ stays a break)
_NUMBER_UNIT = re.compile(r"\d(?:[万億兆]?円|[万億兆]|か月|時間|日|年|枚|台|分|秒)")
_NUMBER_LATIN_UNIT = re.compile(r"(\d) (?=[A-Za-z%日時年か枚台分秒])")


def keep_words(text: str) -> str:
    """Japanese line breaking for narrow table cells (JIS X 4051's unbreakable units): Qt may break
    between any two kana, so "クラウドでレンタル" wrapped as "…レンタ" / "ル" and "約37.5万円" as
    "万" / "円". Word joiners hold katakana words and numbers with their units together; a space
    between a number and its unit ("0.9 kW", "14.6 日") becomes a no-break space."""
    text = _KATAKANA.sub(lambda m: WJ.join(m.group(0)), text)
    text = _NUMBER_UNIT.sub(lambda m: WJ.join(m.group(0)), text)
    return _NUMBER_LATIN_UNIT.sub("\\1\u00a0", text)


def esc(v: Any) -> str:
    text = "" if v is None else str(v)
    return html.escape(keep_words(text) if _JAPANESE.get() else text)


def inline(content: Inline) -> str:
    def one(r: Run) -> str:
        text = f"<sup>{esc(r.text)}</sup>" if r.sup else esc(r.text)
        return f"<b>{text}</b>" if r.bold else text

    return "".join(one(r) for r in content)


def _table(t: Table, splits: Collection[int] = ()) -> str:
    """A grid table; ``splits``: the body rows that start a new page (0 = the whole table does). A split
    closes the table and opens it again on the next page with its header, so no row is cut in two."""
    w = t.widths
    head = "".join(f"<th{f' width={w[i]}%' if w else ''}>{esc(h)}</th>" for i, h in enumerate(t.headers))
    out: list[str] = []
    rows: list[str] = []

    def close(brk: bool) -> None:
        style = ' style="page-break-before: always"' if brk else ""
        # <thead>: Qt repeats the header row on every page the table runs over
        out.append(f'<table class="grid" width="100%" cellspacing="0" cellpadding="4"{style}>'
                   f'<thead><tr>{head}</tr></thead>{"".join(rows)}</table>')

    brk = 0 in splits
    for i, r in enumerate(t.rows):
        if i and i in splits:
            close(brk)
            rows, brk = [], True
        rows.append("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>")
    close(brk)
    return "".join(out)


def _kv(kv: KeyValues) -> str:
    rows = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{inline(v)}</td></tr>" for k, v in kv.rows)
    if kv.boxed:
        return f'<table class="box" width="100%" cellpadding="6"><tr><td><table class="kv">{rows}</table></td></tr></table>'
    return f'<table class="kv">{rows}</table>'


class Breaks:
    """Where the PDF's pages must break, found by laying the document out (app.ui.report.pdf):
    ``headings``, the ordinals of the top-level h2/h3 headings and lead-in paragraphs that start a new
    page (kept with what follows them); ``rows``, per grid table (by ordinal, in document order, nested ones included) the
    body rows that start a new page. Counters number them while the HTML is written."""

    def __init__(self, headings: Collection[int] = (), rows: Mapping[int, Collection[int]] | None = None):
        self.headings, self.rows = set(headings), {k: set(v) for k, v in (rows or {}).items()}
        self._heading = self._table = 0

    def next_heading(self) -> bool:
        self._heading += 1
        return self._heading - 1 in self.headings

    def next_table(self) -> Collection[int]:
        self._table += 1
        return self.rows.get(self._table - 1, ())


def lead_in(text: str) -> bool:
    """A paragraph that introduces the next block: it ends with a colon."""
    return text.rstrip().endswith((":", "："))


def _brk(on: bool) -> str:
    return ' style="page-break-before: always"' if on else ""


def block(b: Any, breaks: Breaks | None = None) -> str:
    """One block as HTML; ``breaks`` (top-level blocks only) numbers its headings and tables."""
    breaks = breaks or Breaks()  # nested in a column: a fresh counter that never breaks
    if isinstance(b, Paragraph):
        # a lead-in ("What would change the decision:") is kept with what follows, like a heading
        brk = _brk(breaks.next_heading()) if lead_in("".join(r.text for r in b.content)) else ""
        return f'<p class="{b.style}"{brk}>{inline(b.content)}</p>' if b.style else f"<p{brk}>{inline(b.content)}</p>"
    if isinstance(b, Heading):
        return f"<h3{_brk(breaks.next_heading())}>{esc(b.text)}</h3>"
    if isinstance(b, Bullets):
        return "<ul>" + "".join(f"<li>{inline(i)}</li>" for i in b.items) + "</ul>"
    if isinstance(b, KeyValues):
        return _kv(b)
    if isinstance(b, Table):
        return _table(b, breaks.next_table())
    if isinstance(b, Figure):
        return f'<p align="center"><img src="chart://{esc(b.name)}" width="{b.width}"></p>'
    if isinstance(b, Columns):
        cells = "".join(f'<td width="{w}%">' + "".join(_in_column(x, breaks) for x in col) + "</td>"
                        for col, w in zip(b.columns, b.widths, strict=True))
        return f'<table width="100%"><tr>{cells}</tr></table>'
    raise TypeError(f"unknown block {type(b).__name__}")


def _in_column(b: Any, breaks: Breaks) -> str:
    if isinstance(b, Figure):  # inside a column the image sits in its cell, not a centred paragraph
        return f'<img src="chart://{esc(b.name)}" width="{b.width}">'
    if isinstance(b, Table):  # counted with the rest (a row in a column is never split: no page break)
        breaks.next_table()
        return _table(b)
    return block(b)


def to_html(doc: ReportDocument, font: str, breaks: Breaks | None = None) -> str:
    """The document as HTML; ``breaks``, the page breaks the PDF's pagination asks for."""
    token = _JAPANESE.set(doc.lang == "ja")
    try:
        return _html(doc, font, breaks or Breaks())
    finally:
        _JAPANESE.reset(token)


def _html(doc: ReportDocument, font: str, breaks: Breaks) -> str:
    out = [f"<html><head><style>{STYLE % {'font': font}}</style></head><body>",
           f"<h1>{esc(doc.title)}</h1>", f'<p class="sub">{esc(doc.subtitle)}</p>']
    out += [block(b, breaks) for b in doc.lead]
    for n, s in enumerate(doc.sections, 1):
        asked = breaks.next_heading()
        out.append(f"<h2{_brk(s.page_break_before or asked)}>{n}. {esc(s.title)}</h2>")
        out += [block(b, breaks) for b in s.blocks]
    out.append("</body></html>")
    return "".join(out)
