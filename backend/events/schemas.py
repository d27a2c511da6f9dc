"""API shapes of events."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class EventPublic(BaseModel):
    id: str
    sequence: int = Field(description="Grows with every event of the environment; order by it")
    type: str
    customer_id: str | None = Field(description="The customer the event concerns, if any")
    subject_type: str | None = Field(description="The kind of resource that changed, e.g. 'plan'")
    subject_id: str | None = Field(description="The id of that resource")
    data: dict[str, Any] = Field(description="The resource as it was right after the change")
    created_at: datetime


class EventType(BaseModel):
    type: str
    description: str
