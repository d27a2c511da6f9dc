"""The catalog: products, features, and packages (plans and add-ons) with entitlements and prices."""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.models.base import Base, BigId, EnvironmentScoped, Timestamps


class Product(Base, EnvironmentScoped, Timestamps):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(128))
    display_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)


class Feature(Base, EnvironmentScoped, Timestamps):
    __tablename__ = "features"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(128))
    display_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    type: Mapped[str] = mapped_column(String(16))
    meter_type: Mapped[str | None] = mapped_column(String(16), default=None)
    unit: Mapped[str | None] = mapped_column(String(64), default=None)
    unit_plural: Mapped[str | None] = mapped_column(String(64), default=None)
    enum_values: Mapped[list[str] | None] = mapped_column(default=None)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)


class Package(Base, EnvironmentScoped, Timestamps):
    """A plan or an add-on: a named bundle of entitlements with prices."""

    __tablename__ = "packages"
    __table_args__ = (UniqueConstraint("environment_id", "kind", "ref", "version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    ref: Mapped[str] = mapped_column(String(128))
    product_id: Mapped[int] = mapped_column(BigId, ForeignKey("products.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    highlighted: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    pricing_type: Mapped[str] = mapped_column(String(8), default="paid")
    base_plan_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("packages.id"), default=None)
    trial_days: Mapped[int | None] = mapped_column(Integer, default=None)
    trial_requires_payment_method: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="published")
    published_at: Mapped[datetime | None] = mapped_column(default=None)
    requires_addon_ids: Mapped[list[str]] = mapped_column(default=list)
    max_quantity: Mapped[int | None] = mapped_column(Integer, default=None)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)

    product: Mapped[Product] = relationship(lazy="joined")
    base_plan: Mapped["Package | None"] = relationship(remote_side=[id], lazy="select")
    entitlements: Mapped[list["PackageEntitlement"]] = relationship(
        cascade="all, delete-orphan", order_by="PackageEntitlement.sort_order"
    )
    prices: Mapped[list["PackagePrice"]] = relationship(
        cascade="all, delete-orphan", order_by="PackagePrice.id"
    )
    compatible_addons: Mapped[list["Package"]] = relationship(
        secondary="plan_addons",
        primaryjoin="Package.id == plan_addons.c.plan_id",
        secondaryjoin="Package.id == plan_addons.c.addon_id",
    )


class PlanAddon(Base):
    __tablename__ = "plan_addons"

    plan_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("packages.id", ondelete="CASCADE"), primary_key=True
    )
    addon_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("packages.id", ondelete="CASCADE"), primary_key=True
    )


class PackageEntitlement(Base):
    __tablename__ = "package_entitlements"
    __table_args__ = (UniqueConstraint("package_id", "feature_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("packages.id", ondelete="CASCADE"), index=True
    )
    feature_id: Mapped[int] = mapped_column(BigId, ForeignKey("features.id"))
    limit: Mapped[int | None] = mapped_column("usage_limit", BigInteger, default=None)
    unlimited: Mapped[bool] = mapped_column(Boolean, default=False)
    soft_limit: Mapped[bool] = mapped_column(Boolean, default=False)
    reset_period: Mapped[str | None] = mapped_column(String(16), default=None)
    enum_values: Mapped[list[str] | None] = mapped_column(default=None)
    display_name_override: Mapped[str | None] = mapped_column(String(200), default=None)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    feature: Mapped[Feature] = relationship(lazy="joined")


class PackagePrice(Base):
    """One price of a package; `spec` holds the validated `backend.pricing.model.PriceSpec`."""

    __tablename__ = "package_prices"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("packages.id", ondelete="CASCADE"), index=True
    )
    billing_period: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    country: Mapped[str | None] = mapped_column(String(8), default=None)
    model: Mapped[str] = mapped_column(String(16), default="flat")
    spec: Mapped[dict[str, Any]] = mapped_column(default=dict)
