"""Loads what the paywall builder needs and picks currency and locale."""

from sqlalchemy.orm import Session

from backend.catalog import service as catalog
from backend.catalog.repository import CatalogRepository
from backend.config import get_settings
from backend.customers.repository import CustomerRepository
from backend.errors import Forbidden, Invalid, NotFound
from backend.kit.money import is_currency, normalize_locale
from backend.kit.regions import currencies_of, is_country
from backend.paywall.builder import CustomerContext, build_paywall
from backend.paywall.schemas import Paywall


def _pick_currency(wanted: str | None, subscribed: str | None, country: str | None,
                   offered: list[str]) -> str:
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
    default = get_settings().default_currency
    if default in offered or not offered:
        return default
    return offered[0]


def get_paywall(
    session: Session, environment_id: int, *, product_id: str, customer_id: str | None,
    currency: str | None, country: str | None, locale: str | None, may_read_customer: bool,
) -> Paywall:
    """The paywall of a product, for an anonymous visitor or (with a secret key) a customer."""
    if currency is not None:
        currency = currency.upper()
        if not is_currency(currency):
            raise Invalid(f"'{currency}' is not an ISO 4217 currency code", field="currency")
    if country is not None:
        country = country.upper()
        if not is_country(country):
            raise Invalid(f"'{country}' is not an ISO 3166-1 alpha-2 code", field="country")
    repo = CatalogRepository(session, environment_id)
    product = repo.product(product_id)
    if product is None or product.archived_at is not None:
        raise NotFound(f"No product '{product_id}' in this environment")
    plans = repo.product_packages(product.id, "plan")
    addons = repo.product_packages(product.id, "addon")

    context, subscribed_currency, customer_locale = None, None, None
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
        customer_locale = customer.locale

    offered = sorted({p.currency for pkg in plans for p in pkg.prices})
    chosen_currency = _pick_currency(currency, subscribed_currency, country, offered)
    chosen_locale = normalize_locale(locale or customer_locale, get_settings().default_locale)
    features = {
        e.feature.ref: catalog.feature_public(e.feature)
        for pkg in [*plans, *addons] for e in pkg.entitlements
    }
    return build_paywall(
        product=catalog.product_public(product),
        plans=[catalog.plan_public(p) for p in plans],
        addons=[catalog.addon_public(a) for a in addons],
        features=features, currency=chosen_currency, locale=chosen_locale, customer=context,
    )
