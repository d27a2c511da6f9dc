"""Estimates: resolve the plan, add-ons, prices and coupon, then price them exactly."""



from dataclasses import dataclass

from sqlalchemy.orm import Session

from backend.catalog import service as catalog
from backend.catalog.repository import CatalogRepository
from backend.catalog.schemas import AddonPublic, FeaturePublic, PlanPublic
from backend.config import Settings
from backend.coupons import service as coupons
from backend.customers.repository import CustomerRepository
from backend.errors import Forbidden, Invalid, NotFound
from backend.estimates.calculator import Feature, Item, estimate_lines
from backend.estimates.schemas import AppliedCoupon, Estimate, EstimateLine, EstimateRequest
from backend.kit.lru import LruCache
from backend.kit.money import format_unit_amount, normalize_locale
from backend.kit.params import country_param, currency_param
from backend.paywall.prices import money
from backend.paywall.service import pick_currency
from backend.pricing.localisation import applicable, currencies, for_period
from backend.pricing.model import PriceSpec
from backend.pricing.quantity import QuantityError
from backend.pricing.recurring import monthly_equivalent
from backend.pricing.totals import summarize

QUANTITY_MODELS = {"per_unit", "tiered", "package"}


def _specs(prices: list, country: str | None, period: str, currency: str) -> list[PriceSpec]:
    return for_period(applicable(prices, country), period, currency)


@dataclass(frozen=True)
class CatalogSnapshot:
    """What an estimate reads from the catalog, cached per catalog revision."""

    plan: PlanPublic
    addons: dict[str, AddonPublic]  # the live add-ons of the plan's product
    features: dict[str, FeaturePublic]  # every feature a price of these names


def _load_snapshot(repo: CatalogRepository, plan_id: str, version: int | None) -> CatalogSnapshot:
    if version is None:
        row = repo.package("plan", plan_id)
    else:
        row = repo.package_version("plan", plan_id, version)
        if row is not None and row.status == "draft":
            row = None
    if row is None or row.archived_at is not None:
        what = f"version {version} of " if version else "live "
        raise Invalid(f"No {what}plan '{plan_id}' in this environment",
                      field="version" if version else "plan_id")
    addons = {a.ref: catalog.addon_public(a) for a in repo.product_packages(row.product_id, "addon")}
    plan = catalog.plan_public(row)
    prices = [*plan.prices, *(p for a in addons.values() for p in a.prices)]
    refs = {p.feature_id for p in prices if p.feature_id}
    features = {ref: catalog.feature_public(f) for ref, f in repo.features_by_ref(refs).items()}
    return CatalogSnapshot(plan, addons, features)


def load_snapshot(repo: CatalogRepository, cache: LruCache, plan_id: str,
                  version: int | None) -> CatalogSnapshot:
    """The plan, its product's add-ons and their features, as of the current catalog revision."""
    key = ("estimate", repo.env, repo.catalog_revision(), plan_id, version)
    return cache.get_or_compute(key, lambda: _load_snapshot(repo, plan_id, version))


def _addons(snapshot: CatalogSnapshot, body: EstimateRequest, country: str | None,
            currency: str) -> list[tuple[AddonPublic, list[PriceSpec], int]]:
    plan = snapshot.plan
    chosen = [a.addon_id for a in body.addons]
    if len(set(chosen)) != len(chosen):
        raise Invalid("List each add-on once, with a quantity", field="addons")
    out = []
    for i, choice in enumerate(body.addons):
        field = f"addons.{i}"
        addon = snapshot.addons.get(choice.addon_id)
        if addon is None:
            raise Invalid(f"No add-on '{choice.addon_id}' in this environment", field=f"{field}.addon_id")
        if addon.id not in plan.compatible_addon_ids:
            raise Invalid(f"'{addon.display_name}' cannot be added to the {plan.display_name} plan",
                          field=f"{field}.addon_id")
        if addon.max_quantity is not None and choice.quantity > addon.max_quantity:
            raise Invalid(f"At most {addon.max_quantity} of '{addon.display_name}' per subscription",
                          field=f"{field}.quantity")
        missing = [r for r in addon.requires_addon_ids if r not in chosen]
        if missing:
            raise Invalid(f"'{addon.display_name}' requires the add-on(s) {', '.join(missing)}",
                          field=f"{field}.addon_id")
        specs = _specs(addon.prices, country, body.billing_period, currency)
        if not specs:
            raise Invalid(f"'{addon.display_name}' has no {body.billing_period} price in {currency}",
                          field=f"{field}.addon_id")
        out.append((addon, specs, choice.quantity))
    return out


