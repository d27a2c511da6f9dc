"""Prepaid credits of the demo: the "Credits" currency that image generation and transcription
burn, monthly credits on Plus and Business, and four weeks of history for acme and globex
(grants of every kind, consumption day by day), so the credit widgets have something to show."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from backend.credits import currencies, service
from backend.credits.accounts import book_grant, currency_of, customer_of, open_account
from backend.credits.repository import CreditRepository
from backend.credits.schemas import ConsumeCredits, CreditCurrencyCreate
from backend.kit.clock import now

CURRENCY = CreditCurrencyCreate(
    id="credits", name="Credits", symbol="✦", unit_singular="credit", unit_plural="credits",
    price={"amount": "0.01", "currency": "USD"}, purchase_options=[500, 2000, 5000],  # type: ignore[arg-type]
    feature_costs={"image-generation": Decimal(4), "transcription": Decimal("1.5")},
    plan_allowances=[
        {"plan_id": "plus", "credits_per_month": Decimal(1000)},  # type: ignore[list-item]
        {"plan_id": "business", "credits_per_month": Decimal(5000),  # type: ignore[list-item]
         "rollover_cap": Decimal(2500)},
    ],
)
HISTORY_DAYS = 26


def _grants(repo: CreditRepository, customer_ref: str, start: datetime) -> None:
    account = open_account(repo, currency_of(repo, CURRENCY.id), customer_of(repo, customer_ref),
                           start)
    book_grant(account, type="promotional", amount=Decimal(700), at=start - timedelta(days=14),
               effective_at=start - timedelta(days=14), expires_at=start + timedelta(days=14),
               priority=50, display_name="Beta tester credits")
    book_grant(account, type="paid", amount=Decimal(2000), at=start, cost=(2000, "USD"),
               display_name="2,000 credits")
    book_grant(account, type="promotional", amount=Decimal(500), at=start,
               expires_at=now() + timedelta(days=4), priority=50,
               display_name="Welcome credits")


def _history(repo: CreditRepository, customer_ref: str, start: datetime, seed: int) -> None:
    rng = random.Random(seed)
    for day in range(HISTORY_DAYS):
        for _ in range(rng.randint(2, 5)):
            at = start + timedelta(days=day, hours=rng.randint(8, 19), minutes=rng.randint(0, 59))
            if rng.random() < 0.55:
                body = ConsumeCredits(customer_id=customer_ref, feature_id="image-generation",
                                      quantity=Decimal(rng.randint(1, 4)))
            elif rng.random() < 0.85:
                body = ConsumeCredits(customer_id=customer_ref, feature_id="transcription",
                                      quantity=Decimal(rng.randint(2, 18)))
            else:
                body = ConsumeCredits(customer_id=customer_ref, currency_id=CURRENCY.id,
                                      amount=Decimal(rng.choice((5, 10, 20))))
            service.consume(repo, body, at)


def seed_credits(session: Session, environment_id: int) -> bool:
    """The demo currency and history, once; returns False when already there."""
    repo = CreditRepository(session, environment_id)
    if repo.currency(CURRENCY.id) is not None:
        return False
    currencies.create(repo, CURRENCY)
    start = now() - timedelta(days=HISTORY_DAYS)
    for seed, customer in enumerate(("acme", "globex")):
        if repo.customer(customer) is None:
            continue
        _grants(repo, customer, start)
        _history(repo, customer, start, seed)
        open_account(repo, currency_of(repo, CURRENCY.id), customer_of(repo, customer))
    session.flush()
    return True
