"""The credit grants table's view model: labels, status chips, amounts, expiry, sorting of
the loaded rows (a permutation, in order, stable) and merging a refresh."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.credits.schemas import GrantPublic
from widgets.credits import grants_model as m
from widgets.credits.grants_texts import GRANTS_TEXTS, grants_texts

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


def grant(gid: str = "grt_1", *, type: str = "paid", status: str = "active",
          amount: str = "1000", consumed: str = "250", remaining: str | None = None,
          days_ago: int = 1, expires_in: int | None = 30, cost: dict | None = None,
          display_name: str | None = None) -> GrantPublic:
    effective = NOW - timedelta(days=days_ago)
    left = Decimal(amount) - Decimal(consumed) if remaining is None else Decimal(remaining)
    return GrantPublic(
        id=gid, customer_id="acme", currency_id="credits", type=type, status=status,
        display_name=display_name, amount=Decimal(amount), consumed=Decimal(consumed),
        remaining=left, priority=100, effective_at=effective,
        expires_at=None if expires_in is None else NOW + timedelta(days=expires_in),
        voided_at=None, void_reason=None, cost=cost, subscription_id=None, metadata={},
        created_at=effective)


def date_of(value: datetime | None) -> str:
    return value.strftime("%b %d, %Y") if value else ""


def row(g: GrantPublic, locale: str = "en_US") -> m.GrantRow:
    return m.grant_row(g, locale, date_of, GRANTS_TEXTS)


def test_types_statuses_and_amounts_in_words() -> None:
    paid = row(grant(cost={"amount_minor": 1000, "currency": "USD", "formatted": "$10.00"},
                     amount="5000", consumed="1234.5"))
    assert (paid.type_label, paid.detail) == ("Top-up", "Paid $10.00")
    assert (paid.status_label, paid.status_kind) == ("Active", "success")
    assert (paid.amount, paid.consumed, paid.remaining) == ("5,000", "1,234.5", "3,765.5")
    assert paid.received == "Nov 23, 2026" and paid.expires == "Dec 24, 2026"
    assert paid.left == "75.3%"
    assert row(grant(status="voided", remaining="0")).left == "0.0%"
    labels = {t: row(grant(type=t)).type_label for t in ("promotional", "recurring",
                                                          "recharge")}
    assert labels == {"promotional": "Promotional", "recurring": "Recurring",
                      "recharge": "Automatic recharge"}
    kinds = {s: row(grant(status=s)).status_kind for s in m.STATUS_KIND}
    assert kinds == {"active": "success", "scheduled": "warning", "depleted": "neutral",
                     "expired": "neutral", "voided": "danger"}


def test_never_expires_scheduled_start_and_display_name() -> None:
    forever = row(grant(expires_in=None, type="promotional", display_name="Welcome bonus"))
    assert forever.expires == "—" and forever.never_expires and forever.expires_at == ""
    assert forever.detail == "Welcome bonus"
    bought = row(grant(display_name="2,000 credits",
                       cost={"amount_minor": 2000, "currency": "USD", "formatted": "$20.00"}))
    assert bought.detail == "Paid $20.00"  # the price says more than a name
    later = row(grant(status="scheduled", days_ago=-3))
    assert later.received == "Starts Nov 27, 2026" and later.status_label == "Scheduled"
    assert row(grant(), "de_DE").consumed == "250"
    assert row(grant(amount="1234.5", consumed="0"), "de_DE").amount == "1.234,5"


def test_overrides_and_typos() -> None:
    texts = grants_texts({"type_paid": "Purchase"})
    assert m.grant_row(grant(), "en_US", date_of, texts).type_label == "Purchase"
    with pytest.raises(ValueError, match="credit_grants"):
        grants_texts({"type_payed": "x"})


def test_sorting_by_each_column() -> None:
    rows = [row(grant("a", amount="500", consumed="0", days_ago=3, expires_in=None,
                      type="promotional")),
            row(grant("b", amount="2000", consumed="2000", status="depleted", days_ago=2,
                      expires_in=5, type="recharge")),
            row(grant("c", amount="1000", consumed="100", status="voided", days_ago=1,
                      expires_in=60, remaining="0"))]
    ids = {col: [r.id for r in m.sort_rows(rows, col, False)] for col in m.COLUMNS}
    assert ids["amount"] == ["a", "c", "b"]
    assert ids["consumed"] == ["a", "c", "b"]
    assert ids["remaining"] == ["c", "b", "a"]  # b and c both 0: ties stay newest first
    assert ids["received"] == ["a", "b", "c"]
    assert ids["expires"] == ["b", "c", "a"]  # never expiring comes last
    assert ids["status"] == ["a", "b", "c"]  # active, depleted, voided
    assert ids["type"] == ["b", "a", "c"]  # Automatic recharge, Promotional, Top-up
    assert [r.id for r in m.sort_rows(rows, "amount", True)] == ["b", "c", "a"]
    with pytest.raises(ValueError):
        m.sort_key(rows[0], "colour")


def test_clicking_headings() -> None:
    assert m.next_sort("amount", "received", True) == ("amount", False)
    assert m.next_sort("amount", "amount", False) == ("amount", True)
    assert m.next_sort("amount", "amount", True) == ("amount", False)
    with pytest.raises(ValueError):
        m.next_sort("nope", "amount", False)


grants = st.lists(
    st.builds(
        lambda n, amount, used, days, expires, status, type_: grant(
            f"g{n}", amount=str(amount), consumed=str(min(used, amount)), days_ago=days,
            expires_in=expires, status=status, type=type_),
        st.integers(0, 10**6),
        st.decimals(min_value=1, max_value=10**6, places=2),
        st.decimals(min_value=0, max_value=10**6, places=2),
        st.integers(-30, 400), st.one_of(st.none(), st.integers(1, 400)),
        st.sampled_from(sorted(m.STATUS_KIND)),
        st.sampled_from(["paid", "promotional", "recurring", "recharge"])),
    max_size=25, unique_by=lambda g: g.id)


@settings(max_examples=80, deadline=None)
@given(grants, st.sampled_from(m.COLUMNS), st.booleans())
def test_sort_is_an_ordered_permutation(items: list[GrantPublic], column: str,
                                        descending: bool) -> None:
    rows = [row(g) for g in items]
    out = m.sort_rows(rows, column, descending)
    assert sorted(r.id for r in out) == sorted(r.id for r in rows)
    keys = [m.sort_key(r, column) for r in out]
    for a, b in itertools.pairwise(keys):
        assert (a >= b) if descending else (a <= b)
    assert m.sort_rows(list(reversed(rows)), column, descending) == out  # input order is moot


def test_refresh_replaces_the_window_and_keeps_older_pages() -> None:
    loaded = [row(grant(f"g{i}", days_ago=i)) for i in range(5)]
    fresh = [row(grant("new", days_ago=0)), *loaded[:2]]
    assert m.merge_refresh(loaded[:3], fresh, 10) == fresh
    merged = m.merge_refresh(loaded, fresh, 3)
    assert [r.id for r in merged] == ["new", "g0", "g1", "g2", "g3", "g4"]
    assert m.merge_refresh(loaded[:2], loaded[:2], 2) == loaded[:2]
