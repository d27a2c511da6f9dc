"""API shapes of an environment's test clock."""

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

MAX_SECONDS = 100 * 366 * 24 * 3600  # a century per step is plenty


class ClockPublic(BaseModel):
    frozen: bool = Field(description="True while the environment's time stands still")
    time: datetime = Field(description="The environment's current time (frozen or real), UTC")


class TransitionPublic(BaseModel):
    handler: str = Field(description="The registered handler that did it")
    type: str = Field(description="What happened, e.g. 'subscription.renewed'")
    at: datetime = Field(description="When it fell due")
    id: str | None = Field(None, description="The resource it happened to")
    detail: dict[str, Any] = Field(default_factory=dict)


class ClockMoved(ClockPublic):
    previous_time: datetime = Field(description="The environment's time before this call")
    transitions: list[TransitionPublic] = Field(
        description="What fell due in between, in time order")


class ClockFreeze(BaseModel):
    model_config = ConfigDict(extra="forbid")

    time: AwareDatetime | None = Field(
        None, description="Freeze at this time (not before now; the time in between runs as by "
                          "advance); default: now")


class ClockAdvance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: AwareDatetime | None = Field(None, description="Move to this time (never backwards)")
    seconds: int | None = Field(None, ge=0, le=MAX_SECONDS, description="Or move this far ahead")

    @model_validator(mode="after")
    def _one(self) -> "ClockAdvance":
        if (self.to is None) == (self.seconds is None):
            raise ValueError("to: give either 'to' or 'seconds'")
        return self
