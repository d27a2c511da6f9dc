"""API shapes of coupons: Create / Update / Public, and the validation of a code."""

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

from backend.kit.ids import REF_PATTERN
from backend.kit.metadata import MetadataDict
from backend.kit.money import is_currency

Duration = Literal["once", "repeating", "forever"]
CODE = re.compile(r"^[A-Z0-9_-]{3,40}$")
INT32_MAX, INT64_MAX = 2**31 - 1, 2**63 - 1
# Set when created; a different discount is a different coupon.
IMMUTABLE = (
    "id", "code", "percent_off", "amounts_off", "duration", "duration_periods", "redemptions",
)

AmountOff = Annotated[int, Field(gt=0, le=INT64_MAX, description="Minor units, e.g. 500 = $5.00")]
PlanRef = Annotated[str, Field(pattern=REF_PATTERN)]


def normalize_code(code: str) -> str:
    """Codes are case-insensitive: compared and stored upper-case, without surrounding blanks."""
    return code.strip().upper()


def _utc(v: datetime | None) -> datetime | None:
    return v.astimezone(UTC) if v is not None else None


def _unique_plans(v: list[str] | None) -> list[str] | None:
    if v is not None and len(set(v)) != len(v):
        raise ValueError("each plan may appear once")
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CouponCreate(_Strict):
    id: str = Field(pattern=REF_PATTERN, description="Your identifier, unique in the environment")
    code: str = Field(description="What customers type; 3-40 of A-Z 0-9 _ -, case-insensitive")
    name: str | None = Field(None, min_length=1, max_length=200,
                             description="Shown to customers (defaults to the code)")
    description: str | None = Field(None, max_length=2000)
    percent_off: Decimal | None = Field(None, gt=0, le=100, decimal_places=4,
                                        description="A percentage discount, e.g. 20 or 12.5")
    amounts_off: dict[str, AmountOff] | None = Field(
        None, description="A fixed discount per ISO 4217 currency, e.g. {\"USD\": 500}"
    )
    duration: Duration = Field("once", description="once, repeating (duration_periods) or forever")
    duration_periods: int | None = Field(None, ge=1, le=INT32_MAX,
                                         description="Billing periods a repeating coupon lasts")
    expires_at: AwareDatetime | None = Field(None, description="After this the code is refused")
    max_redemptions: int | None = Field(None, ge=1, le=INT32_MAX,
                                        description="How often the code may be redeemed in all")
    plan_ids: list[PlanRef] = Field(default_factory=list,
                                    description="Plans the coupon applies to; empty = all plans")
    metadata: MetadataDict = Field(default_factory=dict)

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        v = normalize_code(v)
        if not CODE.match(v):
            raise ValueError("a code has 3 to 40 letters, digits, '-' or '_'")
        return v

    @field_validator("amounts_off")
    @classmethod
    def _currencies(cls, v: dict[str, int] | None) -> dict[str, int] | None:
        if v is None:
            return v
        if not v:
            raise ValueError("give at least one currency")
        amounts: dict[str, int] = {}
        for code, amount in v.items():
            currency = code.strip().upper()
            if not is_currency(currency):
                raise ValueError(f"'{code}' is not an ISO 4217 currency code")
            if currency in amounts:
                raise ValueError(f"{currency} appears more than once")
            amounts[currency] = amount
        return amounts

    _plans = field_validator("plan_ids")(_unique_plans)
    _expiry = field_validator("expires_at")(_utc)

    @model_validator(mode="after")
    def _discount_and_duration(self) -> "CouponCreate":
        if (self.percent_off is None) == (self.amounts_off is None):
            raise ValueError("percent_off: give either percent_off or amounts_off (not both)")
        if self.duration == "repeating" and self.duration_periods is None:
            raise ValueError("duration_periods: a repeating coupon needs duration_periods")
        if self.duration != "repeating" and self.duration_periods is not None:
            raise ValueError("duration_periods: only repeating coupons have duration_periods")
        return self


class CouponUpdate(_Strict):
    """Only what does not change the discount; `null` clears (no expiry, no limit, all plans)."""

    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    expires_at: AwareDatetime | None = None
    max_redemptions: int | None = Field(None, ge=1, le=INT32_MAX)
    plan_ids: list[PlanRef] | None = None
    metadata: MetadataDict | None = None

    @model_validator(mode="before")
    @classmethod
    def _discount_is_fixed(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in IMMUTABLE:
                if key in data:
                    raise ValueError(f"{key}: a coupon's {key} cannot change; create a new coupon")
        return data

    @field_validator("name", mode="before")
    @classmethod
    def _name_not_null(cls, v: Any) -> Any:
        if v is None:
            raise ValueError("may be left out but not set to null")
        return v

    _plans = field_validator("plan_ids")(_unique_plans)
    _expiry = field_validator("expires_at")(_utc)


class CouponPublic(BaseModel):
    id: str
    code: str
    name: str
    description: str | None
    percent_off: Decimal | None
    amounts_off: dict[str, int] | None
    duration: Duration
    duration_periods: int | None
    expires_at: datetime | None
    max_redemptions: int | None
    redemptions: int
    plan_ids: list[str]
    metadata: dict[str, Any]
    archived: bool
    created_at: datetime
    updated_at: datetime


class CouponValidate(_Strict):
    code: str = Field(max_length=200, description="The code as the customer typed it")
    plan_id: str | None = Field(None, max_length=128, description="The plan it is for")
    currency: str | None = Field(None, description="The currency the customer pays in")

    @field_validator("currency")
    @classmethod
    def _iso_4217(cls, v: str | None) -> str | None:
        if v is None:
            return v
        v = v.upper()
        if not is_currency(v):
            raise ValueError(f"'{v}' is not an ISO 4217 currency code")
        return v


class CouponValidation(BaseModel):
    valid: Literal[True] = True
    coupon: CouponPublic
