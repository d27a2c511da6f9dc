"""Pure assembly of a paywall from catalog values (no I/O): prices, savings, labels, actions."""

from collections.abc import Sequence
from dataclasses import dataclass

from backend.catalog.schemas import (
    AddonPublic,
    EntitlementPublic,
    FeaturePublic,
    PlanPublic,
    ProductPublic,
)
from backend.entitlements.resolver import Resolved, inherit
from backend.paywall.labels import entitlement_label
from backend.paywall.prices import period_price
from backend.paywall.schemas import (
    Paywall,
    PaywallAddon,
    PaywallCustomer,
    PaywallEntitlement,
    PaywallPlan,
    PaywallPrice,
    PaywallProduct,
    PlanAction,
)
from backend.pricing.localisation import applicable
from backend.pricing.model import PriceSpec
from backend.pricing.recurring import annual_savings_percent

PERIODS = ("monthly", "quarterly", "annual")


@dataclass(frozen=True)
class CustomerContext:
    id: str
    name: str | None
    plan_id: str | None
    billing_period: str | None
    status: str | None
    trial_used: bool = False  # one trial per customer per product


def _prices(prices: Sequence[PriceSpec], currency: str, country: str | None, locale: str,
            features: dict[str, FeaturePublic]) -> list[PaywallPrice]:
    chosen = [p for p in applicable(prices, country) if p.currency == currency]
    by_period = [[p for p in chosen if p.billing_period == period] for period in PERIODS]
    return [period_price(specs, features, locale) for specs in by_period if specs]


def _savings(prices: list[PaywallPrice]) -> int:
    by_period = {p.billing_period: p.amount.amount_minor for p in prices}
    if "monthly" in by_period and "annual" in by_period:
        return annual_savings_percent(by_period["monthly"], by_period["annual"])
    return 0


def resolve_plan_entitlements(plan: PlanPublic, plans_by_id: dict[str, PlanPublic]) -> list[Resolved]:
    """The plan's entitlements including everything inherited from its base plans."""
    chain: list[PlanPublic] = []
    cursor: PlanPublic | None = plan
    while cursor is not None and cursor not in chain:
        chain.append(cursor)
        cursor = plans_by_id.get(cursor.base_plan_id) if cursor.base_plan_id else None
    resolved: list[Resolved] = []
    for ancestor in reversed(chain[1:]):
        resolved = [Resolved(r.entitlement, True) for r in inherit(resolved, ancestor.entitlements)]
    return inherit(resolved, plan.entitlements)


def _entitlement(e: EntitlementPublic, inherited: bool, feature: FeaturePublic, locale: str) -> PaywallEntitlement:
    return PaywallEntitlement(
        feature_id=feature.id, feature_name=feature.display_name, feature_type=feature.type,
        unit=feature.unit, unit_plural=feature.unit_plural, limit=e.limit, unlimited=e.unlimited,
        enum_values=e.enum_values, reset_period=e.reset_period,
        label=entitlement_label(e, feature, locale), inherited=inherited,
    )


def plan_action(plan: PlanPublic, period: str, order_of: dict[str, int],
                customer: CustomerContext | None) -> PlanAction:
    """What a plan card's button does for a visitor or customer, for one billing period."""
    current = customer.plan_id if customer and customer.status else None
    if current == plan.id:
        same_period = plan.pricing_type != "paid" or customer.billing_period == period  # type: ignore[union-attr]
        return PlanAction(intent="current", enabled=False) if same_period else PlanAction(intent="switch_period")
    if plan.pricing_type == "custom":
        return PlanAction(intent="contact_us")
    if current is None:
        trial = plan.trial_days and not (customer and customer.trial_used)
        return PlanAction(intent="start_trial" if trial else "subscribe")
    if plan.order < order_of.get(current, plan.order):
        return PlanAction(intent="downgrade")
    return PlanAction(intent="upgrade")


