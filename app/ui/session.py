"""PlanSession: the wizard's single source of truth (design habit 1, napari's pure model +
subscribing view). Pages write raw values into ``draft``; the session validates them into a core
Scenario and recomputes the Plan off the GUI thread (Anki's QueryOp idea, with QThreadPool).

- Every edit bumps a generation number; a result from an older generation is dropped, so a stale
  plan is never shown as current. ``sig_busy`` tells views to grey out while a plan is computing.
- No fixed debounce: an edit starts a plan at once when none is running; edits made while one
  runs are folded into one plan of the newest draft, started when the running one ends. So an edit
  shows after one plan's time, and fast typing never queues plans.
- Invalid input never reaches the core: ``errors`` maps draft keys to a message with the allowed range.
- The draft is what a .gpuplan file stores (JSON with a schema version).
"""

from __future__ import annotations

import gc
import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

PLANFILE_PREFIX = "gpu-planner.planfile/"
PLANFILE_VERSION = 2
PLANFILE_SCHEMA = f"{PLANFILE_PREFIX}{PLANFILE_VERSION}"


def _from_v1(draft: dict) -> dict:
    """Version 1 (before the FX rate had a date): the rate's date is unknown, so none is cited."""
    return {**draft, "fx_as_of": None}


# version -> the step that lifts a draft of that version to the next one
MIGRATIONS = {1: _from_v1}


def migrate(doc: dict) -> dict:
    """A plan file's draft at the current version; ValueError("newer"/"unknown") when it cannot be."""
    schema = doc.get("schema")
    if not isinstance(schema, str) or not schema.startswith(PLANFILE_PREFIX):
        raise ValueError("unknown")
    try:
        version = int(schema.removeprefix(PLANFILE_PREFIX))
    except ValueError:
        raise ValueError("unknown") from None
    if version > PLANFILE_VERSION:
        raise ValueError("newer")
    draft = doc.get("draft")
    if not isinstance(draft, dict):
        raise ValueError("unknown")
    while version < PLANFILE_VERSION:
        if version not in MIGRATIONS:
            raise ValueError("unknown")
        draft = MIGRATIONS[version](draft)
        version += 1
    return draft


AUTOSAVE_MS = 1000  # an edit reaches the autosave file within a second: a crash costs at most the last edit
AUTOSAVE_NAME = "autosave.gpuplan"


def safe_filename(name: str, limit: int = 100) -> str:
    """A file name made from text the user typed: no path separators, no characters Windows or macOS
    refuse, no control characters, no reserved device names (CON, NUL, …), never empty."""
    import re
    import unicodedata

    name = unicodedata.normalize("NFC", name)
    name = re.sub(r'[\x00-\x1f\x7f<>:"/\\|?*]', "_", name).strip().strip(".")
    if name.split(".")[0].upper() in {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                                      *(f"LPT{i}" for i in range(1, 10))}:
        name = "_" + name
    return name[:limit].rstrip(" .") or "plan"


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, flushed to disk and
    renamed over the target: a crash or a full disk leaves the previous file as it was."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".gpuplan-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # on disk before the rename makes it the plan
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
CURVE_GPUS = 3  # accelerator types drawn in the scaling plot

# Draft keys that hold quantities typed as text (7B, 1.4T, 3000万).
QUANTITY_KEYS = {"tokens", "samples", "budget", "params", "active_params", "electricity_price_per_kwh",
                 "power_limit_kw", "deadline_days"}


def default_draft() -> dict:
    """Next → Next → Finish gives a sensible answer: fine-tune Llama 3.1 8B with LoRA on 10K samples."""
    return {
        "goal": "finetune", "model_id": "llama-3.1-8b", "custom": {},
        "tokens": "", "samples": "10000", "seq_len": 2048, "epochs": 1.0, "method": "lora", "lora_rank": 16,
        "precisions": ["bf16"], "quant": "bf16", "context": 4096, "concurrency": 1, "output_tokens": 512,
        "currency": "JPY", "budget": "", "deadline_days": "", "deployment": "any", "own": {}, "max_gpus": 16384,
        "fx_jpy_per_usd": 150.0, "electricity_price_per_kwh": "", "pue": 1.5, "hours_per_day": 24.0,
        "days_per_month": 30.0, "years": 3.0, "pricing": "on-demand", "power_limit_kw": "", "rank_by": "cost",
        "network": "ib-400", "fx_as_of": None,
    }





