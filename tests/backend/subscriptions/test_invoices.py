"""Open invoices: paying one (a past-due subscription becomes active again), declines (402, the
invoice stays open), voiding and marking uncollectible (only from open)."""

from datetime import timedelta

from tests.backend.helpers import assert_problem, ok
from tests.backend.payments.conftest import DECLINED, card
from tests.backend.subscriptions.conftest import T0, subscribe
from tests.backend.subscriptions.test_period_end import CLOCK, advance, invoices


def past_due(api):
    """A subscription whose renewal was declined: past due, with an open invoice."""
    sub = subscribe(api)["subscription"]
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    assert advance(api, T0 + timedelta(days=31)) == ["subscription.past_due"]
    open_invoice = invoices(api)[0]
    assert open_invoice["status"] == "open"
    return sub, open_invoice


def event_types(api):
    return [e["type"] for e in ok(api.get("/api/v1/events", params={"limit": 100}))["data"]]


def test_paying_the_open_invoice_recovers_the_subscription(shop):
    sub, inv = past_due(shop)
    path = f"/api/v1/invoices/{inv['id']}"
    body = assert_problem(shop.post(f"{path}/pay"), 402)
    assert body["decline_code"] == "card_declined"
    assert ok(shop.get(path))["status"] == "open"
    ok(shop.post("/api/v1/customers/ada/payment-methods", json=card(make_default=True)), 201)
    paid = ok(shop.post(f"{path}/pay"))
    assert paid["status"] == "paid" and paid["paid_at"] and paid["payment_id"]
    got = ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))
    assert got["status"] == "active"
    assert_problem(shop.post(f"{path}/pay"), 409)
    types = event_types(shop)
    assert {"payment.failed", "invoice.paid", "subscription.recovered"} <= set(types)
    moved = ok(shop.post(CLOCK + "/advance", json={"to": (T0 + timedelta(days=62)).isoformat()}))
    assert [t["type"] for t in moved["transitions"]] == ["subscription.renewed"]


def test_void_and_uncollectible_only_from_open(shop):
    made = subscribe(shop)
    paid_path = f"/api/v1/invoices/{made['invoice']['id']}"
    assert_problem(shop.post(f"{paid_path}/void"), 409)
    assert_problem(shop.post(f"{paid_path}/mark-uncollectible"), 409)
    assert_problem(shop.post("/api/v1/invoices/in_nope/void"), 404)
    ok(shop.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    advance(shop, T0 + timedelta(days=31))
    first = invoices(shop)[0]
    voided = ok(shop.post(f"/api/v1/invoices/{first['id']}/void"))
    assert voided["status"] == "void"
    assert_problem(shop.post(f"/api/v1/invoices/{first['id']}/mark-uncollectible"), 409)
    assert_problem(shop.post(f"/api/v1/invoices/{first['id']}/pay"), 409)
    assert "invoice.voided" in event_types(shop)


def test_marking_uncollectible(shop):
    _, inv = past_due(shop)
    done = ok(shop.post(f"/api/v1/invoices/{inv['id']}/mark-uncollectible"))
    assert done["status"] == "uncollectible"
    assert "invoice.marked_uncollectible" in event_types(shop)
    assert_problem(shop.post(f"/api/v1/invoices/{inv['id']}/void"), 409)