def _check_inputs(body: EstimateRequest, specs: list[PriceSpec], features: dict[str, FeaturePublic]) -> None:
    """Quantities must name features the prices count; usage must name metered features."""
    counted = {s.feature_id for s in specs if s.model in QUANTITY_MODELS
               and features[s.feature_id or ""].type != "metered"}
    metered = {s.feature_id for s in specs if s.feature_id and features[s.feature_id].type == "metered"}
    for key in body.quantities:
        if key not in counted:
            raise Invalid(f"No price here is charged per '{key}'", field=f"quantities.{key}")
    for key, value in body.usage.items():
        if key not in metered:
            raise Invalid(f"No usage price here meters '{key}'", field=f"usage.{key}")
        if value < 0 or not value.is_finite():
            raise Invalid("Usage must be a finite number, zero or more", field=f"usage.{key}")


def estimate(session: Session, environment_id: int, settings: Settings, cache: LruCache,
             body: EstimateRequest, may_read_customer: bool) -> Estimate:
    """What a subscription with these choices is charged, line by line, exactly."""
    repo = CatalogRepository(session, environment_id)
    currency, country = currency_param(body.currency), country_param(body.country)
    locale = body.locale
    if body.customer_id:
        if not may_read_customer:
            raise Forbidden("Estimating for a customer needs a secret key")
        customer = CustomerRepository(session, environment_id).get(body.customer_id)
        if customer is None:
            raise NotFound(f"No customer '{body.customer_id}' in this environment")
        country, locale = country or customer.billing_country, locale or customer.locale
    locale = normalize_locale(locale, settings.default_locale)

    snapshot = load_snapshot(repo, cache, body.plan_id, body.version)
    plan = snapshot.plan
    if plan.pricing_type == "custom":
        raise Invalid(f"The {plan.display_name} plan is priced on request", field="plan_id")
    offered = currencies(applicable(plan.prices, country))
    currency = pick_currency(currency, None, country, offered, settings.default_currency)
    specs = _specs(plan.prices, country, body.billing_period, currency)
    if plan.pricing_type == "paid" and not specs:
        raise Invalid(f"The {plan.display_name} plan has no {body.billing_period} price in {currency}",
                      field="billing_period")
    addons = _addons(snapshot, body, country, currency)
    all_specs = specs + [s for _, addon_specs, _ in addons for s in addon_specs]
    features = snapshot.features
    _check_inputs(body, all_specs, features)

    items = [Item(a.id, a.display_name, s, q) for a, s, q in addons]
    calc_features = {
        f.id: Feature(f.id, f.display_name, f.type == "metered", f.unit, f.unit_plural)
        for f in features.values()
    }
    try:
        lines = estimate_lines(Item(plan.id, plan.display_name, specs), items, calc_features,
                               body.quantities, body.usage)
    except QuantityError as exc:
        raise Invalid(exc.message, field=exc.field) from exc

    discount, applied = None, None
    if body.coupon_code:
        try:
            coupon = coupons.validate_code(session, environment_id, body.coupon_code, plan.id,
                                           currency)
        except coupons.CouponRejected as exc:  # "code" is `coupon_code` in this request
            field = (exc.errors or [{}])[0].get("field")
            raise coupons.CouponRejected(exc.reason, exc.detail, field="coupon_code"
                                         if field in (None, "code") else field) from exc
        discount = coupons.to_discount(coupon)
        applied = AppliedCoupon(code=coupon.code, name=coupon.name, duration=coupon.duration,
                                duration_periods=coupon.duration_periods)
    totals = summarize([il.line for il in lines], discount, currency=currency)

    def m(minor: int):  # noqa: ANN202
        return money(minor, currency, locale)

    return Estimate(
        plan_id=plan.id, plan_version=plan.version, billing_period=body.billing_period,
        currency=currency, country=country, locale=locale,
        lines=[
            EstimateLine(
                description=il.line.description, kind=il.line.kind, model=il.line.model,
                package_id=il.item_id, feature_id=il.line.feature_id, quantity=str(il.line.quantity),
                unit_amount=format_unit_amount(il.line.unit_amount, currency, locale)
                if il.line.unit_amount is not None else None,
                amount=m(il.line.amount_minor),
            )
            for il in lines
        ],
        subtotal=m(totals.subtotal_minor),
        discount=m(totals.discount_minor) if discount else None, coupon=applied,
        total=m(totals.total_minor), usage=m(totals.usage_minor),
        total_with_usage=m(totals.total_minor + totals.usage_minor),
        monthly_equivalent=m(monthly_equivalent(totals.total_minor, body.billing_period)),
        credits_granted=sum(il.line.credits or 0 for il in lines) or None,
    )



