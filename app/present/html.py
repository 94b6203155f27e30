"""ReportDocument -> HTML for Qt's QTextDocument (the PDF writer lays it out). Every text is escaped;
figures become ``<img src="chart://name">`` resources the Qt layer renders from the figure's data."""

from __future__ import annotations

import html
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


def esc(v: Any) -> str:
    return html.escape("" if v is None else str(v))


def inline(content: Inline) -> str:
    def one(r: Run) -> str:
        text = f"<sup>{esc(r.text)}</sup>" if r.sup else esc(r.text)
        return f"<b>{text}</b>" if r.bold else text

    return "".join(one(r) for r in content)


def _table(t: Table) -> str:
    w = t.widths
    head = "".join(f"<th{f' width={w[i]}%' if w else ''}>{esc(h)}</th>" for i, h in enumerate(t.headers))
    body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in t.rows)
    # <thead>: Qt repeats the header row on every page the table runs over
    return f'<table class="grid" width="100%" cellspacing="0" cellpadding="4"><thead><tr>{head}</tr></thead>{body}</table>'


def _kv(kv: KeyValues) -> str:
    rows = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{inline(v)}</td></tr>" for k, v in kv.rows)
    if kv.boxed:
        return f'<table class="box" width="100%" cellpadding="6"><tr><td><table class="kv">{rows}</table></td></tr></table>'
    return f'<table class="kv">{rows}</table>'


def block(b: Any) -> str:
    if isinstance(b, Paragraph):
        return f'<p class="{b.style}">{inline(b.content)}</p>' if b.style else f"<p>{inline(b.content)}</p>"
    if isinstance(b, Heading):
        return f"<h3>{esc(b.text)}</h3>"
    if isinstance(b, Bullets):
        return "<ul>" + "".join(f"<li>{inline(i)}</li>" for i in b.items) + "</ul>"
    if isinstance(b, KeyValues):
        return _kv(b)
    if isinstance(b, Table):
        return _table(b)
    if isinstance(b, Figure):
        return f'<p align="center"><img src="chart://{esc(b.name)}" width="{b.width}"></p>'
    if isinstance(b, Columns):
        cells = "".join(f'<td width="{w}%">' + "".join(_in_column(x) for x in col) + "</td>"
                        for col, w in zip(b.columns, b.widths, strict=True))
        return f'<table width="100%"><tr>{cells}</tr></table>'
    raise TypeError(f"unknown block {type(b).__name__}")


def _in_column(b: Any) -> str:
    if isinstance(b, Figure):  # inside a column the image sits in its cell, not a centred paragraph
        return f'<img src="chart://{esc(b.name)}" width="{b.width}">'
    return block(b)


def to_html(doc: ReportDocument, font: str) -> str:
    out = [f"<html><head><style>{STYLE % {'font': font}}</style></head><body>",
           f"<h1>{esc(doc.title)}</h1>", f'<p class="sub">{esc(doc.subtitle)}</p>']
    out += [block(b) for b in doc.lead]
    for n, s in enumerate(doc.sections, 1):
        brk = ' style="page-break-before: always"' if s.page_break_before else ""
        out.append(f"<h2{brk}>{n}. {esc(s.title)}</h2>")
        out += [block(b) for b in s.blocks]
    out.append("</body></html>")
    return "".join(out)
