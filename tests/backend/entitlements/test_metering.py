"""Meters turn raw events into usage: pure aggregation by example and property, and the API
(idempotent events, late events in their period, all five aggregations, filters)."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.entitlements.metering import MeterSpec, NotANumber, RawEvent, aggregate
from backend.kit.clock import now
from tests.backend.helpers import assert_problem, ok

T0 = datetime(2026, 11, 24, tzinfo=UTC)


def ev(name="image.generated", customer="acme", at=T0, **dims):
    return RawEvent(customer, name, dims, at)


def one_period(_event):
    return T0


def test_each_aggregation_by_example():
    events = [ev(size=3, model="small", user="u1"), ev(size=5, model="large", user="u2"),
              ev(size=2, model="small", user="u1", at=T0 + timedelta(hours=1)),
              ev("other", size=100)]

    def run(aggregation, field=None, **filters):
        spec = MeterSpec("f", "image.generated", aggregation, field, filters)
        return aggregate(spec, events, one_period)[("acme", T0)]

    assert run("count").add == 3
    assert run("count", model="small").add == 2
    assert run("count", model=["small", "large"]).add == 3
    assert run("sum", "size").add == 10
    assert run("max", "size").maximum == 5
    assert run("unique_count", "user").uniques == {"u1", "u2"}
    assert run("latest", "size").latest == (T0 + timedelta(hours=1), 2)


def test_non_numbers_are_refused_for_sums():
    with pytest.raises(NotANumber):
        aggregate(MeterSpec("f", "e", "sum", "n"), [ev("e", n="lots")], one_period)
    with pytest.raises(NotANumber):
        aggregate(MeterSpec("f", "e", "sum", "n"), [ev("e", n=1.5)], one_period)


sizes = st.lists(st.integers(0, 1000), max_size=30)


@given(sizes, st.randoms())
def test_order_does_not_change_count_sum_or_max(values, rnd):
    events = [ev(size=v) for v in values]
    shuffled = list(events)
    rnd.shuffle(shuffled)
    for aggregation in ("count", "sum", "max"):
        spec = MeterSpec("f", "image.generated", aggregation, "size")
        assert aggregate(spec, events, one_period) == aggregate(spec, shuffled, one_period)
    if values:
        assert aggregate(MeterSpec("f", "image.generated", "count"), events,
                         one_period)[("acme", T0)].add == len(values)


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=30))
def test_unique_count_never_exceeds_the_distinct_values(users):
    spec = MeterSpec("f", "image.generated", "unique_count", "user")
    got = aggregate(spec, [ev(user=u) for u in users], one_period)
    assert len(got[("acme", T0)].uniques) == len(set(users)) if users else got == {}


@pytest.fixture
def api(seeded):
    return seeded.client()


def events(*items):
    return {"events": [dict(customer_id="acme", event_name="ai.request", **i) for i in items]}


def usage(api, feature):
    return ok(api.get("/api/v1/entitlements/check",
                      params={"customer_id": "acme", "feature_id": feature}))["current_usage"]


def test_events_count_once_and_late_ones_land_in_their_period(api):
    ok(api.post("/api/v1/meters", json={"feature_id": "ai-credits", "event_name": "ai.request",
                                        "aggregation": "sum", "field": "credits"}), 201)
    batch = events({"dimensions": {"credits": 40}, "idempotency_key": "r1"},
                   {"dimensions": {"credits": 2}, "idempotency_key": "r2"},
                   {"dimensions": {"credits": 2}, "idempotency_key": "r2"})
    first = ok(api.post("/api/v1/usage-events", json=batch))
    assert (first["accepted"], first["duplicates"]) == (2, 1)
    assert usage(api, "ai-credits") == 42
    again = ok(api.post("/api/v1/usage-events", json=batch))
    assert again["accepted"] == 0 and usage(api, "ai-credits") == 42
    old = (now() - timedelta(days=40)).isoformat()
    ok(api.post("/api/v1/usage-events", json=events(
        {"dimensions": {"credits": 500}, "idempotency_key": "late", "timestamp": old})))
    assert usage(api, "ai-credits") == 42
    listed = ok(api.get("/api/v1/usage-events", params={"customer_id": "acme"}))["data"]
    assert [e["idempotency_key"] for e in listed] == ["late", "r2", "r1"]


def test_unique_max_latest_and_filters(api):
    ok(api.post("/api/v1/meters", json={
        "feature_id": "api-calls", "event_name": "ai.request", "aggregation": "unique_count",
        "field": "user", "filters": {"region": ["eu", "us"]}}), 201)
    ok(api.post("/api/v1/usage-events", json=events(
        {"dimensions": {"user": "u1", "region": "eu"}, "idempotency_key": "a"},
        {"dimensions": {"user": "u1", "region": "us"}, "idempotency_key": "b"},
        {"dimensions": {"user": "u2", "region": "eu"}, "idempotency_key": "c"},
        {"dimensions": {"user": "u3", "region": "apac"}, "idempotency_key": "d"})))
    assert usage(api, "api-calls") == 2
    ok(api.post("/api/v1/usage-events", json=events(
        {"dimensions": {"user": "u2", "region": "eu"}, "idempotency_key": "e"})))
    assert usage(api, "api-calls") == 2


def test_meters_are_validated(api):
    assert_problem(api.post("/api/v1/meters", json={
        "feature_id": "seats", "event_name": "x", "aggregation": "count"}), 422, "feature_id")
    assert_problem(api.post("/api/v1/meters", json={
        "feature_id": "ai-credits", "event_name": "x", "aggregation": "sum"}), 422)
    ok(api.post("/api/v1/meters", json={"feature_id": "ai-credits", "event_name": "x",
                                        "aggregation": "count"}), 201)
    assert_problem(api.post("/api/v1/meters", json={
        "feature_id": "ai-credits", "event_name": "y", "aggregation": "count"}), 409)
    assert [m["feature_id"] for m in ok(api.get("/api/v1/meters"))] == ["ai-credits"]
    assert api.delete("/api/v1/meters/ai-credits").status_code == 204
    assert_problem(api.post("/api/v1/usage-events", json={"events": [
        {"customer_id": "ghost", "event_name": "x", "idempotency_key": "k"}]}), 422,
        "events.0.customer_id")
