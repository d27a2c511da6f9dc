"""Validation of currency and country query/body values shared by the read endpoints."""

from backend.errors import Invalid
from backend.kit.money import is_currency
from backend.kit.regions import is_country


def currency_param(value: str | None, field: str = "currency") -> str | None:
    """An ISO 4217 code, upper-cased, or a 422 naming the field."""
    if value is None:
        return None
    value = value.upper()
    if not is_currency(value):
        raise Invalid(f"'{value}' is not an ISO 4217 currency code", field=field)
    return value


def country_param(value: str | None, field: str = "country") -> str | None:
    """An ISO 3166-1 alpha-2 code, upper-cased, or a 422 naming the field."""
    if value is None:
        return None
    value = value.upper()
    if not is_country(value):
        raise Invalid(f"'{value}' is not an ISO 3166-1 alpha-2 country code", field=field)
    return value
