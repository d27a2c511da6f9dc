"""The checkout's order and what each step and the summary show, from backend shapes."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.payments.schemas import PaymentMethodPublic
from backend.subscriptions.schemas import Preview, SubscriptionPublic
from widgets.checkout import model
from widgets.checkout.texts import DEFAULT_TEXTS as T
from widgets.checkout.texts import merge_texts

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def money(minor, fmt, currency="USD"):
    return {"amount_minor": minor, "currency": currency, "formatted": fmt}


def draft(lines, total, fmt, start=None):
    return {"lines": [{"kind": k, "description": d, "amount": money(a, f)} for k, d, a, f in lines],
            "subtotal": money(total, fmt), "discount": money(0, "$0.00"), "total": money(total, fmt),
            "period_start": start, "period_end": None}


def preview(lines, total, fmt, *, change="create", effective="immediately", nxt=(3600, "$36.00")):
    return Preview.model_validate({
        "change": change, "effective": effective, "effective_at": NOW,
        "immediate": draft(lines, total, fmt),
        "next_invoice": draft([("recurring", "Plus", nxt[0], nxt[1])], nxt[0], nxt[1],
                              datetime(2026, 12, 24, tzinfo=UTC)) if nxt else None,
    })


def sub(plan="plus", period="monthly", quantities=None, addons=()):
    return SubscriptionPublic.model_validate({
        "id": "sub_1", "customer_id": "acme", "product_id": "workspace", "plan_id": plan,
        "plan_version": 1, "billing_period": period, "currency": "USD", "status": "active",
        "quantities": quantities or {"seats": 3}, "coupon_code": None,
        "addons": [{"addon_id": a, "quantity": q} for a, q in addons],
        "coupon_periods_left": None, "trial_end": None, "current_period_start": NOW,
        "current_period_end": datetime(2026, 12, 24, tzinfo=UTC), "cancel_at_period_end": False,
        "cancel_reason": None, "cancel_comment": None, "canceled_at": None,
        "scheduled_change": None, "started_at": NOW, "ended_at": None})


def test_a_new_customer_gets_the_hosts_choice(paywall):
    plus = model.plan_of(paywall, "plus")
    order = model.initial_order(paywall, plus, None, "annual", {"seats": 12}, "subscribe")
    assert (order.period, order.quantities, order.addons) == ("annual", {"seats": 12}, {})


def test_quantities_are_clamped_into_the_prices_limits(paywall):
    plus = model.plan_of(paywall, "plus")
    assert model.initial_order(paywall, plus, None, "monthly", {"seats": 500}, "").quantities == \
        {"seats": 20}


def test_a_customer_changing_plan_keeps_their_add_ons_where_allowed(paywall):
    business = model.plan_of(paywall, "business")
    current = sub(addons=[("extra-storage", 2), ("ai-boost", 1)])
    order = model.initial_order(paywall, business, current, None, None, "upgrade")
    assert order.period == "monthly"  # the subscription's period
    assert order.addons == {"extra-storage": 2}  # ai-boost is not compatible with Business
    assert order.quantities == {"seats": 3}  # Business' minimum, not Plus' seats


def test_switching_to_annual_drops_add_ons_without_an_annual_price(paywall):
    plus = model.plan_of(paywall, "plus")
    order = model.Order(plan_id="plus", period="monthly", quantities={"seats": 4},
                        addons={"ai-boost": 1, "extra-storage": 1})
    annual = model.switch_period(paywall, plus, order, "annual")
    assert annual.addons == {"extra-storage": 1} and annual.quantities == {"seats": 4}


def test_steps_with_nothing_to_choose_are_skipped(paywall):
    free = model.plan_of(paywall, "free")
    assert model.step_ids(paywall, free, model.Order(plan_id="free")) == ["review"]
    plus = model.plan_of(paywall, "plus")
    assert model.step_ids(paywall, plus, model.Order(plan_id="plus")) == \
        ["plan", "addons", "payment"]
    one_period = paywall.model_copy(deep=True)
    business = model.plan_of(one_period, "business")
    business.prices = [business.prices[0]]
    business.prices[0].components = []
    business.compatible_addon_ids = []
    assert model.step_ids(one_period, business, model.Order(plan_id="business")) == ["payment"]


def test_trial_only_for_new_customers_of_plans_with_a_trial(paywall):
    business = model.plan_of(paywall, "business")
    assert model.initial_order(paywall, business, None, None, None, "start_trial").trial
    assert not model.initial_order(paywall, business, sub(), None, None, "start_trial").trial
    plus = model.plan_of(paywall, "plus")
    assert not model.initial_order(paywall, plus, None, None, None, "start_trial").trial


def test_request_body_for_create_and_change():
    order = model.Order(plan_id="plus", period="annual", quantities={"seats": 5},
                        addons={"extra-storage": 2, "ai-boost": 0}, coupon="LAUNCH20")
    assert model.request_body(order, create=True) == {
        "plan_id": "plus", "billing_period": "annual", "quantities": {"seats": 5},
        "addons": [{"addon_id": "extra-storage", "quantity": 2}], "trial": False,
        "coupon_code": "LAUNCH20"}
    assert "trial" not in model.request_body(order, create=False)


def test_summary_shows_proration_credit_and_charge_and_the_next_bill():
    p = preview([("proration_credit", "Unused time on Plus", -2000, "-$20.00"),
                 ("proration_charge", "Remaining time on Business", 6000, "$60.00")],
                4000, "$40.00", change="upgrade")
    lines = model.summary_lines(p)
    assert [(line.kind, line.amount) for line in lines] == [("credit", "-$20.00"),
                                                            ("charge", "$60.00")]
    assert model.next_charge(p, "monthly", lambda d: d.strftime("%b %d, %Y"), T) == \
        "Then $36.00 per month, from Dec 24, 2026"


def test_a_scheduled_change_says_when_and_that_nothing_is_charged(paywall):
    p = preview([], 0, "$0.00", change="downgrade", effective="period_end")
    notes = model.summary_notes(p, model.plan_of(paywall, "free"), model.Order(plan_id="free"),
                                lambda d: "Nov 24, 2026", T)
    assert notes == [T["effective_later"].replace("{date}", "Nov 24, 2026")]


def test_credit_for_unused_time_is_explained(paywall):
    p = preview([("proration_credit", "Unused time", -1500, "-$15.00"),
                 ("credit_to_balance", "Credited to your balance", 1500, "$15.00")], 0, "$0.00",
                change="downgrade")
    notes = model.summary_notes(p, model.plan_of(paywall, "plus"), model.Order(), str, T)
    assert notes[-1].startswith("$15.00 for unused time")


@pytest.mark.parametrize("current,target,eff,change,label", [
    (None, "plus", "immediately", "create", "Subscribe"),
    ("plus", "business", "immediately", "upgrade", "Upgrade now"),
    ("business", "plus", "period_end", "downgrade", "Schedule change"),
    ("plus", "free", "period_end", "downgrade", "Downgrade to Free"),
])
def test_the_confirm_button_says_what_happens(paywall, current, target, eff, change, label):
    plan = model.plan_of(paywall, target)
    order = model.Order(plan_id=target, quantities={"seats": 5})
    p = preview([], 0, "$0.00", change=change, effective=eff)
    assert model.cta_label(plan, sub(current) if current else None, order, p, T) == label


def test_an_unchanged_order_offers_no_change(paywall):
    current = sub("plus", quantities={"seats": 3})
    order = model.Order(plan_id="plus", period="monthly", quantities={"seats": 3})
    assert model.is_unchanged(order, current)
    assert model.cta_label(model.plan_of(paywall, "plus"), current, order, None, T) == "No changes"


def test_cards_and_promo_messages_in_words():
    card = PaymentMethodPublic(id="pm_1", customer_id="acme", provider="test", brand="visa",
                               last4="4242", exp_month=3, exp_year=2028, is_default=True,
                               archived=False, created_at=NOW)
    option = model.card_options([card], T)[0]
    assert (option.label, option.expiry) == ("Visa ending in 4242", "Expires 03/2028")
    assert model.promo_message("expired", "", "Plus", T) == "This code has expired."
    assert model.promo_message("not_applicable_to_plan", "", "Plus", T) == \
        "This code doesn't apply to the Plus plan."
    assert "boom" in model.promo_message("weird", "boom", "Plus", T)


@pytest.mark.parametrize("text,expected", [("12/28", (12, 2028)), (" 1 / 2031 ", (1, 2031)),
                                           ("13/28", None), ("1228", None), ("", None)])
def test_expiry_parsing(text, expected):
    assert model.parse_expiry(text) == expected


@given(st.integers(min_value=-50, max_value=500))
def test_any_requested_quantity_lands_within_limits(wanted):
    from tests.widgets.conftest import make_paywall

    paywall = make_paywall()
    plus = model.plan_of(paywall, "plus")
    order = model.initial_order(paywall, plus, None, "monthly", {"seats": wanted}, "")
    assert 1 <= order.quantities["seats"] <= 20


def test_text_overrides_are_checked():
    assert merge_texts({"cta_subscribe": "Buy"})["cta_subscribe"] == "Buy"
    with pytest.raises(ValueError, match="checkout"):
        merge_texts({"nope": "x"})


def _result(effective="immediately", total=2400, fmt="£24"):
    from backend.subscriptions.schemas import ChangeResult

    invoice = {"id": "in_1", "number": 1, "customer_id": "initech", "subscription_id": "sub_1",
               "reason": "subscription_update", "status": "paid", "currency": "GBP", "lines": [],
               "subtotal": money(total, fmt), "discount": money(0, "£0"),
               "total": money(total, fmt), "period_start": None, "period_end": None,
               "payment_id": None, "paid_at": NOW, "created_at": NOW}
    return ChangeResult.model_validate({
        "subscription": sub().model_dump(), "invoice": invoice if total else None,
        "preview": preview([], total, fmt, change="upgrade", effective=effective).model_dump()})


def test_success_says_what_was_charged_or_when_the_change_happens():
    title, body = model.success_texts(_result(), "Plus", "Visa ending in 4242",
                                      lambda d: "Dec 24, 2026", T)
    assert (title, body) == ("You're on Plus",
                             "We charged £24 to Visa ending in 4242. Receipt: invoice #1.")
    title, body = model.success_texts(_result("period_end", 0, "£0"), "Free", "",
                                      lambda d: "Dec 24, 2026", T)
    assert (title, body) == ("Change scheduled", "Your subscription changes to Free on Dec 24, 2026.")
    done = model.completion(_result(), "Plus")
    assert done["plan_name"] == "Plus" and done["amount_charged"]["formatted"] == "£24"


def test_quantity_hints_and_add_on_prices_use_the_checkouts_own_texts(paywall):
    plus = model.plan_of(paywall, "plus")
    order = model.initial_order(paywall, plus, None, "monthly", {"seats": 5}, "")
    texts = merge_texts({"quantity_range": "{min} to {max} {units}",
                         "addon_price": "{amount} a month",
                         "addon_credit_pack": "{credits} credits for {amount}"})
    assert model.quantity_views(plus, order, "en_US", texts)[0].hint == "1 to 20 seats"
    prices = {row.id: row.price for row in model.addon_rows(paywall, plus, order, texts)}
    assert prices["extra-storage"] == "$10 a month"
    assert prices["ai-credit-pack"] == "5,000 credits for $10"
