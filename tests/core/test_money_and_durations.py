"""Money and durations as people write them (issue 19): the budget and the deadline accept the
forms a manager types in either language, and refuse anything else naming the accepted forms."""

from __future__ import annotations

import pytest

from app.catalog.repository import default_catalog
from app.core.units import parse_days, parse_money
from app.planning.request import PlanRequest, RequestError, to_scenario


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("$1M", 1e6, "USD"), ("US$2.5M", 2.5e6, "USD"), ("1M USD", 1e6, "USD"), ("100万ドル", 1e6, "USD"),
    ("¥30M", 3e7, "JPY"), ("3億円", 3e8, "JPY"), ("2,000,000 JPY", 2e6, "JPY"), ("3000万", 3e7, None), ("30M", 3e7, None),
])
def test_money_in_both_languages(text, amount, currency):
    value, written = parse_money(text)
    assert float(value) == pytest.approx(amount) and written == currency


@pytest.mark.parametrize(("text", "days"), [
    ("90", 90), ("90日", 90), ("90 days", 90), ("12 weeks", 84), ("2週間", 14),
    ("3 months", 3 * 365.25 / 12), ("3か月", 3 * 365.25 / 12), ("3ヶ月", 3 * 365.25 / 12), ("1 year", 365.25), ("1年", 365.25),
])
def test_durations_in_both_languages(text, days):
    """A month is 365.25 / 12 days (the Julian year the app uses for long durations)."""
    assert parse_days(text) == pytest.approx(days)


def test_the_budget_is_used_as_written_or_refused_naming_the_forms():
    cat = default_catalog()
    s = to_scenario(PlanRequest(goal="finetune", model="llama-3.1-8b", samples="10000", budget="$1M", currency="USD",
                                deadline_days="12 weeks"), cat)
    assert (s.budget, s.deadline_days) == (1e6, 84.0)
    assert to_scenario(PlanRequest(goal="finetune", model="llama-3.1-8b", samples="10000", budget="3億円",
                                   currency="JPY"), cat).budget == 3e8
    for budget, code in (("¥30M", "money_other_currency"), ("lots", "not_money")):
        with pytest.raises(RequestError) as e:
            to_scenario(PlanRequest(goal="finetune", model="llama-3.1-8b", samples="10000", budget=budget, currency="USD"), cat)
        assert (e.value.errors[0].field, e.value.errors[0].code) == ("budget", code)
    with pytest.raises(RequestError) as e:
        to_scenario(PlanRequest(goal="finetune", model="llama-3.1-8b", samples="10000", deadline_days="soon"), cat)
    assert (e.value.errors[0].field, e.value.errors[0].code) == ("deadline_days", "not_duration")


def test_the_cli_refuses_in_one_line_listing_the_accepted_forms(capsys):
    from app.cli import main

    assert main(["plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "1e4", "--budget", "lots"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--budget" in err[0] and "$1M" in err[0] and "3億円" in err[0]
    assert main(["plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "1e4", "--deadline-days", "soon",
                 "--lang", "ja"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--deadline-days" in err[0] and "90日" in err[0] and "3か月" in err[0]
