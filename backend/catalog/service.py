"""Catalog rules: references must exist in the environment, entitlements must fit their feature."""

from collections.abc import Iterable

from backend.catalog.repository import CatalogRepository
from backend.catalog.schemas import (
    AddonCreate,
    AddonPublic,
    AddonUpdate,
    EntitlementIn,
    FeatureCreate,
    FeaturePublic,
    FeatureUpdate,
    PlanCreate,
    PlanPublic,
    PlanUpdate,
    PriceIn,
    PricePublic,
    ProductCreate,
    ProductPublic,
    ProductSettings,
    ProductUpdate,
    check_prices_for_pricing_type,
)
from backend.errors import Conflict, Invalid, NotFound
from backend.kit.clock import now
from backend.kit.money import from_minor
from backend.kit.patch import apply_changes, archive
from backend.models import Feature, Package, PackageEntitlement, PackagePrice, Product

PLAN, ADDON = "plan", "addon"


# -- conversions ------------------------------------------------------------------------------
def product_public(p: Product) -> ProductPublic:
    return ProductPublic(
        id=p.ref, display_name=p.display_name, description=p.description,
        settings=ProductSettings.model_validate(p.settings or {}), metadata=p.meta,
        archived=p.archived_at is not None, created_at=p.created_at, updated_at=p.updated_at,
    )


def feature_public(f: Feature) -> FeaturePublic:
    return FeaturePublic(
        id=f.ref, display_name=f.display_name, description=f.description, type=f.type,
        meter_type=f.meter_type, unit=f.unit, unit_plural=f.unit_plural,
        enum_values=f.enum_values, metadata=f.meta, archived=f.archived_at is not None,
        created_at=f.created_at, updated_at=f.updated_at,
    )


def entitlements_public(pkg: Package) -> list[dict]:
    """A package's own entitlements as API dicts (feature refs, not ids)."""
    return [
        {
            "feature_id": e.feature.ref, "limit": e.limit, "unlimited": e.unlimited,
            "soft_limit": e.soft_limit, "reset_period": e.reset_period,
            "enum_values": e.enum_values, "display_name": e.display_name_override,
            "hidden": e.hidden,
        }
        for e in pkg.entitlements
    ]


def price_public(spec: dict) -> PricePublic:
    """A stored price spec as the API shows it (with its whole amount in major units)."""
    minor = spec.get("amount_minor")
    amount = str(from_minor(minor, spec["currency"])) if minor is not None else None
    return PricePublic.model_validate({**spec, "amount": amount})


def _prices_public(pkg: Package) -> list[PricePublic]:
    return [price_public(p.spec) for p in pkg.prices]


def plan_public(pkg: Package) -> PlanPublic:
    return PlanPublic(
        id=pkg.ref, product_id=pkg.product.ref, display_name=pkg.display_name,
        description=pkg.description, order=pkg.sort_order, highlighted=pkg.highlighted,
        hidden=pkg.hidden, pricing_type=pkg.pricing_type,
        base_plan_id=pkg.base_plan.ref if pkg.base_plan else None, trial_days=pkg.trial_days,
        trial_requires_payment_method=pkg.trial_requires_payment_method, version=pkg.version,
        status=pkg.status, published_at=pkg.published_at,
        compatible_addon_ids=[a.ref for a in pkg.compatible_addons],
        entitlements=entitlements_public(pkg), prices=_prices_public(pkg), metadata=pkg.meta,
        archived=pkg.archived_at is not None, created_at=pkg.created_at, updated_at=pkg.updated_at,
    )


def addon_public(pkg: Package) -> AddonPublic:
    return AddonPublic(
        id=pkg.ref, product_id=pkg.product.ref, display_name=pkg.display_name,
        description=pkg.description, max_quantity=pkg.max_quantity,
        requires_addon_ids=list(pkg.requires_addon_ids or []),
        entitlements=entitlements_public(pkg), prices=_prices_public(pkg), metadata=pkg.meta,
        archived=pkg.archived_at is not None, created_at=pkg.created_at, updated_at=pkg.updated_at,
    )


# -- lookups ------------------------------------------------------------------------------------
def get_product(repo: CatalogRepository, ref: str, *, field: str | None = None) -> Product:
    product = repo.product(ref)
    if product is None:
        if field:
            raise Invalid(f"No product '{ref}' in this environment", field=field)
        raise NotFound(f"No product '{ref}' in this environment")
    return product


