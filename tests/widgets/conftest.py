"""A hand-made `Paywall` shaped like the demo catalog, so widget tests need no database."""

from __future__ import annotations

from typing import Any

import pytest

from backend.paywall.schemas import Paywall


def _money(minor: int, fmt: str, currency: str = "USD") -> dict[str, Any]:
    return {"amount_minor": minor, "currency": currency, "formatted": fmt}


def _price(period: str, amount: int, monthly: int, fmt: str, fmt_monthly: str,
           components: list[dict[str, Any]] | None = None,
           starts_at: bool = False) -> dict[str, Any]:
    return {
        "billing_period": period,
        "amount": _money(amount, fmt),
        "monthly_equivalent": _money(monthly, fmt_monthly),
        "starts_at": starts_at,
        "components": components or [],
    }


def _seats(unit_amount: str, **extra: Any) -> dict[str, Any]:
    return {"model": "per_unit", "feature_id": "seats", "unit": "seat", "unit_plural": "seats",
            "unit_amount": unit_amount, "min_quantity": 1, "max_quantity": 20,
            "default_quantity": 1, "caption": "per seat", **extra}


def _tiered(amounts: tuple[str, str, str], monthly: tuple[str, str, str] | None = None) -> dict[str, Any]:
    per_month = monthly or amounts
    bounds = (10, 50, None)
    return {"model": "tiered", "feature_id": "seats", "unit": "seat", "unit_plural": "seats",
            "tiers": [{"up_to": up_to, "unit_amount": amount, "unit_amount_decimal": "0",
                       "monthly_unit_amount": month}
                      for up_to, amount, month in zip(bounds, amounts, per_month, strict=True)],
            "tiers_mode": "volume", "min_quantity": 3, "default_quantity": 3,
            "caption": "per seat"}


OVERAGE = {"model": "overage", "feature_id": "api-calls", "unit": "API call",
           "unit_plural": "API calls", "unit_amount": "$2", "block_size": 1000,
           "free_units": 100000, "billed_in_arrears": True,
           "caption": "100,000 API calls included, then $2 per 1,000 API calls"}


def _ent(feature_id: str, label: str, inherited: bool = False) -> dict[str, Any]:
    return {"feature_id": feature_id, "feature_name": feature_id.title(),
            "feature_type": "configuration", "label": label, "inherited": inherited}


def _actions(monthly: str, annual: str | None = None) -> dict[str, Any]:
    annual = annual or monthly
    return {"monthly": {"intent": monthly, "enabled": monthly != "current"},
            "annual": {"intent": annual, "enabled": annual != "current"}}


def make_paywall(**changes: Any) -> Paywall:
    """The demo paywall for an anonymous visitor; keyword arguments replace top-level fields."""
    data: dict[str, Any] = {
        "product": {"id": "workspace", "display_name": "Orbit Workspace"},
        "currency": "USD",
        "locale": "en_US",
        "billing_periods": ["monthly", "annual"],
        "default_billing_period": "annual",
        "savings_percent": 17,
        "plans": [
            {"id": "free", "display_name": "Free", "description": "For individuals", "order": 0,
             "highlighted": False, "pricing_type": "free", "prices": [],
             "entitlements": [_ent("seats", "3 seats")], "compatible_addon_ids": [],
             "actions": _actions("subscribe")},
            {"id": "plus", "display_name": "Plus", "order": 1, "highlighted": False,
             "pricing_type": "paid",
             "prices": [_price("monthly", 1200, 1200, "$12", "$12", [_seats("$12", monthly_unit_amount="$12")], True),
                        _price("annual", 12000, 1000, "$120", "$10", [_seats("$120", monthly_unit_amount="$10")], True)],
             "entitlements": [_ent("seats", "20 seats"), _ent("projects", "Unlimited projects")],
             "compatible_addon_ids": ["extra-storage", "ai-boost", "ai-credit-pack", "gone"],
             "actions": _actions("subscribe"), "savings_percent": 17},
            {"id": "business", "display_name": "Business", "order": 2, "highlighted": True,
             "pricing_type": "paid", "base_plan_id": "plus", "base_plan_name": "Plus",
             "trial_days": 14,
             "prices": [_price("monthly", 8700, 8700, "$87", "$87",
                               [_tiered(("$29", "$25", "$21")), OVERAGE], True),
                        _price("annual", 87000, 7250, "$870", "$72.50",
                               [_tiered(("$290", "$250", "$210"), ("$24.17", "$20.83", "$17.50")), OVERAGE], True)],
             "entitlements": [_ent("seats", "Unlimited seats"),
                              _ent("projects", "Unlimited projects", inherited=True),
                              _ent("sso", "SAML single sign-on")],
             "compatible_addon_ids": ["extra-storage"],
             "actions": _actions("start_trial")},
            {"id": "enterprise", "display_name": "Enterprise", "order": 3, "highlighted": False,
             "pricing_type": "custom", "base_plan_id": "business", "base_plan_name": "Business",
             "prices": [], "entitlements": [_ent("seats", "Unlimited seats")],
             "compatible_addon_ids": [], "actions": _actions("contact_us")},
        ],
        "addons": [
            {"id": "extra-storage", "display_name": "Extra storage",
             "prices": [_price("monthly", 1000, 1000, "$10", "$10"),
                        _price("annual", 10000, 833, "$100", "$8.33")], "entitlements": []},
            {"id": "ai-boost", "display_name": "AI Boost",
             "prices": [_price("monthly", 1900, 1900, "$19", "$19")], "entitlements": []},
            {"id": "ai-credit-pack", "display_name": "AI credit pack",
             "prices": [_price("monthly", 1000, 1000, "$10", "$10", [
                 {"model": "credit_pack", "amount": _money(1000, "$10"), "credits": 5000,
                  "caption": "5,000 credits per pack"}], True)], "entitlements": []},
        ],
    }
    data.update(changes)
    return Paywall.model_validate(data)


def as_customer(paywall: Paywall, current: str, period: str,
                actions: dict[str, tuple[str, str]]) -> Paywall:
    """The same paywall seen by a customer on plan `current`, billed per `period`."""
    data = paywall.model_dump()
    for plan in data["plans"]:
        plan["is_current"] = plan["id"] == current
        plan["actions"] = _actions(*actions[plan["id"]])
    data["default_billing_period"] = period
    data["customer"] = {"id": "acme", "name": "Acme Corp", "current_plan_id": current,
                        "current_billing_period": period}
    return Paywall.model_validate(data)


@pytest.fixture
def paywall() -> Paywall:
    return make_paywall()


@pytest.fixture
def acme_paywall() -> Paywall:
    return as_customer(make_paywall(), "plus", "monthly", {
        "free": ("downgrade", "downgrade"),
        "plus": ("current", "switch_period"),
        "business": ("upgrade", "upgrade"),
        "enterprise": ("contact_us", "contact_us"),
    })


def run_async(coro: Any) -> Any:
    """Run a coroutine to completion in its own thread (a browser test may have left an event
    loop running in this one)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()
