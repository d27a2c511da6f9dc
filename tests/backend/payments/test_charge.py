"""charge(): the default method is charged once per idempotency key; declines are recorded as
failed payments and change nothing else; refunds."""

import threading
from typing import Any

import pytest
import sqlalchemy as sa

from backend.db import engine_for, session_factory, session_scope
from backend.errors import Conflict, Invalid
from backend.models import Base, Event
from backend.payments import service
from backend.payments.provider import PaymentMethodRequired
from backend.payments.repository import PaymentRepository
from backend.payments.testprovider import TestProvider
from tests.backend.helpers import ok
from tests.backend.payments.conftest import (
    DECLINED,
    MASTERCARD,
    NO_FUNDS,
    PROCESSING_ERROR,
    VISA,
    card,
    methods_path,
)
from tests.conftest import is_postgres


def charge(tenant, amount=2900, currency="USD", key="k1", customer="ada", **extra) -> Any:
    """Charge in a transaction of its own; returns the payment's public form."""
    with session_scope(tenant.url) as session:
        buyer = service.get_customer(session, tenant.id, customer)
        payment = service.charge(session, tenant.id, buyer, amount, currency,
                                 idempotency_key=key, description="Pro, monthly", **extra)
        return service.payment_public(payment, buyer)


@pytest.fixture
def provider_calls(monkeypatch):
    """Every TestProvider.charge call, counted."""
    calls: list[tuple[str, int]] = []
    real = TestProvider.charge

    def counting(self, customer, method, amount, currency, key, description):  # type: ignore[no-untyped-def]
        calls.append((key, amount))
        return real(self, customer, method, amount, currency, key, description)

    monkeypatch.setattr(TestProvider, "charge", counting)
    return calls


def rows_except(url: str, environment_id: int, *skip: str) -> dict[str, list]:
    """Every row of the environment, table by table (other than `skip`)."""
    engine = engine_for(url)
    found = {}
    with engine.connect() as db:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            query = sa.select(table)
            if "environment_id" in table.c:
                query = query.where(table.c.environment_id == environment_id)
            elif table.name == "environments":
                query = query.where(table.c.id == environment_id)
            found[table.name] = sorted(map(tuple, db.execute(query)), key=repr)
    return found


def events(tenant) -> list[tuple[str, str | None, dict]]:
    """The environment's payment events."""
    with session_scope(tenant.url) as session:
        rows = session.scalars(sa.select(Event).where(Event.environment_id == tenant.id,
                                                      Event.type.startswith("payment."))
                               .order_by(Event.id))
        return [(e.type, e.customer_ref, e.data) for e in rows]


def test_successful_charge(api, tenant, customer, provider_calls):
    method = ok(api.post(methods_path(), json=card(VISA)), 201)
    paid = charge(tenant, 2950, "usd", invoice_ref="inv_1")
    assert paid.status == "succeeded" and paid.id.startswith("pay_")
    assert (paid.amount.amount_minor, paid.amount.currency, paid.amount.formatted) == (
        2950, "USD", "29,50\xa0$")  # the customer's locale (de-DE)
    assert paid.payment_method_id == method["id"] and paid.provider == "test"
    assert paid.decline_code is None and paid.failure_message is None
    assert paid.invoice_id == "inv_1" and paid.description == "Pro, monthly"
    assert provider_calls == [("k1", 2950)]
    listed = ok(api.get("/api/v1/customers/ada/payments"))
    assert [p["id"] for p in listed["data"]] == [paid.id]
    assert listed["data"][0]["amount"] == {"amount_minor": 2950, "currency": "USD",
                                           "formatted": "29,50\xa0$"}
    [(kind, who, data)] = events(tenant)
    assert (kind, who, data["id"], data["status"]) == ("payment.succeeded", "ada", paid.id,
                                                        "succeeded")


@pytest.mark.parametrize(("number", "code", "message"), [
    (DECLINED, "card_declined", "declined"),
    (NO_FUNDS, "insufficient_funds", "insufficient funds"),
    (PROCESSING_ERROR, None, "could not be processed"),
])
def test_failed_charge_is_recorded_and_nothing_else_changes(api, tenant, customer, number, code,
                                                            message):
    ok(api.post(methods_path(), json=card(number)), 201)
    before = rows_except(tenant.url, tenant.id, "payments", "events", "webhook_outbox")
    failed = charge(tenant, 9900, "EUR", key="renewal-1")
    assert failed.status == "failed" and failed.decline_code == code
    assert message in failed.failure_message
    assert rows_except(tenant.url, tenant.id, "payments", "events", "webhook_outbox") == before
    [listed] = ok(api.get("/api/v1/customers/ada/payments"))["data"]
    assert (listed["id"], listed["status"], listed["decline_code"]) == (failed.id, "failed", code)
    assert [(kind, data["id"]) for kind, _, data in events(tenant)] == [
        ("payment.failed", failed.id)]


def test_same_key_charges_once(api, tenant, customer, provider_calls):
    ok(api.post(methods_path(), json=card(VISA)), 201)
    first = charge(tenant, key="order-7")
    assert charge(tenant, key="order-7") == first
    assert provider_calls == [("order-7", 2900)]
    with pytest.raises(Invalid) as different:
        charge(tenant, 3000, key="order-7")
    assert different.value.errors[0]["field"] == "idempotency_key"
    assert len(ok(api.get("/api/v1/customers/ada/payments"))["data"]) == 1
    charge(tenant, key="order-8")  # a new key is a new charge
    assert len(provider_calls) == 2


