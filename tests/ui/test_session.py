"""PlanSession scheduling (issue 10): an edit starts a plan at once, and edits made while a plan
runs fold into one plan of the newest draft; nothing older is ever shown as current."""

from __future__ import annotations

import threading

from app.ui.session import PlanSession


def test_an_edit_plans_at_once_and_edits_meanwhile_fold_into_one_plan(qtbot, monkeypatch):
    import app.planning.outcome as outcome

    real, planned, gate = outcome.run_plan, [], threading.Event()

    def held_plan(s, gpus, offers=()):
        planned.append(s.samples)
        assert gate.wait(20)
        return real(s, gpus, offers)

    monkeypatch.setattr(outcome, "run_plan", held_plan)
    session = PlanSession()
    shown = []
    session.sig_plan_ready.connect(lambda r: shown.append(r.scenario.samples))
    session.update(samples="1000")
    qtbot.waitUntil(lambda: planned == [1000], timeout=5000)  # started without waiting for a debounce
    for n in ("2000", "3000", "4000"):
        session.update(samples=n)  # a plan is running: these wait, as one
    gate.set()
    qtbot.waitUntil(lambda: session.result is not None and session.result.generation == session.generation,
                    timeout=20000)
    session.wait_idle()
    assert planned == [1000, 4000]
    assert shown == [4000] and session.result.scenario.samples == 4000
