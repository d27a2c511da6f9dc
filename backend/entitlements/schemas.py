"""API shapes of entitlement checks, usage reports, consumption and promotional entitlements."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backend.catalog.schemas import FeatureType, ResetPeriod
from backend.entitlements.decide import DenialReason

INT64_MAX = 2**63 - 1
MAX_BULK = 5000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class UsagePeriod(BaseModel):
    start: datetime
    end: datetime
    reset_period: ResetPeriod


class EntitlementState(BaseModel):
    """A customer's access to one feature, now."""

    feature_id: str
    feature_type: FeatureType
    feature_name: str = ""
    unit: str | None = None
    unit_plural: str | None = None
    has_access: bool
    denial_reason: DenialReason | None = None
    limit: int | None = None
    unlimited: bool = False
    soft_limit: bool = False
    current_usage: int = 0
    requested_usage: int | None = None
    enum_values: list[str] | None = None
    usage_period: UsagePeriod | None = Field(
        None, description="Metered features that reset: the current period, half-open")
    sources: list[str] = Field(default_factory=list,
                               description="plan, addon:<id>, promotion:<id>")


class CustomerEntitlements(BaseModel):
    customer_id: str
    revision: int = Field(description="Grows whenever the customer's entitlements change")
    entitlements: list[EntitlementState]


class CheckRequest(_Strict):
    customer_id: str
    feature_id: str
    requested_usage: int | None = Field(None, ge=0, le=INT64_MAX,
                                        description="Metered: default 1")
    requested_value: str | None = Field(None, max_length=200, description="Enum features")


class UsageReport(_Strict):
    customer_id: str
    feature_id: str
    value: int = Field(ge=-INT64_MAX, le=INT64_MAX,
                       description="delta: added (negative subtracts); set: the new level")
    behavior: Literal["delta", "set"] = "delta"
    timestamp: datetime | None = Field(None, description="When it happened; default now")
    idempotency_key: str | None = Field(None, max_length=200)

    @model_validator(mode="after")
    def _set_not_negative(self) -> "UsageReport":
        if self.behavior == "set" and self.value < 0:
            raise ValueError("value: a set level cannot be negative")
        return self


class BulkUsage(_Strict):
    reports: list[UsageReport] = Field(min_length=1, max_length=MAX_BULK)


class UsageRecorded(BaseModel):
    customer_id: str
    feature_id: str
    current_usage: int
    period_start: datetime | None
    duplicate: bool = Field(False, description="Already counted under this idempotency key")


class BulkUsageResult(BaseModel):
    accepted: int
    duplicates: int
    results: list[UsageRecorded]


class ConsumeRequest(_Strict):
    customer_id: str
    feature_id: str
    amount: int = Field(1, ge=1, le=INT64_MAX)
    idempotency_key: str | None = Field(None, max_length=200)


class ConsumeResult(BaseModel):
    """Decided and recorded in one step: consumed only when `has_access`."""

    consumed: bool
    entitlement: EntitlementState
    consumption_id: str | None = Field(None, description="Pass to /usage/refund to give it back")
    duplicate: bool = False


class RefundRequest(_Strict):
    consumption_id: str = Field(description="The idempotency key or id of the consumption")


PromotionPeriod = Literal["1_week", "1_month", "6_months", "1_year", "lifetime", "custom"]


class PromotionCreate(_Strict):
    feature_id: str
    limit: int | None = Field(None, ge=0, le=INT64_MAX)
    unlimited: bool = False
    soft_limit: bool = False
    reset_period: ResetPeriod | None = None
    enum_values: list[str] | None = None
    period: PromotionPeriod = "1_month"
    ends_at: datetime | None = Field(None, description="Required for a custom period")

    @model_validator(mode="after")
    def _consistent(self) -> "PromotionCreate":
        if self.unlimited and self.limit is not None:
            raise ValueError("limit: give a limit or unlimited, not both")
        if (self.period == "custom") != (self.ends_at is not None):
            raise ValueError("ends_at: give an end exactly when the period is custom")
        return self


class PromotionPublic(BaseModel):
    id: str
    customer_id: str
    feature_id: str
    limit: int | None
    unlimited: bool
    soft_limit: bool
    reset_period: str | None
    enum_values: list[str] | None
    period: str
    starts_at: datetime
    ends_at: datetime | None
    status: Literal["active", "expired", "revoked"]
    created_at: datetime


Aggregation = Literal["count", "sum", "max", "unique_count", "latest"]


class MeterCreate(_Strict):
    feature_id: str = Field(description="A metered feature")
    event_name: str = Field(min_length=1, max_length=128)
    aggregation: Aggregation
    field: str | None = Field(None, max_length=128,
                              description="The dimension summed, maxed, counted distinct or "
                                          "taken as the latest value")
    filters: dict[str, str | list[str]] = Field(default_factory=dict,
                                                description="Dimension values an event must have")

    @model_validator(mode="after")
    def _field_when_needed(self) -> "MeterCreate":
        if self.aggregation != "count" and not self.field:
            raise ValueError(f"field: a {self.aggregation} meter needs the dimension it reads")
        return self


class MeterPublic(MeterCreate):
    created_at: datetime


class UsageEventIn(_Strict):
    customer_id: str
    event_name: str = Field(min_length=1, max_length=128)
    dimensions: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    timestamp: datetime | None = Field(None, description="When it happened; default now")
    idempotency_key: str = Field(min_length=1, max_length=200)


class UsageEventsIn(_Strict):
    events: list[UsageEventIn] = Field(min_length=1, max_length=MAX_BULK)


class UsageEventsResult(BaseModel):
    accepted: int
    duplicates: int
    counters_changed: int


class UsageEventPublic(BaseModel):
    customer_id: str
    event_name: str
    dimensions: dict
    timestamp: datetime
    idempotency_key: str
    received_at: datetime
