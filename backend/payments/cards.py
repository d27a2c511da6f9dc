"""Card numbers and expiry dates: pure checks, no I/O. A number is only ever held in memory."""

import re

_SEPARATORS = re.compile(r"[ -]")
_DIGITS = re.compile(r"^[0-9]{12,19}$")


def normalize_number(raw: str) -> str:
    """Digits only: spaces and dashes people type are dropped; anything else is an error.

    Error messages never repeat the number.
    """
    digits = _SEPARATORS.sub("", raw.strip())
    if not _DIGITS.match(digits):
        raise ValueError("a card number has 12 to 19 digits (spaces and dashes allowed)")
    if not luhn_valid(digits):
        raise ValueError("this is not a valid card number (check digit mismatch)")
    return digits


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check every card number passes."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def brand_of(digits: str) -> str:
    """The card network by number prefix (the ones test cards use, else 'unknown')."""
    if digits.startswith("4"):
        return "visa"
    if digits[:2] in {"51", "52", "53", "54", "55"} or 2221 <= int(digits[:4]) <= 2720:
        return "mastercard"
    if digits[:2] in {"34", "37"}:
        return "amex"
    return "unknown"


def full_year(year: int) -> int:
    """Two-digit years as people type them (28 -> 2028)."""
    return 2000 + year if 0 <= year < 100 else year


def is_expired(exp_month: int, exp_year: int, year: int, month: int) -> bool:
    """A card is valid through the last day of its expiry month."""
    return (exp_year, exp_month) < (year, month)
