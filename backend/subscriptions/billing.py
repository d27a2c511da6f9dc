"""Pricing a subscription's configuration and turning it into invoices.

`price` reuses the estimate calculator (plan, add-ons, quantities; the catalog snapshot cached
per revision) and applies the subscription's coupon to the recurring part. `Draft` is an invoice
before it is issued: previews return drafts, applying issues exactly the same draft.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from backend.config import Settings
from backend.coupons import service as coupons
from backend.coupons.repository import CouponRepository
from backend.estimates import service as estimates
from backend.estimates.schemas import AddonChoice, EstimateRequest
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.kit.lru import LruCache
from backend.models import (
    Coupon,
    Customer,
    CustomerCredit,
    Invoice,
    InvoiceLine,
    Payment,
    Subscription,
)
from backend.paywall.prices import money
from backend.pricing.discounts import discount_minor
from backend.subscriptions.proration import prorate
from backend.subscriptions.repository import SubscriptionRepository
from backend.subscriptions.schemas import InvoiceDraft, InvoiceLinePublic, InvoicePublic


@dataclass(frozen=True)
class Ctx:
    session: Session
    env: int
    settings: Settings
    cache: LruCache
    locale: str = "en_US"


@dataclass(frozen=True)
class Config:
    """What a subscription is for: the inputs of its price."""

    plan_id: str
    version: int | None
    billing_period: str
    currency: str | None
    country: str | None
    quantities: dict[str, int] = field(default_factory=dict)
    addons: tuple[tuple[str, int], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"plan_id": self.plan_id, "version": self.version,
                "billing_period": self.billing_period, "quantities": dict(self.quantities),
                "addons": [{"addon_id": a, "quantity": q} for a, q in self.addons]}


@dataclass(frozen=True)
class DraftLine:
    kind: str  # recurring, one_off, discount, proration_credit, proration_charge,
    # applied_credit (the customer's balance used), credit_to_balance (a credit kept for later)
    description: str
    amount_minor: int
    quantity: str | None = None


@dataclass(frozen=True)
class Draft:
    currency: str
    lines: list[DraftLine]
    period_start: datetime | None = None
    period_end: datetime | None = None

    @property
    def discount_minor(self) -> int:
        return -sum(line.amount_minor for line in self.lines if line.kind == "discount")

    @property
    def total_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines)

    @property
    def subtotal_minor(self) -> int:
        """Before the discount and the customer's balance (used or added to)."""
        return (self.total_minor + self.discount_minor + self.credit_applied_minor
                - self.credit_earned_minor)

    @property
    def credit_applied_minor(self) -> int:
        return -sum(line.amount_minor for line in self.lines if line.kind == "applied_credit")

    @property
    def credit_earned_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines if line.kind == "credit_to_balance")


@dataclass(frozen=True)
class Priced:
    """One period of a configuration, priced: lines before discount, the discount, the total."""

    plan_id: str
    plan_version: int
    currency: str
    lines: list[DraftLine]
    discount_minor: int
    coupon_name: str | None

    @property
    def subtotal_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines)

    @property
    def total_minor(self) -> int:
        return self.subtotal_minor - self.discount_minor


def price(ctx: Ctx, config: Config, coupon: Coupon | None) -> Priced:
    """Price one full period of `config`, with `coupon` off its recurring part (never below 0)."""
    est = estimates.estimate(ctx.session, ctx.env, ctx.settings, ctx.cache, EstimateRequest(
        plan_id=config.plan_id, version=config.version, billing_period=config.billing_period,
        currency=config.currency, country=config.country, quantities=config.quantities,
        addons=[AddonChoice(addon_id=a, quantity=q) for a, q in config.addons], locale=ctx.locale,
    ), may_read_customer=True)
    lines = [DraftLine(line.kind, line.description, line.amount.amount_minor, line.quantity)
             for line in est.lines if line.kind != "usage"]
    recurring = sum(line.amount_minor for line in lines if line.kind == "recurring")
    off = 0
    if coupon is not None:
        off = min(discount_minor(recurring, est.currency, coupons.to_discount(coupon)),
                  sum(line.amount_minor for line in lines))
    return Priced(est.plan_id, est.plan_version, est.currency, lines, off,
                  coupon.name if coupon else None)


def coupon_by_ref(ctx: Ctx, ref: str | None) -> Coupon | None:
    return CouponRepository(ctx.session, ctx.env).get(ref) if ref else None


def _discount_line(name: str | None, amount: int) -> list[DraftLine]:
    return [DraftLine("discount", f"Discount ({name})" if name else "Discount", -amount)] if amount else []


def recurring(p: Priced, start: datetime | None, end: datetime | None,
              discounted: bool = True) -> Draft:
    """A full period of `p`: its lines, then the discount if the coupon still applies."""
    off = p.discount_minor if discounted else 0
    return Draft(p.currency, [*p.lines, *_discount_line(p.coupon_name, off)], start, end)


def empty(currency: str, start: datetime | None = None, end: datetime | None = None) -> Draft:
    return Draft(currency, [], start, end)