def get_feature(repo: CatalogRepository, ref: str) -> Feature:
    feature = repo.feature(ref)
    if feature is None:
        raise NotFound(f"No feature '{ref}' in this environment")
    return feature


def get_package(repo: CatalogRepository, kind: str, ref: str) -> Package:
    pkg = repo.package(kind, ref)
    if pkg is None:
        raise NotFound(f"No {'add-on' if kind == ADDON else kind} '{ref}' in this environment")
    return pkg


# -- products -----------------------------------------------------------------------------------
def create_product(repo: CatalogRepository, body: ProductCreate) -> Product:
    if repo.product(body.id) is not None:
        raise Conflict(f"A product with id '{body.id}' already exists")
    product = Product(
        environment_id=repo.env, ref=body.id, display_name=body.display_name,
        description=body.description, meta=body.metadata,
        settings=body.settings.model_dump(),
    )
    if body.settings.fallback_plan_id:
        raise Invalid("A new product has no plans yet; set the fallback plan once it exists",
                      field="settings.fallback_plan_id")
    repo.add(product)
    return product


def update_product(repo: CatalogRepository, ref: str, body: ProductUpdate) -> Product:
    product = get_product(repo, ref)
    changes = body.model_dump(exclude_unset=True)
    if "settings" in changes:  # a PATCH of settings keeps the settings it leaves out
        stored = ProductSettings.model_validate(product.settings or {}).model_dump()
        changes["settings"] = {**stored, **changes["settings"]}
    fallback = (changes.get("settings") or {}).get("fallback_plan_id")
    if fallback:
        plan = repo.package(PLAN, fallback)
        if plan is None or plan.product_id != product.id:
            raise Invalid(f"No plan '{fallback}' in this product", field="settings.fallback_plan_id")
        if plan.pricing_type != "free":
            raise Invalid("The fallback plan must be a free plan", field="settings.fallback_plan_id")
    apply_changes(product, changes)
    return product


def archive_product(repo: CatalogRepository, ref: str) -> Product:
    return archive(get_product(repo, ref))


# -- features -----------------------------------------------------------------------------------
def create_feature(repo: CatalogRepository, body: FeatureCreate) -> Feature:
    if repo.feature(body.id) is not None:
        raise Conflict(f"A feature with id '{body.id}' already exists")
    feature = Feature(
        environment_id=repo.env, ref=body.id, display_name=body.display_name,
        description=body.description, type=body.type, meter_type=body.meter_type,
        unit=body.unit, unit_plural=body.unit_plural, enum_values=body.enum_values,
        meta=body.metadata,
    )
    repo.add(feature)
    return feature


def update_feature(repo: CatalogRepository, ref: str, body: FeatureUpdate) -> Feature:
    feature = get_feature(repo, ref)
    changes = body.model_dump(exclude_unset=True)
    if "enum_values" in changes:
        values = changes["enum_values"]
        if feature.type != "enum":
            raise Invalid("Only enum features have values", field="enum_values")
        if not values or len(set(values)) != len(values):
            raise Invalid("An enum feature needs unique values", field="enum_values")
    if feature.type == "boolean" and (changes.get("unit") or changes.get("unit_plural")):
        raise Invalid("Boolean features have no unit", field="unit")
    apply_changes(feature, changes)
    return feature


def archive_feature(repo: CatalogRepository, ref: str) -> Feature:
    return archive(get_feature(repo, ref))


# -- packages -----------------------------------------------------------------------------------
def _check_entitlement(e: EntitlementIn, f: Feature, path: str) -> None:
    numeric = f.type in ("configuration", "metered")
    if f.type == "boolean" and (e.limit is not None or e.unlimited or e.enum_values):
        raise Invalid(f"'{f.ref}' is a boolean feature: no limit or values", field=path)
    if numeric and e.limit is None and not e.unlimited:
        raise Invalid(f"'{f.ref}' needs a limit or unlimited=true", field=f"{path}.limit")
    if numeric and e.enum_values:
        raise Invalid(f"'{f.ref}' is numeric: no enum values", field=f"{path}.enum_values")
    if f.type != "metered" and (e.reset_period or e.soft_limit):
        raise Invalid(f"'{f.ref}' is not metered: no reset period or soft limit", field=path)
    if f.type == "enum":
        if not e.enum_values:
            raise Invalid(f"'{f.ref}' is an enum feature: give enum_values", field=f"{path}.enum_values")
        unknown = sorted(set(e.enum_values) - set(f.enum_values or []))
        if unknown:
            raise Invalid(f"'{f.ref}' has no values {unknown}", field=f"{path}.enum_values")
        if e.limit is not None or e.unlimited:
            raise Invalid(f"'{f.ref}' is an enum feature: no limit", field=f"{path}.limit")


