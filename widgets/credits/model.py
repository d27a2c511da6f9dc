"""Pure view model of the credit balance widget: the API's balance and currency turned into
display strings, the purchase dialog's packs and prices, and the check of a custom amount; also
the number helpers the auto-recharge model shares. No I/O; dates are formatted by the caller."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import ROUND_CEILING, Decimal

from babel import Locale
from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

from backend.credits.schemas import (
    CreditBalance,
    CreditCurrencyPublic,
    CreditPrice,
    CurrencyBrief,
)
from backend.kit.money import exponent, format_money, normalize_locale, to_minor
from backend.payments.schemas import PaymentMethodPublic
from widgets._ui.texts import fill
from widgets.portal.model import BRANDS

DateOf = Callable[[datetime], str]
LOW_BELOW = 10  # percent of the credits in force: "running low" (as the API's low alert)
MAX_PURCHASE = Decimal(10) ** 9
_NUMBER = re.compile(r"^-?[0-9][0-9\s.,'\u00a0\u202f]*$")


# -- numbers -----------------------------------------------------------------------------------
def format_credits(value: Decimal, locale: str | None = None) -> str:
    """'12,345', '1.5', '-120' (grouped per locale, up to six decimals, no trailing zeros)."""
    return format_decimal(value, format="#,##0.######", locale=normalize_locale(locale))


def plain(value: Decimal) -> str:
    """A Decimal as an input field shows it: '1500', '2.5' (no grouping, no exponent)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def units(amount: Decimal, currency: CurrencyBrief | CreditCurrencyPublic) -> str:
    """The currency's unit name for `amount`: 'credit' for exactly one, else 'credits'."""
    return currency.unit_singular if abs(amount) == 1 else currency.unit_plural


def parse_number(text: str, locale: str | None = None) -> Decimal | None:
    """What the customer typed as a Decimal ('1,500' -> 1500), or None if it is not a plain
    number (letters, exponents and malformed grouping are refused)."""
    raw = (text or "").strip()
    if not raw or not _NUMBER.match(raw):
        return None
    try:
        value = parse_decimal(raw, locale=normalize_locale(locale), strict=True)
    except (NumberFormatError, ValueError):
        return None
    return value if value.is_finite() else None


def places(value: Decimal) -> int:
    """Decimal places `value` is written with (trailing zeros do not count)."""
    exp = value.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def money_of(amount: Decimal, currency: str, locale: str | None = None) -> str:
    """A major-unit amount rounded once to minor units and formatted: '$5', '12,50 €'."""
    return format_money(to_minor(amount, currency), currency, normalize_locale(locale))


def unit_price(price: CreditPrice, locale: str | None = None) -> str:
    """What one credit costs, with every significant decimal: '$0.01', '$0.002'."""
    loc = normalize_locale(locale)
    pattern = Locale.parse(loc).currency_formats["standard"].pattern.split(";")[0]
    return format_currency(price.amount, price.currency, locale=loc, currency_digits=False,
                           format=pattern.replace("0.00", "0.00####"))


def cost_minor(credits: Decimal, price: CreditPrice) -> int:
    """What `credits` cost at `price`, in minor units (rounded once, half-up)."""
    return to_minor(credits * price.amount, price.currency)


def min_credits(price: CreditPrice) -> int:
    """The fewest whole credits whose cost rounds to at least one minor unit."""
    per_minor = price.amount * (Decimal(10) ** exponent(price.currency))
    return max(1, int((Decimal("0.5") / per_minor).to_integral_value(rounding=ROUND_CEILING)))


# -- the balance -------------------------------------------------------------------------------
@dataclasses.dataclass
class BalanceView:
    symbol: str = ""
    amount: str = ""
    units: str = ""
    spoken: str = ""
    state: str = "ok"  # ok | low | empty | overdraft
    is_empty: bool = False
    width: str = "0%"
    value_now: str = "0"
    value_max: str = "0"
    progress: str = ""
    expiry: str = ""
    scheduled: str = ""
    overdraft: str = ""


