"""Loads what the paywall builder needs, picks currency and locale, and caches the result."""

from sqlalchemy.orm import Session

from backend.catalog import service as catalog
from backend.catalog.repository import CatalogRepository
from backend.config import Settings
from backend.customers.repository import CustomerRepository
from backend.errors import Forbidden, Invalid, NotFound
from backend.kit.money import normalize_locale
from backend.kit.params import country_param, currency_param
from backend.paywall.builder import CustomerContext, build_paywall
from backend.paywall.cache import RenderCache, Rendered
from backend.pricing.localisation import (
    CurrencyUnavailable,
    applicable,
    choose_currency,
    currencies,
)
from backend.themes.repository import ThemeRepository
from backend.themes.service import theme_for


def pick_currency(wanted: str | None, subscribed: str | None, country: str | None,
                  offered: list[str], default: str) -> str:
    """`choose_currency`, with an unavailable currency as a 422 on `currency`."""
    try:
        return choose_currency(wanted, subscribed, country, offered, default)
    except CurrencyUnavailable as exc:
        raise Invalid(str(exc), field="currency") from exc


def render_paywall(
    session: Session, environment_id: int, settings: Settings, cache: RenderCache, *,
    product_id: str, customer_id: str | None, currency: str | None, country: str | None,
    locale: str | None, may_read_customer: bool,
) -> Rendered:
    """The paywall JSON of a product for a visitor or (with a secret key) a customer.

    Rendered paywalls are cached per catalog revision and published theme version, so any
    catalog change or theme publish is visible at once.
    """
    currency, country = currency_param(currency), country_param(country)
    repo = CatalogRepository(session, environment_id)
    found = repo.product_with_revision(product_id)
    if found is None or found[0].archived_at is not None:
        raise NotFound(f"No product '{product_id}' in this environment")
    product, revision = found

    context, subscribed_currency = None, None
    if customer_id:
        if not may_read_customer:
            raise Forbidden("Reading a customer's paywall needs a secret key")
        customers = CustomerRepository(session, environment_id)
        customer = customers.get(customer_id)
        if customer is None:
            raise NotFound(f"No customer '{customer_id}' in this environment")
        sub = customers.live_subscription(customer.id, product.id)
        context = CustomerContext(
            id=customer.ref, name=customer.name, plan_id=sub.plan.ref if sub else None,
            billing_period=sub.billing_period if sub else None, status=sub.status if sub else None,
            trial_used=customers.had_trial(customer.id, product.id),
        )
        subscribed_currency = sub.currency if sub else None
        country = country or customer.billing_country
        locale = locale or customer.locale
    chosen_locale = normalize_locale(locale, settings.default_locale)
    theme = theme_for(ThemeRepository(session, environment_id), "paywall")

    def render() -> bytes:
        # Archived plans are never shown, but pass their entitlements to plans inheriting from them.
        plans = repo.product_packages(product.id, "plan", include_archived=True)
        addons = repo.product_packages(product.id, "addon")
        plans_public = [catalog.plan_public(p) for p in plans]
        live_prices = [pr for p in plans_public if not p.archived for pr in p.prices]
        offered = sorted(currencies(applicable(live_prices, country)))
        chosen = pick_currency(currency, subscribed_currency, country, offered,
                                settings.default_currency)
        features = {
            e.feature.ref: catalog.feature_public(e.feature)
            for pkg in [*plans, *addons] for e in pkg.entitlements
        }
        priced = {pr.spec.get("feature_id") for pkg in [*plans, *addons] for pr in pkg.prices}
        missing = {ref for ref in priced if ref and ref not in features}
        features |= {ref: catalog.feature_public(f) for ref, f in repo.features_by_ref(missing).items()}
        return build_paywall(
            product=catalog.product_public(product), plans=plans_public,
            addons=[catalog.addon_public(a) for a in addons],
            features=features, currency=chosen, locale=chosen_locale, customer=context,
            country=country,
        ).model_copy(update={"theme": theme}).model_dump_json().encode()

    key = (environment_id, revision, product_id, currency, country, chosen_locale, context,
           subscribed_currency, theme.theme_id, theme.version)
    return cache.get_or_render(key, render)
