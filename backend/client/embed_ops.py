"""The hosted widget pages' embedding check (no key of the client's own is needed)."""

from __future__ import annotations

from typing import Any

from backend.client.call import Call, Sender
from backend.embedding.schemas import FrameContextPublic


class EmbedOperations(Sender):
    def check_frame(self, publishable_key: str | None, origin: str | None, *,
                    customer_token: str | None = None, customer_required: bool = False,
                    page_origin: str | None = None) -> Any:
        """Whether a hosted page may render for `origin` (`FrameContextPublic`); refusals raise
        `TollgateError` whose problem has a `reason` (e.g. `secret_key`, `expired`)."""
        body = {"publishable_key": publishable_key, "origin": origin,
                "customer_token": customer_token, "customer_required": customer_required,
                "page_origin": page_origin}
        return self._send(Call("POST", "/api/v1/embed/frame-check", FrameContextPublic,
                               json=body))
