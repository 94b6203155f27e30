"""ReportDocument → A4 PDF with QTextDocument and QPdfWriter, a footer on every page (app and catalog
version, page n of N) and the bundled Japanese font embedded. The document's HTML comes from
app.present.html; its figures are drawn here from their data with the wizard's chart widgets.

Layout follows platform.md: the document is laid out at 96 dpi in the writer's page size in points
(so text has its nominal size), and drawn page by page through a QPainter on the PDF writer; chart
images keep their full resolution (~300 dpi at print size)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

# Rendered width; printed ~17 cm wide -> ~300 dpi. 2400 px (~360 dpi) made the PDF writer's image
# compression alone 0.7 s of a 1.5 s export and the export's images ~100 MB of memory (issue 10).
CHART_WIDTH_PX = 2000
LEGEND_PT = 9.0  # app.ui.charts.base.LEGEND_TEXT
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
        _utf8_locale_for_qt()
        app = QApplication(["gpu-planner"])
        _keep.append(app)  # one application for the life of the process
    from app.fonts import load_app_fonts

    load_app_fonts()
    return app


def _utf8_locale_for_qt() -> None:
    """Headless drawing in a C, Latin-1 or Shift-JIS locale: Qt switches itself to C.UTF-8 and
    prints a four-line warning on every ``--pdf``. The switch is harmless for a report (its language
    and number formats are the app's own, file names are passed as Unicode), so make it before Qt
    starts, without the warning. The interactive GUI keeps Qt's behaviour."""
    import locale
    import os

    if os.name != "posix":
        return
    try:
        codeset = locale.nl_langinfo(locale.CODESET)
    except (AttributeError, ValueError):
        return
    if codeset.upper().replace("-", "") != "UTF8":
        os.environ["LC_ALL"] = "C.UTF-8"


def figure_image(fig, lang: str):
    """A figure of the report, drawn with the chart widget of its kind (titles in ``lang``), as a
    high-resolution QImage."""
    from app.i18n import language

    with language(lang):
        ch = _chart(fig.kind)
        d = fig.data
        if fig.kind == "memory":
            ch.set_data(d["breakdown"], d["capacity"])
        elif fig.kind == "breakeven":
            ch.set_data(d["months"], d["cloud"], d["onprem"], d["breakeven_months"], d["currency"], d["lang"])
        elif fig.kind == "tornado":
            ch.set_data(d["rows"], d["base"], d["currency"], d["lang"])
        elif fig.kind == "scaling":
            ch.set_data(d["series"], training=d["training"], deadline_s=d["deadline_s"], budget=d["budget"],
                        currency=d["currency"], lang=d["lang"], deployment=d["deployment"])
        else:
            ch.set_data(d["runs"], d["point"])
        return _render(ch, *fig.size)


def _document(report, page: QSizeF, images: dict, breaks=None) -> QTextDocument:
    """The report laid out on pages of ``page`` (96 dpi pixels), its charts from ``images`` (by
    figure name), with the page ``breaks`` app.ui.report.paginate asks for."""
    from app.fonts import FAMILY
    from app.present.html import to_html

    doc = QTextDocument()
    doc.setDocumentMargin(0)
    f = QFont(FAMILY)
    f.setPointSizeF(10)
    doc.setDefaultFont(f)
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{name}"), image)
    doc.setHtml(to_html(report, FAMILY, breaks))
    doc.setTextWidth(page.width())
    doc.setPageSize(page)
    return doc


def write_pdf(report, path: str | Path) -> int:
    """Write the report (an app.present ReportDocument); return the number of pages.

    The PDF is drawn into memory and written with app.fileio.write_atomic: a full disk, a folder or
    a missing folder raises OSError and leaves any previous file as it was (QPdfWriter writing to the
    path itself reported success on all three, issue 24)."""
    from app.fileio import FileProblem, write_atomic

    target = Path(path)
    if target.is_dir():
        raise FileProblem("is_dir", target)
    if not target.resolve().parent.is_dir():
        raise FileProblem("no_folder", target, folder=str(target.parent))
    data, pages = pdf_bytes(report)
    write_atomic(target, data)
    return pages


def pdf_bytes(report) -> tuple[bytes, int]:
    """The report as PDF bytes, and its number of pages; OSError when Qt cannot draw it."""
    from PySide6.QtCore import QBuffer, QIODevice

    ensure_gui_app()
    from app.fonts import FAMILY

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setTitle(report.title)
    writer.setCreator("LLM GPU Planner")
    page = writer.pageLayout().paintRectPixels(DPI)
    footer_h = FOOTER_PT * DPI / 72.0
    body_h = page.height() - footer_h
    from app.ui.report.paginate import paginate

    images = {fig.name: figure_image(fig, report.lang) for fig in report.figures()}
    doc = paginate(lambda breaks: _document(report, QSizeF(page.width(), body_h), images, breaks), body_h)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF writer could not start a page")
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
            # Qt draws every line of a block that meets ctx.clip: a line ending (or starting) exactly at
            # the page boundary, 1/64 px over it, went into both pages' text layer (found twice by
            # search, copied twice). 1 px in from each edge no whole line is lost.
            ctx.clip = clip.adjusted(0, 1, 0, -1)
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            painter.setFont(foot_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            y = page.height() - footer_h * 0.55
            painter.drawLine(0, int(page.height() - footer_h), int(page.width()), int(page.height() - footer_h))
            painter.drawText(QRectF(0, y, page.width() * 0.8, footer_h * 0.6), Qt.AlignmentFlag.AlignLeft, report.footer)
            painter.drawText(QRectF(0, y, page.width(), footer_h * 0.6), Qt.AlignmentFlag.AlignRight, f"{i + 1} / {pages}")
    finally:
        ended = painter.end()
    data = bytes(buf.data().data())
    buf.close()
    if not ended or not data.startswith(b"%PDF"):
        raise OSError("the PDF writer produced no output")
    return data, pages


def _render(chart, width: int = 660, height: int = 380):
    """A chart widget as a high-resolution QImage (drawn offscreen). ``width`` x ``height`` is about
    its printed size at 96 dpi, so labels keep their size; the image is CHART_WIDTH_PX wide."""
    import pyqtgraph.exporters as ex
    from PySide6.QtGui import QImage

    chart.view.resize(width, height)
    chart.view.scene().setSceneRect(0, 0, width, height)
    chart.view.ci.setGeometry(chart.view.scene().sceneRect())
    if hasattr(chart, "before_export"):  # charts whose labels are placed for the drawn size
        chart.before_export()
    exporter = ex.ImageExporter(chart.view.scene())
    exporter.parameters()["width"] = CHART_WIDTH_PX
    exporter.parameters()["antialias"] = True
    # Legend labels are HTML text the exporter does not enlarge with the rest of the scene: at
    # CHART_WIDTH_PX they printed at 2-3 pt (issue 19). Scale them for the export, then put them back.
    legends = chart.legends()
    labels = [lab for legend in legends for _, lab in legend.items]
    factor = CHART_WIDTH_PX / width

    def relayout() -> None:  # the legend's grid follows its labels' new size (entries overlapped)
        for legend in legends:
            legend.layout.invalidate()
            legend.layout.activate()
            legend.updateSize()
        chart.view.ci.layout.activate()

    for lab in labels:
        lab.setText(lab.text, size=f"{LEGEND_PT * factor:.1f}pt")
    relayout()
    try:
        # Opaque (the exporter fills the background): without the alpha channel the PDF writer embeds
        # no soft mask. The conversion is also the copy that detaches the image from the exporter.
        return exporter.export(toBytes=True).convertToFormat(QImage.Format.Format_RGB32)
    finally:
        for lab in labels:
            lab.setText(lab.text, size=f"{LEGEND_PT}pt")
        relayout()
        if hasattr(chart, "after_export"):
            chart.after_export()


_CHARTS: dict = {}


def _chart(kind: str):
    """One chart widget per kind and language for the life of the process, reused by every report
    (axis titles are set in the widget's language when it is built)."""
    from app.i18n import current_language

    key = (kind, current_language())
    ch = _CHARTS.get(key)
    if ch is None:
        from app.ui.charts.breakeven import BreakevenChart
        from app.ui.charts.memory import MemoryChart
        from app.ui.charts.runs import RunsChart
        from app.ui.charts.scaling import ScalingChart
        from app.ui.charts.tornado import TornadoChart

        classes = {"memory": MemoryChart, "breakeven": BreakevenChart, "scaling": ScalingChart, "runs": RunsChart,
                   "tornado": TornadoChart}
        ch = _CHARTS[key] = classes[kind]()
        if len(_CHARTS) == 1:
            import atexit

            atexit.register(_dispose_charts)
    return ch


def _dispose_charts() -> None:
    """Delete the report's chart widgets while Qt and Python are both still alive (at exit)."""
    import shiboken6

    for ch in _CHARTS.values():
        if shiboken6.isValid(ch):
            shiboken6.delete(ch)
    _CHARTS.clear()


def write_compare_pdf(cmp, path: str | Path, lang: str) -> int:
    """The comparison report of several plans (app.present.compare_report) as a PDF; the page count."""
    from app.present.report import build_compare_report

    return write_pdf(build_compare_report(cmp, lang), path)
