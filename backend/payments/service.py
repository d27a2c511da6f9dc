"""Payment rules: customers' payment methods, charging the default one, refunds.

Later domains (subscriptions, invoices) call `charge` and `refund`. A charge is recorded in the
caller's transaction whatever its outcome: a decline is a `Payment` with status `failed`, not
an exception, so the caller decides what follows (leave an upgrade unapplied, mark a renewal
past due). Raising afterwards rolls the record back with everything else; an endpoint that must
report a decline *and* keep its record returns the problem instead of raising it.
"""

from collections.abc import Callable

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from backend.customers.repository import CustomerRepository
from backend.errors import Conflict, Forbidden, Invalid, NotFound, ProblemError
from backend.events.service import record
from backend.kit.ids import random_token
from backend.kit.money import format_money, is_currency
from backend.kit.patch import archive
from backend.models import Customer, Payment, PaymentMethod
from backend.payments.provider import CustomerInfo, PaymentMethodRequired, PaymentProvider
from backend.payments.repository import PaymentRepository, card_of
from backend.payments.schemas import (
    PaymentMethodCreate,
    PaymentMethodPublic,
    PaymentPublic,
)
from backend.payments.testprovider import TestCard, TestProvider
from backend.paywall.schemas import Money

INT64_MAX = 2**63 - 1
DEFAULT_LOCALE = "en_US"
PROVIDERS: dict[str, Callable[[Session, int], PaymentProvider]] = {"test": TestProvider}


class ProviderFailed(ProblemError):
    status, slug, title = 502, "payment-provider-error", "Payment provider error"


def provider_for(session: Session, environment_id: int, name: str) -> PaymentProvider:
    """The provider that holds methods named `name` (only 'test' so far)."""
    factory = PROVIDERS.get(name)
    if factory is None:
        raise ProviderFailed(f"No payment provider '{name}' is configured")
    return factory(session, environment_id)


# -- conversions ------------------------------------------------------------------------------
def _money(amount_minor: int, currency: str, locale: str | None) -> Money:
    return Money(amount_minor=amount_minor, currency=currency,
                 formatted=format_money(amount_minor, currency, locale or DEFAULT_LOCALE))


def method_public(row: PaymentMethod, customer: Customer) -> PaymentMethodPublic:
    return PaymentMethodPublic(
        id=row.ref, customer_id=customer.ref, provider=row.provider, brand=row.brand,
        last4=row.last4, exp_month=row.exp_month, exp_year=row.exp_year,
        is_default=row.is_default, archived=row.archived_at is not None, created_at=row.created_at,
    )


def payment_public(row: Payment, customer: Customer) -> PaymentPublic:
    return PaymentPublic(
        id=row.ref, customer_id=customer.ref,
        payment_method_id=row.payment_method.ref if row.payment_method else None,
        provider=row.provider, amount=_money(row.amount_minor, row.currency, customer.locale),
        amount_refunded=_money(row.amount_refunded_minor, row.currency, customer.locale),
        status=row.status,  # type: ignore[arg-type]
        decline_code=row.decline_code, failure_message=row.failure_message,
        description=row.description, invoice_id=row.invoice_ref, created_at=row.created_at,
    )


def _info(customer: Customer) -> CustomerInfo:
    return CustomerInfo(ref=customer.ref, email=customer.email, name=customer.name)


# -- payment methods --------------------------------------------------------------------------
def get_customer(session: Session, environment_id: int, ref: str) -> Customer:
    customer = CustomerRepository(session, environment_id).get(ref)
    if customer is None:
        raise NotFound(f"No customer '{ref}' in this environment")
    return customer


def _method(repo: PaymentRepository, customer: Customer, ref: str) -> PaymentMethod:
    row = repo.method(customer.id, ref)
    if row is None:
        raise NotFound(f"Customer '{customer.ref}' has no payment method '{ref}'")
    return row


def attach_method(session: Session, environment_id: int, customer: Customer,
                  body: PaymentMethodCreate) -> PaymentMethod:
    """Attach a test card; the first live method (or one with `make_default`) is the default."""
    repo = PaymentRepository(session, environment_id)
    if repo.environment_kind() != "development":
        raise Forbidden("The test payment provider works only in development environments, so "
                        "that test cards can never pay in production")
    if customer.archived_at is not None:
        raise Conflict(f"Customer '{customer.ref}' is archived")
    provider = provider_for(session, environment_id, "test")
    card = provider.attach(_info(customer), TestCard(
        number=body.card_number.get_secret_value(), exp_month=body.exp_month,
        exp_year=body.exp_year, cvc=body.cvc.get_secret_value() if body.cvc else None,
    ))
    repo.lock_customer(customer.id)
    make_default = body.make_default or repo.default_method(customer.id) is None
    if make_default:
        repo.clear_default(customer.id)
    row = PaymentMethod(
        environment_id=environment_id, ref=random_token("pm_", 12), customer_id=customer.id,
        provider=provider.name, provider_ref=card.provider_ref, brand=card.brand,
        last4=card.last4, exp_month=card.exp_month, exp_year=card.exp_year,
        is_default=make_default,
    )
    repo.add(row)
    return row