def build_paywall(
    product: ProductPublic,
    plans: list[PlanPublic],
    addons: list[AddonPublic],
    features: dict[str, FeaturePublic],
    currency: str,
    locale: str,
    customer: CustomerContext | None = None,
    country: str | None = None,
) -> Paywall:
    """Everything a pricing table shows for a product in one currency and locale.

    `plans` may include archived plans: they are never shown, but their entitlements still pass
    to the plans that inherit from them, and their order still ranks a customer's current plan.
    """
    plans_by_id = {p.id: p for p in plans}
    order_of = {p.id: p.order for p in plans}
    current_id = customer.plan_id if customer else None
    visible = sorted(
        (p for p in plans if not p.archived and (not p.hidden or p.id == current_id)),
        key=lambda p: (p.order, p.id),
    )
    # Paid plans without a price in this currency are left out too.
    shown = [p for p in visible
             if p.pricing_type != "paid" or _prices(p.prices, currency, country, locale, features)]
    shown_ids = {p.id for p in shown}
    addon_by_id = {a.id: a for a in addons
                   if not a.archived and _prices(a.prices, currency, country, locale, features)}
    prices_of = {p.id: _prices(p.prices, currency, country, locale, features) for p in shown}
    # Free and custom plans act on the periods the paid plans offer (all of them if none do).
    paid_periods = [period for period in PERIODS if any(
        pr.billing_period == period for p in shown if p.pricing_type == "paid" for pr in prices_of[p.id])]
    out_plans: list[PaywallPlan] = []
    for plan in shown:
        prices = prices_of[plan.id]
        periods = ([p.billing_period for p in prices] if plan.pricing_type == "paid"
                   else paid_periods or list(PERIODS))
        # "Everything in X" only names a plan on the page; otherwise every line is listed.
        base = plans_by_id.get(plan.base_plan_id) if plan.base_plan_id in shown_ids else None
        out_plans.append(PaywallPlan(
            id=plan.id, display_name=plan.display_name, description=plan.description,
            order=plan.order, highlighted=plan.highlighted, pricing_type=plan.pricing_type,
            base_plan_id=base.id if base else None, base_plan_name=base.display_name if base else None,
            trial_days=plan.trial_days, prices=prices,
            entitlements=[
                _entitlement(r.entitlement, r.inherited and base is not None,
                             features[r.entitlement.feature_id], locale)
                for r in resolve_plan_entitlements(plan, plans_by_id)
                if not r.entitlement.hidden and r.entitlement.feature_id in features
            ],
            compatible_addon_ids=_buyable_addons(plan, addon_by_id),
            is_current=plan.id == current_id,
            actions={period: plan_action(plan, period, order_of, customer) for period in periods},
            savings_percent=_savings(prices),
        ))
    offered = [period for period in PERIODS if any(period in p.actions and p.pricing_type == "paid" for p in out_plans)]
    billing_periods = offered or ["monthly"]
    used_addons = {a for p in out_plans for a in p.compatible_addon_ids}
    return Paywall(
        product=PaywallProduct(id=product.id, display_name=product.display_name, description=product.description),
        currency=currency, locale=locale, billing_periods=billing_periods,
        default_billing_period=_default_period(billing_periods, customer),
        savings_percent=max((p.savings_percent for p in out_plans), default=0),
        plans=out_plans,
        addons=[
            PaywallAddon(
                id=a.id, display_name=a.display_name, description=a.description,
                max_quantity=a.max_quantity, prices=_prices(a.prices, currency, country, locale, features),
                entitlements=[_entitlement(e, False, features[e.feature_id], locale)
                              for e in a.entitlements if not e.hidden and e.feature_id in features],
            )
            for a in addon_by_id.values()
            if a.id in used_addons
        ],
        customer=PaywallCustomer(
            id=customer.id, name=customer.name, current_plan_id=customer.plan_id,
            current_billing_period=customer.billing_period, subscription_status=customer.status,
        ) if customer else None,
    )


def _buyable_addons(plan: PlanPublic, addon_by_id: dict[str, AddonPublic]) -> list[str]:
    """The plan's add-ons on offer whose required add-ons are on offer for the plan too."""
    ids = [a for a in plan.compatible_addon_ids if a in addon_by_id]
    while True:
        kept = [a for a in ids if all(r in ids for r in addon_by_id[a].requires_addon_ids)]
        if kept == ids:
            return ids
        ids = kept


def _default_period(periods: list[str], customer: CustomerContext | None) -> str:
    if customer and customer.billing_period in periods:
        return customer.billing_period  # type: ignore[return-value]
    return "annual" if "annual" in periods else periods[0]
