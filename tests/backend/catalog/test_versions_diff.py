"""The pure diff of two plan versions: prices by key, entitlements by feature, plain fields."""

from backend.catalog.versions import entitlement_changes, field_changes, plan_diff, price_changes


def price(period="monthly", currency="USD", amount=1000, **extra):
    return {"billing_period": period, "currency": currency, "country": None, "model": "flat",
            "amount_minor": amount, "amount": f"{amount / 100:.2f}", **extra}


def ent(feature, **values):
    return {"feature_id": feature, "limit": None, "unlimited": False, "enum_values": None,
            "soft_limit": False, "reset_period": None, "display_name": None, "hidden": False,
            **values}


def plan(**extra):
    base = {"display_name": "Plus", "description": None, "order": 1, "highlighted": False,
            "hidden": False, "pricing_type": "paid", "trial_days": None,
            "trial_requires_payment_method": False, "base_plan_id": None,
            "compatible_addon_ids": ["a", "b"], "metadata": {}, "prices": [price()],
            "entitlements": [ent("seats", limit=5)]}
    base.update(extra)
    return base


def test_identical_versions_have_no_changes():
    assert plan_diff(plan(), plan()) == {"fields": [], "prices": [], "entitlements": []}


def test_prices_added_removed_changed_by_key():
    before = [price(amount=1000), price("annual", amount=10000), price(currency="EUR", amount=900)]
    after = [price(amount=1200), price("annual", amount=10000),
             price(country="DE", currency="EUR", amount=950)]
    changes = price_changes(before, after)
    summary = [(c["change"], c["key"]["billing_period"], c["key"]["currency"], c["key"]["country"])
               for c in changes]
    assert sorted(summary) == sorted([
        ("changed", "monthly", "USD", None),
        ("removed", "monthly", "EUR", None),
        ("added", "monthly", "EUR", "DE"),
    ])
    changed = next(c for c in changes if c["change"] == "changed")
    assert (changed["before"]["amount_minor"], changed["after"]["amount_minor"]) == (1000, 1200)
    removed = next(c for c in changes if c["change"] == "removed")
    assert removed["after"] is None and removed["before"]["amount_minor"] == 900


def test_price_key_includes_model_and_feature():
    flat = price()
    per_seat = price(model="per_unit", feature_id="seats", unit_amount="5")
    changes = price_changes([flat], [flat, per_seat])
    assert [(c["change"], c["key"]["model"], c["key"]["feature_id"]) for c in changes] == [
        ("added", "per_unit", "seats")
    ]
    # a change of the spec beyond the amount (here a tier) is a change of that price
    tiered = price(model="tiered", feature_id="calls", tiers=[{"up_to": 10, "unit_amount": "1"}])
    retiered = {**tiered, "tiers": [{"up_to": 20, "unit_amount": "1"}]}
    assert [c["change"] for c in price_changes([tiered], [retiered])] == ["changed"]


def test_derived_amount_alone_is_not_a_change():
    assert price_changes([price()], [{**price(), "amount": "10"}]) == []


def test_entitlement_changes_per_feature():
    before = [ent("seats", limit=5), ent("sso"), ent("calls", limit=100, reset_period="month")]
    after = [ent("seats", unlimited=True), ent("calls", limit=100, reset_period="month",
                                                soft_limit=True), ent("history", enum_values=["90d"])]
    changes = {c["feature_id"]: c for c in entitlement_changes(before, after)}
    assert set(changes) == {"seats", "sso", "calls", "history"}
    assert changes["seats"]["change"] == "changed"
    assert changes["seats"]["changed_fields"] == ["limit", "unlimited"]
    assert (changes["seats"]["before"]["limit"], changes["seats"]["after"]["unlimited"]) == (5, True)
    assert changes["sso"]["change"] == "removed" and changes["sso"]["after"] is None
    assert changes["calls"]["changed_fields"] == ["soft_limit"]
    assert changes["history"]["change"] == "added"
    assert changes["history"]["after"]["enum_values"] == ["90d"]


def test_entitlement_order_is_not_a_change():
    a, b = ent("seats", limit=5), ent("sso")
    assert entitlement_changes([a, b], [b, a]) == []


def test_field_changes():
    after = plan(display_name="Plus 2", order=2, trial_days=14, base_plan_id="free",
                 compatible_addon_ids=["b", "a"], hidden=True)
    changes = {c["field"]: (c["before"], c["after"]) for c in field_changes(plan(), after)}
    assert changes == {
        "display_name": ("Plus", "Plus 2"), "order": (1, 2), "hidden": (False, True),
        "trial_days": (None, 14), "base_plan_id": (None, "free"),
    }  # add-ons in another order are the same set
    dropped = field_changes(plan(), plan(compatible_addon_ids=["a"]))
    assert dropped == [{"field": "compatible_addon_ids", "before": ["a", "b"], "after": ["a"]}]


def test_diff_is_symmetric_in_kind():
    before, after = plan(), plan(prices=[price(amount=2000)], entitlements=[])
    forward, backward = plan_diff(before, after), plan_diff(after, before)
    assert [c["change"] for c in forward["entitlements"]] == ["removed"]
    assert [c["change"] for c in backward["entitlements"]] == ["added"]
    assert forward["prices"][0]["before"] == backward["prices"][0]["after"]
