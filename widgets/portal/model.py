"""Pure view model of the CustomerPortal: the backend's `Portal` read model, invoices and cards
turned into the rows and sentences each section shows. Amounts are the backend's strings."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import datetime

from backend.me.schemas import Portal
from backend.payments.schemas import PaymentMethodPublic
from backend.subscriptions.schemas import InvoicePublic, Preview
from widgets._ui.texts import fill

DateOf = Callable[[datetime | None], str]
BRANDS = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express"}


@dataclasses.dataclass
class Line:
    label: str = ""
    amount: str = ""


@dataclasses.dataclass
class Overview:
    has_subscription: bool = False
    subscription_id: str = ""
    plan: str = ""
    status: str = ""
    status_kind: str = "active"  # active | trialing | past_due | canceling | scheduled
    period: str = ""
    quantities: str = ""
    trial: str = ""
    warning: str = ""
    bill_amount: str = ""
    bill_when: str = ""
    bill_lines: list[Line] = dataclasses.field(default_factory=list)
    no_bill: str = ""
    credit: str = ""
    can_cancel: bool = False


@dataclasses.dataclass
class Scheduled:
    title: str = ""
    body: str = ""
    entries: list[Line] = dataclasses.field(default_factory=list)  # description, date
    is_cancel: bool = False


@dataclasses.dataclass
class InvoiceRow:
    id: str = ""
    number: str = ""
    date: str = ""
    description: str = ""
    amount: str = ""
    status: str = ""
    status_kind: str = ""


def overview(portal: Portal, date_of: DateOf, texts: Mapping[str, str]) -> Overview:
    sub = portal.subscription
    if sub is None:
        return Overview()
    kind = "canceling" if sub.cancel_at_period_end else sub.status
    status = fill(texts["status_canceling"], date=date_of(sub.current_period_end)) \
        if sub.cancel_at_period_end else texts.get(f"status_{sub.status}", sub.status.title())
    trial = ""
    if sub.status == "trialing" and sub.trial_days_left is not None:
        trial = texts["trial_last_day"] if sub.trial_days_left <= 1 else fill(
            texts["trial_left"], days=sub.trial_days_left)
    bill = sub.upcoming_bill
    no_bill = ""
    if bill is None:
        if sub.cancel_at_period_end:
            key = "no_bill_ends" if portal.fallback_plan_name else "no_bill_ends_no_fallback"
            no_bill = fill(texts[key], date=date_of(sub.current_period_end),
                           fallback=portal.fallback_plan_name or "")
        else:
            no_bill = texts["no_bill_free"]
    credit = next((c for c in portal.credit_balance
                   if c.currency == sub.currency and c.amount_minor > 0), None)
    return Overview(
        has_subscription=True, subscription_id=sub.id,
        plan=fill(texts["plan_name"], plan=sub.plan_name), status=status, status_kind=kind,
        period=texts.get(f"billed_{sub.billing_period}", ""),
        quantities=", ".join(sub.quantity_labels), trial=trial,
        warning=texts["past_due_note"] if sub.status == "past_due" else "",
        bill_amount=bill.total.formatted if bill else "",
        bill_when=fill(texts["next_bill_on"], date=date_of(bill.date)) if bill else "",
        bill_lines=[Line(label=line.description, amount=line.amount.formatted)
                    for line in bill.lines] if bill else [],
        no_bill=no_bill,
        credit=fill(texts["credit"], amount=credit.formatted) if credit else "",
        can_cancel=sub.pricing_type != "free" and not sub.cancel_at_period_end
        and sub.status != "scheduled",
    )


def scheduled(portal: Portal, date_of: DateOf, texts: Mapping[str, str]) -> Scheduled:
    sub = portal.subscription
    if sub is None or not sub.scheduled:
        return Scheduled()
    if sub.cancel_at_period_end:
        return Scheduled(title=texts["scheduled_cancel_title"], is_cancel=True,
                         body=fill(texts["scheduled_cancel_body"], plan=sub.plan_name,
                                   date=date_of(sub.current_period_end)))
    return Scheduled(title=texts["scheduled_title"],
                     entries=[Line(label=s.description, amount=date_of(s.effective_at))
                            for s in sub.scheduled])


def included(portal: Portal) -> list[str]:
    sub = portal.subscription
    if sub is None:
        return []
    return [e.label for e in sub.entitlements]


def addons(portal: Portal, texts: Mapping[str, str]) -> list[str]:
    sub = portal.subscription
    if sub is None:
        return []
    return [fill(texts["addon_line"], count=a.quantity, name=a.display_name) for a in sub.addons]


def promotions(portal: Portal, date_of: DateOf, texts: Mapping[str, str]) -> list[str]:
    """Promotional entitlements in force, then the subscription's coupon."""
    out = [fill(texts["promotion_until"], name=p.label, date=date_of(p.ends_at)) if p.ends_at
           else fill(texts["promotion_lifetime"], name=p.label) for p in portal.promotions]
    sub = portal.subscription
    if sub is not None and sub.coupon is not None:
        left = texts["promotion_forever"] if sub.coupon.periods_left is None else fill(
            texts["promotion_left"], count=sub.coupon.periods_left)
        out.append(f"{fill(texts['promotion_coupon'], code=sub.coupon.code, name=sub.coupon.name)}"
                   f" · {left}")
    return out


def card_label(method: PaymentMethodPublic | None, texts: Mapping[str, str]) -> tuple[str, str]:
    """('Visa ending in 4242', 'Expires 12/2027'), or the no-card text."""
    if method is None:
        return texts["no_card"], ""
    brand = BRANDS.get(method.brand, method.brand.title())
    return (fill(texts["card"], brand=brand, last4=method.last4),
            fill(texts["card_expires"], month=f"{method.exp_month:02d}", year=method.exp_year))


def invoice_rows(invoices: list[InvoicePublic], date_of: DateOf,
                 texts: Mapping[str, str]) -> list[InvoiceRow]:
    return [InvoiceRow(
        id=i.id, number=f"#{i.number}", date=date_of(i.created_at),
        description=texts.get(f"reason_{i.reason}", i.reason.replace("_", " ").capitalize()),
        amount=i.total.formatted, status=texts.get(f"invoice_{i.status}", i.status),
        status_kind=i.status) for i in invoices]


def cancel_sentence(preview: Preview | None, fallback: str | None, date_of: DateOf,
                    texts: Mapping[str, str]) -> str:
    if preview is None:
        return ""
    key = "cancel_preview" if fallback else "cancel_preview_no_fallback"
    return fill(texts[key], date=date_of(preview.effective_at), fallback=fallback or "")
