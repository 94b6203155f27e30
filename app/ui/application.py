"""The desktop app: a main window around the planning wizard, with plan files, the catalog browser
and settings. ``run()`` is what ``gpu-planner`` (no subcommand) calls."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
)

from app import __version__
from app.i18n import QT_TRANSLATE_NOOP
from app.planning.planfile import safe_filename
from app.ui.session import PlanSession
from app.ui.settings import APPLICATION, ORGANIZATION, Settings

PLAN_FILTER = QT_TRANSLATE_NOOP("MainWindow", "GPU plan (*.gpuplan)")  # shown through self.tr(PLAN_FILTER)


def current_lang(settings: Settings | None = None) -> str:
    """The language setting, or the system's when it is "System" (the default)."""
    s = settings or Settings()
    if s.language:
        return s.language
    from app.i18n import system_language

    return system_language()


class SettingsDialog(QDialog):
    """Language, currency and FX rate, electricity price, PUE: stored with QSettings."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()
        self.language = QComboBox()
        for text, v in ((self.tr("System"), ""), ("日本語", "ja"), ("English", "en")):
            self.language.addItem(text, v)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.currency = QComboBox()
        for text, v in ((self.tr("By language"), ""), ("JPY", "JPY"), ("USD", "USD")):
            self.currency.addItem(text, v)
        self.currency.setCurrentIndex(max(0, self.currency.findData(settings.currency)))
        self.fx = QDoubleSpinBox()
        self.fx.setRange(1, 1000)
        self.fx.setValue(settings.fx_jpy_per_usd)
        self.fx_date = QDateEdit()
        self.fx_date.setCalendarPopup(True)
        self.fx_date.setDisplayFormat("yyyy-MM-dd")
        self.fx_date.setDate(QDate.fromString(settings.fx_as_of, "yyyy-MM-dd"))
        self.fx_date.setToolTip(self.tr("The date of the exchange rate: the report cites it next to every converted price."))
        self.kwh = QDoubleSpinBox()
        self.kwh.setRange(0, 1000)
        self.kwh.setValue(settings.electricity_jpy_per_kwh)
        self.pue = QDoubleSpinBox()
        self.pue.setRange(1.0, 5.0)
        self.pue.setSingleStep(0.05)
        self.pue.setValue(settings.pue)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Currency"), self.currency)
        form.addRow(self.tr("&JPY per USD"), self.fx)
        form.addRow(self.tr("Exchange rate &as of"), self.fx_date)
        form.addRow(self.tr("&Electricity (JPY per kWh)"), self.kwh)
        form.addRow(self.tr("&PUE"), self.pue)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def accept(self) -> None:
        s = self.settings
        s.language = self.language.currentData()
        s.currency = self.currency.currentData()
        s.fx_jpy_per_usd = self.fx.value()
        s.fx_as_of = self.fx_date.date().toString("yyyy-MM-dd")
        s.electricity_jpy_per_kwh = self.kwh.value()
        s.pue = self.pue.value()
        s.sync()
        super().accept()


def fitted_size(window: QMainWindow, wanted: tuple[int, int] = (1200, 820)) -> tuple[int, int]:
    """The window's first size: ``wanted``, or 95% of the screen's free area on a smaller screen (a
    1366 x 768 laptop has about 730 px under its panels; at 150% scaling far less)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry()
    return min(wanted[0], int(free.width() * 0.95)), min(wanted[1], int(free.height() * 0.95))


