"""API shapes of payment methods and payments. A card number is accepted, never returned."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from backend.payments.cards import full_year, normalize_number
from backend.paywall.schemas import Money


class PaymentMethodCreate(BaseModel):
    """A test card for the built-in test provider (development environments)."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    card_number: SecretStr = Field(
        description="A test card number, e.g. 4242 4242 4242 4242 (succeeds) or "
                    "4000 0000 0000 0002 (declined); only its last four digits are kept")
    exp_month: int = Field(ge=1, le=12)
    exp_year: int = Field(ge=0, le=2200, description="Four digits, or two (28 = 2028)")
    cvc: SecretStr | None = Field(None, description="3 digits (4 for Amex); checked, not kept")
    make_default: bool = Field(
        False, description="Charge this method from now on (the first method always becomes "
                           "the default)")

    @field_validator("card_number", mode="before")
    @classmethod
    def _number(cls, v: Any) -> str:
        if not isinstance(v, str | SecretStr):
            raise ValueError("give the card number as a string")  # noqa: TRY004 (pydantic)
        return normalize_number(v.get_secret_value() if isinstance(v, SecretStr) else v)

    @field_validator("cvc", mode="before")
    @classmethod
    def _cvc(cls, v: Any) -> Any:
        raw = v.get_secret_value() if isinstance(v, SecretStr) else v
        if raw is not None and (not isinstance(raw, str) or not raw.isdigit()
                                or not 3 <= len(raw) <= 4):
            raise ValueError("a CVC has 3 or 4 digits")
        return raw

    @field_validator("exp_year")
    @classmethod
    def _year(cls, v: int) -> int:
        year = full_year(v)
        if not 2000 <= year <= 2200:
            raise ValueError("give the year as four digits, e.g. 2028")
        return year

    def redacted(self) -> dict[str, Any]:
        """What identifies the request without the secrets (for idempotency fingerprints)."""
        return {"last4": self.card_number.get_secret_value()[-4:], "exp_month": self.exp_month,
                "exp_year": self.exp_year, "make_default": self.make_default}


class PaymentMethodPublic(BaseModel):
    id: str
    customer_id: str
    provider: str = Field(description="'test' for the built-in test provider")
    type: Literal["card"] = "card"
    brand: str = Field(description="visa, mastercard, amex, ...")
    last4: str
    exp_month: int
    exp_year: int
    is_default: bool
    archived: bool
    created_at: datetime


PaymentStatus = Literal["succeeded", "failed"]


class PaymentPublic(BaseModel):
    id: str
    customer_id: str
    payment_method_id: str | None
    provider: str
    amount: Money
    amount_refunded: Money
    status: PaymentStatus
    decline_code: str | None = Field(
        description="Why the card was declined: card_declined, insufficient_funds, "
                    "expired_card; null for other failures")
    failure_message: str | None
    description: str | None
    invoice_id: str | None
    created_at: datetime
