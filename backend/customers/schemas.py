"""API shapes of customers."""

import re
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from backend.kit.ids import REF_PATTERN
from backend.kit.metadata import MetadataDict
from backend.kit.money import is_currency
from backend.kit.regions import is_country, is_locale

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class _Contact(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("email", check_fields=False)
    @classmethod
    def _email(cls, v: str | None) -> str | None:
        if v is not None and not _EMAIL.match(v):
            raise ValueError("not a valid email address")
        return v

    @field_validator("billing_country", check_fields=False)
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is None:
            return v
        v = v.upper()
        if not is_country(v):
            raise ValueError(f"'{v}' is not an ISO 3166-1 alpha-2 country code")
        return v

    @field_validator("locale", check_fields=False)
    @classmethod
    def _locale(cls, v: str | None) -> str | None:
        if v is not None and not is_locale(v):
            raise ValueError(f"'{v}' is not a known locale (use e.g. 'en-US', 'de-DE')")
        return v


class InitialSubscription(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plan_id: str
    billing_period: Literal["monthly", "annual"] = "monthly"
    currency: str | None = Field(None, description="Defaults from the customer's country")

    @field_validator("currency")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and not is_currency(v.upper()):
            raise ValueError(f"'{v}' is not an ISO 4217 currency code")
        return v.upper() if v else v


class CustomerCreate(_Contact):
    id: str = Field(pattern=REF_PATTERN, description="Your id for the customer (user or org)")
    name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=320)
    billing_country: str | None = Field(None, description="ISO 3166-1 alpha-2, e.g. 'DE'")
    locale: str | None = Field(None, description="BCP 47, e.g. 'de-DE'")
    metadata: MetadataDict = Field(default_factory=dict)
    subscription: InitialSubscription | None = Field(
        None, description="Optionally start the first subscription in the same call"
    )


class CustomerUpdate(_Contact):
    name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=320)
    billing_country: str | None = None
    locale: str | None = None
    metadata: MetadataDict | None = None


class SubscriptionSummary(BaseModel):
    id: str
    product_id: str
    plan_id: str
    plan_version: int = Field(description="The plan version the subscription is on")
    billing_period: Literal["monthly", "annual"]
    currency: str
    status: str
    started_at: datetime


class CustomerPublic(BaseModel):
    id: str
    name: str | None
    email: str | None
    billing_country: str | None
    locale: str | None
    metadata: dict[str, Any]
    archived: bool
    subscriptions: list[SubscriptionSummary]
    created_at: datetime
    updated_at: datetime