def set_default(session: Session, environment_id: int, customer: Customer,
                ref: str) -> PaymentMethod:
    """Make a live method the one charged from now on."""
    repo = PaymentRepository(session, environment_id)
    repo.lock_customer(customer.id)
    row = _method(repo, customer, ref)
    if row.archived_at is not None:
        raise Conflict(f"Payment method '{ref}' was removed; add the card again")
    if not row.is_default:
        repo.clear_default(customer.id)
        row.is_default = True
        session.flush()
    return row


def remove_method(session: Session, environment_id: int, customer: Customer,
                  ref: str) -> PaymentMethod:
    """Detach and archive a method (kept for the payments made with it). Removing the default
    leaves the customer without one until they choose another."""
    repo = PaymentRepository(session, environment_id)
    repo.lock_customer(customer.id)
    row = _method(repo, customer, ref)
    if row.archived_at is None:
        provider_for(session, environment_id, row.provider).detach(card_of(row))
        row.is_default = False
        archive(row)
        session.flush()
    return row


# -- charges ----------------------------------------------------------------------------------
def _replay(existing: Payment, customer: Customer, amount_minor: int, currency: str) -> Payment:
    if (existing.customer_id, existing.amount_minor, existing.currency) != (
            customer.id, amount_minor, currency):
        raise Invalid("This idempotency key was used for a different charge",
                      field="idempotency_key")
    return existing


def _check_charge(amount_minor: int, currency: str, idempotency_key: str) -> str:
    if not 0 < amount_minor <= INT64_MAX:
        raise Invalid("A charge is a positive amount of minor units", field="amount_minor")
    if not is_currency(currency.upper()):
        raise Invalid(f"'{currency}' is not an ISO 4217 currency code", field="currency")
    if not 0 < len(idempotency_key) <= 255:
        raise Invalid("An idempotency key has 1 to 255 characters", field="idempotency_key")
    return currency.upper()


def charge(session: Session, environment_id: int, customer: Customer, amount_minor: int,
           currency: str, *, idempotency_key: str, description: str | None = None,
           invoice_ref: str | None = None) -> Payment:
    """Charge the customer's default payment method once per idempotency key.

    Returns the `Payment` (status `succeeded` or `failed`, with `decline_code`); a retry with the
    same key returns the first attempt's payment, even when both run at once. Raises
    `PaymentMethodRequired` (402) when the customer has no default method.
    """
    currency = _check_charge(amount_minor, currency, idempotency_key)
    repo = PaymentRepository(session, environment_id)
    existing = repo.payment_by_key(idempotency_key)
    if existing is not None:
        return _replay(existing, customer, amount_minor, currency)
    method = repo.default_method(customer.id)
    if method is None:
        raise PaymentMethodRequired(f"Customer '{customer.ref}' has no default payment method; "
                                    "add a card first")
    payment = repo.claim_payment({
        "ref": random_token("pay_", 12), "customer_id": customer.id,
        "payment_method_id": method.id, "provider": method.provider, "amount_minor": amount_minor,
        "currency": currency, "status": "pending", "idempotency_key": idempotency_key,
        "description": description[:500] if description else None, "invoice_ref": invoice_ref,
        "amount_refunded_minor": 0,
    })
    if payment is None:  # a concurrent charge with this key committed first
        winner = repo.payment_by_key(idempotency_key)
        if winner is None:  # pragma: no cover - it was rolled back; the caller retries
            raise Conflict("A charge with this idempotency key is in progress; retry shortly")
        return _replay(winner, customer, amount_minor, currency)
    result = provider_for(session, environment_id, method.provider).charge(
        _info(customer), card_of(method), amount_minor, currency, idempotency_key, description)
    payment.status = "succeeded" if result.status == "succeeded" else "failed"
    payment.provider_ref = result.provider_ref
    payment.decline_code = result.decline_code if result.status == "declined" else None
    payment.failure_message = None if result.status == "succeeded" else (
        (result.message or "The payment failed")[:500])
    session.flush()
    _announce(session, environment_id, payment, customer)
    return payment


def _announce(session: Session, environment_id: int, payment: Payment,
              customer: Customer) -> None:
    """The single place a charge becomes a domain event: payment.succeeded / payment.failed."""
    data = payment_public(payment, customer).model_dump(mode="json")
    record(session, environment_id, f"payment.{payment.status}", data,
           customer_ref=customer.ref, subject=("payment", payment.ref))


def refund(session: Session, environment_id: int, payment: Payment,
           amount_minor: int | None = None) -> Payment:
    """Refund part or (by default) all of what is left of a succeeded payment."""
    if payment.status != "succeeded" or payment.provider_ref is None:
        raise Conflict("Only a succeeded payment can be refunded")
    left = payment.amount_minor - payment.amount_refunded_minor
    amount = left if amount_minor is None else amount_minor
    if not 0 < amount <= left:
        raise Invalid(f"A refund is 1 to {left} minor units", field="amount_minor")
    total = PaymentRepository(session, environment_id).add_refund(payment.id, amount)
    if total is None:  # a concurrent refund took the rest
        raise Conflict("The refund exceeds what is left of the payment")
    result = provider_for(session, environment_id, payment.provider).refund(
        payment.provider_ref, amount)
    if result.status != "succeeded":
        raise ProviderFailed(result.message or "The provider refused the refund")
    set_committed_value(payment, "amount_refunded_minor", total)
    return payment
