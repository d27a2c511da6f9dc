"""Pure paywall assembly: call-to-action per plan and period, prices, inheritance, add-ons."""

from datetime import UTC, datetime

import pytest

from backend.catalog.schemas import (
    AddonPublic,
    FeaturePublic,
    PlanPublic,
    ProductPublic,
    ProductSettings,
)
from backend.paywall.builder import (
    CustomerContext,
    build_paywall,
    plan_action,
    resolve_plan_entitlements,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def feature(ref, type_="configuration", unit=None, plural=None):
    return FeaturePublic(
        id=ref,
        display_name=ref.title(),
        description=None,
        type=type_,
        meter_type="incremental" if type_ == "metered" else None,
        unit=unit,
        unit_plural=plural,
        enum_values=None,
        metadata={},
        archived=False,
        created_at=T0,
        updated_at=T0,
    )


def price(period, amount, currency="USD"):
    return {"billing_period": period, "currency": currency, "amount_minor": amount, "amount": "x"}


def plan(
    ref,
    order,
    pricing_type="paid",
    prices=None,
    base=None,
    trial=None,
    hidden=False,
    archived=False,
    entitlements=(),
    addons=(),
    highlighted=False,
):
    if prices is None:
        prices = (
            [price("monthly", 1000 * (order + 1)), price("annual", 10000 * (order + 1))]
            if pricing_type == "paid"
            else []
        )
    return PlanPublic(
        id=ref,
        product_id="app",
        display_name=ref.title(),
        description=None,
        order=order,
        highlighted=highlighted,
        hidden=hidden,
        pricing_type=pricing_type,
        base_plan_id=base,
        trial_days=trial,
        trial_requires_payment_method=False,
        version=1,
        status="published",
        published_at=T0,
        compatible_addon_ids=list(addons),
        entitlements=list(entitlements),
        prices=prices,
        metadata={},
        archived=archived,
        created_at=T0,
        updated_at=T0,
    )


def addon(ref, archived=False):
    return AddonPublic(
        id=ref,
        product_id="app",
        display_name=ref.title(),
        description=None,
        max_quantity=None,
        requires_addon_ids=[],
        entitlements=[{"feature_id": "seats", "limit": 5}],
        prices=[price("monthly", 500)],
        metadata={},
        archived=archived,
        created_at=T0,
        updated_at=T0,
    )


PRODUCT = ProductPublic(
    id="app",
    display_name="App",
    description=None,
    settings=ProductSettings(),
    metadata={},
    archived=False,
    created_at=T0,
    updated_at=T0,
)
FEATURES = {
    "seats": feature("seats", unit="seat", plural="seats"),
    "sso": feature("sso", "boolean"),
}
PLANS = {
    "free": plan("free", 0, "free"),
    "basic": plan("basic", 1),
    "team": plan("team", 2, trial=14),
    "enterprise": plan("enterprise", 3, "custom"),
}
ORDER = {ref: p.order for ref, p in PLANS.items()}


def customer(plan_id=None, period=None, status="active"):
    return CustomerContext(
        id="c", name="C", plan_id=plan_id, billing_period=period, status=status if plan_id else None
    )


@pytest.mark.parametrize(
    ("who", "plan_id", "period", "intent", "enabled"),
    [
        # anonymous visitors and customers without a subscription
        (None, "free", "monthly", "subscribe", True),
        (None, "basic", "annual", "subscribe", True),
        (None, "team", "monthly", "start_trial", True),
        (None, "enterprise", "monthly", "contact_us", True),
        (customer(), "team", "annual", "start_trial", True),
        (customer(), "basic", "monthly", "subscribe", True),
        # the current plan
        (customer("basic", "monthly"), "basic", "monthly", "current", False),
        (customer("basic", "monthly"), "basic", "annual", "switch_period", True),
        (customer("free", "monthly"), "free", "annual", "current", False),  # free: one state
        (customer("enterprise", "annual"), "enterprise", "monthly", "current", False),
        # moving up and down
        (customer("basic", "monthly"), "team", "monthly", "upgrade", True),  # no second trial offer
        (customer("basic", "monthly"), "free", "monthly", "downgrade", True),
        (customer("team", "annual"), "basic", "annual", "downgrade", True),
        (customer("free", "monthly"), "team", "annual", "upgrade", True),
        (customer("team", "annual"), "enterprise", "annual", "contact_us", True),
    ],
)
def test_plan_actions(who, plan_id, period, intent, enabled):
    action = plan_action(PLANS[plan_id], period, ORDER, who)
    assert (action.intent, action.enabled) == (intent, enabled)


def test_build_paywall_for_a_visitor():
    seats = {"feature_id": "seats", "limit": 3}
    plans = [
        plan(
            "team",
            2,
            base="basic",
            highlighted=True,
            addons=["boost", "gone"],
            entitlements=[{"feature_id": "seats", "limit": 10}, {"feature_id": "sso"}],
        ),
        plan("basic", 1, entitlements=[seats], addons=["boost"]),
        plan("secret", 1, hidden=True),
        plan("old", 0, archived=True),
        plan("free", 0, "free", entitlements=[{"feature_id": "seats", "limit": 1}]),
    ]
    paywall = build_paywall(
        PRODUCT,
        plans,
        [addon("boost"), addon("gone", archived=True), addon("unused")],
        FEATURES,
        "USD",
        "en_US",
    )
    assert [p.id for p in paywall.plans] == ["free", "basic", "team"]
    assert (
        paywall.billing_periods == ["monthly", "annual"]
        and paywall.default_billing_period == "annual"
    )
    team = paywall.plans[2]
    assert team.base_plan_name == "Basic" and team.highlighted
    assert [(e.feature_id, e.label, e.inherited) for e in team.entitlements] == [
        ("seats", "10 seats", False),
        ("sso", "Sso", False),
    ]
    assert team.compatible_addon_ids == ["boost"]
    assert [a.id for a in paywall.addons] == ["boost"]  # archived and unused add-ons are left out
    assert [p.billing_period for p in team.prices] == ["monthly", "annual"]
    assert team.prices[1].monthly_equivalent.amount_minor == 2500
    assert team.savings_percent == 17 and paywall.savings_percent == 17
    assert paywall.plans[0].prices == [] and paywall.customer is None


def test_monthly_only_catalog_and_currency_filter():
    plans = [
        plan("a", 0, prices=[price("monthly", 900)]),
        plan("b", 1, prices=[price("monthly", 1900), price("monthly", 1700, "EUR")]),
    ]
    usd = build_paywall(PRODUCT, plans, [], FEATURES, "USD", "en_US")
    assert usd.billing_periods == ["monthly"] and usd.default_billing_period == "monthly"
    assert usd.savings_percent == 0
    assert list(usd.plans[0].actions) == ["monthly"]
    eur = build_paywall(PRODUCT, plans, [], FEATURES, "EUR", "de_DE")
    assert [p.id for p in eur.plans] == ["b"]
    assert eur.plans[0].prices[0].amount.formatted == "17\u00a0€"
    # free and custom plans act on the periods the page offers
    with_free = build_paywall(PRODUCT, [*plans, plan("free", 0, "free"), plan("big", 9, "custom")],
                              [], FEATURES, "USD", "en_US")
    assert {p.id: list(p.actions) for p in with_free.plans} == {
        "free": ["monthly"], "a": ["monthly"], "b": ["monthly"], "big": ["monthly"]}


def test_addons_whose_requirements_are_not_offered_are_left_out():
    def needing(ref, *requires):
        return addon(ref).model_copy(update={"requires_addon_ids": list(requires)})

    addons = [addon("boost"), needing("pack", "boost"), needing("refill", "pack"),
              needing("orphan", "gone"), addon("gone", archived=True)]
    plans = [plan("basic", 1, addons=["boost", "pack", "refill", "orphan"]),
             plan("lite", 0, addons=["pack", "refill"])]  # boost is not offered with lite
    paywall = build_paywall(PRODUCT, plans, addons, FEATURES, "USD", "en_US")
    by_id = {p.id: p for p in paywall.plans}
    assert by_id["basic"].compatible_addon_ids == ["boost", "pack", "refill"]
    assert by_id["lite"].compatible_addon_ids == []
    assert [a.id for a in paywall.addons] == ["boost", "pack", "refill"]


def test_customer_context_marks_current_and_shows_their_hidden_plan():
    plans = [plan("basic", 1), plan("grandfathered", 1, hidden=True)]
    paywall = build_paywall(
        PRODUCT, plans, [], FEATURES, "USD", "en_US", customer("grandfathered", "monthly")
    )
    assert [(p.id, p.is_current) for p in paywall.plans] == [
        ("basic", False),
        ("grandfathered", True),
    ]
    assert paywall.default_billing_period == "monthly"
    assert paywall.customer.current_plan_id == "grandfathered"


def test_inherited_lines_and_hidden_bases():
    base = plan("base", 0, "free", hidden=True, entitlements=[{"feature_id": "sso"}])
    child = plan("child", 1, base="base", entitlements=[{"feature_id": "seats", "limit": 5}])
    assert [
        (r.entitlement.feature_id, r.inherited)
        for r in resolve_plan_entitlements(child, {"base": base, "child": child})
    ] == [("sso", True), ("seats", False)]
    # the base is not on the page: no "Everything in", every line listed as the plan's own
    paywall = build_paywall(PRODUCT, [base, child], [], FEATURES, "USD", "en_US")
    [shown] = paywall.plans
    assert shown.base_plan_name is None
    assert [(e.feature_id, e.inherited) for e in shown.entitlements] == [
        ("sso", False),
        ("seats", False),
    ]


def test_inheritance_cycles_do_not_loop():
    a = plan("a", 0, base="b", entitlements=[{"feature_id": "sso"}])
    b = plan("b", 1, base="a", entitlements=[{"feature_id": "seats", "limit": 2}])
    resolved = resolve_plan_entitlements(a, {"a": a, "b": b})
    assert {r.entitlement.feature_id for r in resolved} == {"sso", "seats"}
