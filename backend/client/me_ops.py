"""The customer's own operations (`/me`), for a client created with `customer_token=`.

Each acts for the token's customer only: what a browser-facing widget may do.
"""

from __future__ import annotations

from typing import Any

from backend.client.call import Call, Sender, page_params, payload, segment
from backend.client.payment_ops import card_body
from backend.entitlements.schemas import CustomerEntitlements, EntitlementState
from backend.kit.pagination import Page
from backend.me.schemas import Portal
from backend.payments.schemas import PaymentMethodCreate, PaymentMethodPublic
from backend.subscriptions.schemas import (
    ChangeResult,
    CreditBalances,
    InvoicePublic,
    Preview,
    SubscriptionPublic,
)

Body = dict[str, Any]


def _key(idempotency_key: str | None) -> dict[str, str]:
    return {"Idempotency-Key": idempotency_key} if idempotency_key else {}


def _sub(subscription_id: str, action: str = "") -> str:
    return f"/api/v1/me/subscriptions/{segment(subscription_id)}{action}"


class MeOperations(Sender):
    def get_my_portal(self, product_id: str) -> Any:
        """Everything the customer portal shows for one product (`Portal`)."""
        return self._send(Call("GET", "/api/v1/me/portal", Portal,
                               params={"product_id": product_id}))

    def list_my_subscriptions(self) -> Any:
        """The customer's subscriptions, newest first (`list[SubscriptionPublic]`)."""
        return self._send(Call("GET", "/api/v1/me/subscriptions", list[SubscriptionPublic]))

    def preview_my_subscription(self, body: Body) -> Any:
        """What subscribing charges now and next (`Preview`); body without `customer_id`."""
        return self._send(Call("POST", "/api/v1/me/subscriptions/preview", Preview,
                               json=payload(body)))

    def create_my_subscription(self, body: Body, *, idempotency_key: str | None = None) -> Any:
        """Subscribe (`ChangeResult`); a declined card raises `TollgateError` (402)."""
        return self._send(Call("POST", "/api/v1/me/subscriptions", ChangeResult,
                               json=payload(body), headers=_key(idempotency_key)))

    def preview_my_update(self, subscription_id: str, body: Body) -> Any:
        """What a change charges or credits now and next (`Preview`)."""
        return self._send(Call("POST", _sub(subscription_id, "/preview-update"), Preview,
                               json=payload(body)))

    def update_my_subscription(self, subscription_id: str, body: Body, *,
                               idempotency_key: str | None = None) -> Any:
        """Upgrade now or schedule a downgrade (`ChangeResult`)."""
        return self._send(Call("PATCH", _sub(subscription_id), ChangeResult, json=payload(body),
                               headers=_key(idempotency_key)))

    def preview_my_cancel(self, subscription_id: str, body: Body) -> Any:
        """When access would end and any credit (`Preview`)."""
        return self._send(Call("POST", _sub(subscription_id, "/preview-cancel"), Preview,
                               json=payload(body)))

    def cancel_my_subscription(self, subscription_id: str, body: Body) -> Any:
        """Cancel with a reason (`ChangeResult`)."""
        return self._send(Call("POST", _sub(subscription_id, "/cancel"), ChangeResult,
                               json=payload(body)))

    def undo_my_change(self, subscription_id: str) -> Any:
        """Remove a scheduled cancellation or change (`SubscriptionPublic`)."""
        return self._send(Call("POST", _sub(subscription_id, "/undo"), SubscriptionPublic))

    def list_my_invoices(self, *, limit: int | None = None, cursor: str | None = None) -> Any:
        """The customer's invoices, newest first (`Page[InvoicePublic]`)."""
        return self._send(Call("GET", "/api/v1/me/invoices", Page[InvoicePublic],
                               params=page_params(limit, cursor, False)))

    def list_my_payment_methods(self) -> Any:
        """The customer's cards, the default first (`list[PaymentMethodPublic]`)."""
        return self._send(Call("GET", "/api/v1/me/payment-methods", list[PaymentMethodPublic]))

    def add_my_payment_method(self, body: PaymentMethodCreate | Body, *,
                              idempotency_key: str | None = None) -> Any:
        """Add a test card (`PaymentMethodPublic`); refusals carry `problem["reason"]`."""
        return self._send(Call("POST", "/api/v1/me/payment-methods", PaymentMethodPublic,
                               json=card_body(body), headers=_key(idempotency_key)))

    def set_my_default_payment_method(self, method_id: str) -> Any:
        """Charge this card from now on (`PaymentMethodPublic`)."""
        return self._send(Call("POST", f"/api/v1/me/payment-methods/{segment(method_id)}/default",
                               PaymentMethodPublic))

    def remove_my_payment_method(self, method_id: str) -> Any:
        """Remove a card (`PaymentMethodPublic`)."""
        return self._send(Call("DELETE", f"/api/v1/me/payment-methods/{segment(method_id)}",
                               PaymentMethodPublic))

    def get_my_credit_balance(self) -> Any:
        """Credit per currency from downgrades and cancellations (`CreditBalances`)."""
        return self._send(Call("GET", "/api/v1/me/credit-balance", CreditBalances))

    def get_my_entitlements(self) -> Any:
        """Every feature the customer may use, with usage (`CustomerEntitlements`)."""
        return self._send(Call("GET", "/api/v1/me/entitlements", CustomerEntitlements))

    def check_mine(self, feature_id: str, *, requested_usage: int | None = None,
                   requested_value: str | None = None) -> Any:
        """May the customer use the feature? (`EntitlementState`)."""
        params = {"feature_id": feature_id, "requested_usage": requested_usage,
                  "requested_value": requested_value}
        return self._send(Call("GET", "/api/v1/me/entitlements/check", EntitlementState,
                               params=params))
