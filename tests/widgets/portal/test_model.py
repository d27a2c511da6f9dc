"""The portal's sentences from the backend's read model: next bill, no bill, trial, status,
scheduled changes, promotions, cards and invoices."""

from datetime import UTC, datetime

from backend.me.schemas import Portal
from backend.payments.schemas import PaymentMethodPublic
from backend.subscriptions.schemas import InvoicePublic
from widgets.portal import model
from widgets.portal.texts import DEFAULT_TEXTS as T

NOW = datetime(2026, 11, 24, tzinfo=UTC)
END = datetime(2026, 12, 24, tzinfo=UTC)


def money(minor, fmt):
    return {"amount_minor": minor, "currency": "USD", "formatted": fmt}


def portal(**sub_changes):
    sub = {
        "id": "sub_1", "plan_id": "plus", "plan_name": "Plus", "plan_version": 1,
        "pricing_type": "paid", "status": "active", "billing_period": "monthly",
        "currency": "USD", "trial_end": None, "trial_days_left": None,
        "current_period_start": NOW, "current_period_end": END, "quantities": {"seats": 3},
        "quantity_labels": ["3 seats"], "addons": [], "coupon": None,
        "cancel_at_period_end": False, "scheduled": [], "entitlements": [],
        "upcoming_bill": {"date": END, "total": money(3600, "$36.00"), "lines": [
            {"kind": "recurring", "description": "Plus · 3 seats", "amount": money(3600, "$36.00")}]},
    }
    sub.update(sub_changes)
    return Portal.model_validate({
        "customer": {"id": "acme", "name": "Acme", "email": None},
        "product": {"id": "workspace", "display_name": "Orbit"}, "subscription": sub,
        "fallback_plan_name": "Free", "default_payment_method": None,
        "credit_balance": [{"currency": "USD", "amount_minor": 500, "formatted": "$5.00"}],
        "cancel_reasons": [{"value": "other", "label": "Other reason"}]})


def date_of(d):
    return d.strftime("%b %d, %Y") if d else ""


def test_active_subscription_with_a_next_bill_and_credit():
    o = model.overview(portal(), date_of, T)
    assert (o.plan, o.status, o.period, o.quantities) == ("Plus plan", "Active", "Billed monthly",
                                                          "3 seats")
    assert (o.bill_amount, o.bill_when) == ("$36.00", "on Dec 24, 2026")
    assert o.credit == "Credit balance: $5.00, used on your next invoices"
    assert o.can_cancel


def test_a_scheduled_cancellation_shows_no_bill_and_the_fallback():
    p = portal(cancel_at_period_end=True, upcoming_bill=None, scheduled=[
        {"kind": "cancellation", "description": "Cancel the subscription", "effective_at": END}])
    o = model.overview(p, date_of, T)
    assert (o.status_kind, o.status) == ("canceling", "Cancels Dec 24, 2026")
    assert o.no_bill == "Your subscription ends on Dec 24, 2026. Then you move to Free."
    assert not o.can_cancel
    s = model.scheduled(p, date_of, T)
    assert s.is_cancel and s.body == "You keep everything in Plus until Dec 24, 2026."


def test_trials_free_plans_and_past_due():
    assert model.overview(portal(status="trialing", trial_days_left=9), date_of, T).trial == \
        "9 days left in your trial"
    free = model.overview(portal(pricing_type="free", upcoming_bill=None), date_of, T)
    assert free.no_bill == T["no_bill_free"] and not free.can_cancel
    assert model.overview(portal(status="past_due"), date_of, T).warning == T["past_due_note"]


def test_scheduled_changes_promotions_cards_invoices():
    p = portal(scheduled=[{"kind": "plan", "description": "Change to the Free plan",
                           "effective_at": END}],
               coupon={"code": "LAUNCH20", "name": "Launch offer", "periods_left": 2})
    assert [(e.label, e.amount) for e in model.scheduled(p, date_of, T).entries] == [
        ("Change to the Free plan", "Dec 24, 2026")]
    assert model.promotions(p, date_of, T) == ["LAUNCH20: Launch offer · 2 more invoices"]
    granted = Portal.model_validate({**p.model_dump(), "promotions": [
        {"id": "promo_1", "feature_id": "sso", "label": "SAML single sign-on", "ends_at": END}]})
    assert model.promotions(granted, date_of, T)[0] == \
        "SAML single sign-on, granted until Dec 24, 2026"
    card = PaymentMethodPublic(id="pm", customer_id="acme", provider="test", brand="mastercard",
                               last4="4444", exp_month=3, exp_year=2030, is_default=True,
                               archived=False, created_at=NOW)
    assert model.card_label(card, T) == ("Mastercard ending in 4444", "Expires 03/2030")
    assert model.card_label(None, T) == ("No payment method yet", "")
    invoice = InvoicePublic(id="in_1", number=7, customer_id="acme", subscription_id="sub_1",
                            reason="subscription_update", status="paid", currency="USD",
                            lines=[], subtotal=money(4000, "$40.00"), discount=money(0, "$0"),
                            total=money(4000, "$40.00"), period_start=None, period_end=None,
                            payment_id=None, paid_at=NOW, created_at=NOW)
    row = model.invoice_rows([invoice], date_of, T)[0]
    assert (row.number, row.description, row.amount, row.status) == ("#7", "Plan change",
                                                                     "$40.00", "Paid")
