"""The customer credit balance: credits from immediate downgrades and cancellations go to a
per-currency ledger and pay for the next positive invoice; invoices never go negative;
subscriptions nobody paid for earn no credit."""

from datetime import timedelta

from sqlalchemy import func, select

from backend.db import session_scope
from backend.models import CustomerCredit, Invoice
from tests.backend.helpers import assert_problem, ok
from tests.backend.subscriptions.conftest import T0, subscribe


def amounts(draft):
    return [line["amount"]["amount_minor"] for line in draft["lines"]]


def balance(api):
    return {b["currency"]: b["amount_minor"]
            for b in ok(api.get("/api/v1/customers/ada/credit-balance"))["data"]}


def test_downgrade_credit_pays_for_the_next_upgrade_to_the_cent(shop, clock, tenant):
    ok(shop.patch("/api/v1/products/app", json={"settings": {"downgrades": "immediate"}}))
    sub = subscribe(shop, plan="pro")["subscription"]
    path = f"/api/v1/subscriptions/{sub['id']}"
    clock.set(T0 + timedelta(days=10))  # 2/3 of the period left
    down = ok(shop.patch(path, json={"plan_id": "basic"}))
    # credit 2/3 of 90.00, charge 2/3 of 30.00: 40.00 to the balance, nothing paid back
    assert amounts(down["invoice"]) == [-6000, 2000, 4000]
    assert down["invoice"]["total"]["amount_minor"] == 0
    assert balance(shop) == {"USD": 4000}
    body = ok(shop.get("/api/v1/customers/ada/credit-balance"))
    assert body["data"][0]["formatted"] == "$40"  # the project's money format drops zero cents

    clock.set(T0 + timedelta(days=20))  # 1/3 left: upgrade costs -10.00 + 30.00 = 20.00
    preview = ok(shop.post(f"{path}/preview-update", json={"plan_id": "pro"}))
    assert amounts(preview["immediate"]) == [-1000, 3000, -2000]
    assert preview["immediate"]["total"]["amount_minor"] == 0
    up = ok(shop.patch(path, json={"plan_id": "pro"}))
    assert amounts(up["invoice"]) == amounts(preview["immediate"])
    assert up["invoice"]["total"] == preview["immediate"]["total"]
    assert balance(shop) == {"USD": 2000}
    # only the first charge was ever paid with the card
    assert [p["amount"]["amount_minor"] for p in ok(shop.get("/api/v1/customers/ada/payments"))["data"]] == [9000]

    # the renewal uses what is left of the balance
    ok(shop.post("/api/v1/test-clock/freeze", json={}))
    ok(shop.post("/api/v1/test-clock/advance", json={"to": (T0 + timedelta(days=31)).isoformat()}))
    renewal = ok(shop.get("/api/v1/customers/ada/invoices"))["data"][0]
    assert amounts(renewal) == [9000, -2000] and renewal["total"]["amount_minor"] == 7000
    assert balance(shop) == {"USD": 0}

    with session_scope(tenant.url) as session:
        entries = session.scalars(select(CustomerCredit).where(
            CustomerCredit.environment_id == tenant.id).order_by(CustomerCredit.id)).all()
        assert [(e.amount_minor, e.reason) for e in entries] == [
            (4000, "subscription_update"), (-2000, "applied"), (-2000, "applied")]
        assert sum(e.amount_minor for e in entries) == balance(shop)["USD"]
        assert session.scalar(select(func.count()).select_from(Invoice).where(
            Invoice.environment_id == tenant.id, Invoice.total_minor < 0)) == 0


def test_a_partly_covered_charge_pays_the_rest(shop, clock):
    sub = subscribe(shop)["subscription"]
    clock.set(T0 + timedelta(days=20))
    ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                 json={"at": "immediately", "reason": "unused"}))
    assert balance(shop) == {"USD": 1000}
    made = subscribe(shop)
    assert amounts(made["invoice"]) == [3000, -1000]
    assert [p["amount"]["amount_minor"] for p in ok(shop.get("/api/v1/customers/ada/payments"))["data"]] == [2000, 3000]
    assert balance(shop) == {"USD": 0}


def test_an_unpaid_provisioned_subscription_earns_no_credit(shop, clock):
    ok(shop.post("/api/v1/customers", json={
        "id": "bob", "subscription": {"plan_id": "pro", "billing_period": "monthly"}}), 201)
    sub = ok(shop.get("/api/v1/subscriptions", params={"customer_id": "bob"}))["data"][0]
    clock.advance(days=10)
    done = ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                        json={"at": "immediately", "reason": "unused"}))
    assert done["invoice"] is None
    assert ok(shop.get("/api/v1/customers/bob/credit-balance"))["data"] == []


def test_the_balance_of_an_unknown_customer_is_404(shop):
    assert_problem(shop.get("/api/v1/customers/nobody/credit-balance"), 404)
