"""Coupon operations: management with a secret key, checking a code with any key."""

from __future__ import annotations

from typing import Any

from backend.client.call import Call, Sender, page_params, payload, segment
from backend.coupons.schemas import CouponCreate, CouponPublic, CouponUpdate, CouponValidation
from backend.kit.pagination import Page

Body = dict[str, Any]


class CouponOperations(Sender):
    def list_coupons(
        self, *, limit: int | None = None, cursor: str | None = None, include_archived: bool = False
    ) -> Any:
        """One page of coupons (`Page[CouponPublic]`); pass `next_cursor` to get the next."""
        params = page_params(limit, cursor, include_archived)
        return self._send(Call("GET", "/api/v1/coupons", Page[CouponPublic], params=params))

    def get_coupon(self, coupon_id: str) -> Any:
        """A coupon (`CouponPublic`)."""
        return self._send(Call("GET", f"/api/v1/coupons/{segment(coupon_id)}", CouponPublic))

    def create_coupon(
        self, body: CouponCreate | Body, *, idempotency_key: str | None = None
    ) -> Any:
        """Create a coupon; returns `CouponPublic`. With `idempotency_key` a retry replays."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._send(
            Call("POST", "/api/v1/coupons", CouponPublic, json=payload(body), headers=headers)
        )

    def update_coupon(self, coupon_id: str, body: CouponUpdate | Body) -> Any:
        """Change the fields given (never the discount); returns `CouponPublic`."""
        path = f"/api/v1/coupons/{segment(coupon_id)}"
        return self._send(Call("PATCH", path, CouponPublic, json=payload(body, partial=True)))

    def archive_coupon(self, coupon_id: str) -> Any:
        """Archive a coupon (its code is refused from now on); returns `CouponPublic`."""
        path = f"/api/v1/coupons/{segment(coupon_id)}/archive"
        return self._send(Call("POST", path, CouponPublic))

    def validate_coupon(
        self, code: str, *, plan_id: str | None = None, currency: str | None = None
    ) -> Any:
        """Check a code without redeeming it (`CouponValidation`).

        A code that cannot be used raises `TollgateError` (422) whose `problem["reason"]` is
        not_found, expired, archived, not_applicable_to_plan, limit_reached or
        currency_not_supported.
        """
        body = {"code": code, "plan_id": plan_id, "currency": currency}
        body = {k: v for k, v in body.items() if v is not None}
        return self._send(Call("POST", "/api/v1/coupons/validate", CouponValidation, json=body))