def test_a_retried_decline_is_not_charged_again(api, tenant, customer, provider_calls):
    ok(api.post(methods_path(), json=card(DECLINED)), 201)
    first = charge(tenant, key="try")
    ok(api.post(methods_path(), json=card(VISA, make_default=True)), 201)
    assert charge(tenant, key="try") == first  # the key names that attempt
    assert charge(tenant, key="try-2").status == "succeeded"
    assert len(provider_calls) == 2


def test_concurrent_charges_with_one_key_charge_once(api, tenant, customer, database_url,
                                                      provider_calls):
    if not is_postgres(database_url):
        pytest.skip("real concurrency needs PostgreSQL; SQLite serializes every writer")
    ok(api.post(methods_path(), json=card(VISA)), 201)
    factory = session_factory(engine_for(database_url))
    start = threading.Barrier(8)
    refs: list[str] = []
    lock = threading.Lock()

    def attempt() -> None:
        with factory() as session:
            buyer = service.get_customer(session, tenant.id, "ada")
            start.wait(timeout=30)
            payment = service.charge(session, tenant.id, buyer, 2900, "USD",
                                     idempotency_key="double-click")
            session.commit()
            with lock:
                refs.append(payment.ref)

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(refs) == 8 and len(set(refs)) == 1
    assert len(provider_calls) == 1
    assert [p["id"] for p in ok(api.get("/api/v1/customers/ada/payments"))["data"]] == refs[:1]


def test_no_default_method_is_a_clear_problem(api, tenant, customer, provider_calls):
    with pytest.raises(PaymentMethodRequired) as missing:
        charge(tenant)
    problem = missing.value.body()
    assert (problem["status"], problem["reason"]) == (402, "payment_method_required")
    assert problem["type"].endswith("/payment-method-required") and "ada" in problem["detail"]
    method = ok(api.post(methods_path(), json=card()), 201)
    ok(api.delete(f"{methods_path()}/{method['id']}"))  # removing the default: none again
    with pytest.raises(PaymentMethodRequired):
        charge(tenant)
    assert provider_calls == [] and events(tenant) == []
    assert ok(api.get("/api/v1/customers/ada/payments"))["data"] == []


def test_the_default_method_is_charged(api, tenant, customer):
    ok(api.post(methods_path(), json=card(DECLINED)), 201)
    master = ok(api.post(methods_path(), json=card(MASTERCARD)), 201)
    assert charge(tenant, key="a").status == "failed"
    ok(api.post(f"{methods_path()}/{master['id']}/default"))
    paid = charge(tenant, key="b")
    assert (paid.status, paid.payment_method_id) == ("succeeded", master["id"])


@pytest.mark.parametrize(("amount", "currency", "key", "field"), [
    (0, "USD", "k", "amount_minor"), (-5, "USD", "k", "amount_minor"),
    (2**63, "USD", "k", "amount_minor"), (100, "XYZ", "k", "currency"),
    (100, "USD", "", "idempotency_key"), (100, "USD", "k" * 256, "idempotency_key"),
])
def test_invalid_charges(api, tenant, customer, amount, currency, key, field):
    ok(api.post(methods_path(), json=card()), 201)
    with pytest.raises(Invalid) as refused:
        charge(tenant, amount, currency, key=key)
    assert refused.value.errors[0]["field"] == field


def test_payments_are_listed_newest_first_per_customer(api, tenant, customer):
    ok(api.post(methods_path(), json=card()), 201)
    ok(api.post("/api/v1/customers", json={"id": "bob"}), 201)
    ok(api.post(methods_path("bob"), json=card()), 201)
    made = [charge(tenant, 100 * i, "JPY", key=f"k{i}").id for i in range(1, 4)]
    charge(tenant, key="bobs", customer="bob")
    first = ok(api.get("/api/v1/customers/ada/payments", params={"limit": 2}))
    assert [p["id"] for p in first["data"]] == made[::-1][:2] and first["has_more"]
    rest = ok(api.get("/api/v1/customers/ada/payments",
                      params={"limit": 2, "cursor": first["next_cursor"]}))
    assert [p["id"] for p in rest["data"]] == made[:1] and not rest["has_more"]
    assert first["data"][0]["amount"]["formatted"] == "300\xa0¥"


def test_refunds(api, tenant, customer):
    ok(api.post(methods_path(), json=card()), 201)
    paid = charge(tenant, 5000, key="p")
    with session_scope(tenant.url) as session:
        payment = PaymentRepository(session, tenant.id).payment_by_key("p")
        assert service.refund(session, tenant.id, payment, 1500).amount_refunded_minor == 1500
        with pytest.raises(Invalid):
            service.refund(session, tenant.id, payment, 3501)  # more than is left
        assert service.refund(session, tenant.id, payment).amount_refunded_minor == 5000
        with pytest.raises(Invalid):
            service.refund(session, tenant.id, payment, 1)
    [listed] = ok(api.get("/api/v1/customers/ada/payments"))["data"]
    assert listed["id"] == paid.id and listed["amount_refunded"]["amount_minor"] == 5000
    ok(api.post(methods_path(), json=card(DECLINED, make_default=True)), 201)
    charge(tenant, key="declined")
    with session_scope(tenant.url) as session:
        failed = PaymentRepository(session, tenant.id).payment_by_key("declined")
        with pytest.raises(Conflict):
            service.refund(session, tenant.id, failed)
