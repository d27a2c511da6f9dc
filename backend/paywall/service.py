"""Loads what the paywall builder needs, picks currency and locale, and caches the result."""

from sqlalchemy.orm import Session

from backend.catalog import service as catalog
from backend.catalog.repository import CatalogRepository
from backend.config import Settings
from backend.customers.repository import CustomerRepository
from backend.errors import Forbidden, Invalid, NotFound
from backend.kit.money import is_currency, normalize_locale
from backend.kit.regions import currencies_of, is_country
from backend.paywall.builder import CustomerContext, build_paywall
from backend.paywall.cache import RenderCache, Rendered


def _pick_currency(wanted: str | None, subscribed: str | None, country: str | None,
                   offered: list[str], default: str) -> str:
    if wanted:
        if offered and wanted not in offered:
            raise Invalid(f"This product has no prices in {wanted}; it offers {', '.join(offered)}",
                          field="currency")
        return wanted
    if subscribed in offered:
        return subscribed  # type: ignore[return-value]
    for currency in currencies_of(country) if country else []:
        if currency in offered:
            return currency
    if default in offered or not offered:
        return default
    return offered[0]


def _validated(currency: str | None, country: str | None) -> tuple[str | None, str | None]:
    if currency is not None:
        currency = currency.upper()
        if not is_currency(currency):
            raise Invalid(f"'{currency}' is not an ISO 4217 currency code", field="currency")
    if country is not None:
        country = country.upper()
        if not is_country(country):
            raise Invalid(f"'{country}' is not an ISO 3166-1 alpha-2 code", field="country")
    return currency, country


def render_paywall(
    session: Session, environment_id: int, settings: Settings, cache: RenderCache, *,
    product_id: str, customer_id: str | None, currency: str | None, country: str | None,
    locale: str | None, may_read_customer: bool,
) -> Rendered:
    """The paywall JSON of a product for a visitor or (with a secret key) a customer.

    Rendered paywalls are cached per catalog revision, so any catalog change is visible at once.
    """
    currency, country = _validated(currency, country)
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
        )
        subscribed_currency = sub.currency if sub else None
        country = country or customer.billing_country
        locale = locale or customer.locale
    chosen_locale = normalize_locale(locale, settings.default_locale)

    def render() -> bytes:
        # Archived plans are never shown, but pass their entitlements to plans inheriting from them.
        plans = repo.product_packages(product.id, "plan", include_archived=True)
        addons = repo.product_packages(product.id, "addon")
        offered = sorted({p.currency for pkg in plans if pkg.archived_at is None for p in pkg.prices})
        chosen = _pick_currency(currency, subscribed_currency, country, offered,
                                settings.default_currency)
        features = {
            e.feature.ref: catalog.feature_public(e.feature)
            for pkg in [*plans, *addons] for e in pkg.entitlements
        }
        return build_paywall(
            product=catalog.product_public(product),
            plans=[catalog.plan_public(p) for p in plans],
            addons=[catalog.addon_public(a) for a in addons],
            features=features, currency=chosen, locale=chosen_locale, customer=context,
        ).model_dump_json().encode()

    key = (environment_id, revision, product_id, currency, country, chosen_locale, context,
           subscribed_currency)
    return cache.get_or_render(key, render)