def proration(paid_minor: int, new: Priced | None, start: datetime, end: datetime,
              at: datetime, old_label: str, new_label: str) -> Draft:
    """Credit the unused time of what was paid, charge the new items' remaining time (by the
    second); the coupon's share of the new items is a discount line, rounded on its own."""
    new_sub = new.subtotal_minor if new else 0
    p = prorate(paid_minor, new_sub, start, end, at, old_label, new_label)
    lines = [DraftLine(p.credit.kind, p.credit.description, p.credit.amount_minor)] \
        if p.credit.amount_minor else []  # nothing was paid (a free plan, a trial): no credit
    if new is not None:
        lines.append(DraftLine(p.charge.kind, p.charge.description, p.charge.amount_minor))
        if new.discount_minor:
            off = prorate(0, new.discount_minor, start, end, at).charge.amount_minor
            lines += _discount_line(new.coupon_name, off)
    return Draft(new.currency if new else "", lines, at, end)


# -- the customer's credit balance ------------------------------------------------------------
def credit_balance(ctx: Ctx, customer_pk: int, currency: str) -> int:
    return SubscriptionRepository(ctx.session, ctx.env).credit_balance(customer_pk, currency)


def settle(ctx: Ctx, customer_pk: int, d: Draft) -> Draft:
    """`d` as the customer will be billed: a credit (negative total) goes to the customer's
    balance in that currency, and a positive total uses that balance first (never below zero).
    Previews and applies both pass through here, so a preview still equals its apply."""
    total = d.total_minor
    if total < 0:
        return replace(d, lines=[*d.lines, DraftLine("credit_to_balance",
                                                     "Credited to your balance", -total)])
    if total > 0:
        use = min(credit_balance(ctx, customer_pk, d.currency), total)
        if use > 0:
            return replace(d, lines=[*d.lines, DraftLine("applied_credit", "Applied credit", -use)])
    return d


def book_credits(ctx: Ctx, customer_pk: int, d: Draft, invoice_ref: str | None, reason: str) -> None:
    """Write the ledger entries of a settled draft once its invoice is issued."""
    repo = SubscriptionRepository(ctx.session, ctx.env)
    if d.credit_earned_minor:
        repo.add(CustomerCredit(environment_id=ctx.env, customer_id=customer_pk,
                                currency=d.currency, amount_minor=d.credit_earned_minor,
                                reason=reason, invoice_ref=invoice_ref))
    if d.credit_applied_minor:
        repo.add(CustomerCredit(environment_id=ctx.env, customer_id=customer_pk,
                                currency=d.currency, amount_minor=-d.credit_applied_minor,
                                reason="applied", invoice_ref=invoice_ref))
    ctx.session.flush()


# -- issuing ----------------------------------------------------------------------------------
def draft_public(d: Draft, locale: str) -> InvoiceDraft:
    def m(minor: int):
        return money(minor, d.currency, locale)

    return InvoiceDraft(
        lines=[InvoiceLinePublic(kind=line.kind, description=line.description,
                                 quantity=line.quantity, amount=m(line.amount_minor))
               for line in d.lines],
        subtotal=m(d.subtotal_minor), discount=m(d.discount_minor), total=m(d.total_minor),
        period_start=d.period_start, period_end=d.period_end,
    )


def invoice_public(repo: SubscriptionRepository, inv: Invoice, locale: str) -> InvoicePublic:
    def m(minor: int):
        return money(minor, inv.currency, locale)

    return InvoicePublic(
        id=inv.ref, number=inv.number, customer_id=repo.customer_ref(inv.customer_id),
        subscription_id=repo.subscription_ref(inv.subscription_id), reason=inv.reason,
        status=inv.status,  # type: ignore[arg-type]
        currency=inv.currency,
        lines=[InvoiceLinePublic(kind=line.kind, description=line.description,
                                 quantity=line.quantity, amount=m(line.amount_minor))
               for line in inv.lines],
        subtotal=m(inv.subtotal_minor), discount=m(inv.discount_minor), total=m(inv.total_minor),
        period_start=inv.period_start, period_end=inv.period_end, payment_id=inv.payment_ref,
        paid_at=inv.paid_at, created_at=inv.created_at,
    )


def issue(ctx: Ctx, customer: Customer, sub: Subscription, draft: Draft, reason: str,
          payment: Payment | None, status: str = "paid") -> Invoice:
    """Record `draft` as a numbered invoice with its events (invoice.created, invoice.paid)."""
    repo = SubscriptionRepository(ctx.session, ctx.env)
    inv = Invoice(
        environment_id=ctx.env, ref=random_token("in_", 12), number=repo.next_invoice_number(),
        customer_id=customer.id, subscription_id=sub.id, reason=reason, status=status,
        currency=draft.currency, subtotal_minor=draft.subtotal_minor,
        discount_minor=draft.discount_minor, total_minor=draft.total_minor,
        period_start=draft.period_start, period_end=draft.period_end,
        payment_ref=payment.ref if payment else None,
        paid_at=now() if status == "paid" else None,
        lines=[InvoiceLine(environment_id=ctx.env, position=i + 1, kind=line.kind,
                           description=line.description[:500], quantity=line.quantity,
                           amount_minor=line.amount_minor) for i, line in enumerate(draft.lines)],
    )
    repo.add(inv)
    if payment is not None:
        payment.invoice_ref = inv.ref
    book_credits(ctx, customer.id, draft, inv.ref, reason)
    data = {"invoice": invoice_public(repo, inv, customer.locale or ctx.locale)}
    record(ctx.session, ctx.env, "invoice.created", data, customer_ref=customer.ref,
           subject=("invoice", inv.ref))
    if status == "paid":
        record(ctx.session, ctx.env, "invoice.paid", data, customer_ref=customer.ref,
               subject=("invoice", inv.ref))
    return inv