def _entitlement_rows(repo: CatalogRepository, items: Iterable[EntitlementIn]) -> list[PackageEntitlement]:
    items = list(items)
    features = repo.features_by_ref({e.feature_id for e in items})
    rows = []
    for i, e in enumerate(items):
        path = f"entitlements.{i}"
        f = features.get(e.feature_id)
        if f is None:
            raise Invalid(f"No feature '{e.feature_id}' in this environment", field=f"{path}.feature_id")
        if f.archived_at is not None:
            raise Invalid(f"Feature '{e.feature_id}' is archived", field=f"{path}.feature_id")
        _check_entitlement(e, f, path)
        rows.append(PackageEntitlement(
            feature_id=f.id, feature=f, limit=e.limit, unlimited=e.unlimited,
            soft_limit=e.soft_limit, reset_period=e.reset_period, enum_values=e.enum_values,
            display_name_override=e.display_name, hidden=e.hidden, sort_order=i,
        ))
    return rows


PRICE_FEATURE_TYPES = {
    # per_unit is priced by a quantity (seats...): a metered feature is priced by usage instead
    "per_unit": ("configuration",), "tiered": ("configuration", "metered"),
    "package": ("configuration", "metered"), "usage": ("metered",), "overage": ("metered",),
}


def _price_rows(repo: CatalogRepository, prices: Iterable[PriceIn]) -> list[PackagePrice]:
    prices = list(prices)
    features = repo.features_by_ref({p.feature_id for p in prices if p.feature_id})
    rows = []
    for i, p in enumerate(prices):
        if p.feature_id is not None:
            f = features.get(p.feature_id)
            path = f"prices.{i}.feature_id"
            if f is None or f.archived_at is not None:
                raise Invalid(f"No live feature '{p.feature_id}' in this environment", field=path)
            allowed = PRICE_FEATURE_TYPES.get(p.model, ())
            if allowed and f.type not in allowed:
                raise Invalid(f"A {p.model} price needs a {' or '.join(allowed)} feature; "
                              f"'{f.ref}' is {f.type}", field=path)
        rows.append(PackagePrice(
            billing_period=p.billing_period, currency=p.currency, country=p.country,
            model=p.model, spec=p.model_dump(mode="json", exclude_none=True),
        ))
    return rows


def resolve_base_plan(repo: CatalogRepository, plan: Package | None, product: Product, ref: str) -> Package:
    base = repo.package(PLAN, ref)
    if base is None:
        raise Invalid(f"No plan '{ref}' in this environment", field="base_plan_id")
    if base.product_id != product.id:
        raise Invalid("The base plan must belong to the same product", field="base_plan_id")
    seen, cursor = set(), base
    while cursor is not None:  # by ref: `plan` may be a draft of a plan the chain reaches
        if plan is not None and cursor.ref == plan.ref:
            raise Invalid("A plan cannot inherit from itself, directly or not", field="base_plan_id")
        if cursor.id in seen:
            break
        seen.add(cursor.id)
        cursor = cursor.base_plan
    return base


def _resolve_addons(repo: CatalogRepository, product: Product, refs: list[str],
                    field: str = "compatible_addon_ids") -> list[Package]:
    found = repo.packages_by_ref(ADDON, set(refs))
    addons = []
    for i, ref in enumerate(refs):
        addon = found.get(ref)
        if addon is None:
            raise Invalid(f"No add-on '{ref}' in this environment", field=f"{field}.{i}")
        if addon.product_id != product.id:
            raise Invalid(f"Add-on '{ref}' belongs to another product", field=f"{field}.{i}")
        addons.append(addon)
    return addons