def _quantity(key: str, value, errors: dict[str, str]):
    """'' -> None; text -> float via parse_quantity; a bad value is an error naming the forms."""
    from app.core.units import parse_quantity

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        v = parse_quantity(value)
    except ValueError:
        errors[key] = QCoreApplication.translate("Session", "{0!r} is not a number (e.g. 7B, 1.4T, 500M, 3000万)").format(value)
        return None
    if v <= 0:
        errors[key] = QCoreApplication.translate("Session", "must be greater than 0")
        return None
    return v


def build_scenario(draft: dict, catalog) -> tuple[object | None, dict[str, str]]:
    """(Scenario or None, errors by draft key). The same Scenario the CLI builds from its flags."""
    from pydantic import ValidationError

    from app.core.scenario import Scenario
    from app.core.specs import custom_model

    errors: dict[str, str] = {}
    q = {k: _quantity(k, draft.get(k), errors) for k in QUANTITY_KEYS if k in draft}
    model = None
    if draft.get("model_id"):
        model = catalog.model(draft["model_id"])
        if model is None:
            errors["model_id"] = QCoreApplication.translate("Session", "{0!r} is not in the catalog").format(draft["model_id"])
    else:
        c = draft.get("custom") or {}
        params = _quantity("params", c.get("params"), errors)
        active = _quantity("active_params", c.get("active_params"), errors)
        arch = {k: c.get(k) for k in ("layers", "hidden", "heads", "kv_heads", "ffn", "vocab") if c.get(k)}
        try:
            model = custom_model(params, active, **arch)
            if model is None and "params" not in errors:
                errors["params"] = QCoreApplication.translate("Session", "give the parameter count (e.g. 7B) or layers, hidden size and heads")
        except (ValidationError, ValueError) as e:
            from app.wording import validation_message

            errors["params"] = validation_message(e.errors()[0]) if isinstance(e, ValidationError) else str(e)
    goal = draft.get("goal", "finetune")
    if goal == "finetune" and not q.get("tokens") and not q.get("samples") and "samples" not in errors:
        errors["samples"] = QCoreApplication.translate("Session", "fine-tuning needs the number of samples (or tokens)")
    if errors or model is None:
        return None, errors
    fields = dict(
        goal=goal, model=model, tokens=q.get("tokens"), samples=q.get("samples") if goal == "finetune" else None,
        seq_len=draft.get("seq_len"), epochs=draft.get("epochs"), method=draft.get("method") if goal == "finetune" else "full",
        lora_rank=draft.get("lora_rank"), precision=(draft.get("precisions") or ["bf16"])[0],
        precision_choices=tuple(draft.get("precisions") or ()) if len(draft.get("precisions") or ()) > 1 else (),
        quant=draft.get("quant"), context=draft.get("context"), concurrency=draft.get("concurrency"),
        output_tokens=draft.get("output_tokens"), currency=draft.get("currency"), budget=q.get("budget"),
        deadline_days=q.get("deadline_days"), deployment=draft.get("deployment"),
        own={k: int(v) for k, v in (draft.get("own") or {}).items() if int(v) > 0},
        max_gpus=draft.get("max_gpus"), fx_jpy_per_usd=draft.get("fx_jpy_per_usd"), fx_as_of=draft.get("fx_as_of"),
        electricity_price_per_kwh=q.get("electricity_price_per_kwh"), pue=draft.get("pue"),
        hours_per_day=draft.get("hours_per_day"), days_per_month=draft.get("days_per_month"), years=draft.get("years"),
        pricing=draft.get("pricing"), power_limit_kw=q.get("power_limit_kw"), rank_by=draft.get("rank_by"),
        network=draft.get("network"),
    )
    fields = {k: v for k, v in fields.items() if v is not None}
    try:
        return Scenario(**fields), {}
    except ValidationError as e:
        from app.wording import validation_message

        for err in e.errors():
            loc = [str(x) for x in err.get("loc", ())]
            key = loc[0] if loc else "goal"
            key = {"precision_choices": "precisions", "precision": "precisions"}.get(key, key)
            errors.setdefault(key, validation_message(err))
        return None, errors


