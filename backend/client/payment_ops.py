"""Payment method and payment operations of a customer (secret key)."""

from __future__ import annotations

from typing import Any

from backend.client.call import Call, Sender, page_params, segment
from backend.kit.pagination import Page
from backend.payments.schemas import PaymentMethodCreate, PaymentMethodPublic, PaymentPublic

Body = dict[str, Any]


def card_body(body: PaymentMethodCreate | Body) -> Body:
    """The request body, with the secrets revealed only here, on their way to the API."""
    if not isinstance(body, PaymentMethodCreate):
        return body
    data = body.model_dump(mode="json")
    data["card_number"] = body.card_number.get_secret_value()
    data["cvc"] = body.cvc.get_secret_value() if body.cvc is not None else None
    return data


def _methods(customer_id: str) -> str:
    return f"/api/v1/customers/{segment(customer_id)}/payment-methods"


class PaymentOperations(Sender):
    def list_payment_methods(
        self, customer_id: str, *, limit: int | None = None, cursor: str | None = None,
        include_archived: bool = False,
    ) -> Any:
        """One page of the customer's payment methods (`Page[PaymentMethodPublic]`)."""
        params = page_params(limit, cursor, include_archived)
        return self._send(Call("GET", _methods(customer_id), Page[PaymentMethodPublic],
                               params=params))

    def add_payment_method(
        self, customer_id: str, body: PaymentMethodCreate | Body, *,
        idempotency_key: str | None = None,
    ) -> Any:
        """Attach a test card (`PaymentMethodPublic`: brand, last four, expiry; no number).

        A refused card raises `TollgateError` (422) whose `problem["reason"]` says why
        (invalid_number, test_card_required, expired_card, invalid_cvc ...).
        """
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._send(Call("POST", _methods(customer_id), PaymentMethodPublic,
                               json=card_body(body), headers=headers))

    def set_default_payment_method(self, customer_id: str, method_id: str) -> Any:
        """Charge this method from now on (`PaymentMethodPublic`)."""
        path = f"{_methods(customer_id)}/{segment(method_id)}/default"
        return self._send(Call("POST", path, PaymentMethodPublic))

    def remove_payment_method(self, customer_id: str, method_id: str) -> Any:
        """Detach and archive a method (`PaymentMethodPublic`)."""
        path = f"{_methods(customer_id)}/{segment(method_id)}"
        return self._send(Call("DELETE", path, PaymentMethodPublic))

    def list_payments(
        self, customer_id: str, *, limit: int | None = None, cursor: str | None = None
    ) -> Any:
        """One page of the customer's charge attempts, newest first (`Page[PaymentPublic]`)."""
        path = f"/api/v1/customers/{segment(customer_id)}/payments"
        return self._send(Call("GET", path, Page[PaymentPublic],
                               params=page_params(limit, cursor, False)))
