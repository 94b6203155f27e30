"""PlanSession: the wizard's single source of truth (design habit 1, napari's pure model +
subscribing view). Pages write raw values into ``draft`` (PlanRequest fields, as typed); the session
asks app.planning for the Scenario (``to_scenario``, the same call the CLI makes) and for the
PlanOutcome (``build_outcome``) off the GUI thread (``run_in_background``).

- Every edit bumps a generation number; a result from an older generation is dropped, so a stale
  plan is never shown as current. ``sig_busy`` tells views to grey out while a plan is computing.
- No fixed debounce: an edit starts a plan at once when none is running; edits made while one
  runs are folded into one plan of the newest draft, started when the running one ends.
- Invalid input never reaches the core: ``errors`` maps draft keys to a message with the allowed range.
- The draft keeps what was typed for every goal; only the fields that apply to the current goal are
  planned. It is what a .gpuplan file stores (app.planning.planfile).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

AUTOSAVE_MS = 1000  # an edit reaches the autosave file within a second: a crash costs at most the last edit
AUTOSAVE_NAME = "autosave.gpuplan"


def default_draft() -> dict:
    """Next → Next → Finish gives a sensible answer: fine-tune Llama 3.1 8B on 10K samples. Everything
    else is left to the defaults (the assumptions registry), as on the command line."""
    return {"goal": "finetune", "model": "llama-3.1-8b", "samples": "10000"}


def build_scenario(draft: dict, catalog) -> tuple[object | None, dict[str, str]]:
    """(Scenario or None, messages by draft key): app.planning's answer for the draft's goal."""
    from app.planning.request import RequestError, request_for_goal, to_scenario
    from app.present.text.messages import validation_message

    try:
        return to_scenario(request_for_goal(draft), catalog), {}
    except RequestError as e:
        errors: dict[str, str] = {}
        for err in e.errors:
            key = "precision_choices" if err.field == "precision" else err.field
            errors.setdefault(key, validation_message(err.as_pydantic()))
        return None, errors


@dataclass
class PlanResult:
    generation: int
    outcome: Any  # app.planning.outcome.PlanOutcome

    @property
    def scenario(self):
        return self.outcome.scenario

    @property
    def plan(self):
        return self.outcome.plan


class PlanSession(QObject):
    """Holds the draft, validates it, recomputes the plan in the background."""

    sig_draft_changed = Signal()
    """Any draft value changed (pages re-read what they show)."""
    sig_validity_changed = Signal(dict)
    """Errors by draft key (empty: the scenario is valid)."""
    sig_busy = Signal(bool)
    """True while a plan for the current draft is being computed; views grey out stale results."""
    sig_plan_ready = Signal(object)
    """A PlanResult for the current draft."""
    sig_plan_failed = Signal(str)
    """The core raised: the message is shown; nothing the user typed is lost."""
    sig_file_changed = Signal()
    """Path, name or modified flag changed (the window title follows)."""
    sig_catalog_changed = Signal()
    """The user's catalog entries changed: pickers reload."""

    def __init__(self, catalog=None, parent: QObject | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self.draft: dict = default_draft()
        self.errors: dict[str, str] = {}
        self.scenario: object | None = None  # app.core.scenario.Scenario, or None while the draft is invalid
        self.result: PlanResult | None = None
        self.path: Path | None = None
        self.title = ""  # the plan's own name (reports are titled with it); "" = the file's name
        self.modified = False
        self.undo_stack = QUndoStack(self)  # Edit → Undo / Redo of draft edits (Ctrl+Z, Ctrl+Shift+Z)
        self._undoing = False
        self.generation = 0
        self._pool = QThreadPool.globalInstance()
        self._jobs: dict[int, object] = {}  # generation -> running Job
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._pending = False  # the draft changed while a plan was running: plan it when that ends
        self.want_sensitivity = False  # the Sensitivity tab is on screen: plans carry it

    @property
    def catalog(self):
        """The catalog plans are made from; the process catalog is read on first use (not while
        the first window is being shown)."""
        if self._catalog is None:
            from app.catalog.repository import default_catalog

            self._catalog = default_catalog()
        return self._catalog

    @catalog.setter
    def catalog(self, catalog) -> None:
        self._catalog = catalog

    # ----- editing -----------------------------------------------------------------------
    @property
    def name(self) -> str:
        if self.title.strip():
            return self.title.strip()
        return self.path.stem if self.path else QCoreApplication.translate("Session", "Untitled plan")

    def set_title(self, title: str) -> None:
        """The plan's name, as typed (saved in the plan file, printed on the report)."""
        if title != self.title:
            self.title = title
            self._set_modified(True)
            self.sig_file_changed.emit()

    def default(self, key: str):
        """What ``key`` is when left empty, for the draft's goal (widgets show it)."""
        from app.planning.defaults import default_value

        return default_value(key, self.draft.get("goal"))

    def apply_settings(self, settings, lang: str, validate: bool = True, currency: str | None = None) -> None:
        """New plans start from the user's preferences: the currency (or the language's), and the FX
        rate, electricity price and PUE where they differ from the defaults. With ``validate=False``
        the draft is only updated: the caller validates later (``validate()``). ``currency``: the one
        the previous plan used (File → New plan keeps it unless Settings names one)."""
        from app.core import assumptions as A
        from app.planning.defaults import default_currency

        upd: dict = {"currency": settings.currency or currency or default_currency(lang)}  # currency: the one in use
        if settings.fx_as_of != A.DEFAULT_FX_AS_OF or abs(settings.fx_jpy_per_usd - A.value("fx_jpy_per_usd")) > 1e-9:
            upd["fx_jpy_per_usd"] = settings.fx_jpy_per_usd
            upd["fx_as_of"] = settings.fx_as_of
        if abs(settings.pue - A.value("pue")) > 1e-9:
            upd["pue"] = settings.pue
        kwh = settings.electricity_jpy_per_kwh
        if abs(kwh - A.value("electricity_jpy_per_kwh")) > 1e-9:
            upd["electricity_price_per_kwh"] = f"{kwh if upd['currency'] == 'JPY' else kwh / settings.fx_jpy_per_usd:g}"
        self.draft.update(upd)
        if validate:
            self._validate()

    def validate(self) -> None:
        """Check the draft and tell the views (errors, scenario); no plan is started."""
        self._validate()

    def update(self, **values) -> None:
        """Change draft values; each change is one step of Edit → Undo (typing in one field merges)."""
        changed = {k: v for k, v in values.items() if self.draft.get(k) != v}
        if not changed:
            return
        if self._undoing:
            self._apply(changed)
            return
        before = {k: self.draft.get(k) for k in changed}
        self.undo_stack.push(DraftEdit(self, before, changed))

    def _apply(self, changed: dict) -> None:
        self.draft.update(changed)
        self._set_modified(True)
        self._autosave_timer.start()
        self._validate()
        self.sig_draft_changed.emit()
        self._schedule()

    def revalidate(self) -> None:
        """Check the draft again (after the language changed: error messages are worded anew)."""
        self.errors = {}
        self._validate()

    def _validate(self) -> None:
        self.scenario, self.errors = build_scenario(self.draft, self.catalog)
        self.sig_validity_changed.emit(dict(self.errors))

    def _schedule(self) -> None:
        self.generation += 1
        self.sig_busy.emit(True)
        if self._jobs:
            self._pending = True
        else:  # start now: the worker plans while the GUI thread repaints what the edit changed
            self.recompute()

    def _start_pending(self) -> None:
        if self._pending and not self._jobs:
            self._pending = False
            self.recompute()

    def recompute(self) -> None:
        """Start a plan for the current draft (also called directly by tests and on page entry)."""
        from app.ui.workers import run_in_background

        self._pending = False
        if self.scenario is None:
            self._validate()
        if self.scenario is None:
            self.sig_busy.emit(False)
            return
        gen, scenario, catalog = self.generation, self.scenario, self.catalog
        sensitivity = self.want_sensitivity

        def work():
            from app.planning.outcome import build_outcome

            # the report adds the backtest (for_report); the sensitivity only while its tab is on
            # screen (the what-if sliders), else the tab or the report adds it when asked
            return build_outcome(scenario, catalog, with_backtest=False, sensitivity=sensitivity)

        self._jobs[gen] = run_in_background(work, partial(self._on_job_done, gen), partial(self._on_job_failed, gen),
                                            self._pool)
        self.sig_busy.emit(True)

    def _on_job_done(self, generation: int, outcome) -> None:
        self._jobs.pop(generation, None)
        self._start_pending()
        if generation != self.generation:
            return  # an older draft: never shown as current
        self.result = PlanResult(generation, outcome)
        self.sig_busy.emit(False)
        self.sig_plan_ready.emit(self.result)

    def _on_job_failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        self._start_pending()
        if generation == self.generation:
            self.sig_busy.emit(False)
            self.sig_plan_failed.emit(message)

    def wait_idle(self, ms: int = 10000) -> bool:
        return self._pool.waitForDone(ms)

    def reload_catalog(self) -> None:
        from app.catalog.repository import Catalog, default_catalog

        default_catalog.cache_clear()
        self.catalog = Catalog()
        self.sig_catalog_changed.emit()
        self._validate()
        self._schedule()

    # ----- files -------------------------------------------------------------------------
    def _set_modified(self, value: bool) -> None:
        if self.modified != value:
            self.modified = value
            self.sig_file_changed.emit()

    def _replace(self, draft: dict, path: Path | None, title: str = "") -> None:
        """Start over from ``draft`` (new plan or opened file): unmodified, recomputed."""
        self.draft = draft
        self.path = path
        self.title = title
        self.undo_stack.clear()  # undo does not reach back into another plan
        self.result = None
        self._validate()
        self.modified = False
        self.sig_file_changed.emit()
        self.sig_draft_changed.emit()
        self._schedule()

    def new(self) -> None:
        self._replace(default_draft(), None)

    def _plan_file(self, **extra):
        from app import __version__
        from app.planning.planfile import PlanFile

        return PlanFile(request=dict(self.draft), name=self.name, app_version=__version__,
                        catalog_version=self.catalog.version(), extra=extra)

    # ----- autosave (crash recovery) ---------------------------------------------------------
    @staticmethod
    def autosave_path() -> Path:
        from app.paths import user_data_dir

        return user_data_dir() / AUTOSAVE_NAME

    def autosave(self) -> bool:
        """Write the unsaved plan to the user's data folder (not to the plan's own file)."""
        from datetime import datetime

        from app.planning.planfile import write

        self._autosave_timer.stop()
        if not self.modified:
            return False
        doc = self._plan_file(original_path=str(self.path) if self.path else None,
                              autosaved_at=datetime.now().isoformat(timespec="seconds"))
        try:
            self.autosave_path().parent.mkdir(parents=True, exist_ok=True)
            write(self.autosave_path(), doc)
        except OSError:
            return False  # the data folder is not writable: nothing else to do, the plan is still open
        return True

    def discard_autosave(self) -> None:
        self._autosave_timer.stop()
        try:
            self.autosave_path().unlink(missing_ok=True)
        except OSError:
            pass

    @classmethod
    def pending_autosave(cls) -> dict | None:
        """The autosaved plan left by a session that did not end cleanly, or None. An autosave that
        cannot be opened is set aside once (autosave.gpuplan.damaged-<time>, kept) and reported as
        {"damaged": where it went, "error": why}, so it does not come back at every start."""
        import time

        from app.planning.planfile import PlanFileError, read

        path = cls.autosave_path()
        if not path.exists() and not path.is_symlink():
            return None
        try:
            pf = read(path)
        except PlanFileError as e:
            aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                path.rename(aside)
            except OSError:
                return None
            return {"damaged": str(aside), "error": plan_file_message(path, e, kept_plan=False)}
        return {"name": pf.name, "request": pf.request, **pf.extra}

    def restore_autosave(self, doc: dict) -> None:
        """Take the autosaved answers back: the plan is open again, marked as not saved."""
        original = doc.get("original_path")
        self._replace(dict(doc.get("request") or {}), Path(original) if original else None)
        self._set_modified(True)

    def to_json(self) -> str:
        return self._plan_file().dumps()

    def save(self, path: str | Path) -> None:
        """Write atomically (temporary file, then rename) so a failed save never truncates a plan."""
        from app.planning.planfile import atomic_write

        path = Path(path)
        atomic_write(path, self.to_json())
        self.path = path
        self.discard_autosave()
        self.modified = False
        self.sig_file_changed.emit()

    def open(self, path: str | Path) -> None:
        """Load a .gpuplan; raises ValueError with a readable message. The file is checked whole
        first: a refused file changes nothing (the open plan, its path and its edits are kept)."""
        from app.planning.planfile import PlanFileError, read
        from app.planning.request import REQUEST_FIELDS

        path = Path(path)
        try:
            pf = read(path)
        except PlanFileError as e:
            raise ValueError(plan_file_message(path, e)) from None
        # a name that only repeats the file's (or the untitled default) is not the plan's own
        own = pf.name not in ("", path.stem, "Untitled plan", QCoreApplication.translate("Session", "Untitled plan"))
        self._replace({k: v for k, v in pf.request.items() if k in REQUEST_FIELDS}, path, pf.name if own else "")


class DraftEdit(QUndoCommand):
    """One edit of the draft: the values before and after. Consecutive edits of the same single
    field merge (typing a number is one step, not one per keystroke)."""

    def __init__(self, session: PlanSession, before: dict, after: dict):
        from app.present.fields import label

        super().__init__(QCoreApplication.translate("Session", ", ").join(label(k) for k in sorted(after)))
        self.session, self.before, self.after = session, dict(before), dict(after)
        self.first = True

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1 if len(self.after) == 1 else -1

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, DraftEdit) or set(other.after) != set(self.after):
            return False
        self.after = dict(other.after)
        return True

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, values: dict) -> None:
        s = self.session
        s._undoing = True
        try:
            s._apply({k: v for k, v in values.items() if s.draft.get(k) != v})
        finally:
            s._undoing = False


