"""ReportDocument: a report as data (sections, paragraphs, key-value boxes, tables, figures), so that one
builder serves the PDF (app.present.html -> Qt's PDF writer) and Markdown (app.present.markdown, no
Qt). Text is plain: the renderers escape it, so a plan named ``<b>x</b> & 東京`` prints literally.

A figure is data too: its kind (memory, breakeven, scaling, runs) and the numbers to draw; app.ui
draws it with the wizard's chart widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Run:
    """A piece of a line: text, bold or not, raised as a superscript or not (10²³ in a PDF, whose
    bundled Japanese font has no superscript digits)."""

    text: str
    bold: bool = False
    sup: bool = False


Inline = list[Run]


def runs(*parts: str | Run) -> Inline:
    return [p if isinstance(p, Run) else Run(p) for p in parts]


@dataclass
class Paragraph:
    content: Inline
    style: str = ""  # "" | verdict-ok | verdict-no | small | sub


@dataclass
class Heading:
    text: str


@dataclass
class Bullets:
    items: list[Inline]


@dataclass
class KeyValues:
    rows: list[tuple[str, Inline]]
    boxed: bool = False


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Inline]]
    widths: list[int] | None = None  # percent per column


@dataclass
class Figure:
    name: str  # chart://name
    kind: str  # memory | breakeven | scaling | runs
    data: dict[str, Any]
    width: int = 640  # printed width in px at 96 dpi
    size: tuple[int, int] = (660, 380)  # the chart's own size (its labels keep their size)


@dataclass
class Columns:
    """Blocks side by side (the PDF); one after the other in Markdown."""

    columns: list[list[Any]]
    widths: list[int]


Block = Paragraph | Heading | Bullets | KeyValues | Table | Figure | Columns


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    page_break_before: bool = False


@dataclass
class ReportDocument:
    title: str
    subtitle: str
    lead: list[Block]  # page 1, before the numbered sections
    sections: list[Section]
    footer: str
    lang: str = "en"

    def figures(self) -> list[Figure]:
        out: list[Figure] = []

        def walk(blocks: list[Any]) -> None:
            for b in blocks:
                if isinstance(b, Figure):
                    out.append(b)
                elif isinstance(b, Columns):
                    for col in b.columns:
                        walk(col)

        walk(self.lead)
        for s in self.sections:
            walk(s.blocks)
        return out

    def without_figures(self) -> ReportDocument:
        def strip(blocks: list[Any]) -> list[Any]:
            kept = []
            for b in blocks:
                if isinstance(b, Figure):
                    continue
                if isinstance(b, Columns):
                    kept += [x for col in b.columns for x in strip(col)]
                    continue
                kept.append(b)
            return kept

        return ReportDocument(self.title, self.subtitle, strip(self.lead),
                              [Section(s.title, strip(s.blocks), s.page_break_before) for s in self.sections],
                              self.footer, self.lang)
