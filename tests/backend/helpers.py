"""Assertions and payload builders shared by the backend tests."""

from typing import Any

import httpx

PROBLEM_KEYS = ("type", "title", "status", "detail")


def assert_problem(response: httpx.Response, status: int, *fields: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem of `status` whose `errors` name every one of `fields`."""
    assert response.status_code == status, response.text
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith("application/problem+json"), content_type
    body = response.json()
    for key in PROBLEM_KEYS:
        assert key in body, body
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert isinstance(body["detail"], str) and body["detail"]
    named = {e.get("field") for e in body.get("errors") or []}
    for name in fields:
        assert name in named, (
            f"{name!r} not among the error fields {sorted(map(str, named))}: {body}"
        )
    return body


def ok(response: httpx.Response, status: int = 200) -> Any:
    """The JSON body of a response that must have `status`."""
    assert response.status_code == status, response.text
    return response.json()


def usd(monthly: int, annual: int | None = None) -> list[dict[str, Any]]:
    prices = [{"billing_period": "monthly", "currency": "USD", "amount_minor": monthly}]
    if annual is not None:
        prices.append({"billing_period": "annual", "currency": "USD", "amount_minor": annual})
    return prices


def make_product(api: httpx.Client, ref: str = "app", **extra: Any) -> dict[str, Any]:
    return ok(
        api.post("/api/v1/products", json={"id": ref, "display_name": ref.title(), **extra}), 201
    )


def make_feature(
    api: httpx.Client, ref: str, type_: str = "boolean", **extra: Any
) -> dict[str, Any]:
    body = {"id": ref, "display_name": ref.replace("-", " ").title(), "type": type_, **extra}
    return ok(api.post("/api/v1/features", json=body), 201)


def make_plan(api: httpx.Client, ref: str, product: str = "app", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"id": ref, "product_id": product, "display_name": ref.title()}
    if extra.get("pricing_type", "paid") == "paid" and "prices" not in extra:
        body["prices"] = usd(1000, 10000)
    body.update(extra)
    return ok(api.post("/api/v1/plans", json=body), 201)


def make_addon(api: httpx.Client, ref: str, product: str = "app", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": ref,
        "product_id": product,
        "display_name": ref.title(),
        "prices": usd(500),
    }
    body.update(extra)
    return ok(api.post("/api/v1/addons", json=body), 201)