def plan_file_message(path: Path, e, kept_plan: bool = True) -> str:
    """Why a plan file (an app.planning.planfile.PlanFileError) cannot be opened, in the user's
    language; ``kept_plan`` adds that the open plan is kept (not for the autosave read at start)."""
    from app.planning.planfile import SCHEMA

    kept = QCoreApplication.translate("Session", "The file was not opened; the open plan is kept.") if kept_plan else ""
    if e.code == "unreadable":
        return QCoreApplication.translate("Session", "cannot read {0}: {1}").format(path, e.params.get("error"))
    if e.code == "not_json":
        return QCoreApplication.translate("Session", "{0} is not a plan file (JSON error at line {1})").format(path.name, e.params.get("line"))
    if e.code == "newer":
        return QCoreApplication.translate("Session", "{0} was saved by a newer version of LLM GPU Planner ({1}); update the app to open it. The file was not changed.").format(
            path.name, e.params.get("app_version", "?"))
    if e.code == "too_deep":
        return QCoreApplication.translate("Session", "{0} nests deeper than a plan file does (more than {1} levels). {2}").format(
            path.name, e.params.get("limit"), kept).strip()
    if e.code == "wrong_type":
        kinds = {"text": QCoreApplication.translate("Session", "text"), "a number": QCoreApplication.translate("Session", "a number"), "null": QCoreApplication.translate("Session", "null"),
                 "true/false": QCoreApplication.translate("Session", "true/false"), "a list": QCoreApplication.translate("Session", "a list"),
                 "an object": QCoreApplication.translate("Session", "an object"), "a number or text": QCoreApplication.translate("Session", "a number or text"),
                 "a list of text": QCoreApplication.translate("Session", "a list of text"), "true or false": QCoreApplication.translate("Session", "true or false"),
                 "an object of GPU ids and whole counts": QCoreApplication.translate("Session", "an object of GPU ids and whole counts")}
        found = str(e.params.get("found", ""))
        for_count = found.endswith(" as a count")
        found_text = kinds.get(found.removesuffix(" as a count"), found)
        if for_count:
            found_text = QCoreApplication.translate("Session", "{0} as a count").format(found_text)
        return QCoreApplication.translate("Session", "{0}: the field {1!r} must be {2}, not {3}. {4}").format(
            path.name, e.params.get("field"), kinds.get(str(e.params.get("expected")), e.params.get("expected")), found_text, kept).strip()
    return QCoreApplication.translate("Session", "{0} is not a plan file of this version (expected schema {1})").format(path.name, SCHEMA)
