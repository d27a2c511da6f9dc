"""The built-in test provider: well-known test card numbers, no money moves.

| number              | brand      | a charge...                                |
|---------------------|------------|--------------------------------------------|
| 4242 4242 4242 4242 | visa       | succeeds                                   |
| 5555 5555 5555 4444 | mastercard | succeeds                                   |
| 4000 0000 0000 0002 | visa       | is declined: card_declined                 |
| 4000 0000 0000 9995 | visa       | is declined: insufficient_funds            |
| 4000 0000 0000 0119 | visa       | fails: processing error (status `error`)   |

Any card is declined with `expired_card` once its expiry month has passed (test clocks move
there). Other numbers, even valid ones, are refused, so a real card is never accepted. The
number is only used to pick the card's behaviour, which `provider_ref` then carries
(`test_<behaviour>_<random>`); Tollgate stores brand, last four and expiry, never the number.
Its store is the `payment_methods` table; idempotency is kept by the `payments` table (one row
per key).
"""

import secrets
from dataclasses import dataclass

from sqlalchemy.orm import Session

from backend.kit.clock import now
from backend.payments.cards import brand_of, is_expired, normalize_number
from backend.payments.provider import (
    CardMethod,
    ChargeResult,
    CustomerInfo,
    PaymentMethodRefused,
    RefundResult,
)
from backend.payments.repository import PaymentRepository, card_of

OK = "ok"
TEST_CARDS: dict[str, str] = {
    "4242424242424242": OK,
    "5555555555554444": OK,
    "4000000000000002": "card_declined",
    "4000000000009995": "insufficient_funds",
    "4000000000000119": "processing_error",
}
DECLINES = {
    "card_declined": "The card was declined.",
    "insufficient_funds": "The card has insufficient funds.",
    "expired_card": "The card has expired.",
}


@dataclass(frozen=True, repr=False)
class TestCard:
    """What the test provider attaches: a test card number with its expiry (and CVC)."""

    __test__ = False  # not a pytest test class

    number: str
    exp_month: int
    exp_year: int
    cvc: str | None = None

    def __repr__(self) -> str:
        return f"TestCard(last4={self.number[-4:]!r}, exp={self.exp_month:02d}/{self.exp_year})"


def _behaviour(provider_ref: str) -> str:
    parts = provider_ref.split("_")
    return "_".join(parts[1:-1]) if len(parts) >= 3 and parts[0] == "test" else "unknown"


class TestProvider:
    """A `PaymentProvider` that simulates card payments with test cards."""

    __test__ = False  # not a pytest test class
    name = "test"

    def __init__(self, session: Session, environment_id: int):
        self.session = session
        self.environment_id = environment_id

    def attach(self, customer: CustomerInfo, source: TestCard) -> CardMethod:
        try:
            number = normalize_number(source.number)
        except ValueError as exc:
            raise PaymentMethodRefused("invalid_number", str(exc), field="card_number") from None
        behaviour = TEST_CARDS.get(number)
        if behaviour is None:
            raise PaymentMethodRefused(
                "test_card_required", "The test payment provider accepts only its test cards "
                "(see this endpoint's documentation), never a real card", field="card_number")
        if not 1 <= source.exp_month <= 12:
            raise PaymentMethodRefused("invalid_expiry", "The expiry month is 1 to 12",
                                       field="exp_month")
        today = now()
        if is_expired(source.exp_month, source.exp_year, today.year, today.month):
            raise PaymentMethodRefused(
                "expired_card",
                f"This card expired at the end of {source.exp_month:02d}/{source.exp_year}",
                field="exp_year")
        brand = brand_of(number)
        if source.cvc is not None and len(source.cvc) != (4 if brand == "amex" else 3):
            raise PaymentMethodRefused("invalid_cvc", "The security code (CVC) has 3 digits",
                                       field="cvc")
        return CardMethod(
            provider_ref=f"test_{behaviour}_{secrets.token_hex(8)}", brand=brand,
            last4=number[-4:], exp_month=source.exp_month, exp_year=source.exp_year,
        )

    def detach(self, method: CardMethod) -> None:
        """Nothing to do: the test provider keeps no state of its own."""

    def list_methods(self, customer: CustomerInfo) -> list[CardMethod]:
        """The customer's live test cards: the `payment_methods` table is this provider's store."""
        rows = PaymentRepository(self.session, self.environment_id).live_methods_of(
            customer.ref, self.name)
        return [card_of(row) for row in rows]

    def charge(self, customer: CustomerInfo, payment_method: CardMethod, amount_minor: int,
               currency: str, idempotency_key: str, description: str | None) -> ChargeResult:
        ref = f"test_ch_{secrets.token_hex(10)}"
        today = now()
        behaviour = _behaviour(payment_method.provider_ref)
        if is_expired(payment_method.exp_month, payment_method.exp_year, today.year, today.month):
            behaviour = "expired_card"
        if behaviour == OK:
            return ChargeResult("succeeded", provider_ref=ref)
        if behaviour in DECLINES:
            return ChargeResult("declined", provider_ref=ref, decline_code=behaviour,
                                message=DECLINES[behaviour])
        return ChargeResult("error", provider_ref=ref,
                            message="The payment could not be processed; try again later.")

    def refund(self, charge_ref: str, amount_minor: int) -> RefundResult:
        return RefundResult("succeeded", provider_ref=f"test_re_{secrets.token_hex(10)}")
