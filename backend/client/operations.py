"""Every API operation, described once. Subclasses decide how a `Call` is sent."""

from __future__ import annotations

from typing import Any

from backend.client.call import Call
from backend.paywall.schemas import Paywall


class Operations:
    """The public API as methods. Sync clients return results, async clients awaitables."""

    def _send(self, call: Call) -> Any:  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    # -- paywall -----------------------------------------------------------------------------
    def get_paywall(
        self,
        product_id: str,
        *,
        customer_id: str | None = None,
        currency: str | None = None,
        country: str | None = None,
        locale: str | None = None,
    ) -> Any:
        """Everything a pricing table needs for a product, optionally for one customer."""
        params = {
            "product_id": product_id,
            "customer_id": customer_id,
            "currency": currency,
            "country": country,
            "locale": locale,
        }
        return self._send(Call("GET", "/api/v1/paywall", Paywall, params=params))
