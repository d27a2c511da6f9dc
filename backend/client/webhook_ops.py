"""Webhook operations (secret key): endpoints, secret rotation, the delivery log, redelivery
and replay."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from backend.client.call import Call, Sender, payload, segment
from backend.kit.pagination import Page
from backend.webhooks.schemas import (
    ReplayResult,
    WebhookAttemptPublic,
    WebhookEndpointCreate,
    WebhookEndpointCreated,
    WebhookEndpointPublic,
    WebhookEndpointUpdate,
    WebhookMessagePublic,
)

BASE = "/api/v1/webhooks/endpoints"


def _path(endpoint_id: str, *rest: str) -> str:
    return "/".join([BASE, segment(endpoint_id), *rest])


class WebhookOperations(Sender):
    def create_webhook_endpoint(
        self, body: WebhookEndpointCreate | dict[str, Any], *, idempotency_key: str | None = None
    ) -> Any:
        """Add an endpoint (`WebhookEndpointCreated`); its `secret` is in this result only."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._send(Call("POST", BASE, WebhookEndpointCreated, json=payload(body),
                               headers=headers))

    def list_webhook_endpoints(self, *, limit: int | None = None,
                               cursor: str | None = None) -> Any:
        """One page of endpoints (`Page[WebhookEndpointPublic]`)."""
        params = {"limit": limit, "cursor": cursor}
        return self._send(Call("GET", BASE, Page[WebhookEndpointPublic], params=params))

    def get_webhook_endpoint(self, endpoint_id: str) -> Any:
        """One endpoint (`WebhookEndpointPublic`)."""
        return self._send(Call("GET", _path(endpoint_id), WebhookEndpointPublic))

    def update_webhook_endpoint(self, endpoint_id: str,
                                body: WebhookEndpointUpdate | dict[str, Any]) -> Any:
        """Change the fields given (`WebhookEndpointPublic`); `enabled=True` re-enables."""
        return self._send(Call("PATCH", _path(endpoint_id), WebhookEndpointPublic,
                               json=payload(body, partial=True)))

    def delete_webhook_endpoint(self, endpoint_id: str) -> Any:
        """Remove an endpoint and its delivery log (None)."""
        return self._send(Call("DELETE", _path(endpoint_id)))

    def rotate_webhook_secret(self, endpoint_id: str, *, overlap_hours: int = 24) -> Any:
        """A new secret (`WebhookEndpointCreated`); the old one also signs for `overlap_hours`."""
        return self._send(Call("POST", _path(endpoint_id, "rotate-secret"),
                               WebhookEndpointCreated, json={"overlap_hours": overlap_hours}))

    def list_webhook_messages(self, endpoint_id: str, *, status: str | None = None,
                              limit: int | None = None, cursor: str | None = None) -> Any:
        """The endpoint's messages, newest first (`Page[WebhookMessagePublic]`)."""
        params = {"status": status, "limit": limit, "cursor": cursor}
        return self._send(Call("GET", _path(endpoint_id, "messages"),
                               Page[WebhookMessagePublic], params=params))

    def list_webhook_attempts(self, endpoint_id: str, *, limit: int | None = None,
                              cursor: str | None = None) -> Any:
        """The delivery log, newest first (`Page[WebhookAttemptPublic]`)."""
        params = {"limit": limit, "cursor": cursor}
        return self._send(Call("GET", _path(endpoint_id, "attempts"),
                               Page[WebhookAttemptPublic], params=params))

    def redeliver_webhook_message(self, endpoint_id: str, message_id: str) -> Any:
        """Send one message again (`WebhookMessagePublic`)."""
        path = _path(endpoint_id, "messages", segment(message_id), "redeliver")
        return self._send(Call("POST", path, WebhookMessagePublic))

    def replay_webhooks(self, endpoint_id: str, since: datetime, until: datetime | None = None,
                        *, only_failed: bool = False) -> Any:
        """Send the endpoint's events of a time range again (`ReplayResult`)."""
        body = {"since": since.isoformat(), "only_failed": only_failed,
                "until": until.isoformat() if until is not None else None}
        return self._send(Call("POST", _path(endpoint_id, "replay"), ReplayResult, json=body))
