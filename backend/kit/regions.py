"""Country and locale validation, and the currencies a country uses (babel's CLDR data)."""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies

# CLDR groupings and placeholders that are no country: EU, eurozone, UN, outlying Oceania,
# pseudo-locale regions and "unknown region".
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@lru_cache
def _countries() -> frozenset[str]:
    return frozenset(
        code for code in Locale("en").territories
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


def is_country(code: str) -> bool:
    """ISO 3166-1 alpha-2 code known to CLDR (e.g. 'DE')."""
    return code in _countries()


def is_locale(tag: str) -> bool:
    """A BCP 47 / CLDR locale such as 'de-DE' or 'en'."""
    try:
        Locale.parse(tag.replace("-", "_"))
        return True
    except (UnknownLocaleError, ValueError, TypeError):
        return False


def currencies_of(country: str) -> list[str]:
    """Currencies in tender today in a country, most used first."""
    try:
        return list(get_territory_currencies(country, tender=True))
    except Exception:  # babel raises plain errors for unknown territories
        return []


# Regions a price may be localised for, besides single countries.
REGIONS: dict[str, frozenset[str]] = {
    "EU": frozenset(
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
    ),
    "EZ": frozenset("AT BE HR CY EE FI FR DE GR IE IT LV LT LU MT NL PT SK SI ES".split()),
}


def is_price_region(code: str) -> bool:
    """A country code or a region code (EU, EZ = eurozone) that a price can be localised for."""
    return code in REGIONS or is_country(code)


def region_matches(price_region: str, country: str) -> bool:
    """Whether a price localised for `price_region` applies to a customer in `country`."""
    return price_region == country or country in REGIONS.get(price_region, frozenset())
