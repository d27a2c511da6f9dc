"""Human labels for entitlements in a pricing table ("10 seats", "Unlimited API calls")."""

from babel.numbers import format_decimal

from backend.catalog.schemas import EntitlementPublic, FeaturePublic

PER_PERIOD = {"day": "per day", "week": "per week", "month": "per month", "year": "per year"}


def _noun(feature: FeaturePublic, plural: bool) -> str:
    """The unit, followed by the feature's name when the unit alone says too little ('GB')."""
    unit = (feature.unit_plural if plural else feature.unit) or ""
    name = feature.display_name
    if not unit:
        return name
    if name.lower().rstrip("s") in unit.lower() or unit.lower().rstrip("s") in name.lower():
        return unit
    return f"{unit} {name.lower()}"


def entitlement_label(e: EntitlementPublic, feature: FeaturePublic, locale: str) -> str:
    """The line a pricing table shows for one entitlement."""
    if e.display_name:
        return e.display_name
    if feature.type == "boolean":
        return feature.display_name
    if feature.type == "enum":
        return f"{feature.display_name}: {', '.join(e.enum_values or [])}"
    suffix = f" {PER_PERIOD[e.reset_period]}" if e.reset_period else ""
    if e.unlimited:
        unit = feature.unit_plural or ""
        noun = unit if unit and _noun(feature, True) == unit else feature.display_name.lower()
        return f"Unlimited {noun}"
    limit = e.limit or 0
    number = format_decimal(limit, locale=locale)
    return f"{number} {_noun(feature, limit != 1)}{suffix}"
