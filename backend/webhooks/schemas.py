"""API shapes of webhooks: endpoints (Create / Update / Public / Created), the delivery log,
redelivery and replay."""

from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

MessageStatus = Literal["pending", "succeeded", "failed"]
EventFilter = Field(min_length=1, max_length=64)


def _http_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("give an absolute http:// or https:// URL")
    if parts.username or parts.password:
        raise ValueError("a webhook URL may not carry credentials")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class WebhookEndpointCreate(_Strict):
    url: str = Field(min_length=1, max_length=2000, description="Where events are POSTed")
    description: str = Field("", max_length=500)
    event_types: list[str] = Field(
        default_factory=list, max_length=100,
        description="Types or prefixes such as 'subscription.'; empty: every type")
    enabled: bool = True

    _url = field_validator("url")(_http_url)

    @field_validator("event_types")
    @classmethod
    def _filters(cls, v: list[str]) -> list[str]:
        for item in v:
            if not 1 <= len(item.strip()) <= 64:
                raise ValueError("each event type has 1 to 64 characters")
        return v


class WebhookEndpointUpdate(_Strict):
    """The fields given change; `enabled: true` re-enables a disabled endpoint."""

    url: str | None = Field(None, min_length=1, max_length=2000)
    description: str | None = Field(None, max_length=500)
    event_types: list[str] | None = Field(None, max_length=100)
    enabled: bool | None = None

    _url = field_validator("url")(_http_url)

    @model_validator(mode="after")
    def _no_nulls(self) -> "WebhookEndpointUpdate":
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name}: may not be null")
        return self


class WebhookEndpointPublic(BaseModel):
    id: str
    url: str
    description: str
    event_types: list[str] = Field(description="Empty: every event type")
    enabled: bool
    disabled_reason: str | None = Field(description="Why it was disabled automatically")
    previous_secret_expires_at: datetime | None = Field(
        description="Until then messages are signed with the previous secret too")
    last_success_at: datetime | None
    failing_since: datetime | None
    created_at: datetime
    updated_at: datetime


class WebhookEndpointCreated(WebhookEndpointPublic):
    secret: str = Field(description="The signing secret (whsec_...); shown in this response only")


class SecretRotation(_Strict):
    overlap_hours: int = Field(
        24, ge=0, le=168,
        description="How long the old secret keeps signing alongside the new one (0: not at all)")


class WebhookMessagePublic(BaseModel):
    id: str
    event_id: str = Field(description="Also the `webhook-id` header of every delivery")
    event_type: str
    customer_id: str | None
    status: MessageStatus
    attempts: int
    next_attempt_at: datetime | None
    created_at: datetime
    delivered_at: datetime | None


class WebhookAttemptPublic(BaseModel):
    id: int
    message_id: str
    event_id: str
    event_type: str
    attempt: int = Field(description="1 for the first try of the message")
    request_body: str
    status_code: int | None = Field(description="None: timed out or no connection")
    response_body: str = Field(description="The first kilobyte of the answer")
    error: str | None
    duration_ms: int
    succeeded: bool
    attempted_at: datetime
    next_attempt_at: datetime | None = Field(description="None: no retry is planned")


class ReplayRequest(_Strict):
    since: AwareDatetime = Field(description="Events created at or after")
    until: AwareDatetime | None = Field(None, description="Events created before (default: now)")
    only_failed: bool = Field(False, description="Only messages that are not yet delivered")

    @field_validator("since", "until")
    @classmethod
    def _utc(cls, v: datetime | None) -> datetime | None:
        return v.astimezone(UTC) if v is not None else None

    @model_validator(mode="after")
    def _order(self) -> "ReplayRequest":
        if self.until is not None and self.until <= self.since:
            raise ValueError("until: must be after since")
        return self


class ReplayResult(BaseModel):
    queued: int = Field(description="Messages queued for delivery")
