"""API shapes for environments and keys."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

KeyKind = Literal["secret", "publishable"]


class EnvironmentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    slug: str
    name: str
    kind: Literal["development", "production"]


class ApiKeyCreate(BaseModel):
    kind: KeyKind
    name: str = Field("", max_length=200)


class ApiKeyPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: KeyKind
    name: str
    display_prefix: str
    created_at: datetime
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    key: str = Field(description="The full key. It is shown only in this response.")


class CustomerTokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: str = Field(min_length=1, max_length=128, description="The customer to act for")
    ttl_seconds: int | None = Field(None, ge=60, le=86400,
                                    description="Lifetime, 60 s to 24 h (default 1 h)")
    scopes: list[str] | None = Field(None, max_length=10,
                                     description="'read' and/or 'write' (default both)")


class CustomerTokenPublic(BaseModel):
    token: str = Field(description="Hand it to the browser; send it as X-Customer-Token")
    customer_id: str
    expires_at: datetime
    scopes: list[str]
