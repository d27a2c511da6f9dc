"""Subscription and invoice operations (secret key)."""

from __future__ import annotations

from typing import Any

from backend.client.call import Call, Sender, page_params, payload, segment
from backend.kit.pagination import Page
from backend.subscriptions.schemas import (
    CancelRequest,
    ChangeResult,
    CreditBalances,
    InvoicePublic,
    MigrateRequest,
    MigrationCounts,
    Preview,
    SubscriptionCreate,
    SubscriptionPublic,
    SubscriptionUpdate,
)

Body = dict[str, Any]
SUBS = "/api/v1/subscriptions"


def _sub(subscription_id: str, action: str = "") -> str:
    return f"{SUBS}/{segment(subscription_id)}{'/' + action if action else ''}"


def _invoice(invoice_id: str, action: str = "") -> str:
    return f"/api/v1/invoices/{segment(invoice_id)}{'/' + action if action else ''}"


def _idem(key: str | None) -> dict[str, str]:
    return {"Idempotency-Key": key} if key else {}


def _migrate_body(at: str) -> Body:
    return MigrateRequest(at=at).model_dump(mode="json")  # type: ignore[arg-type]


class SubscriptionOperations(Sender):
    """Subscriptions, their previews, cancellation, plan-version migration and invoices."""

    def preview_subscription(self, body: SubscriptionCreate | Body) -> Any:
        """What creating this subscription charges now and next (`Preview`)."""
        return self._send(Call("POST", f"{SUBS}/preview", Preview, json=payload(body)))

    def create_subscription(self, body: SubscriptionCreate | Body, *,
                            idempotency_key: str | None = None) -> Any:
        """Start a subscription (`ChangeResult`); 402 on a declined card, 409 when one is live."""
        return self._send(Call("POST", SUBS, ChangeResult, json=payload(body),
                               headers=_idem(idempotency_key)))

    def list_subscriptions(
        self, *, customer_id: str | None = None, status: str | None = None,
        plan_id: str | None = None, limit: int | None = None, cursor: str | None = None,
    ) -> Any:
        """One page of subscriptions, newest first (`Page[SubscriptionPublic]`)."""
        params = {**page_params(limit, cursor, False), "customer_id": customer_id,
                  "status": status, "plan_id": plan_id}
        return self._send(Call("GET", SUBS, Page[SubscriptionPublic], params=params))

    def get_subscription(self, subscription_id: str) -> Any:
        return self._send(Call("GET", _sub(subscription_id), SubscriptionPublic))

    def preview_subscription_update(self, subscription_id: str,
                                    body: SubscriptionUpdate | Body) -> Any:
        """Exactly what `update_subscription` with this body charges now (`Preview`)."""
        return self._send(Call("POST", _sub(subscription_id, "preview-update"), Preview,
                               json=payload(body, partial=True)))

    def update_subscription(self, subscription_id: str, body: SubscriptionUpdate | Body, *,
                            idempotency_key: str | None = None) -> Any:
        """Change plan, period, quantities, add-ons or coupon (`ChangeResult`)."""
        return self._send(Call("PATCH", _sub(subscription_id), ChangeResult,
                               json=payload(body, partial=True), headers=_idem(idempotency_key)))

    def cancel_subscription(self, subscription_id: str, body: CancelRequest | Body) -> Any:
        """Cancel at period end (default) or immediately with a credit (`ChangeResult`)."""
        return self._send(Call("POST", _sub(subscription_id, "cancel"), ChangeResult,
                               json=payload(body)))

    def undo_subscription_change(self, subscription_id: str) -> Any:
        """Remove a scheduled cancellation or change (`SubscriptionPublic`)."""
        return self._send(Call("POST", _sub(subscription_id, "undo"), SubscriptionPublic))

    def preview_migration(self, subscription_id: str, *, at: str = "period_end") -> Any:
        """What moving to the plan's latest version charges now and next (`Preview`)."""
        return self._send(Call("POST", _sub(subscription_id, "preview-migrate"), Preview,
                               json=_migrate_body(at)))

    def migrate_subscription(self, subscription_id: str, *, at: str = "period_end",
                             idempotency_key: str | None = None) -> Any:
        """Move to the plan's latest version, `immediately` or at `period_end` (`ChangeResult`)."""
        return self._send(Call("POST", _sub(subscription_id, "migrate"), ChangeResult,
                               json=_migrate_body(at), headers=_idem(idempotency_key)))

    def migrate_plan_subscribers(self, plan_id: str, *, at: str = "period_end",
                                 idempotency_key: str | None = None) -> Any:
        """Migrate every live subscription on older versions of a plan (`MigrationCounts`)."""
        path = f"/api/v1/plans/{segment(plan_id)}/migrate-subscribers"
        return self._send(Call("POST", path, MigrationCounts, json=_migrate_body(at),
                               headers=_idem(idempotency_key)))

    def list_invoices(self, customer_id: str, *, limit: int | None = None,
                      cursor: str | None = None) -> Any:
        """One page of the customer's invoices, newest first (`Page[InvoicePublic]`)."""
        path = f"/api/v1/customers/{segment(customer_id)}/invoices"
        return self._send(Call("GET", path, Page[InvoicePublic],
                               params=page_params(limit, cursor, False)))

    def get_invoice(self, invoice_id: str) -> Any:
        return self._send(Call("GET", _invoice(invoice_id), InvoicePublic))

    def void_invoice(self, invoice_id: str) -> Any:
        """Void an open invoice (`InvoicePublic`); 409 unless open."""
        return self._send(Call("POST", _invoice(invoice_id, "void"), InvoicePublic))

    def mark_invoice_uncollectible(self, invoice_id: str) -> Any:
        """Stop collecting an open invoice (`InvoicePublic`); 409 unless open."""
        return self._send(Call("POST", _invoice(invoice_id, "mark-uncollectible"), InvoicePublic))

    def pay_invoice(self, invoice_id: str, *, idempotency_key: str | None = None) -> Any:
        """Charge an open invoice to the default card (`InvoicePublic`); 402 on a decline."""
        return self._send(Call("POST", _invoice(invoice_id, "pay"), InvoicePublic,
                               headers=_idem(idempotency_key)))

    def get_credit_balance(self, customer_id: str) -> Any:
        """The customer's credit per currency (`CreditBalances`)."""
        path = f"/api/v1/customers/{segment(customer_id)}/credit-balance"
        return self._send(Call("GET", path, CreditBalances))
