"""Every API operation, described once. Subclasses decide how a `Call` is sent.

Sync clients return the parsed result (the pydantic model named in each docstring), async
clients an awaitable of it. Refusals raise `TollgateError` carrying the problem details.
"""

from __future__ import annotations

from typing import Any

from backend.auth.schemas import ApiKeyCreated, ApiKeyPublic, EnvironmentPublic, KeyKind
from backend.client.call import Call, Sender, page_params, payload, segment
from backend.client.catalog_ops import CatalogOperations
from backend.client.coupon_ops import CouponOperations
from backend.client.credit_ops import CreditOperations
from backend.client.embed_ops import EmbedOperations
from backend.client.entitlement_ops import EntitlementOperations
from backend.client.event_ops import EventOperations
from backend.client.me_ops import MeOperations
from backend.client.payment_ops import PaymentOperations
from backend.client.subscription_ops import SubscriptionOperations
from backend.client.testclock_ops import ClockOperations
from backend.client.theme_ops import ThemeOperations
from backend.client.token_ops import TokenOperations
from backend.client.version_ops import VersionOperations
from backend.client.webhook_ops import WebhookOperations
from backend.customers.schemas import CustomerCreate, CustomerPublic, CustomerUpdate
from backend.estimates.schemas import Estimate, EstimateRequest
from backend.kit.pagination import Page
from backend.paywall.schemas import Paywall


class AccountOperations(Sender):
    """The environment of the key, and its API keys (secret key only)."""

    def get_environment(self) -> Any:
        """The environment the key belongs to (`EnvironmentPublic`)."""
        return self._send(Call("GET", "/api/v1/environment", EnvironmentPublic))

    def list_api_keys(self) -> Any:
        """The environment's keys, never the keys themselves (`list[ApiKeyPublic]`)."""
        return self._send(Call("GET", "/api/v1/api-keys", list[ApiKeyPublic]))

    def create_api_key(self, kind: KeyKind, name: str = "") -> Any:
        """A new key (`ApiKeyCreated`); its `key` is shown in this result only."""
        body = {"kind": kind, "name": name}
        return self._send(Call("POST", "/api/v1/api-keys", ApiKeyCreated, json=body))

    def revoke_api_key(self, key_id: int) -> Any:
        """Revoke a key at once (`ApiKeyPublic`)."""
        return self._send(Call("POST", f"/api/v1/api-keys/{int(key_id)}/revoke", ApiKeyPublic))

    def get_embed_origins(self) -> Any:
        """Origins allowed to frame the hosted widget pages (`{"origins": [...]}`)."""
        return self._send(Call("GET", "/api/v1/environment/embed-origins", dict[str, list[str]]))

    def set_embed_origins(self, origins: list[str]) -> Any:
        """Replace the allowed embedding origins (`{"origins": [...]}`, normalised)."""
        return self._send(Call("PUT", "/api/v1/environment/embed-origins",
                               dict[str, list[str]], json={"origins": origins}))


class CustomerOperations(Sender):
    """Customers (secret key only)."""

    def provision_customer(
        self, body: CustomerCreate | dict[str, Any], *, idempotency_key: str | None = None
    ) -> Any:
        """Create a customer, optionally with a first subscription (`CustomerPublic`).

        With `idempotency_key` a retry of the same request replays the first response.
        """
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._send(
            Call("POST", "/api/v1/customers", CustomerPublic, json=payload(body), headers=headers)
        )

    def get_customer(self, customer_id: str) -> Any:
        """A customer with their subscriptions (`CustomerPublic`)."""
        return self._send(Call("GET", f"/api/v1/customers/{segment(customer_id)}", CustomerPublic))

    def list_customers(
        self,
        *,
        search: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool = False,
    ) -> Any:
        """One page of customers (`Page[CustomerPublic]`); `search` matches id, name or email."""
        params = {**page_params(limit, cursor, include_archived), "search": search}
        return self._send(Call("GET", "/api/v1/customers", Page[CustomerPublic], params=params))

    def update_customer(self, customer_id: str, body: CustomerUpdate | dict[str, Any]) -> Any:
        """Change the fields given (`CustomerPublic`)."""
        path = f"/api/v1/customers/{segment(customer_id)}"
        return self._send(Call("PATCH", path, CustomerPublic, json=payload(body, partial=True)))

    def archive_customer(self, customer_id: str) -> Any:
        """Archive (soft-delete) a customer (`CustomerPublic`)."""
        path = f"/api/v1/customers/{segment(customer_id)}/archive"
        return self._send(Call("POST", path, CustomerPublic))


class PaywallOperations(Sender):
    def get_paywall(
        self,
        product_id: str,
        *,
        customer_id: str | None = None,
        currency: str | None = None,
        country: str | None = None,
        locale: str | None = None,
    ) -> Any:
        """All a pricing table needs for a product, optionally for one customer (`Paywall`)."""
        params = {
            "product_id": product_id,
            "customer_id": customer_id,
            "currency": currency,
            "country": country,
            "locale": locale,
        }
        return self._send(Call("GET", "/api/v1/paywall", Paywall, params=params))


class EstimateOperations(Sender):
    """Price estimates (any key; a customer's country needs a secret key)."""

    def estimate(self, body: EstimateRequest | dict[str, Any]) -> Any:
        """Itemised lines and totals for a plan, quantities, add-ons, usage, coupon (`Estimate`)."""
        return self._send(Call("POST", "/api/v1/estimates", Estimate, json=payload(body)))


class Operations(AccountOperations, CatalogOperations, ClockOperations, CouponOperations,
                 CreditOperations, CustomerOperations, EmbedOperations, EntitlementOperations,
                 EstimateOperations, EventOperations,
                 MeOperations, PaymentOperations, PaywallOperations, SubscriptionOperations,
                 ThemeOperations,
                 TokenOperations, VersionOperations, WebhookOperations):
    """The public API as methods. Sync clients return results, async clients awaitables."""
