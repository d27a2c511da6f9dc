"""Pure view model of the usage bars: metered entitlements -> rows with amounts, a fill
percentage, a state (fine, warning from 70%, full at 100%) and when usage resets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import datetime

from babel.numbers import format_decimal

from backend.entitlements.schemas import EntitlementState
from widgets._ui.texts import fill

WARN_AT = 70
FULL_AT = 100

DEFAULT_TEXTS: dict[str, str] = {
    "title": "Usage",
    "loading": "Loading usage…",
    "empty_title": "Nothing metered on your plan",
    "empty_body": "Features with usage limits will show how much you have used here.",
    "error_title": "We couldn't load your usage",
    "error_body": "Please try again in a moment.",
    "error_retry": "Retry",
    "of_limit": "{used} of {limit} {units}",
    "unlimited": "{used} {units} used · unlimited",
    "percent": "{percent}% used",
    "resets": "Resets {date}",
    "no_reset": "Does not reset",
    "over_soft": "Over the included amount: the extra is billed as overage",
    "at_limit": "Limit reached",
    "bar_label": "{name} usage",
}


@dataclasses.dataclass
class UsageRow:
    feature_id: str = ""
    name: str = ""
    amount: str = ""
    percent: int = 0
    width: str = "0%"
    state: str = "ok"  # ok | warning | full | unlimited
    note: str = ""
    reset: str = ""
    bar_label: str = ""
    value_now: int = 0
    value_max: int = 0


def _number(value: int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def rows(entitlements: list[EntitlementState], locale: str, date_of: Callable[[datetime], str],
         texts: Mapping[str, str]) -> list[UsageRow]:
    """One row per metered feature the customer may use (limits of 0 are left out)."""
    out = []
    for e in entitlements:
        if e.feature_type != "metered" or (not e.unlimited and not e.limit):
            continue
        units = e.unit_plural or e.feature_name
        used = _number(e.current_usage, locale)
        reset = fill(texts["resets"], date=date_of(e.usage_period.end)) if e.usage_period \
            else texts["no_reset"]
        label = fill(texts["bar_label"], name=e.feature_name)
        if e.unlimited:
            out.append(UsageRow(feature_id=e.feature_id, name=e.feature_name,
                                amount=fill(texts["unlimited"], used=used, units=units),
                                state="unlimited", reset=reset, bar_label=label,
                                value_now=e.current_usage))
            continue
        limit = e.limit or 0
        percent = e.current_usage * 100 // limit
        state = "full" if percent >= FULL_AT else "warning" if percent >= WARN_AT else "ok"
        note = ""
        if percent > FULL_AT and e.soft_limit:
            note = texts["over_soft"]
        elif percent >= FULL_AT:
            note = texts["at_limit"]
        out.append(UsageRow(
            feature_id=e.feature_id, name=e.feature_name,
            amount=fill(texts["of_limit"], used=used, limit=_number(limit, locale), units=units),
            percent=percent, width=f"{min(percent, 100)}%", state=state,
            note=note or fill(texts["percent"], percent=percent), reset=reset, bar_label=label,
            value_now=min(e.current_usage, limit), value_max=limit))
    return out