def create_plan(repo: CatalogRepository, body: PlanCreate) -> Package:
    if repo.package(PLAN, body.id) is not None:
        raise Conflict(f"A plan with id '{body.id}' already exists")
    product = get_product(repo, body.product_id, field="product_id")
    plan = Package(
        environment_id=repo.env, kind=PLAN, ref=body.id, product_id=product.id, product=product,
        display_name=body.display_name, description=body.description, sort_order=body.order,
        highlighted=body.highlighted, hidden=body.hidden, pricing_type=body.pricing_type,
        trial_days=body.trial_days, trial_requires_payment_method=body.trial_requires_payment_method,
        meta=body.metadata, published_at=now(),
        entitlements=_entitlement_rows(repo, body.entitlements), prices=_price_rows(repo, body.prices),
        compatible_addons=_resolve_addons(repo, product, body.compatible_addon_ids),
    )
    if body.base_plan_id:
        plan.base_plan = resolve_base_plan(repo, None, product, body.base_plan_id)
    repo.add(plan)
    return plan


def apply_plan_update(repo: CatalogRepository, plan: Package, body: PlanUpdate) -> Package:
    """Apply a PATCH to one plan row (a draft: see `catalog.versioning.update_plan`)."""
    changes = body.model_dump(exclude_unset=True)
    if "base_plan_id" in changes:
        base_ref = changes.pop("base_plan_id")
        plan.base_plan = resolve_base_plan(repo, plan, plan.product, base_ref) if base_ref else None
    if "compatible_addon_ids" in changes:
        plan.compatible_addons = _resolve_addons(repo, plan.product, changes.pop("compatible_addon_ids") or [])
    _apply_package_changes(repo, plan, body, changes)
    try:
        check_prices_for_pricing_type(plan.pricing_type, plan.prices)  # type: ignore[arg-type]
    except ValueError as exc:
        raise Invalid(str(exc).split(": ", 1)[-1], field="prices") from exc
    return plan


def create_addon(repo: CatalogRepository, body: AddonCreate) -> Package:
    if repo.package(ADDON, body.id) is not None:
        raise Conflict(f"An add-on with id '{body.id}' already exists")
    product = get_product(repo, body.product_id, field="product_id")
    addon = Package(
        environment_id=repo.env, kind=ADDON, ref=body.id, product_id=product.id, product=product,
        display_name=body.display_name, description=body.description, pricing_type="paid",
        max_quantity=body.max_quantity, meta=body.metadata, published_at=now(),
        requires_addon_ids=_required_addons(repo, product, body.id, body.requires_addon_ids),
        entitlements=_entitlement_rows(repo, body.entitlements), prices=_price_rows(repo, body.prices),
    )
    repo.add(addon)
    return addon


def update_addon(repo: CatalogRepository, ref: str, body: AddonUpdate) -> Package:
    addon = get_package(repo, ADDON, ref)
    changes = body.model_dump(exclude_unset=True)
    if "requires_addon_ids" in changes:
        changes["requires_addon_ids"] = _required_addons(
            repo, addon.product, addon.ref, changes["requires_addon_ids"] or [])
    _apply_package_changes(repo, addon, body, changes)
    return addon


def _required_addons(repo: CatalogRepository, product: Product, own_ref: str, refs: list[str]) -> list[str]:
    """Add-ons this add-on depends on: existing, of the same product, not itself."""
    for i, ref in enumerate(refs):
        if ref == own_ref:
            raise Invalid("An add-on cannot require itself", field=f"requires_addon_ids.{i}")
    _resolve_addons(repo, product, refs, field="requires_addon_ids")
    return list(dict.fromkeys(refs))


def _apply_package_changes(repo: CatalogRepository, pkg: Package, body: PlanUpdate | AddonUpdate,
                           changes: dict) -> None:
    if "entitlements" in changes:
        changes.pop("entitlements")
        rows = _entitlement_rows(repo, body.entitlements or [])
        pkg.entitlements = []
        repo.session.flush()
        pkg.entitlements = rows
    if "prices" in changes:
        changes.pop("prices")
        pkg.prices = []
        repo.session.flush()
        pkg.prices = _price_rows(repo, body.prices or [])
    apply_changes(pkg, changes)
    repo.session.flush()


def archive_package(repo: CatalogRepository, kind: str, ref: str) -> Package:
    return archive(get_package(repo, kind, ref))
