"""Pure view model of the credit grants table: `GrantPublic`s turned into rows with labels,
status chips and formatted amounts, and sorting of the loaded rows by any column. No Reflex."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from backend.credits.schemas import GrantPublic
from widgets._ui.texts import fill
from widgets.credits.chart_model import format_credits

DateOf = Callable[[datetime | None], str]
COLUMNS: tuple[str, ...] = ("received", "type", "status", "amount", "consumed", "remaining",
                            "expires")
NUMERIC = frozenset({"amount", "consumed", "remaining"})
DEFAULT_SORT = ("received", True)  # newest first, as the API lists them
STATUS_KIND = {"active": "success", "scheduled": "warning", "depleted": "neutral",
               "expired": "neutral", "voided": "danger"}
STATUS_ORDER = {"active": 0, "scheduled": 1, "depleted": 2, "expired": 3, "voided": 4}


@dataclasses.dataclass
class GrantRow:
    """One grant as the table shows it, with the raw values it sorts by."""

    id: str = ""
    received: str = ""
    type: str = ""
    type_label: str = ""
    detail: str = ""
    status: str = ""
    status_label: str = ""
    status_kind: str = ""
    amount: str = ""
    consumed: str = ""
    remaining: str = ""
    left: str = "0%"  # remaining as a share of the amount, for the meter
    expires: str = ""
    never_expires: bool = False
    effective_at: str = ""  # ISO 8601, UTC
    expires_at: str = ""  # ISO 8601, UTC; "" when never
    amount_raw: str = "0"
    consumed_raw: str = "0"
    remaining_raw: str = "0"


def _left(grant: GrantPublic) -> str:
    if grant.amount <= 0:
        return "0%"
    share = max(Decimal(0), min(Decimal(100), grant.remaining * 100 / grant.amount))
    return f"{share.quantize(Decimal('0.1'))}%"


def grant_row(grant: GrantPublic, locale: str, date_of: DateOf,
              texts: Mapping[str, str]) -> GrantRow:
    """A grant's row: type and status in words, amounts in the locale, '—' if it never
    expires; what was paid (top-ups) or the grant's name as the type's second line."""
    if grant.cost is not None:
        detail = fill(texts["paid_for"], amount=grant.cost.formatted)
    else:
        detail = grant.display_name or ""
    received = date_of(grant.effective_at)
    if grant.status == "scheduled":
        received = fill(texts["starts"], date=received)
    return GrantRow(
        id=grant.id, received=received, type=grant.type,
        type_label=texts.get(f"type_{grant.type}", grant.type.title()), detail=detail,
        status=grant.status, status_label=texts.get(f"status_{grant.status}", grant.status),
        status_kind=STATUS_KIND.get(grant.status, "neutral"),
        amount=format_credits(grant.amount, locale),
        consumed=format_credits(grant.consumed, locale),
        remaining=format_credits(grant.remaining, locale), left=_left(grant),
        expires=date_of(grant.expires_at) if grant.expires_at else texts["never"],
        never_expires=grant.expires_at is None,
        effective_at=grant.effective_at.isoformat(),
        expires_at=grant.expires_at.isoformat() if grant.expires_at else "",
        amount_raw=str(grant.amount), consumed_raw=str(grant.consumed),
        remaining_raw=str(grant.remaining))


def grant_rows(grants: list[GrantPublic], locale: str, date_of: DateOf,
               texts: Mapping[str, str]) -> list[GrantRow]:
    """Rows in the API's order (newest first)."""
    return [grant_row(g, locale, date_of, texts) for g in grants]


def sort_key(row: GrantRow, column: str) -> Any:
    """What a column sorts by: amounts as exact decimals, dates in time order, a grant that
    never expires after every date, statuses from active to voided, types by their label."""
    if column in NUMERIC:
        return Decimal(getattr(row, f"{column}_raw"))
    if column == "received":
        return datetime.fromisoformat(row.effective_at)
    if column == "expires":
        return (1, "") if not row.expires_at else (0, datetime.fromisoformat(row.expires_at))
    if column == "status":
        return STATUS_ORDER.get(row.status, len(STATUS_ORDER))
    if column == "type":
        return row.type_label.casefold()
    raise ValueError(f"unknown column {column!r}")


def sort_rows(rows: list[GrantRow], column: str, descending: bool) -> list[GrantRow]:
    """The rows ordered by `column`; ties keep the newest first, then the id, so the order is
    the same on every refresh."""
    by_time = sorted(rows, key=lambda r: (r.effective_at, r.id), reverse=True)
    return sorted(by_time, key=lambda r: sort_key(r, column), reverse=descending)


def next_sort(column: str, current: str, descending: bool) -> tuple[str, bool]:
    """Sorting after a click on `column`'s heading: the same column flips its direction, a new
    column starts ascending."""
    if column not in COLUMNS:
        raise ValueError(f"unknown column {column!r}")
    if column == current:
        return column, not descending
    return column, False


def merge_refresh(loaded: list[GrantRow], fresh: list[GrantRow],
                  limit: int) -> list[GrantRow]:
    """Loaded rows after a refresh that re-read the newest `limit` grants: the fresh rows,
    then the loaded rows the refresh did not reach (grants are never deleted, so a loaded row
    missing from a full window was pushed past it by newer grants)."""
    if len(loaded) <= limit and len(fresh) < limit:
        return list(fresh)
    seen = {row.id for row in fresh}
    return list(fresh) + [row for row in loaded if row.id not in seen]
