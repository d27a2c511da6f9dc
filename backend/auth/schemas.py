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
