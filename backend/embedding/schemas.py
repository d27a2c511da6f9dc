"""Request and answer of the hosted pages' embedding check."""

from datetime import datetime

from pydantic import BaseModel, Field


class FrameCheck(BaseModel):
    """What a hosted widget page was opened with (its query parameters)."""

    publishable_key: str | None = Field(None, max_length=200)
    origin: str | None = Field(None, max_length=300, description="The host page's origin")
    customer_token: str | None = Field(None, max_length=2048)
    customer_required: bool = Field(False, description="The widget acts for a customer")
    page_origin: str | None = Field(None, max_length=300, description=(
        "The hosted page's own origin: `origin` may equal it (frame-ancestors 'self')"))


class FrameContextPublic(BaseModel):
    """A verified embedding: the page may render its widget for `origin`."""

    origin: str
    customer_id: str | None = None
    expires_at: datetime | None = None
