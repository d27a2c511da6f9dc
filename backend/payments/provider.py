"""The payment provider interface: what Tollgate needs from a card processor.

A provider attaches, detaches and lists a customer's payment methods, charges one and refunds a
charge. The built-in `TestProvider` simulates this with test cards; a Stripe adapter would map
`attach` to attaching a PaymentMethod that Stripe.js created in the browser (so card numbers
never reach Tollgate), `charge` to a PaymentIntent confirmed off-session with the same
idempotency key, and `refund` to a Refund. Tollgate keeps its own copy of each method (brand,
last four, expiry) in `payment_methods` and of each charge attempt in `payments`.
"""

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from backend.errors import ProblemError

ChargeStatus = Literal["succeeded", "declined", "error"]


@dataclass(frozen=True)
class CustomerInfo:
    """Who pays, as a provider needs to know them."""

    ref: str
    email: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class CardMethod:
    """A payment method as a provider holds it (never the card number)."""

    provider_ref: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int


@dataclass(frozen=True)
class ChargeResult:
    status: ChargeStatus
    provider_ref: str | None = None
    decline_code: str | None = None  # card_declined, insufficient_funds, expired_card ...
    message: str | None = None


@dataclass(frozen=True)
class RefundResult:
    status: Literal["succeeded", "error"]
    provider_ref: str | None = None
    message: str | None = None


class PaymentProvider(Protocol):
    name: str

    def attach(self, customer: CustomerInfo, source: Any) -> CardMethod:
        """Attach a payment method given in the provider's own form (`source`) to the customer.

        Refusals raise `PaymentMethodRefused`.
        """
        ...

    def detach(self, method: CardMethod) -> None: ...

    def list_methods(self, customer: CustomerInfo) -> list[CardMethod]: ...

    def charge(self, customer: CustomerInfo, payment_method: CardMethod, amount_minor: int,
               currency: str, idempotency_key: str, description: str | None) -> ChargeResult:
        """Charge once per idempotency key; declines are results, not exceptions."""
        ...

    def refund(self, charge_ref: str, amount_minor: int) -> RefundResult: ...


class PaymentMethodRefused(ProblemError):
    """A payment method that cannot be attached; `reason` says why."""

    status, slug, title = 422, "payment-method-refused", "Payment method refused"

    def __init__(self, reason: str, detail: str, *, field: str):
        super().__init__(detail, errors=[{"field": field, "message": detail}], reason=reason)
        self.reason = reason


class PaymentMethodRequired(ProblemError):
    """A charge for a customer who has no default payment method."""

    status, slug, title = 402, "payment-method-required", "Payment method required"

    def __init__(self, detail: str):
        super().__init__(detail, reason="payment_method_required")
        self.reason = "payment_method_required"