class MainWindow(QMainWindow):
    """``staged=True`` (what ``run()`` uses) builds only the wizard's first page and leaves the
    draft unchecked: ``finish_start()`` does the rest once the window is on screen."""

    def __init__(self, session: PlanSession | None = None, settings: Settings | None = None, staged: bool = False):
        super().__init__()
        self.settings = settings or Settings()
        self.session = session or PlanSession()
        if session is None:
            self.session.apply_settings(self.settings, current_lang(self.settings), validate=not staged)
        self._build_ui(staged=staged)
        self.session.sig_file_changed.connect(self._update_title)
        self._update_title()
        self.resize(*fitted_size(self))

    def _build_ui(self, staged: bool = False) -> None:
        """The wizard and the menus, in the current language (built again when the language changes)."""
        from app.ui.wizard import PlanWizard

        self.wizard = PlanWizard(self.session, lambda: current_lang(self.settings), staged=staged)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)
        self.wizard.sig_start_over.connect(self.start_over)
        self.setCentralWidget(self.wizard)  # the previous wizard, if any, is deleted
        self.menuBar().clear()
        self._build_menus()

    def apply_language(self, lang: str) -> None:
        """Switch the whole window to ``lang`` at once, keeping the plan and the page the user is on.

        The translator is swapped and the wizard and menus are built again from the session (the
        single source of truth), so every label, error and result is worded anew; nothing is lost.
        """
        from app.i18n import set_language

        page = self.wizard.currentId() if self.wizard is not None else -1
        set_language(lang)
        if not self.settings.currency:  # "by language": money follows the language
            from app.planning.defaults import default_currency

            self.session.update(currency=default_currency(lang))
        self.session.revalidate()
        self._build_ui()
        if self._glossary is not None:
            self._glossary.retranslate()
        self.wizard.restart()
        while self.wizard.currentId() != page and self.wizard.currentId() < page and self.wizard.currentPage().isComplete():
            before = self.wizard.currentId()
            self.wizard.next()
            if self.wizard.currentId() == before:
                break
        self._update_title()

    def finish_start(self) -> None:
        """Check the draft and build the wizard's other pages (catalog, pydantic: ~0.3 s)."""
        self.session.validate()
        self.wizard.build_pages()

    # ----- menus -----------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(shortcut)
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(self.tr("&File"))
        self._action(m, self.tr("&New plan"), self.new_plan, QKeySequence.StandardKey.New)
        self._action(m, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(m, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self._action(m, self.tr("Save &as…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        m.addSeparator()
        self._action(m, self.tr("Export &PDF report…"), lambda: self.export("pdf"), QKeySequence("Ctrl+P"))
        ex = m.addMenu(self.tr("&Export"))
        self._action(ex, self.tr("&Markdown…"), lambda: self.export("md"))
        self._action(ex, self.tr("&CSV (options table)…"), lambda: self.export("csv"))
        self._action(ex, self.tr("&JSON…"), lambda: self.export("json"))
        self._action(m, self.tr("&Copy options table"), self.copy_table, QKeySequence("Ctrl+Shift+C"))
        m.addSeparator()
        self._action(m, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        # Edit has no Alt key: every letter of it is taken on some wizard page (Ctrl+Z / Ctrl+Shift+Z work)
        e = self.menuBar().addMenu(self.tr("Edit"))
        undo = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        e.addAction(undo)
        e.addAction(redo)
        e.addSeparator()
        self._action(e, self.tr("&Start over…"), self.start_over)
        t = self.menuBar().addMenu(self.tr("&Tools"))
        self._action(t, self.tr("&Catalog…"), self.show_catalog, QKeySequence("Ctrl+K"))
        self._action(t, self.tr("C&ompare plans…"), self.show_compare)
        self._action(t, self.tr("I &measured a run…"), self.show_measured_run)
        self._action(t, self.tr("&Settings…"), self.show_settings, QKeySequence.StandardKey.Preferences)
        h = self.menuBar().addMenu(self.tr("&Help"))
        self._action(h, self.tr("&Glossary of terms"), self.show_glossary, QKeySequence.StandardKey.HelpContents)
        self._action(h, self.tr("&About"), self.about)

    _glossary = None

    def show_glossary(self) -> None:
        """The glossary panel at the window's right (F1), its filter ready for typing."""
        from app.ui.glossary import GlossaryDock

        if self._glossary is None:
            self._glossary = GlossaryDock(self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._glossary)
        self._glossary.show()
        self._glossary.raise_()
        self._glossary.filter.setFocus()

    def show_compare(self) -> None:
        from app.ui.compare_dialog import CompareDialog

        d = CompareDialog(self.session, lambda: current_lang(self.settings), self)
        d.add_current()
        d.show()
        self._compare_dialog = d  # kept while open (non-modal: the plan can be edited meanwhile)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        if not files:
            a = self.recent_menu.addAction(self.tr("(none)"))
            a.setEnabled(False)
        for f in files:
            self.recent_menu.addAction(f, partial(self._open_recent, f))

    def _open_recent(self, path: str) -> None:
        self.open_path(path)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.session.name}[*] — LLM GPU Planner {__version__}")
        self.setWindowModified(self.session.modified)

    # ----- files -----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current plan (saved, discarded, or unmodified)."""
        if not self.session.modified:
            return True
        r = QMessageBox.question(self, self.tr("Unsaved plan"),
                                 self.tr("Save the changes to “{0}” first?").format(self.session.name),
                                 QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                 | QMessageBox.StandardButton.Cancel)
        if r == QMessageBox.StandardButton.Save:
            return self.save()
        return r == QMessageBox.StandardButton.Discard

    def new_plan(self) -> None:
        """A fresh plan with the settings' defaults. The currency stays the one in use (issue 19: a
        new plan in English switched to yen when the system language was Japanese, so "1M" became
        ¥1M) unless Settings names one."""
        if self.maybe_save():
            keep = self.session.draft.get("currency")
            self.session.new()
            self.session.apply_settings(self.settings, current_lang(self.settings), currency=keep)
            self.wizard.restart()

    def confirm_start_over(self) -> bool:
        """Ask before every answer is cleared (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Start over"),
            self.tr("Start a new plan? Every answer goes back to its default. A saved plan file is not changed."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def start_over(self) -> None:
        """Edit → Start over, and the result page's Start over: a fresh plan after a confirmation
        (and the usual offer to save unsaved changes)."""
        if self.confirm_start_over():
            self.new_plan()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open plan"), self.settings.last_dir, self.tr(PLAN_FILTER))
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            self.session.open(path)
        except ValueError as e:
            self.settings.remove_recent(path) if not Path(path).exists() else None
            QMessageBox.warning(self, self.tr("Cannot open"), str(e))
            return False
        self.settings.add_recent(str(Path(path).resolve()))
        self.settings.last_dir = str(Path(path).parent)
        self.wizard.restart()
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._write(self.session.path)

    def save_as(self) -> bool:
        start = str(Path(self.settings.last_dir or Path.home()) / f"{safe_filename(self.session.name)}.gpuplan")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save plan"), start, self.tr(PLAN_FILTER))
        if not path:
            return False
        if not path.endswith(".gpuplan"):
            path += ".gpuplan"
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        try:
            self.session.save(path)
        except OSError as e:
            from app.present.text.messages import file_problem_message

            reason = file_problem_message(e)
            QMessageBox.warning(self, self.tr("Cannot save"), self.tr("{0}: {1}. The plan is still open; nothing was lost.").format(path, reason))
            return False
        self.settings.add_recent(str(Path(path).resolve()))
        self.settings.last_dir = str(Path(path).parent)
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.maybe_save():
            self.session.wait_idle(5000)
            self.session.discard_autosave()  # a clean exit: nothing to recover next time
            event.accept()
        else:
            event.ignore()

    # ----- exports ---------------------------------------------------------------------------
    def _current_result(self):
        r = self.session.result
        if r is None or r.generation != self.session.generation:
            QMessageBox.information(self, self.tr("Export"), self.tr("The plan is still being computed (or some answers need fixing); try again in a moment."))
            return None
        return r

    def export(self, kind: str, path: str | None = None) -> bool:
        """Write the current plan as pdf, md, csv or json. Returns True when written."""
        r = self._current_result()
        if r is None:
            return False
        filters = {"pdf": "PDF (*.pdf)", "md": "Markdown (*.md)", "csv": "CSV (*.csv)", "json": "JSON (*.json)"}
        if path is None:
            start = str(Path(self.settings.last_dir or Path.home()) / f"{safe_filename(self.session.name)}.{kind}")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), start, filters[kind])
            if not path:
                return False
        lang = current_lang(self.settings)
        from app.planning.outcome import for_report

        outcome = for_report(r.outcome, self.session.catalog)
        try:
            if kind == "pdf":
                from app.present.report import build_report
                from app.ui.report.pdf import write_pdf

                write_pdf(build_report(outcome, self.session.name, lang), path)
            else:
                from app.fileio import write_atomic

                write_atomic(path, export_text(kind, outcome, self.session.name, lang))
        except OSError as e:
            from app.present.text.messages import write_failed_message

            QMessageBox.warning(self, self.tr("Export"), write_failed_message(path, e))
            return False
        self.statusBar().showMessage(self.tr("Wrote {0}").format(path), 5000)
        return True

    def copy_table(self) -> None:
        """The options table as tab-separated text: pastes into a spreadsheet as cells."""
        r = self._current_result()
        if r is None:
            return
        from app.present.tables import to_tsv

        QApplication.clipboard().setText(to_tsv(r.outcome))
        self.statusBar().showMessage(self.tr("Options table copied"), 3000)

    # ----- dialogs ---------------------------------------------------------------------------
    def show_catalog(self) -> None:
        from app.ui.catalog_browser import CatalogBrowser

        CatalogBrowser(self.session, self).exec()

    def show_measured_run(self) -> None:
        """The catalog's "My measured runs" tab with a new entry open: GPU, model, stack, GPUs and the
        tokens/s measured; later plans on that GPU and stack use it (issue 17)."""
        from app.catalog.schema import KINDS
        from app.ui.catalog_browser import CatalogBrowser

        b = CatalogBrowser(self.session, self)
        b.tabs.setCurrentIndex(list(KINDS).index("measurements"))
        QTimer.singleShot(0, lambda: b.edit("measurements", new=True))
        b.exec()

    def show_settings(self) -> None:
        before = current_lang(self.settings)
        if SettingsDialog(self.settings, self).exec():
            self.session.update(fx_jpy_per_usd=self.settings.fx_jpy_per_usd, fx_as_of=self.settings.fx_as_of,
                                pue=self.settings.pue)
            if current_lang(self.settings) != before:
                self.apply_language(current_lang(self.settings))

    def offer_autosave(self) -> bool:
        """After a crash: offer the autosaved plan back. True when it was restored."""
        doc = self.session.pending_autosave()
        if doc is None:
            return False
        if "damaged" in doc:
            QMessageBox.warning(self, self.tr("Recover unsaved plan"), self.tr(
                "The autosaved plan could not be read: {0}\nIt was set aside as {1} (kept, not deleted); a new plan is open.").format(
                doc["error"], doc["damaged"]))
            return False
        name = doc.get("name") or self.session.name
        r = QMessageBox.question(self, self.tr("Recover unsaved plan"),
                                 self.tr("LLM GPU Planner did not close normally. Restore the unsaved plan “{0}” "
                                         "from {1}?").format(name, str(doc.get("autosaved_at", "")).replace("T", " ")),
                                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if r != QMessageBox.StandardButton.Yes:
            self.session.discard_autosave()
            return False
        self.session.restore_autosave(doc)
        self.wizard.restart()
        return True

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About LLM GPU Planner"), self.tr(
            "LLM GPU Planner {0}\nPlans GPUs, time and cost for serving, fine-tuning and training language models.\n"
            "Catalog {1}. Every figure carries its source and date (Tools → Catalog).").format(
            __version__, self.session.catalog.version()))


def export_text(kind: str, outcome, name: str, lang: str) -> str:
    """The plan as Markdown (the report's text), CSV (the options table) or JSON (the contract's document)."""
    if kind == "md":
        from app.present.markdown import to_markdown
        from app.present.report import build_report

        return to_markdown(build_report(outcome, name, lang).without_figures())
    if kind == "csv":
        from app.present.tables import to_csv

        return to_csv(outcome)
    import json

    from app.present.contract import plan_document

    return json.dumps(plan_document(outcome, lang), ensure_ascii=False, indent=2) + "\n"


class _AfterFirstPaint(QObject):
    """Calls ``fn`` once, on the event loop's next turn after ``widget`` was first painted."""

    def __init__(self, widget, fn):
        super().__init__(widget)
        self._fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._fn)
        return False


def _preload_charts() -> None:
    """Import pyqtgraph and the chart modules on a background thread while the user answers the
    first questions, so the result page does not stop the GUI thread for the import (~0.9 s).
    Imports only: no Qt object is made on that thread. Should the page come first, its own import
    waits for this one; should this fail, the page imports them itself."""
    import threading

    def work() -> None:
        try:
            import pyqtgraph.exporters  # noqa: F401 - the report renders charts with it

            from app.ui.charts import breakeven, memory, runs, scaling  # noqa: F401
        except Exception:  # noqa: BLE001
            pass

    threading.Thread(target=work, name="preload-charts", daemon=True).start()


def _finish_start(app, w: MainWindow, argv: list[str] | None) -> None:
    """What the first page did not need: the catalog (its failure ends the app, as before), the
    other pages, a plan file given on the command line."""
    from app.catalog.errors import CatalogError
    from app.catalog.repository import default_catalog

    try:
        catalog = default_catalog()
    except CatalogError as e:
        QMessageBox.critical(w, QCoreApplication.translate("Application", "LLM GPU Planner"),
                             QCoreApplication.translate("Application", "The catalog cannot be read:\n{0}").format(e))
        app.exit(1)
        return
    w.finish_start()
    _preload_charts()
    from app.present.text.messages import catalog_problem_message

    for problem in catalog.problems:  # e.g. the user's catalog was damaged and moved aside: say so
        w.statusBar().showMessage(catalog_problem_message(problem))
        if problem.code.startswith("overlay_"):
            QMessageBox.warning(w, QCoreApplication.translate("Application", "Your catalog"),
                                catalog_problem_message(problem))
    args = [a for a in (argv or [])[1:] if a.endswith(".gpuplan")]
    if args:
        w.open_path(args[0], ask=False)
    else:
        w.offer_autosave()  # the previous session did not end cleanly: offer its plan back


def run(argv: list[str] | None = None) -> int:
    """The first page is shown before anything it does not need is imported or read (no catalog,
    pydantic, pyqtgraph or SQL): the rest follows right after its first paint (issue 10)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    from app.paths import resource_dir

    app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "gpu-planner.png")))
    app.setDesktopFileName("gpu-planner")  # Wayland/X11 match the window to the installed desktop entry
    from app.fonts import load_app_fonts
    from app.i18n import install_translator

    load_app_fonts()
    install_translator(app, current_lang())
    from app.ui import crash

    crash.install()  # from here on an unexpected error is logged and shown, and the app goes on
    w = MainWindow(staged=True)
    _AfterFirstPaint(w, lambda: _finish_start(app, w, argv))
    w.show()
    return app.exec()
