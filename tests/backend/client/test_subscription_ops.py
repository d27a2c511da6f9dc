"""TollgateClient subscription and invoice operations in-process: typed results, problems."""

from datetime import timedelta

import pytest

from backend.client import TollgateClient, TollgateError
from backend.kit.clock import set_clock
from backend.kit.pagination import Page
from backend.subscriptions.schemas import (
    ChangeResult,
    CreditBalances,
    InvoicePublic,
    MigrationCounts,
    Preview,
    SubscriptionCreate,
    SubscriptionPublic,
    SubscriptionUpdate,
)
from tests.backend.helpers import make_plan, make_product, ok, usd
from tests.backend.payments.conftest import DECLINED, card
from tests.backend.subscriptions.conftest import T0


@pytest.fixture
def shop(tenant):
    at = [T0]
    set_clock(lambda: at[0])
    api = tenant.client("secret")
    make_product(api, "app")
    make_plan(api, "basic", prices=usd(3000))
    make_plan(api, "pro", prices=usd(9000))
    ok(api.post("/api/v1/customers", json={"id": "ada"}), 201)
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card()), 201)
    with TollgateClient(tenant.secret, app=tenant.app) as client:
        yield client, api, at
    set_clock(None)


def test_subscription_operations(shop):
    client, api, at = shop
    body = SubscriptionCreate(customer_id="ada", plan_id="basic", billing_period="monthly")
    preview = client.preview_subscription(body)
    assert isinstance(preview, Preview) and preview.immediate.total.amount_minor == 3000
    made = client.create_subscription(body, idempotency_key="k1")
    again = client.create_subscription(body, idempotency_key="k1")
    assert isinstance(made, ChangeResult) and again.subscription.id == made.subscription.id
    sub_id = made.subscription.id
    listed = client.list_subscriptions(customer_id="ada", status="active")
    assert isinstance(listed, Page) and [s.id for s in listed.data] == [sub_id]
    assert isinstance(client.get_subscription(sub_id), SubscriptionPublic)
    at[0] = T0 + timedelta(days=10)
    change = SubscriptionUpdate(plan_id="pro")
    up = client.preview_subscription_update(sub_id, change)
    done = client.update_subscription(sub_id, change, idempotency_key="k2")
    assert done.invoice.total == up.immediate.total and done.subscription.plan_id == "pro"
    scheduled = client.update_subscription(sub_id, {"plan_id": "basic"})
    assert scheduled.subscription.scheduled_change["plan_id"] == "basic"
    assert client.undo_subscription_change(sub_id).scheduled_change is None
    ok(api.patch("/api/v1/plans/pro", json={"prices": usd(9900)}))
    ok(api.post("/api/v1/plans/pro/publish"))
    assert client.preview_migration(sub_id, at="immediately").change == "migration"
    moved = client.migrate_subscription(sub_id, at="period_end")
    assert moved.subscription.scheduled_change["version"] == 2
    counts = client.migrate_plan_subscribers("pro", at="immediately")
    assert isinstance(counts, MigrationCounts) and counts.migrated == 1
    with pytest.raises(TollgateError) as refused:
        client.migrate_subscription(sub_id)
    assert refused.value.status == 409
    canceled = client.cancel_subscription(sub_id, {"at": "immediately", "reason": "unused"})
    assert canceled.subscription.status == "canceled"
    balances = client.get_credit_balance("ada")
    assert isinstance(balances, CreditBalances) and balances.data[0].amount_minor > 0


def test_invoice_operations(shop):
    client, api, at = shop
    client.create_subscription({"customer_id": "ada", "plan_id": "basic",
                                "billing_period": "monthly"})
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    ok(api.post("/api/v1/test-clock/freeze", json={}))
    ok(api.post("/api/v1/test-clock/advance", json={"to": (T0 + timedelta(days=31)).isoformat()}))
    page = client.list_invoices("ada", limit=1)
    assert isinstance(page, Page) and page.has_more
    open_invoice = page.data[0]
    assert isinstance(open_invoice, InvoicePublic) and open_invoice.status == "open"
    with pytest.raises(TollgateError) as declined:
        client.pay_invoice(open_invoice.id)
    assert declined.value.status == 402
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card(make_default=True)), 201)
    assert client.pay_invoice(open_invoice.id, idempotency_key="p1").status == "paid"
    assert client.pay_invoice(open_invoice.id, idempotency_key="p1").status == "paid"  # replayed
    assert client.get_invoice(open_invoice.id).status == "paid"
    with pytest.raises(TollgateError) as refused:
        client.void_invoice(open_invoice.id)
    assert refused.value.status == 409
    with pytest.raises(TollgateError):
        client.mark_invoice_uncollectible(open_invoice.id)
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    ok(api.post("/api/v1/test-clock/advance", json={"to": (T0 + timedelta(days=62)).isoformat()}))
    second = client.list_invoices("ada").data[0]
    assert client.void_invoice(second.id).status == "void"
