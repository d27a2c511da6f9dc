"""A hand-made `Paywall` shaped like the demo catalog, so widget tests need no database."""

from __future__ import annotations

from typing import Any

import pytest

from backend.paywall.schemas import Paywall


def _price(period: str, amount: int, monthly: int, fmt: str, fmt_monthly: str) -> dict[str, Any]:
    return {
        "billing_period": period,
        "amount": {"amount_minor": amount, "currency": "USD", "formatted": fmt},
        "monthly_equivalent": {"amount_minor": monthly, "currency": "USD",
                               "formatted": fmt_monthly},
    }


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
             "prices": [_price("monthly", 2900, 2900, "$29", "$29"),
                        _price("annual", 29000, 2417, "$290", "$24.17")],
             "entitlements": [_ent("seats", "10 seats"), _ent("projects", "Unlimited projects")],
             "compatible_addon_ids": ["extra-seats", "ai-boost", "gone"],
             "actions": _actions("subscribe"), "savings_percent": 17},
            {"id": "business", "display_name": "Business", "order": 2, "highlighted": True,
             "pricing_type": "paid", "base_plan_id": "plus", "base_plan_name": "Plus",
             "trial_days": 14,
             "prices": [_price("monthly", 7900, 7900, "$79", "$79"),
                        _price("annual", 79000, 6583, "$790", "$65.83")],
             "entitlements": [_ent("seats", "50 seats"),
                              _ent("projects", "Unlimited projects", inherited=True),
                              _ent("sso", "SAML single sign-on")],
             "compatible_addon_ids": ["extra-seats"],
             "actions": _actions("start_trial")},
            {"id": "enterprise", "display_name": "Enterprise", "order": 3, "highlighted": False,
             "pricing_type": "custom", "base_plan_id": "business", "base_plan_name": "Business",
             "prices": [], "entitlements": [_ent("seats", "Unlimited seats")],
             "compatible_addon_ids": [], "actions": _actions("contact_us")},
        ],
        "addons": [
            {"id": "extra-seats", "display_name": "Extra seats",
             "prices": [_price("monthly", 800, 800, "$8", "$8"),
                        _price("annual", 8000, 667, "$80", "$6.67")], "entitlements": []},
            {"id": "ai-boost", "display_name": "AI Boost",
             "prices": [_price("monthly", 1900, 1900, "$19", "$19")], "entitlements": []},
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
