"""The difference between two versions of a plan: prices, entitlements and plain fields. No I/O.

Both sides are plain dicts shaped like `PlanPublic` (`plan_public(...).model_dump(mode="json")`).
A price is identified by billing period, currency, country, model and feature (the uniqueness key
of a plan's prices); an entitlement by its feature. Results are sorted, so a diff is stable.
"""

from typing import Any

PRICE_KEY = ("billing_period", "currency", "country", "model", "feature_id")
ENTITLEMENT_VALUES = ("limit", "unlimited", "enum_values", "soft_limit", "reset_period",
                      "display_name", "hidden")
PLAIN_FIELDS = ("display_name", "description", "order", "highlighted", "hidden", "pricing_type",
                "trial_days", "trial_requires_payment_method", "base_plan_id",
                "compatible_addon_ids", "metadata")
# Shown with a price's key, not compared: derived from amount_minor.
PRICE_DERIVED = ("amount",)

Plan = dict[str, Any]


def price_key(price: dict[str, Any]) -> dict[str, Any]:
    return {k: price.get(k) for k in PRICE_KEY}


def _key_tuple(price: dict[str, Any]) -> tuple[str, ...]:
    return tuple("" if price.get(k) is None else str(price[k]) for k in PRICE_KEY)


def _comparable(price: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in price.items() if k not in PRICE_DERIVED and v is not None}


def price_changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Added, removed and changed prices, by key; `before`/`after` are the whole prices."""
    old = {_key_tuple(p): p for p in before}
    new = {_key_tuple(p): p for p in after}
    changes = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a is not None and b is not None and _comparable(a) == _comparable(b):
            continue
        change = "added" if a is None else "removed" if b is None else "changed"
        changes.append({"key": price_key(a if a is not None else b), "change": change,  # type: ignore[arg-type]
                        "before": a, "after": b})
    return changes


def _values(entitlement: dict[str, Any]) -> dict[str, Any]:
    values = {k: entitlement.get(k) for k in ENTITLEMENT_VALUES}
    values["unlimited"] = bool(values["unlimited"])
    values["soft_limit"] = bool(values["soft_limit"])
    values["hidden"] = bool(values["hidden"])
    return values


def entitlement_changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per feature: added, removed or changed, with the values before and after."""
    old = {e["feature_id"]: _values(e) for e in before}
    new = {e["feature_id"]: _values(e) for e in after}
    changes = []
    for feature in sorted(old.keys() | new.keys()):
        a, b = old.get(feature), new.get(feature)
        if a == b:
            continue
        change = "added" if a is None else "removed" if b is None else "changed"
        changed = sorted(k for k in ENTITLEMENT_VALUES if (a or {}).get(k) != (b or {}).get(k)) \
            if a is not None and b is not None else []
        changes.append({"feature_id": feature, "change": change, "changed_fields": changed,
                        "before": a, "after": b})
    return changes


def field_changes(before: Plan, after: Plan) -> list[dict[str, Any]]:
    """Plain fields that differ. Compatible add-ons compare (and show) sorted: order means nothing."""
    changes = []
    for name in PLAIN_FIELDS:
        a, b = before.get(name), after.get(name)
        if name == "compatible_addon_ids":
            a, b = sorted(a or []), sorted(b or [])
        if a != b:
            changes.append({"field": name, "before": a, "after": b})
    return changes


def plan_diff(before: Plan, after: Plan) -> dict[str, Any]:
    """Everything that changes from `before` to `after`."""
    return {
        "fields": field_changes(before, after),
        "prices": price_changes(before.get("prices") or [], after.get("prices") or []),
        "entitlements": entitlement_changes(before.get("entitlements") or [],
                                            after.get("entitlements") or []),
    }
