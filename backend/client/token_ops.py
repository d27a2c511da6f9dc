"""Customer token operations: issuing (secret key) and the customer's own reads (customer token)."""

from __future__ import annotations

from typing import Any

from backend.auth.schemas import CustomerTokenPublic
from backend.client.call import Call, Sender
from backend.customers.schemas import CustomerPublic
from backend.paywall.schemas import Paywall


class TokenOperations(Sender):
    def create_customer_token(self, customer_id: str, *, ttl_seconds: int | None = None,
                              scopes: list[str] | None = None) -> Any:
        """A token that lets a browser act for one customer (`CustomerTokenPublic`).

        Call it on your server (secret key) for the signed-in user; hand `token` to the page.
        """
        body: dict[str, Any] = {"customer_id": customer_id, "ttl_seconds": ttl_seconds,
                                "scopes": scopes}
        body = {k: v for k, v in body.items() if v is not None}
        return self._send(Call("POST", "/api/v1/customer-tokens", CustomerTokenPublic, json=body))

    def rotate_token_secret(self) -> Any:
        """New signing secret for customer tokens; all issued tokens stop working (no result)."""
        return self._send(Call("POST", "/api/v1/environment/token-secret/rotate"))

    def get_me(self) -> Any:
        """The customer of the client's `customer_token` (`CustomerPublic`)."""
        return self._send(Call("GET", "/api/v1/me", CustomerPublic))

    def get_my_paywall(self, product_id: str, *, currency: str | None = None,
                       country: str | None = None, locale: str | None = None) -> Any:
        """A product's paywall for the token's customer (`Paywall`)."""
        params = {"product_id": product_id, "currency": currency, "country": country,
                  "locale": locale}
        return self._send(Call("GET", "/api/v1/me/paywall", Paywall, params=params))
