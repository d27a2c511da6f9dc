"""Display formatting the widgets share: dates in the customer's locale, relative days."""

from __future__ import annotations

import math
from datetime import datetime

from babel.dates import format_date as _babel_date

from backend.kit.money import normalize_locale


def format_date(value: datetime | None, locale: str | None = None) -> str:
    """'Dec 24, 2026' (medium, localised); '' for None."""
    if value is None:
        return ""
    return _babel_date(value, format="medium", locale=normalize_locale(locale))


def days_between(start: datetime, end: datetime) -> int:
    """Whole days from `start` to `end`, rounded up (a trial ending in 30 hours has 2 days)."""
    return max(0, math.ceil((end - start).total_seconds() / 86400))
