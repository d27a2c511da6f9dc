"""Pure credit arithmetic (no I/O): which grants a consumption burns, what expires, and the
balance as the sum of ledger entries. Amounts are `Decimal`, never float.

Burn order: the lowest priority number first, then the earliest expiry (grants that never
expire last), then the oldest grant. A grant holds nothing before its effective time, after its
expiry (the expiry instant itself included) or once voided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

NEVER = datetime.max


@dataclass(frozen=True)
class Grant:
    id: str
    amount: Decimal
    remaining: Decimal
    priority: int
    effective_at: datetime
    created_at: datetime
    expires_at: datetime | None = None
    voided: bool = False

    def usable_at(self, at: datetime) -> bool:
        """Whether the grant can be burned at `at` (effective, unexpired, not voided)."""
        return (not self.voided and self.effective_at <= at and self.remaining > 0
                and (self.expires_at is None or at < self.expires_at))


@dataclass(frozen=True)
class Burn:
    grant_id: str
    amount: Decimal


class InsufficientCredits(ValueError):
    def __init__(self, wanted: Decimal, available: Decimal):
        super().__init__(f"{wanted} credits wanted, {available} available")
        self.wanted, self.available = wanted, available


def _order(grant: Grant) -> tuple:
    expiry = grant.expires_at.replace(tzinfo=None) if grant.expires_at else NEVER
    return (grant.priority, expiry, grant.created_at.replace(tzinfo=None), grant.id)


def available(grants: Iterable[Grant], at: datetime) -> Decimal:
    """Credits that can be burned at `at`."""
    return sum((g.remaining for g in grants if g.usable_at(at)), Decimal(0))


def plan_burn(grants: Iterable[Grant], amount: Decimal, at: datetime, *,
              allow_overdraft: bool = False) -> tuple[list[Burn], Decimal]:
    """The burns that cover `amount` at `at`, in burn order, and the part left uncovered (an
    overdraft, only when allowed; otherwise `InsufficientCredits`)."""
    if amount <= 0:
        raise ValueError("consume a positive amount")
    usable = sorted((g for g in grants if g.usable_at(at)), key=_order)
    have = sum((g.remaining for g in usable), Decimal(0))
    if have < amount and not allow_overdraft:
        raise InsufficientCredits(amount, have)
    burns, left = [], amount
    for grant in usable:
        if left <= 0:
            break
        take = min(grant.remaining, left)
        burns.append(Burn(grant.id, take))
        left -= take
    return burns, max(left, Decimal(0))


def expiring(grants: Iterable[Grant], at: datetime) -> list[Burn]:
    """What expires by `at`: the unused remainder of each grant whose expiry has passed."""
    return [Burn(g.id, g.remaining) for g in grants
            if not g.voided and g.remaining > 0 and g.expires_at is not None
            and g.expires_at <= at]


def next_expiry(grants: Iterable[Grant], at: datetime) -> datetime | None:
    """The earliest expiry among grants that still hold credits at `at`."""
    times = [g.expires_at for g in grants if g.usable_at(at) and g.expires_at is not None]
    return min(times) if times else None


def status(*, voided: bool, effective_at: datetime, expires_at: datetime | None,
           remaining: Decimal, at: datetime) -> str:
    """A grant's status at `at`: voided, scheduled, expired, depleted or active (first match)."""
    if voided:
        return "voided"
    if effective_at > at:
        return "scheduled"
    if expires_at is not None and expires_at <= at:
        return "expired"
    if remaining <= 0:
        return "depleted"
    return "active"
