"""Test clock operations (secret key, development environments)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from backend.client.call import Call, Sender
from backend.testclock.schemas import ClockMoved, ClockPublic

PATH = "/api/v1/test-clock"


class ClockOperations(Sender):
    def get_test_clock(self) -> Any:
        """The environment's time, frozen or real (`ClockPublic`)."""
        return self._send(Call("GET", PATH, ClockPublic))

    def freeze_test_clock(self, time: datetime | None = None, *,
                          idempotency_key: str | None = None) -> Any:
        """Stop time now, or at a later `time` (`ClockMoved`)."""
        body = {"time": time.isoformat()} if time is not None else {}
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._send(Call("POST", f"{PATH}/freeze", ClockMoved, json=body, headers=headers))

    def advance_test_clock(self, *, to: datetime | None = None, seconds: int | None = None,
                           idempotency_key: str | None = None) -> Any:
        """Move time forward `to` a time or by `seconds`, running what falls due
        (`ClockMoved` with its `transitions`)."""
        body: dict[str, Any] = {"to": to.isoformat()} if to is not None else {}
        if seconds is not None:
            body["seconds"] = seconds
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._send(Call("POST", f"{PATH}/advance", ClockMoved, json=body, headers=headers))

    def delete_test_clock(self) -> Any:
        """Return to real time (`ClockPublic`)."""
        return self._send(Call("DELETE", PATH, ClockPublic))
