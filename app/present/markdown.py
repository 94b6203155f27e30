"""ReportDocument -> Markdown (GitHub dialect), without Qt. Figures are left out (the PDF has them).
Text is escaped for Markdown: a plan named ``<script>`` or ``*x*`` prints as typed."""

from __future__ import annotations

import re
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

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def md_escape(text: str) -> str:
    """CommonMark backslash escapes for every character that could start markup, and no line breaks."""
    return _SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def inline(content: Inline) -> str:
    def one(r: Run) -> str:
        text = f"<sup>{md_escape(r.text)}</sup>" if r.sup else md_escape(r.text)
        return f"**{text}**" if r.bold and r.text.strip() else text

    return "".join(one(r) for r in content)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def block(b: Any) -> str:
    if isinstance(b, Paragraph):
        return inline(b.content)
    if isinstance(b, Heading):
        return f"### {md_escape(b.text)}"
    if isinstance(b, Bullets):
        return "\n".join(f"- {inline(i)}" for i in b.items)
    if isinstance(b, KeyValues):
        return "\n".join(f"- **{md_escape(k)}**: {inline(v)}" for k, v in b.rows)
    if isinstance(b, Table):
        return _table([md_escape(h) for h in b.headers], [[inline(c) for c in r] for r in b.rows])
    if isinstance(b, Figure):
        return ""
    if isinstance(b, Columns):
        return "\n\n".join(x for col in b.columns for x in (block(y) for y in col) if x)
    raise TypeError(f"unknown block {type(b).__name__}")


def to_markdown(doc: ReportDocument) -> str:
    parts = [f"# {md_escape(doc.title)}", md_escape(doc.subtitle)]
    parts += [block(b) for b in doc.lead]
    for n, s in enumerate(doc.sections, 1):
        parts.append(f"## {n}. {md_escape(s.title)}")
        parts += [block(b) for b in s.blocks]
    parts.append("---")
    parts.append(md_escape(doc.footer))
    return "\n\n".join(p for p in parts if p) + "\n"
