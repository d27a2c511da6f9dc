"""Entitlement checks, usage reporting and promotional entitlements (secret key).

The customer's own `get_my_entitlements` / `check_mine` live in `MeOperations`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from backend.client.call import Call, Sender, payload, segment
from backend.entitlements.history import UsageHistory
from backend.entitlements.schemas import (
    BulkUsageResult,
    ConsumeResult,
    CustomerEntitlements,
    EntitlementState,
    MeterPublic,
    PromotionCreate,
    PromotionPublic,
    UsageEventsResult,
    UsageRecorded,
    UsageReport,
)

Body = dict[str, Any]


def _promotions(customer_id: str) -> str:
    return f"/api/v1/customers/{segment(customer_id)}/promotional-entitlements"


class EntitlementOperations(Sender):
    def check(self, customer_id: str, feature_id: str, *, requested_usage: int | None = None,
              requested_value: str | None = None) -> Any:
        """May the customer use the feature (this much, this value)? (`EntitlementState`)."""
        params = {"customer_id": customer_id, "feature_id": feature_id,
                  "requested_usage": requested_usage, "requested_value": requested_value}
        return self._send(Call("GET", "/api/v1/entitlements/check", EntitlementState,
                               params=params))

    def get_entitlements(self, customer_id: str) -> Any:
        """Every feature of the customer with usage and revision (`CustomerEntitlements`)."""
        path = f"/api/v1/customers/{segment(customer_id)}/entitlements"
        return self._send(Call("GET", path, CustomerEntitlements))

    def report_usage(self, report: UsageReport | Body) -> Any:
        """Report usage (`UsageRecorded`); a retry with the same `idempotency_key` counts once."""
        return self._send(Call("POST", "/api/v1/usage", UsageRecorded, json=payload(report)))

    def report_usage_bulk(self, reports: list[UsageReport | Body]) -> Any:
        """Up to 5,000 reports, all or none (`BulkUsageResult`)."""
        body = {"reports": [payload(r) for r in reports]}
        return self._send(Call("POST", "/api/v1/usage/bulk", BulkUsageResult, json=body))

    def consume(self, customer_id: str, feature_id: str, amount: int = 1, *,
                idempotency_key: str | None = None) -> Any:
        """Check and record atomically (`ConsumeResult`); never passes a hard limit."""
        body = {"customer_id": customer_id, "feature_id": feature_id, "amount": amount,
                "idempotency_key": idempotency_key}
        return self._send(Call("POST", "/api/v1/usage/consume", ConsumeResult, json=body))

    def refund_consumption(self, consumption_id: str) -> Any:
        """Give back a consumption once (`UsageRecorded`)."""
        return self._send(Call("POST", "/api/v1/usage/refund", UsageRecorded,
                               json={"consumption_id": consumption_id}))

    def grant_promotion(self, customer_id: str, body: PromotionCreate | Body) -> Any:
        """Grant a feature for a period or for good (`PromotionPublic`)."""
        return self._send(Call("POST", _promotions(customer_id), PromotionPublic,
                               json=payload(body)))

    def list_promotions(self, customer_id: str) -> Any:
        """The customer's promotional entitlements, newest first (`list[PromotionPublic]`)."""
        return self._send(Call("GET", _promotions(customer_id), list[PromotionPublic]))

    def revoke_promotion(self, promotion_id: str) -> Any:
        """End a promotional entitlement now (`PromotionPublic`)."""
        path = f"/api/v1/promotional-entitlements/{segment(promotion_id)}/revoke"
        return self._send(Call("POST", path, PromotionPublic))

    def create_meter(self, body: dict[str, Any]) -> Any:
        """Count raw events as a metered feature's usage (`MeterPublic`)."""
        return self._send(Call("POST", "/api/v1/meters", MeterPublic, json=body))

    def send_usage_events(self, events: list[dict[str, Any]]) -> Any:
        """Raw events, each with an idempotency key, applied by the meters (`UsageEventsResult`).
        For many events from a busy app, `UsageBatcher.event(...)` batches them."""
        return self._send(Call("POST", "/api/v1/usage-events", UsageEventsResult,
                               json={"events": events}))

    def usage_history(self, customer_id: str, feature_id: str, start: datetime, *,
                      end: datetime | None = None, bucket: str = "day") -> Any:
        """Usage per bucket for a chart (`UsageHistory`)."""
        params = {"from": start.isoformat(), "to": end.isoformat() if end else None,
                  "bucket": bucket}
        path = f"/api/v1/customers/{segment(customer_id)}/usage/{segment(feature_id)}/history"
        return self._send(Call("GET", path, UsageHistory, params=params))