def balance_view(balance: CreditBalance, locale: str | None, date_of: DateOf,
                 texts: Mapping[str, str]) -> BalanceView:
    """The big number, the bar (current against the credits in force), the next expiry, the
    scheduled credits and an honest overdraft note."""
    cur, whole, currency = balance.current, balance.in_force, balance.currency
    num = lambda value: format_credits(value, locale)  # noqa: E731
    view = BalanceView(symbol=currency.symbol or "", amount=num(cur), units=units(cur, currency))
    view.spoken = f"{view.amount} {view.units} {texts['remaining']}"
    view.is_empty = not (balance.granted or balance.scheduled or cur or balance.overdraft)
    shown = max(Decimal(0), min(cur, whole)) if whole > 0 else Decimal(0)
    percent = int(shown * 100 / whole) if whole > 0 else 0
    view.width, view.value_now, view.value_max = f"{percent}%", plain(shown), plain(whole)
    if whole > 0:
        view.progress = fill(texts["of_in_force"], current=num(shown), in_force=num(whole),
                             units=units(whole, currency))
    else:
        view.progress = texts["nothing_in_force"]
    owed = balance.overdraft if balance.overdraft > 0 else max(Decimal(0), -cur)
    if cur < 0 or owed > 0:
        view.state = "overdraft"
        view.overdraft = fill(texts["overdraft"], amount=num(owed), units=units(owed, currency))
    elif cur == 0:
        view.state = "empty"
    elif whole > 0 and percent < LOW_BELOW:
        view.state = "low"
    if balance.next_expiry is not None and balance.next_expiry.amount > 0:
        amount = balance.next_expiry.amount
        view.expiry = fill(texts["expires"], amount=num(amount), units=units(amount, currency),
                           date=date_of(balance.next_expiry.at))
    if balance.scheduled > 0:
        view.scheduled = fill(texts["scheduled"], amount=num(balance.scheduled),
                              units=units(balance.scheduled, currency))
    return view


# -- buying credits ----------------------------------------------------------------------------
@dataclasses.dataclass
class PurchaseOption:
    value: str = ""
    label: str = ""
    price: str = ""


def purchase_options(currency: CreditCurrencyPublic, locale: str | None,
                     texts: Mapping[str, str]) -> list[PurchaseOption]:
    """The currency's packs with their prices ('500 credits', '$5'); none without a price."""
    if currency.price is None:
        return []
    out = []
    for count in currency.purchase_options:
        amount = Decimal(count)
        out.append(PurchaseOption(
            value=str(count),
            label=fill(texts["option"], amount=format_credits(amount, locale),
                       units=units(amount, currency)),
            price=format_money(cost_minor(amount, currency.price), currency.price.currency,
                               normalize_locale(locale))))
    return out


def check_custom(text: str, currency: CreditCurrencyPublic, locale: str | None,
                 texts: Mapping[str, str]) -> tuple[Decimal | None, str]:
    """A custom purchase amount: (credits, '') or (None, what to fix). Whole credits only."""
    if not (text or "").strip():
        return None, texts["custom_required"]
    value = parse_number(text, locale)
    if value is None or places(value) > 0:
        return None, texts["custom_number"]
    if value < 1:
        return None, texts["custom_positive"]
    if value > MAX_PURCHASE:
        return None, fill(texts["custom_max"], max=format_credits(MAX_PURCHASE, locale))
    if currency.price is not None and cost_minor(value, currency.price) < 1:
        return None, fill(texts["custom_min_price"],
                          min=format_credits(Decimal(min_credits(currency.price)), locale))
    return value.quantize(Decimal(1)), ""


def buy_label(credits: Decimal | None, currency: CreditCurrencyPublic, locale: str | None,
              texts: Mapping[str, str]) -> tuple[str, str]:
    """('Buy 500 credits for $5', '$5') for the chosen amount, or the plain label."""
    if credits is None or currency.price is None:
        return texts["buy_plain"], ""
    price = format_money(cost_minor(credits, currency.price), currency.price.currency,
                         normalize_locale(locale))
    return fill(texts["buy"], amount=format_credits(credits, locale),
                units=units(credits, currency), price=price), price


def order_key(current: tuple[str, str] | None, credits: str,
              make: Callable[[], str]) -> tuple[str, str]:
    """The idempotency key of an order: kept while the same amount is retried (a double click
    or a lost answer buys once), new when the amount changes."""
    if current is not None and current[0] == credits:
        return current
    return credits, make()


def card_label(method: PaymentMethodPublic | None, texts: Mapping[str, str]) -> str:
    """'Visa ending in 4242', or the no-card text."""
    if method is None:
        return texts["no_card"]
    return fill(texts["card"], brand=BRANDS.get(method.brand, method.brand.title()),
                last4=method.last4)
