"""Combining entitlements: the most generous source wins; inheritance never takes access away."""

from hypothesis import given
from hypothesis import strategies as st

from backend.catalog.schemas import EntitlementPublic
from backend.entitlements.resolver import Resolved, inherit, more_generous

FEATURES = ["seats", "storage", "calls", "sso"]


def ent(feature="seats", limit=None, unlimited=False, soft=False, values=None):
    return EntitlementPublic(
        feature_id=feature, limit=limit, unlimited=unlimited, soft_limit=soft, enum_values=values
    )


def access(e):
    """How much an entitlement grants, comparable (unlimited > any limit; soft > hard)."""
    return (e.unlimited, e.limit or 0, e.soft_limit)


def test_more_generous_examples():
    assert more_generous(ent(limit=5), ent(unlimited=True)).unlimited
    assert more_generous(ent(unlimited=True), ent(limit=10**9)).unlimited
    assert more_generous(ent(limit=5), ent(limit=10)).limit == 10
    assert more_generous(ent(limit=10), ent(limit=5)).limit == 10
    assert more_generous(ent(limit=5), ent(limit=5, soft=True)).soft_limit
    tie_a, tie_b = ent(limit=5), ent(limit=5)
    assert more_generous(tie_a, tie_b) is tie_a
    assert more_generous(ent(values=["a", "b"]), ent(values=["b", "c"])).enum_values == [
        "a",
        "b",
        "c",
    ]


NUMERIC = st.builds(
    ent,
    feature=st.sampled_from(FEATURES),
    limit=st.none() | st.integers(0, 10**6),
    soft=st.booleans(),
) | st.builds(ent, feature=st.sampled_from(FEATURES), unlimited=st.just(True), soft=st.booleans())


def unique(entitlements):
    return list({e.feature_id: e for e in entitlements}.values())


PLAN = st.lists(NUMERIC, max_size=4).map(unique)


@given(NUMERIC, NUMERIC)
def test_most_generous_wins(a, b):
    best = more_generous(a, b)
    assert best in (a, b)
    assert access(best) >= access(a) and access(best) >= access(b)


@given(PLAN, PLAN)
def test_inherit_never_reduces_access(base, own):
    result = inherit([Resolved(e, False) for e in base], own)
    by_feature = {r.entitlement.feature_id: r for r in result}
    assert len(by_feature) == len(result)  # one line per feature
    assert set(by_feature) == {e.feature_id for e in base} | {e.feature_id for e in own}
    for e in base:  # nothing the base plan grants is lost
        assert access(by_feature[e.feature_id].entitlement) >= access(e)
    for e in own:  # nor anything the plan grants itself
        assert access(by_feature[e.feature_id].entitlement) >= access(e)
    for e in base:  # a line the plan does not improve is marked as inherited
        mine = next((o for o in own if o.feature_id == e.feature_id), None)
        if mine is None or access(mine) <= access(e):
            assert by_feature[e.feature_id].inherited
        else:
            assert not by_feature[e.feature_id].inherited
    # base order first, then the plan's new features in its own order
    base_ids = [e.feature_id for e in base]
    new_ids = [e.feature_id for e in own if e.feature_id not in base_ids]
    assert [r.entitlement.feature_id for r in result] == base_ids + new_ids


@given(PLAN, PLAN, PLAN)
def test_inheriting_through_a_chain_keeps_every_grant(grand, parent, child):
    resolved = inherit(inherit([Resolved(e, False) for e in grand], parent), child)
    by_feature = {r.entitlement.feature_id: r.entitlement for r in resolved}
    for e in grand + parent + child:
        assert access(by_feature[e.feature_id]) >= access(e)


def test_enum_values_named_by_the_plan_replace_the_base_plans():
    """Current design (see resolver docstring): a higher tier picks its own enum options."""
    base = [Resolved(ent("history", values=["90 days"]), False)]
    [own] = inherit(base, [ent("history", values=["Unlimited"])])
    assert own.entitlement.enum_values == ["Unlimited"] and not own.inherited
    [same] = inherit(base, [ent("history", values=["90 days"])])
    assert same.inherited
    [kept] = inherit(base, [])
    assert kept.entitlement.enum_values == ["90 days"] and kept.inherited
