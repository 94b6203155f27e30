"""Issue 19 items done here: File → New plan keeps the currency in use, and no message shows a
number in scientific notation."""

from __future__ import annotations


def test_new_plan_keeps_the_currency_in_use(qtbot, window, monkeypatch):
    """An English window on a Japanese system: the new plan stays in dollars (it switched to yen,
    so "1M" became ¥1M); a currency chosen in Settings still wins."""
    import app.i18n

    monkeypatch.setattr(app.i18n, "system_language", lambda: "ja")
    window.settings.language = ""
    window.session.update(currency="USD", budget="1M")
    window.new_plan()
    assert window.session.draft["currency"] == "USD" and window.session.draft.get("budget") is None
    window.session.update(currency="JPY")
    window.new_plan()
    assert window.session.draft["currency"] == "JPY"
    window.settings.currency = "USD"
    window.new_plan()
    assert window.session.draft["currency"] == "USD"


def test_no_scientific_notation_in_input_errors():
    from app.present.text.messages import validation_message

    for ctx, want in (({"le": 36500.0}, "must be at most 36,500"), ({"le": 1e15}, "must be at most 1,000T"),
                      ({"gt": 0.001}, "must be greater than 0.001"), ({"ge": 0.5}, "must be at least 0.5")):
        code = {"le": "less_than_equal", "gt": "greater_than", "ge": "greater_than_equal"}[next(iter(ctx))]
        msg = validation_message({"type": code, "ctx": ctx})
        assert msg == want and "e+" not in msg and "e-" not in msg
