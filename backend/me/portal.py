"""`GET /me/portal`: everything the customer portal shows, in one read for the token's customer.

The subscription overview, the next bill (scheduled changes, coupon and credit balance
included, priced by the same code that will issue it), scheduled updates in words, what the
plan and add-ons include, the default card and credit balance.
"""

import math
from datetime import datetime
from typing import Annotated, get_args

from babel.numbers import format_decimal
from fastapi import APIRouter, Query, Request

from backend.catalog import service as catalog
from backend.catalog.repository import CatalogRepository
from backend.catalog.schemas import EntitlementPublic
from backend.customers.repository import CustomerRepository
from backend.entitlements.repository import EntitlementRepository
from backend.errors import NotFound
from backend.kit.clock import now
from backend.me.context import Reader
from backend.me.schemas import (
    CancelReasonOption,
    Portal,
    PortalAddon,
    PortalCoupon,
    PortalCustomer,
    PortalPromotion,
    PortalSubscription,
    ScheduledUpdate,
    UpcomingBill,
)
from backend.models import Customer, Subscription
from backend.payments import service as payments
from backend.payments.repository import PaymentRepository
from backend.paywall import service as paywall_service
from backend.paywall.labels import entitlement_label
from backend.paywall.schemas import Paywall, PaywallPlan
from backend.subscriptions import billing, ending, service
from backend.subscriptions.billing import Config, Ctx
from backend.subscriptions.credits import credit_balances
from backend.subscriptions.proration import period_bounds
from backend.subscriptions.schemas import CancelReason

router = APIRouter(prefix="/me", tags=["me"])

CANCEL_REASON_LABELS = {
    "too_expensive": "It's too expensive",
    "missing_features": "It's missing features I need",
    "switched_service": "I'm switching to another service",
    "unused": "I don't use it enough",
    "customer_service": "Customer service was less than expected",
    "low_quality": "Quality was less than expected",
    "other": "Other reason",
}
assert set(CANCEL_REASON_LABELS) == set(get_args(CancelReason))
PERIOD_WORDS = {"monthly": "monthly", "quarterly": "quarterly", "annual": "annual"}


def _config(data: dict, sub: Subscription) -> Config:
    return Config(data["plan_id"], data.get("version"), data["billing_period"], sub.currency,
                  sub.country, dict(data.get("quantities") or {}),
                  tuple((a["addon_id"], a["quantity"]) for a in data.get("addons") or []))


def _upcoming(ctx: Ctx, sub: Subscription) -> UpcomingBill | None:
    """The next recurring invoice, or None when nothing more will be billed."""
    if sub.status not in ("active", "trialing", "past_due") or sub.cancel_at_period_end:
        return None
    start = sub.current_period_end
    if start is None:
        return None
    cfg = _config(sub.scheduled_change, sub) if sub.scheduled_change else service.config_of(sub)
    coupon = billing.coupon_by_ref(ctx, sub.coupon_ref)
    applies = sub.coupon_periods_left is None or sub.coupon_periods_left > 0
    priced = billing.price(ctx, cfg, coupon if applies else None)
    draft = billing.settle(ctx, sub.customer_id, billing.recurring(
        priced, start, period_bounds(start, cfg.billing_period, 0)[1]))
    if not draft.lines or (draft.subtotal_minor == 0 and draft.total_minor == 0):
        return None
    public = billing.draft_public(draft, ctx.locale)
    return UpcomingBill(date=start, total=public.total, lines=public.lines)


def _names(pw: Paywall) -> dict[str, str]:
    return {p.id: p.display_name for p in pw.plans} | {a.id: a.display_name for a in pw.addons}


def _units(pw: Paywall) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for item in [*pw.plans, *pw.addons]:
        for price in item.prices:
            for c in price.components:
                if c.feature_id:
                    out[c.feature_id] = (c.unit or c.feature_id, c.unit_plural or c.feature_id)
    return out


def _quantity_labels(quantities: dict[str, int], pw: Paywall, locale: str) -> list[str]:
    units = _units(pw)
    labels = []
    for feature, qty in quantities.items():
        one, many = units.get(feature, (feature, feature))
        labels.append(f"{format_decimal(qty, locale=locale)} {one if qty == 1 else many}")
    return labels


def _scheduled(sub: Subscription, pw: Paywall, locale: str) -> list[ScheduledUpdate]:
    end = sub.current_period_end or now()
    if sub.cancel_at_period_end:
        return [ScheduledUpdate(kind="cancellation", description="Cancel the subscription",
                                effective_at=end)]
    change = sub.scheduled_change
    if not change:
        return []
    names, out = _names(pw), []
    if change["plan_id"] != sub.plan.ref:
        name = names.get(change["plan_id"], change["plan_id"])
        out.append(ScheduledUpdate(kind="plan", description=f"Change to the {name} plan",
                                   effective_at=end))
    if change["billing_period"] != sub.billing_period:
        out.append(ScheduledUpdate(
            kind="billing_period", effective_at=end,
            description=f"Change from {PERIOD_WORDS[sub.billing_period]} to "
                        f"{PERIOD_WORDS[change['billing_period']]} billing"))
    new_q = dict(change.get("quantities") or {})
    if change["plan_id"] == sub.plan.ref and new_q != (sub.quantities or {}):
        for label in _quantity_labels(new_q, pw, locale):
            out.append(ScheduledUpdate(kind="quantity", description=f"Change to {label}",
                                       effective_at=end))
    old_addons = {a["addon_id"]: a["quantity"] for a in sub.addons or []}
    new_addons = {a["addon_id"]: a["quantity"] for a in change.get("addons") or []}
    if new_addons != old_addons:
        words = ", ".join(f"{q} × {names.get(a, a)}" for a, q in new_addons.items()) or "none"
        out.append(ScheduledUpdate(kind="addons", description=f"Add-ons: {words}",
                                   effective_at=end))
    return out


