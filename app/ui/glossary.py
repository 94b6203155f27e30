"""Help → Glossary (F1): the terms of the plan explained, in a panel beside the wizard, with a filter.
The same list as the report's glossary (app.present.glossary)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDockWidget, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from app.present.glossary import glossary


class GlossaryDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("glossary")
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.view, 1)
        self.setWidget(body)
        self.shown: list[str] = []
        self.filter.textChanged.connect(self._fill)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language (after the language is switched)."""
        self.setWindowTitle(self.tr("Glossary"))
        self.filter.setPlaceholderText(self.tr("Find a term"))
        self.filter.setAccessibleName(self.tr("Find a term"))
        self._fill()

    def _fill(self) -> None:
        q = self.filter.text().strip().casefold()
        terms = glossary()
        # terms that match first, then those whose explanation mentions it
        items = [(t, x) for t, x in terms if not q or q in t.casefold()]
        items += [(t, x) for t, x in terms if q and q not in t.casefold() and q in x.casefold()]
        self.shown = [t for t, _ in items]
        if items:
            self.view.setHtml("".join(f"<p><b>{escape(t)}</b><br>{escape(x)}</p>" for t, x in items))
        else:
            none = self.tr("No term matches “{0}”.").format(self.filter.text().strip())
            self.view.setHtml(f"<p>{escape(none)}</p>")
