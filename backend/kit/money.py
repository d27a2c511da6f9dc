"""ISO 4217 currencies, exact minor-unit arithmetic and locale-aware formatting (babel).

Rounding rule: a line amount is computed in Decimal and rounded once to the currency's minor
unit, half-up (away from zero on .5).
"""

from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache, wraps

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_currency_precision, list_currencies

# Codes babel knows but which are not currencies one can be charged in.
_NON_TENDER = {"XAG", "XAU", "XPD", "XPT", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA"}


@lru_cache
def iso_currencies() -> frozenset[str]:
    """The ISO 4217 codes Tollgate accepts."""
    return frozenset(c for c in list_currencies() if len(c) == 3 and c not in _NON_TENDER)


def is_currency(code: str) -> bool:
    return code in iso_currencies()


def exponent(currency: str) -> int:
    """Minor-unit digits: JPY 0, USD 2, KWD 3."""
    return get_currency_precision(currency)


def to_minor(amount: Decimal, currency: str) -> int:
    """Round a major-unit Decimal once, half-up, to integer minor units."""
    scaled = amount * (Decimal(10) ** exponent(currency))
    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(amount_minor: int, currency: str) -> Decimal:
    """Integer minor units as an exact major-unit Decimal."""
    return Decimal(amount_minor).scaleb(-exponent(currency))


def divide_minor(amount_minor: int, divisor: int) -> int:
    """Divide minor units and round half-up (e.g. an annual price shown per month)."""
    quotient = Decimal(amount_minor) / Decimal(divisor)
    return int(quotient.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def normalize_locale(locale: str | None, default: str = "en_US") -> str:
    """A babel locale identifier ('de-DE' -> 'de_DE'); unknown ones fall back to default."""
    if not locale:
        return default
    try:
        return str(Locale.parse(locale.replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return default


def _wide(fn):  # type: ignore[no-untyped-def]
    """Format in a Decimal context wide enough for any amount (babel quantizes in the current
    context, whose default 28 digits a price times a large quantity can exceed)."""
    @wraps(fn)
    def formatted(*args, **kwargs):  # type: ignore[no-untyped-def]
        with localcontext() as ctx:
            ctx.prec = 120
            return fn(*args, **kwargs)
    return formatted


@_wide
def format_money(amount_minor: int, currency: str, locale: str = "en_US") -> str:
    """`$1,234.50`, `1.234,50 €`, `¥1,235`; whole amounts drop the zero decimals ($29)."""
    value = from_minor(amount_minor, currency)
    loc = normalize_locale(locale)
    if value == value.to_integral_value():
        pattern = Locale.parse(loc).currency_formats["standard"].pattern
        whole = pattern.split(";")[0].replace(".00", "").replace(".0", "")
        return format_currency(value, currency, format=whole, locale=loc, currency_digits=False)
    return format_currency(value, currency, locale=loc)


@_wide
def format_unit_amount(amount: Decimal, currency: str, locale: str = "en_US") -> str:
    """A per-unit price, which may be below one minor unit: `$0.0004`, `0,50 €`, `$1`."""
    loc = normalize_locale(locale)
    if amount == amount.to_integral_value():
        return format_money(int(amount) * 10 ** exponent(currency), currency, loc)
    digits = max(exponent(currency), -amount.normalize().as_tuple().exponent)  # type: ignore[operator]
    pattern = Locale.parse(loc).currency_formats["standard"].pattern.split(";")[0]
    head, _, tail = pattern.partition(".")
    if tail:
        rest = tail.lstrip("0#")
        pattern = f"{head}.{'0' * exponent(currency)}{'#' * (digits - exponent(currency))}{rest}"
    return format_currency(amount, currency, format=pattern, locale=loc, currency_digits=False,
                           decimal_quantization=False)
