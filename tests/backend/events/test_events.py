"""Domain events: recorded with the change that causes them (or not at all), listed and filtered."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from backend.db import session_scope
from backend.events import catalog
from backend.events.service import record
from backend.kit.clock import set_clock
from backend.models import Event
from tests.backend.helpers import assert_problem, make_plan, make_product, ok


def events(api, **params):
    return ok(api.get("/api/v1/events", params={"limit": 100, **params}))["data"]


def types(api, **params):
    return [e["type"] for e in events(api, **params)]


# -- recording --------------------------------------------------------------------------------
def test_record_refuses_unknown_types_and_only_adds(tenant):
    with session_scope(tenant.url) as session:
        with pytest.raises(ValueError, match="unknown event type"):
            record(session, tenant.id, "subscription.exploded", {})
        with pytest.raises(TypeError, match="JSON object"):
            record(session, tenant.id, "plan.published", [1, 2])
        at = datetime(2026, 1, 1, tzinfo=UTC)
        event = record(session, tenant.id, "plan.published", {"at": at}, subject=("plan", "pro"))
        assert event in session.new and event.id is None  # added, not flushed or committed
        session.flush()
        assert event.sequence == event.id > 0
        assert event.data == {"at": "2026-01-01T00:00:00Z"}  # JSON-safe payload
        session.rollback()
    assert events(tenant.client()) == []


def test_every_catalog_type_has_a_description():
    assert all(t.count(".") in (1, 2) and d.endswith(".") for t, d in catalog.EVENT_TYPES.items())


def test_customer_lifecycle_events(seeded):
    api = seeded.client()
    before = len(events(api))  # the demo seed provisioned its customers through the service
    ok(api.post("/api/v1/customers", json={"id": "hans", "name": "Hans",
                                           "subscription": {"plan_id": "plus"}}), 201)
    ok(api.patch("/api/v1/customers/hans", json={"name": "Hans M.", "locale": "de-DE"}))
    ok(api.patch("/api/v1/customers/hans", json={"name": "Hans M."}))  # no change: no event
    ok(api.post("/api/v1/customers/hans/archive"))
    ok(api.post("/api/v1/customers/hans/archive"))  # archived already: no event
    mine = events(api, customer_id="hans")
    assert len(events(api)) == before + 4
    assert [e["type"] for e in mine] == [
        "customer.created", "subscription.created", "customer.updated", "customer.archived"]
    created, subscribed, updated, archived = mine
    assert created["data"]["customer"]["name"] == "Hans"
    assert (created["subject_type"], created["subject_id"]) == ("customer", "hans")
    sub = subscribed["data"]["subscription"]
    assert (sub["plan_id"], sub["status"]) == ("plus", "active")
    assert subscribed["subject_type"] == "subscription" and subscribed["subject_id"] == sub["id"]
    assert updated["data"]["previous"] == {"name": "Hans", "locale": None}
    assert updated["data"]["customer"]["name"] == "Hans M."
    assert archived["data"]["customer"]["archived"] is True
    sequences = [e["sequence"] for e in mine]
    assert sequences == sorted(sequences) and len(set(sequences)) == 4
    assert all(e["id"].startswith("evt_") and e["customer_id"] == "hans" for e in mine)


def test_plan_published_event(api):
    make_product(api)
    make_plan(api, "pro")
    ok(api.patch("/api/v1/plans/pro", json={"display_name": "Pro 2"}))  # a draft: no event
    assert types(api) == []
    ok(api.post("/api/v1/plans/pro/publish"))
    ok(api.patch("/api/v1/plans/pro", params={"publish": "true"}, json={"display_name": "Pro 3"}))
    first, second = events(api)
    assert [first["type"], second["type"]] == ["plan.published", "plan.published"]
    assert (first["data"]["plan"]["version"], first["data"]["previous_version"]) == (2, 1)
    assert (second["data"]["plan"]["display_name"], second["subject_id"]) == ("Pro 3", "pro")
    assert first["customer_id"] is None


def test_coupon_redeemed_event(tenant):
    from backend.coupons import service as coupons
    from backend.coupons.repository import CouponRepository

    api = tenant.client()
    ok(api.post("/api/v1/coupons", json={"id": "spring", "code": "SPRING", "percent_off": 20}), 201)
    with session_scope(tenant.url) as session:
        coupon = CouponRepository(session, tenant.id).get("spring")
        coupons.redeem(session, tenant.id, coupon, customer_ref="acme")
    [event] = events(api, type="coupon.redeemed")
    assert event["customer_id"] == "acme" and event["subject_id"] == "spring"
    assert event["data"]["coupon"]["redemptions"] == 1


# -- the same transaction ------------------------------------------------------------------------
def test_a_failing_request_records_no_event(seeded):
    api = seeded.client()
    before = events(api)
    # the customer row and its customer.created event are written, then the plan is refused
    assert_problem(api.post("/api/v1/customers", json={
        "id": "ghost", "subscription": {"plan_id": "no-such-plan"}}), 422, "subscription.plan_id")
    assert_problem(api.get("/api/v1/customers/ghost"), 404)
    assert events(api) == before
    make_plan(api, "solo", product="workspace")
    assert_problem(api.post("/api/v1/plans/solo/publish"), 409)  # no draft
    assert events(api) == before


def test_a_rollback_outside_requests_discards_events(tenant):
    from backend.customers import service as customers
    from backend.customers.schemas import CustomerCreate

    with pytest.raises(RuntimeError), session_scope(tenant.url) as session:
        customers.provision(session, tenant.id, CustomerCreate(id="temp"))
        session.flush()
        assert session.scalar(select(func.count()).select_from(Event)
                              .where(Event.environment_id == tenant.id)) == 1
        raise RuntimeError("the caller's transaction fails later")
    assert events(tenant.client()) == []


# -- reading ------------------------------------------------------------------------------------
@pytest.fixture
def history(tenant):
    """Events at known times: customers a (day 1), b (day 2), c (day 3) and a plan publish."""
    start = datetime(2026, 3, 1, 12, tzinfo=UTC)
    at = {"now": start}
    set_clock(lambda: at["now"])
    try:
        api = tenant.client()
        for day, ref in enumerate("abc"):
            at["now"] = start + timedelta(days=day)
            ok(api.post("/api/v1/customers", json={"id": ref}), 201)
        ok(api.patch("/api/v1/customers/a", json={"name": "A"}))
        make_product(api)
        make_plan(api, "pro")
        ok(api.patch("/api/v1/plans/pro", params={"publish": "true"}, json={"display_name": "P"}))
        yield api, start
    finally:
        set_clock(None)


def test_filters(history):
    api, start = history
    assert types(api) == ["customer.created"] * 3 + ["customer.updated", "plan.published"]
    assert types(api, type="customer.") == ["customer.created"] * 3 + ["customer.updated"]
    assert types(api, type="customer.*") == types(api, type="customer.")
    assert types(api, type=["plan.published", "customer.updated"]) == [
        "customer.updated", "plan.published"]
    assert [e["customer_id"] for e in events(api, customer_id="a")] == ["a", "a"]
    assert events(api, customer_id="nobody") == []
    day2 = (start + timedelta(days=1)).isoformat()
    day3 = (start + timedelta(days=2)).isoformat()
    assert [e["customer_id"] for e in events(api, since=day2, until=day3)] == ["b"]
    assert [e["customer_id"] for e in events(api, since=day3)] == ["c", "a", None]
    assert [e["customer_id"] for e in events(api, until=day2)] == ["a"]
    for bad in ("subscription.exploded", "nope.", "customer"):
        assert_problem(api.get("/api/v1/events", params={"type": bad}), 422, "type")
    assert_problem(api.get("/api/v1/events", params={"since": "2026-03-01T12:00:00"}), 422,
                   "since")  # a time without its zone is ambiguous


def test_pagination_both_directions(history):
    api, _ = history
    every = events(api)
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = ok(api.get("/api/v1/events", params=params))
        seen += page["data"]
        cursor = page["next_cursor"]
        assert page["has_more"] == (cursor is not None)
        if not cursor:
            break
    assert seen == every
    newest = ok(api.get("/api/v1/events", params={"limit": 2, "order": "desc"}))
    assert newest["data"] == every[::-1][:2]
    rest = ok(api.get("/api/v1/events", params={"limit": 10, "order": "desc",
                                                "cursor": newest["next_cursor"]}))
    assert rest["data"] == every[::-1][2:] and rest["has_more"] is False
    assert_problem(api.get("/api/v1/events", params={"cursor": "garbage"}), 422, "cursor")


def test_get_event_and_types(history, tenant):
    api, _ = history
    first = events(api)[0]
    assert ok(api.get(f"/api/v1/events/{first['id']}")) == first
    assert_problem(api.get("/api/v1/events/evt_nope"), 404)
    listed = ok(tenant.client("publishable").get("/api/v1/events/types"))
    assert {t["type"]: t["description"] for t in listed} == catalog.EVENT_TYPES


def test_environment_isolation_and_secret_key(history, tenant, make_tenant):
    api, _ = history
    other = make_tenant()
    theirs = other.client()
    ok(theirs.post("/api/v1/customers", json={"id": "a"}), 201)
    assert types(theirs) == ["customer.created"]
    mine = events(api)
    assert all(e["id"] != events(theirs)[0]["id"] for e in mine)
    assert_problem(theirs.get(f"/api/v1/events/{mine[0]['id']}"), 404)
    assert len(events(api, customer_id="a")) == 2  # not the other environment's 'a'
    assert_problem(tenant.client("publishable").get("/api/v1/events"), 403)
    assert_problem(tenant.client("publishable").get(f"/api/v1/events/{mine[0]['id']}"), 403)
    assert_problem(tenant.client(None).get("/api/v1/events"), 401)
