"""Report → A4 PDF with QTextDocument and QPdfWriter, a footer on every page (app and catalog
version, page n of N) and the bundled Japanese font embedded.

Layout follows platform.md: the document is laid out at 96 dpi in the writer's page size in points
(so text has its nominal size), and drawn page by page through a QPainter on the PDF writer; chart
images keep their full resolution (~300 dpi at print size)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QTextDocument)

DPI = 96
MARGINS_MM = QMarginsF(18, 16, 18, 18)
FOOTER_PT = 22
_keep: list = []


def ensure_gui_app():
    """The report needs a QGuiApplication (fonts, images). Headless CLI: create one, offscreen."""
    import os

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["gpu-planner"])
        _keep.append(app)  # one application for the life of the process
    from app.fonts import load_app_fonts

    load_app_fonts()
    return app


def _document(report, width_px: float) -> QTextDocument:
    from app.fonts import FAMILY

    doc = QTextDocument()
    doc.setDocumentMargin(0)
    f = QFont(FAMILY)
    f.setPointSizeF(10)
    doc.setDefaultFont(f)
    for name, image in report.images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{name}"), image)
    doc.setHtml(report.html)
    doc.setTextWidth(width_px)
    return doc


def write_pdf(report, path: str | Path) -> int:
    """Write the report; return the number of pages."""
    ensure_gui_app()
    from app.fonts import FAMILY

    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setTitle(report.title)
    writer.setCreator("LLM GPU Planner")
    page = writer.pageLayout().paintRectPixels(DPI)
    footer_h = FOOTER_PT * DPI / 72.0
    body_h = page.height() - footer_h
    doc = _document(report, page.width())
    doc.setPageSize(QSizeF(page.width(), body_h))
    pages = doc.pageCount()
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    foot_font = QFont(FAMILY)
    foot_font.setPointSizeF(7.5)
    try:
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(0, -i * body_h)
            clip = QRectF(0, i * body_h, page.width(), body_h)
            painter.setClipRect(clip)  # whole blocks are drawn: clip lines of the next page
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = clip
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            painter.setFont(foot_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            y = page.height() - footer_h * 0.55
            painter.drawLine(0, int(page.height() - footer_h), int(page.width()), int(page.height() - footer_h))
            painter.drawText(QRectF(0, y, page.width() * 0.8, footer_h * 0.6), Qt.AlignmentFlag.AlignLeft, report.footer)
            painter.drawText(QRectF(0, y, page.width(), footer_h * 0.6), Qt.AlignmentFlag.AlignRight, f"{i + 1} / {pages}")
    finally:
        painter.end()
    return pages