@dataclass
class PlanResult:
    generation: int
    scenario: object
    plan: object
    curves: dict = field(default_factory=dict)  # gpu id -> list[CurvePoint]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(int, str)


_gc_lock = threading.Lock()
_gc_jobs = [0, False]  # running jobs, whether the collector was on before the first


@contextmanager
def _no_collection_in_worker():
    """Keep Python's cyclic GC out of worker threads while they plan: a collection there may
    finalize Qt wrappers owned by the GUI thread, which deadlocked the GUI and the worker (seen in
    tests: both threads stuck in pure-Python frames). The GUI thread collects when the job is done."""
    with _gc_lock:
        if _gc_jobs[0] == 0:
            _gc_jobs[1] = gc.isenabled()
            gc.disable()
        _gc_jobs[0] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_jobs[0] -= 1
            if _gc_jobs[0] == 0 and _gc_jobs[1]:
                gc.enable()


class _PlanJob(QRunnable):
    """Runs the core off the GUI thread; never touches widgets."""

    def __init__(self, generation: int, scenario, gpus, offers):
        super().__init__()
        self.generation, self.scenario, self.gpus, self.offers = generation, scenario, gpus, offers
        self.signals = _Signals()

    def run(self) -> None:  # noqa: D401 - Qt override
        try:
            with _no_collection_in_worker():
                self._run()
        except Exception as e:  # noqa: BLE001 - reported to the user, never a crash of the worker
            self.signals.failed.emit(self.generation, f"{type(e).__name__}: {e}")

    def _run(self) -> None:
        from app.core.planner import plan
        from app.core.recommend import scaling_curve

        p = plan(self.scenario, self.gpus, self.offers)
        curves = {}
        by_id = {g.id: g for g in self.gpus}
        seen = []
        for o in p.options:
            if o.gpu not in seen and o.fits:
                seen.append(o.gpu)
            if len(seen) == CURVE_GPUS:
                break
        caches: dict = {}
        top = max([o.gpu_count for o in p.options] + [8])
        for gid in seen:
            curves[gid] = scaling_curve(self.scenario, by_id[gid], self.offers, max_count=max(16, top * 4), caches=caches)
        self.signals.done.emit(PlanResult(self.generation, self.scenario, p, curves))


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
        self.scenario = None
        self.result: PlanResult | None = None
        self.path: Path | None = None
        self.modified = False
        self.generation = 0
        self._pool = QThreadPool.globalInstance()
        self._jobs: set = set()
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._pending = False  # the draft changed while a plan was running: plan it when that ends

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
        return self.path.stem if self.path else QCoreApplication.translate("Session", "Untitled plan")

    def apply_settings(self, settings, validate: bool = True) -> None:
        """New plans start from the user's preferences (currency, FX, electricity, PUE). With
        ``validate=False`` the draft is only updated: the caller validates later (``validate()``)."""
        from app.core.constants import DEFAULT_FX_AS_OF

        upd = {"fx_jpy_per_usd": settings.fx_jpy_per_usd, "pue": settings.pue}
        if settings.fx_as_of != DEFAULT_FX_AS_OF or abs(settings.fx_jpy_per_usd - 150.0) > 1e-9:
            upd["fx_as_of"] = settings.fx_as_of
        if settings.currency:
            upd["currency"] = settings.currency
        cur = upd.get("currency", self.draft["currency"])
        kwh = settings.electricity_jpy_per_kwh
        if abs(kwh - 30.0) > 1e-9:
            upd["electricity_price_per_kwh"] = f"{kwh if cur == 'JPY' else kwh / settings.fx_jpy_per_usd:g}"
        self.draft.update(upd)
        if validate:
            self._validate()

    def validate(self) -> None:
        """Check the draft and tell the views (errors, scenario); no plan is started."""
        self._validate()

    def update(self, **values) -> None:
        changed = {k: v for k, v in values.items() if self.draft.get(k) != v}
        if not changed:
            return
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
        self.scenario, errors = build_scenario(self.draft, self.catalog)
        if errors != self.errors:
            self.errors = errors
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
        self._pending = False
        if self.scenario is None:
            self._validate()
        if self.scenario is None:
            self.sig_busy.emit(False)
            return
        gen = self.generation
        job = _PlanJob(gen, self.scenario, list(self.catalog.gpus()), list(self.catalog.offers()))
        job.setAutoDelete(False)
        job.signals.done.connect(self._on_job_done)
        job.signals.failed.connect(self._on_job_failed)
        self._jobs.add(job)
        self.sig_busy.emit(True)
        self._pool.start(job)

    def _on_job_done(self, result: PlanResult) -> None:
        self._jobs = {j for j in self._jobs if j.generation != result.generation}
        self._start_pending()
        if result.generation != self.generation:
            return  # an older draft: never shown as current
        self.result = result
        self.sig_busy.emit(False)
        self.sig_plan_ready.emit(result)

    def _on_job_failed(self, generation: int, message: str) -> None:
        self._jobs = {j for j in self._jobs if j.generation != generation}
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

    def _replace(self, draft: dict, path: Path | None) -> None:
        """Start over from ``draft`` (new plan or opened file): unmodified, recomputed."""
        self.draft = draft
        self.path = path
        self.result = None
        self._validate()
        self.modified = False
        self.sig_file_changed.emit()
        self.sig_draft_changed.emit()
        self._schedule()

    def new(self) -> None:
        self._replace(default_draft(), None)

    # ----- autosave (crash recovery) ---------------------------------------------------------
    @staticmethod
    def autosave_path() -> Path:
        from app.paths import user_data_dir

        return user_data_dir() / AUTOSAVE_NAME

    def autosave(self) -> bool:
        """Write the unsaved plan to the user's data folder (not to the plan's own file)."""
        self._autosave_timer.stop()
        if not self.modified:
            return False
        from datetime import datetime

        doc = json.loads(self.to_json())
        doc["original_path"] = str(self.path) if self.path else None
        doc["autosaved_at"] = datetime.now().isoformat(timespec="seconds")
        try:
            self.autosave_path().parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.autosave_path(), json.dumps(doc, ensure_ascii=False, indent=2))
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
        """The autosaved plan left by a session that did not end cleanly, or None."""
        try:
            doc = json.loads(cls.autosave_path().read_text(encoding="utf-8"))
            migrate(doc)
        except (OSError, ValueError):
            return None
        return doc if isinstance(doc, dict) else None

    def restore_autosave(self, doc: dict) -> None:
        """Take the autosaved answers back: the plan is open again, marked as not saved."""
        draft = default_draft()
        draft.update({k: v for k, v in migrate(doc).items() if k in draft})
        original = doc.get("original_path")
        self._replace(draft, Path(original) if original else None)
        self._set_modified(True)

    def to_json(self) -> str:
        from app import __version__

        return json.dumps({"schema": PLANFILE_SCHEMA, "app_version": __version__, "name": self.name,
                           "catalog_version": self.catalog.version(), "draft": self.draft},
                          ensure_ascii=False, indent=2)

    def save(self, path: str | Path) -> None:
        """Write atomically (temporary file, then rename) so a failed save never truncates a plan."""
        path = Path(path)
        atomic_write(path, self.to_json())
        self.path = path
        self.discard_autosave()
        self.modified = False
        self.sig_file_changed.emit()

    def open(self, path: str | Path) -> None:
        """Load a .gpuplan; raises ValueError with a readable message (the current plan is kept)."""
        path = Path(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise ValueError(QCoreApplication.translate("Session", "cannot read {0}: {1}").format(path, e)) from None
        except json.JSONDecodeError as e:
            raise ValueError(QCoreApplication.translate("Session", "{0} is not a plan file (JSON error at line {1})").format(path.name, e.lineno)) from None
        try:
            loaded = migrate(doc if isinstance(doc, dict) else {})
        except ValueError as e:
            if str(e) == "newer":
                raise ValueError(QCoreApplication.translate("Session", "{0} was saved by a newer version of LLM GPU Planner ({1}); update the app to open it. The file was not changed.").format(path.name, doc.get("app_version", "?"))) from None
            raise ValueError(QCoreApplication.translate("Session", "{0} is not a plan file of this version (expected schema {1})").format(path.name, PLANFILE_SCHEMA)) from None
        draft = default_draft()
        draft.update({k: v for k, v in loaded.items() if k in draft})
        self._replace(draft, path)