def _days_left(until: datetime | None) -> int | None:
    if until is None:
        return None
    return max(0, math.ceil((until - now()).total_seconds() / 86400))


def _subscription(ctx: Ctx, sub: Subscription, pw: Paywall) -> PortalSubscription:
    current: PaywallPlan | None = next((p for p in pw.plans if p.id == sub.plan.ref), None)
    addons_by_id = {a.id: a for a in pw.addons}
    coupon = billing.coupon_by_ref(ctx, sub.coupon_ref)
    return PortalSubscription(
        id=sub.ref, plan_id=sub.plan.ref, plan_name=sub.plan.display_name,
        plan_version=sub.plan.version, pricing_type=sub.plan.pricing_type,
        status=sub.status,  # type: ignore[arg-type]
        billing_period=sub.billing_period,  # type: ignore[arg-type]
        currency=sub.currency, trial_end=sub.trial_end,
        trial_days_left=_days_left(sub.trial_end) if sub.status == "trialing" else None,
        current_period_start=sub.current_period_start, current_period_end=sub.current_period_end,
        quantities=dict(sub.quantities or {}),
        quantity_labels=_quantity_labels(dict(sub.quantities or {}), pw, ctx.locale),
        addons=[PortalAddon(id=a["addon_id"], quantity=a["quantity"],
                            display_name=getattr(addons_by_id.get(a["addon_id"]), "display_name",
                                                 a["addon_id"]),
                            entitlements=getattr(addons_by_id.get(a["addon_id"]), "entitlements",
                                                 []))
                for a in sub.addons or []],
        coupon=PortalCoupon(code=coupon.code, name=coupon.name,
                            periods_left=sub.coupon_periods_left) if coupon else None,
        cancel_at_period_end=sub.cancel_at_period_end, upcoming_bill=_upcoming(ctx, sub),
        scheduled=_scheduled(sub, pw, ctx.locale),
        entitlements=current.entitlements if current else [],
    )


def _promotions(ctx: Ctx, customer: Customer) -> list[PortalPromotion]:
    repo = EntitlementRepository(ctx.session, ctx.env)
    features = {f.id: f for f in repo.features().values()}
    out = []
    for p in repo.promotions(customer.id, now()):
        feature = features.get(p.feature_id)
        if feature is None:
            continue
        ent = EntitlementPublic(feature_id=feature.ref, limit=p.limit, unlimited=p.unlimited,
                                soft_limit=p.soft_limit, reset_period=p.reset_period,
                                enum_values=p.enum_values)
        out.append(PortalPromotion(id=p.ref, feature_id=feature.ref, ends_at=p.ends_at,
                                   label=entitlement_label(ent, catalog.feature_public(feature),
                                                           ctx.locale)))
    return out


def build_portal(request: Request, ctx: Ctx, customer: Customer, product_id: str) -> Portal:
    """The portal of one product for one customer."""
    product = CatalogRepository(ctx.session, ctx.env).product(product_id)
    if product is None or product.archived_at is not None:
        raise NotFound(f"No product '{product_id}' in this environment")
    rendered = paywall_service.render_paywall(
        ctx.session, ctx.env, request.app.state.settings, request.app.state.paywall_cache,
        product_id=product_id, customer_id=customer.ref, currency=None, country=None,
        locale=ctx.locale, may_read_customer=True)
    pw = Paywall.model_validate_json(rendered.body)
    sub = CustomerRepository(ctx.session, ctx.env).live_subscription(customer.id, product.id)
    fallback = ending.fallback_plan(ctx, sub) if sub is not None else None
    method = PaymentRepository(ctx.session, ctx.env).default_method(customer.id)
    return Portal(
        customer=PortalCustomer(id=customer.ref, name=customer.name, email=customer.email),
        product=pw.product,
        subscription=_subscription(ctx, sub, pw) if sub is not None else None,
        fallback_plan_name=fallback.display_name if fallback else None,
        default_payment_method=payments.method_public(method, customer) if method else None,
        credit_balance=credit_balances(ctx, customer).data,
        promotions=_promotions(ctx, customer),
        cancel_reasons=[CancelReasonOption(value=k, label=v)
                        for k, v in CANCEL_REASON_LABELS.items()],
    )


@router.get("/portal", response_model=Portal)
def get_my_portal(request: Request, me: Reader,
                  product_id: Annotated[str, Query(max_length=128)]):
    """The customer portal of a product for the token's customer."""
    ctx, customer = me
    return build_portal(request, ctx, customer, product_id)
