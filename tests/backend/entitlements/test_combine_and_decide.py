"""Combining plan, add-ons and promotions, and deciding access, by worked example and property."""

from hypothesis import given
from hypothesis import strategies as st

from backend.entitlements.combine import Effective, Grant, combine
from backend.entitlements.decide import DENIAL_REASONS, decide


def plan(feature="seats", **kw):
    return Grant(feature, "plan", **kw)


def addon(feature="seats", qty=1, name="extra", **kw):
    return Grant(feature, f"addon:{name}", quantity=qty, **kw)


def promo(feature="seats", name="p", **kw):
    return Grant(feature, f"promotion:{name}", **kw)


def test_add_ons_add_to_the_plan_limit_times_their_quantity():
    seats = combine([plan(limit=10), addon(limit=5, qty=3)])["seats"]
    assert (seats.limit, seats.unlimited) == (25, False)
    assert seats.sources == ("plan", "addon:extra")


def test_an_add_on_alone_grants_its_amount():
    assert combine([addon("storage", limit=100, qty=2)])["storage"].limit == 200


def test_a_promotion_wins_only_when_more_generous():
    assert combine([plan(limit=10), promo(limit=50)])["seats"].limit == 50
    assert combine([plan(limit=10), addon(limit=50), promo(limit=30)])["seats"].limit == 60
    assert combine([plan(limit=10), promo(unlimited=True)])["seats"].unlimited
    assert combine([plan(limit=10), promo(limit=10, soft_limit=True)])["seats"].soft_limit


def test_enum_values_are_united_and_reset_period_kept():
    got = combine([plan("model", enum_values=("small",)), promo("model", enum_values=("large",)),
                   plan("calls", limit=1000, reset_period="month")])
    assert got["model"].enum_values == ("small", "large")
    assert got["calls"].reset_period == "month"


def test_a_zero_quantity_add_on_grants_nothing():
    assert combine([addon("sso", qty=0)]) == {}


def test_metered_decisions():
    calls = Effective("calls", limit=100, reset_period="month")
    assert decide("metered", calls, usage=99).has_access
    assert decide("metered", calls, usage=100).reason == "usage_limit_exceeded"
    assert decide("metered", calls, usage=90, requested_usage=10).has_access
    assert not decide("metered", calls, usage=90, requested_usage=11).has_access
    soft = Effective("calls", limit=100, soft_limit=True)
    assert decide("metered", soft, usage=500).has_access
    assert decide("metered", Effective("calls", unlimited=True), usage=10**9).has_access


def test_other_feature_types():
    assert decide("boolean", Effective("sso")).has_access
    assert decide("boolean", None).reason == "no_feature_entitlement"
    model = Effective("model", enum_values=("small", "large"))
    assert decide("enum", model, requested_value="large").has_access
    assert decide("enum", model, requested_value="huge").reason == "value_not_allowed"
    storage = Effective("storage", limit=50)
    assert decide("configuration", storage, requested_usage=50).has_access
    assert decide("configuration", storage, requested_usage=51).reason == "usage_limit_exceeded"
    assert decide("boolean", Effective("sso"), requested_usage=1).reason == "feature_type_mismatch"


def test_every_reason_is_from_the_fixed_set():
    for reason in ("usage_limit_exceeded", "value_not_allowed", "no_feature_entitlement",
                   "feature_type_mismatch"):
        assert reason in DENIAL_REASONS


limits = st.one_of(st.none(), st.integers(0, 10_000))
grants = st.builds(
    Grant, feature_id=st.sampled_from(["seats", "calls"]),
    source=st.sampled_from(["plan", "addon:a", "addon:b", "promotion:x", "promotion:y"]),
    limit=limits, unlimited=st.booleans(), soft_limit=st.booleans(),
    quantity=st.integers(0, 5))


def access(e: Effective | None) -> tuple[int, int]:
    if e is None:
        return (0, -1)
    return (1 if e.unlimited else 0, e.limit or 0)


def _valid(gs):
    # one plan entitlement per feature; a limit or unlimited, not both
    seen, out = set(), []
    for g in gs:
        if g.source == "plan" and g.feature_id in seen:
            continue
        if g.source == "plan":
            seen.add(g.feature_id)
        out.append(Grant(g.feature_id, g.source, None if g.unlimited else g.limit, g.unlimited,
                         g.soft_limit, quantity=g.quantity))
    return out


@given(st.lists(grants, max_size=6), grants)
def test_adding_a_source_never_reduces_access(existing, extra):
    before = combine(_valid(existing))
    after = combine(_valid(existing + [extra]))
    for feature in before:
        assert access(after.get(feature)) >= access(before[feature])


@given(st.integers(0, 1000), st.integers(1, 1000), st.integers(0, 20))
def test_add_on_quantity_scales_linearly(base, amount, qty):
    got = combine([plan(limit=base), addon(limit=amount, qty=qty)])["seats"]
    assert got.limit == base + amount * qty


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
def test_the_most_generous_promotion_wins(amounts):
    got = combine([promo(limit=a, name=str(i)) for i, a in enumerate(amounts)])["seats"]
    assert got.limit == max(amounts)


@given(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 50))
def test_a_hard_limit_is_never_passed(limit, usage, requested):
    d = decide("metered", Effective("calls", limit=limit), usage=usage, requested_usage=requested)
    assert d.has_access == (usage + requested <= limit)
