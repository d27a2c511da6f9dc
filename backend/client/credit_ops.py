"""Prepaid credits: currencies, grants, consumption, the ledger, balances, usage series,
automatic recharge and purchases (secret key), and the customer's own (`/me`, customer token)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from backend.client.call import Call, Sender, page_params, payload, segment
from backend.credits.schemas import (
    AutoRechargePublic,
    ConsumptionResult,
    CreditBalance,
    CreditCurrencyPublic,
    CreditUsage,
    GrantPublic,
    LedgerEntryPublic,
    PurchaseResult,
)
from backend.kit.pagination import Page

Body = dict[str, Any]
BASE = "/api/v1/credits"
MINE = "/api/v1/me/credits"


def _key(idempotency_key: str | None) -> dict[str, str]:
    return {"Idempotency-Key": idempotency_key} if idempotency_key else {}


def _usage_params(currency_id: str, range: str | None, start: Any, end: Any,
                  bucket: str | None) -> dict[str, Any]:
    return {"currency_id": currency_id, "range": range, "bucket": bucket,
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None}


class CreditOperations(Sender):
    def create_credit_currency(self, body: Any) -> Any:
        """A credit currency with its price, feature costs and plan allowances
        (`CreditCurrencyPublic`)."""
        return self._send(Call("POST", f"{BASE}/currencies", CreditCurrencyPublic,
                               json=payload(body)))

    def update_credit_currency(self, currency_id: str, body: Any) -> Any:
        """Change the fields given (`CreditCurrencyPublic`)."""
        return self._send(Call("PATCH", f"{BASE}/currencies/{segment(currency_id)}",
                               CreditCurrencyPublic, json=payload(body, partial=True)))

    def get_credit_currency(self, currency_id: str) -> Any:
        return self._send(Call("GET", f"{BASE}/currencies/{segment(currency_id)}",
                               CreditCurrencyPublic))

    def list_credit_currencies(self) -> Any:
        """`list[CreditCurrencyPublic]`"""
        return self._send(Call("GET", f"{BASE}/currencies", list[CreditCurrencyPublic]))

    def grant_credits(self, body: Any) -> Any:
        """Grant credits (`GrantPublic`); the same `idempotency_key` grants once."""
        return self._send(Call("POST", f"{BASE}/grants", GrantPublic, json=payload(body)))

    def void_credit_grant(self, grant_id: str, reason: str) -> Any:
        """The grant's unused remainder leaves the balance (`GrantPublic`)."""
        return self._send(Call("POST", f"{BASE}/grants/{segment(grant_id)}/void", GrantPublic,
                               json={"reason": reason}))

    def list_credit_grants(self, customer_id: str, currency_id: str, *,
                           limit: int | None = None, cursor: str | None = None) -> Any:
        """Newest first (`Page[GrantPublic]`)."""
        params = {"customer_id": customer_id, "currency_id": currency_id,
                  **page_params(limit, cursor, False)}
        return self._send(Call("GET", f"{BASE}/grants", Page[GrantPublic], params=params))

    def consume_credits(self, customer_id: str, *, currency_id: str | None = None,
                        amount: Decimal | str | int | None = None,
                        feature_id: str | None = None,
                        quantity: Decimal | str | int | None = None,
                        idempotency_key: str | None = None) -> Any:
        """Burn a direct amount, or `quantity` units of a feature that costs credits
        (`ConsumptionResult`); too few credits raise `TollgateError` (402)."""
        body = {"customer_id": customer_id, "currency_id": currency_id,
                "amount": None if amount is None else str(amount), "feature_id": feature_id,
                "quantity": None if quantity is None else str(quantity),
                "idempotency_key": idempotency_key}
        return self._send(Call("POST", f"{BASE}/consume", ConsumptionResult,
                               json={k: v for k, v in body.items() if v is not None}))

    def get_credits(self, customer_id: str, currency_id: str) -> Any:
        """The balance now (`CreditBalance`)."""
        return self._send(Call("GET", f"{BASE}/balance", CreditBalance,
                               params={"customer_id": customer_id, "currency_id": currency_id}))

    def list_credit_ledger(self, customer_id: str, currency_id: str, *,
                           types: list[str] | None = None, feature_id: str | None = None,
                           since: Any = None, until: Any = None, limit: int | None = None,
                           cursor: str | None = None) -> Any:
        """Ledger entries, newest first (`Page[LedgerEntryPublic]`)."""
        params = {"customer_id": customer_id, "currency_id": currency_id, "type": types,
                  "feature_id": feature_id, "since": since.isoformat() if since else None,
                  "until": until.isoformat() if until else None,
                  **page_params(limit, cursor, False)}
        return self._send(Call("GET", f"{BASE}/ledger", Page[LedgerEntryPublic], params=params))

    def get_credit_usage(self, customer_id: str, currency_id: str, *, range: str | None = "30d",
                         start: Any = None, end: Any = None, bucket: str | None = None) -> Any:
        """Consumption per bucket and feature (`CreditUsage`)."""
        params = {"customer_id": customer_id,
                  **_usage_params(currency_id, range, start, end, bucket)}
        return self._send(Call("GET", f"{BASE}/usage", CreditUsage, params=params))

    def get_auto_recharge(self, customer_id: str, currency_id: str) -> Any:
        """`AutoRechargePublic` (defaults when never saved)."""
        return self._send(Call("GET", f"{BASE}/auto-recharge", AutoRechargePublic,
                               params={"customer_id": customer_id, "currency_id": currency_id}))

    def save_auto_recharge(self, body: Any) -> Any:
        """Body `AutoRechargeWrite` (`AutoRechargePublic`)."""
        return self._send(Call("PUT", f"{BASE}/auto-recharge", AutoRechargePublic,
                               json=payload(body)))

    def purchase_credits(self, customer_id: str, currency_id: str, credits: Decimal | str | int,
                         *, idempotency_key: str | None = None) -> Any:
        """Charge the default card for `credits` at the currency's price (`PurchaseResult`)."""
        body = {"customer_id": customer_id, "currency_id": currency_id, "credits": str(credits)}
        return self._send(Call("POST", f"{BASE}/purchases", PurchaseResult, json=body,
                               headers=_key(idempotency_key)))

    # -- the token's customer ----------------------------------------------------------------
    def get_my_credit_currency(self, currency_id: str) -> Any:
        """Name, units, price and purchase options (`CreditCurrencyPublic`)."""
        return self._send(Call("GET", f"{MINE}/currencies/{segment(currency_id)}",
                               CreditCurrencyPublic))

    def get_my_credits(self, currency_id: str) -> Any:
        """`CreditBalance`"""
        return self._send(Call("GET", f"{MINE}/balance", CreditBalance,
                               params={"currency_id": currency_id}))

    def list_my_credit_grants(self, currency_id: str, *, limit: int | None = None,
                              cursor: str | None = None) -> Any:
        """`Page[GrantPublic]`, newest first."""
        params = {"currency_id": currency_id, **page_params(limit, cursor, False)}
        return self._send(Call("GET", f"{MINE}/grants", Page[GrantPublic], params=params))

    def get_my_credit_usage(self, currency_id: str, *, range: str | None = "30d",
                            start: Any = None, end: Any = None,
                            bucket: str | None = None) -> Any:
        """`CreditUsage`"""
        return self._send(Call("GET", f"{MINE}/usage", CreditUsage,
                               params=_usage_params(currency_id, range, start, end, bucket)))

    def get_my_auto_recharge(self, currency_id: str) -> Any:
        """`AutoRechargePublic`"""
        return self._send(Call("GET", f"{MINE}/auto-recharge", AutoRechargePublic,
                               params={"currency_id": currency_id}))

    def save_my_auto_recharge(self, currency_id: str, body: Body) -> Any:
        """Body `AutoRechargeSettings` (`AutoRechargePublic`); 422 names the invalid field."""
        return self._send(Call("PUT", f"{MINE}/auto-recharge", AutoRechargePublic,
                               params={"currency_id": currency_id}, json=payload(body)))

    def purchase_my_credits(self, currency_id: str, credits: Decimal | str | int, *,
                            idempotency_key: str | None = None) -> Any:
        """Buy credits with the default card (`PurchaseResult`); a decline raises 402."""
        body = {"currency_id": currency_id, "credits": str(credits)}
        return self._send(Call("POST", f"{MINE}/purchases", PurchaseResult, json=body,
                               headers=_key(idempotency_key)))
