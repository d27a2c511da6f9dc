"""Auto-recharge view model: the status card's sentences, the form's starting values, client-side
validation, warnings, and the API's 422 field errors mapped onto the form's fields."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.credits.schemas import AutoRechargePublic
from widgets.credits import recharge_model as model
from widgets.credits.texts import RECHARGE_TEXTS as T

NOW = datetime(2026, 11, 24, tzinfo=UTC)
BRIEF = {"id": "credits", "name": "Credits", "symbol": None, "unit_singular": "credit",
         "unit_plural": "credits"}


def usd(minor: int) -> dict:
    return {"amount_minor": minor, "currency": "USD", "formatted": f"${minor / 100:,.2f}"}


def setting(**extra) -> AutoRechargePublic:
    fields = {"customer_id": "acme", "currency": BRIEF,
              "price": {"amount": Decimal("0.01"), "currency": "USD"}, "configured": True,
              "enabled": True, "threshold_type": "credits", "threshold": Decimal(500),
              "target_balance": Decimal(2000), "monthly_limit": usd(5000),
              "grant_expiry_days": None, "spent_this_month": usd(1500), "last_recharge": None,
              "updated_at": NOW}
    fields.update(extra)
    return AutoRechargePublic(**fields)


def view(s: AutoRechargePublic) -> model.RechargeView:
    return model.recharge_view(s, "en_US", lambda d: d.strftime("%-d %b %Y"), T)


def values(**extra) -> dict[str, str]:
    out = {"enabled": "on", "threshold_type": "credits", "threshold": "500", "target": "2000",
           "limit": "50", "expiry": ""}
    out.update(extra)
    return out


def check(s=None, **extra):
    return model.validate_recharge(values(**extra), s or setting(), "en_US", T)


def test_status_card_when_active():
    v = view(setting())
    assert v.enabled and v.configured and v.available
    assert v.summary == "Recharge to 2,000 credits when the balance drops below 500 credits."
    assert (v.has_limit, v.spend) == (True, "$15.00 of $50.00 spent this month")
    assert (v.spend_width, v.spend_now, v.spend_max, v.spend_state) == ("30%", 1500, 5000, "ok")


def test_status_card_without_a_limit_or_in_money():
    v = view(setting(monthly_limit=None, threshold_type="amount", threshold=Decimal(5)))
    assert not v.has_limit and v.spend == "No monthly limit · $15.00 spent this month"
    assert v.summary.endswith("drops below $5.")


def test_status_card_spend_near_and_at_the_limit():
    assert view(setting(spent_this_month=usd(4200))).spend_state == "warning"
    full = view(setting(spent_this_month=usd(6000)))
    assert (full.spend_state, full.spend_width, full.spend_now) == ("full", "100%", 5000)


def test_status_card_off_unset_and_unavailable():
    assert view(setting(enabled=False)).summary == T["paused"]
    fresh = view(setting(configured=False, enabled=False, monthly_limit=None,
                         spent_this_month=None))
    assert fresh.summary == "Top up automatically so you never run out of credits."
    assert fresh.spend == ""
    assert view(setting(price=None)).summary == T["unavailable"]


def test_last_recharge_succeeded_and_failed():
    ok = view(setting(last_recharge={"id": "r1", "status": "succeeded", "credits": "1500",
                                     "cost": usd(1500), "failure": None, "grant_id": "g1",
                                     "at": datetime(2026, 12, 3, tzinfo=UTC)}))
    assert ok.last == "Last recharge: 1,500 credits for $15.00 on 3 Dec 2026"
    assert (ok.last_status, ok.last_status_label) == ("succeeded", "Succeeded")
    bad = view(setting(last_recharge={"id": "r2", "status": "failed", "credits": "1500",
                                      "cost": None, "failure": "Your card was declined.",
                                      "grant_id": None, "at": NOW}))
    assert bad.last == "Last recharge failed on 24 Nov 2026: Your card was declined."
    assert bad.last_status == "failed"


def test_form_values_start_from_the_saved_settings():
    assert model.form_values(setting(grant_expiry_days=30)) == {
        "enabled": "on", "threshold_type": "credits", "threshold": "500", "target": "2000",
        "limit": "50", "expiry": "30"}
    first = model.form_values(setting(configured=False, enabled=False, monthly_limit=None))
    assert first["enabled"] == "on" and first["limit"] == ""  # setting up means switching on
    assert model.form_values(setting(enabled=False))["enabled"] == ""


def test_valid_settings_become_the_api_body():
    body, errors = check(expiry="30", threshold="1,000", target="2500.5")
    assert not any(errors.values())
    assert body == {"enabled": True, "threshold_type": "credits", "threshold": "1000",
                    "target_balance": "2500.5", "monthly_limit": "50",
                    "grant_expiry_days": 30}
    body, _ = check(limit="", expiry="")
    assert body["monthly_limit"] is None and body["grant_expiry_days"] is None


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("threshold", "", T["required"]),
    ("threshold", "lots", T["number"]),
    ("threshold", "-1", T["threshold_min"]),
    ("threshold", "0.0000001", "Use at most 6 decimal places."),
    ("target", "", T["required"]),
    ("target", "0", T["target_min"]),
    ("target", "500", "The target must be above the threshold (500 credits)."),
    ("target", "499", "The target must be above the threshold (500 credits)."),
    ("target", "1e9", T["number"]),
    ("target", "1000000000000", T["too_large"]),
    ("limit", "0", T["limit_positive"]),
    ("limit", "-3", T["limit_positive"]),
    ("limit", "12.345", "Use at most 2 decimal places."),
    ("limit", "ten", T["number"]),
    ("expiry", "1.5", T["whole"]),
    ("expiry", "0", T["expiry_range"]),
    ("expiry", "4000", T["expiry_range"]),
])
def test_each_field_says_what_to_fix(field, typed, message):
    body, errors = check(**{field: typed})
    assert body is None
    assert errors[field] == message
    assert all(not m for f, m in errors.items() if f != field)


def test_threshold_in_money_compares_the_target_by_worth():
    body, errors = check(threshold_type="amount", threshold="5", target="600")
    assert body is not None and body["threshold_type"] == "amount"  # 600 credits = $6 > $5
    _, errors = check(threshold_type="amount", threshold="5", target="500")
    assert errors["target"] == "The target must be above the threshold ($5)."
    _, errors = check(threshold_type="amount", threshold="5.001")
    assert errors["threshold"] == "Use at most 2 decimal places."


def test_switched_off_keeps_the_saved_settings_unchecked():
    body, errors = check(enabled="", threshold="nonsense", target="")
    assert not any(errors.values())
    assert body == {"enabled": False, "threshold_type": "credits", "threshold": "500",
                    "target_balance": "2000", "monthly_limit": "50", "grant_expiry_days": None}


@given(threshold=st.integers(min_value=0, max_value=10**9),
       target=st.integers(min_value=1, max_value=10**9))
def test_target_must_exceed_threshold(threshold, target):
    body, errors = check(threshold=str(threshold), target=str(target))
    assert (body is not None) == (target > threshold)
    assert bool(errors["target"]) == (target <= threshold)


def test_warning_when_the_balance_is_already_below_the_threshold():
    warn = model.recharge_warnings(values(), setting(), Decimal(300), "en_US", T)
    assert warn == ["Your balance (300 credits) is already below this threshold: saving "
                    "recharges at the next consumption."]
    assert model.recharge_warnings(values(), setting(), Decimal(800), "en_US", T) == []
    assert model.recharge_warnings(values(enabled=""), setting(), Decimal(3), "en_US", T) == []
    money = model.recharge_warnings(values(threshold_type="amount", threshold="5"), setting(),
                                    Decimal(400), "en_US", T)
    assert money and money[0].startswith("Your balance (400 credits)")


def test_warnings_about_the_monthly_limit():
    spent = model.recharge_warnings(values(limit="10"), setting(), None, "en_US", T)
    assert spent == ["You have already spent $15.00 this month, so no more recharges happen "
                     "until next month."]
    small = model.recharge_warnings(values(limit="16", target="2000"), setting(), None,
                                    "en_US", T)
    assert small == ["One recharge can cost up to $20, more than this monthly limit."]


def test_server_errors_land_next_to_their_fields():
    fields, general = model.server_errors({"errors": [
        {"field": "target_balance", "message": "The target balance must be above the threshold"},
        {"field": "body.monthly_limit", "message": "Value error, must be greater than 0"},
        {"field": "enabled", "message": "credits have no price"}],
        "detail": "The request has invalid fields"})
    assert fields["target"] == "The target balance must be above the threshold."
    assert fields["limit"] == "Must be greater than 0."
    assert fields["threshold"] == "" and general == "Credits have no price"
    assert model.server_errors({"detail": "Invalid request"}) == (
        dict.fromkeys(model.FIELDS, ""), "Invalid request")


def test_a_first_set_up_starts_with_empty_amounts():
    fresh = model.form_values(setting(configured=False, enabled=False, threshold=Decimal(0),
                                      target_balance=Decimal(0), monthly_limit=None))
    assert (fresh["threshold"], fresh["target"], fresh["enabled"]) == ("", "", "on")
    _, errors = model.validate_recharge(fresh, setting(), "en_US", T)
    assert errors["threshold"] == errors["target"] == T["required"]
