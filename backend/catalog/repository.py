"""SQL for the catalog."""

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import Environment, Feature, Package, Product

# A package ref has rows per version: at most one published (the live one), older published ones
# superseded, and at most one draft (the next version, being edited).
DRAFT, PUBLISHED, SUPERSEDED = "draft", "published", "superseded"


class CatalogRepository(EnvironmentRepository):
    # products
    def product(self, ref: str) -> Product | None:
        return self.session.scalar(
            select(Product).where(Product.environment_id == self.env, Product.ref == ref)
        )

    def catalog_revision(self) -> int:
        """The environment's catalog revision (bumped by every catalog write)."""
        return self.session.scalar(
            select(Environment.catalog_revision).where(Environment.id == self.env)
        ) or 0

    def product_with_revision(self, ref: str) -> tuple[Product, int] | None:
        """A product and its environment's current catalog revision, in one query."""
        row = self.session.execute(
            select(Product, Environment.catalog_revision)
            .join(Environment, Environment.id == Product.environment_id)
            .where(Product.environment_id == self.env, Product.ref == ref)
        ).first()
        return (row[0], row[1]) if row else None

    def product_by_pk(self, pk: int) -> Product | None:
        return self.session.get(Product, pk)

    def products_page(self, params: PageParams, include_archived: bool):
        stmt: Select = select(Product).where(Product.environment_id == self.env)
        if not include_archived:
            stmt = stmt.where(Product.archived_at.is_(None))
        return paginate(stmt, Product.id, params, self.session)

    # features
    def feature(self, ref: str) -> Feature | None:
        return self.session.scalar(
            select(Feature).where(Feature.environment_id == self.env, Feature.ref == ref)
        )

    def features_by_ref(self, refs: set[str]) -> dict[str, Feature]:
        if not refs:
            return {}
        stmt = select(Feature).where(Feature.environment_id == self.env, Feature.ref.in_(refs))
        return {f.ref: f for f in self.session.scalars(stmt)}

    def features_page(self, params: PageParams, include_archived: bool, type_: str | None):
        stmt: Select = select(Feature).where(Feature.environment_id == self.env)
        if not include_archived:
            stmt = stmt.where(Feature.archived_at.is_(None))
        if type_:
            stmt = stmt.where(Feature.type == type_)
        return paginate(stmt, Feature.id, params, self.session)

    # packages
    def _of(self, kind: str, ref: str) -> Select:
        return select(Package).where(
            Package.environment_id == self.env, Package.kind == kind, Package.ref == ref
        )

    def package(self, kind: str, ref: str) -> Package | None:
        """The live (published) version of a plan or add-on; drafts and old versions never."""
        return self.session.scalar(self._of(kind, ref).where(Package.status == PUBLISHED))

    def package_version(self, kind: str, ref: str, version: int) -> Package | None:
        return self.session.scalar(self._of(kind, ref).where(Package.version == version))

    def package_draft(self, kind: str, ref: str) -> Package | None:
        return self.session.scalar(self._of(kind, ref).where(Package.status == DRAFT))

    def package_versions(self, kind: str, ref: str) -> list[Package]:
        """Every version of a ref, oldest first."""
        return list(self.session.scalars(self._of(kind, ref).order_by(Package.version)))

    def package_versions_page(self, kind: str, ref: str, params: PageParams):
        return paginate(self._of(kind, ref), Package.id, params, self.session)

    def next_version(self, kind: str, ref: str) -> int:
        stmt = select(func.max(Package.version)).where(
            Package.environment_id == self.env, Package.kind == kind, Package.ref == ref
        )
        return (self.session.scalar(stmt) or 0) + 1

    def lock_versions(self, kind: str, ref: str) -> None:
        """Serialise version changes of one ref (PostgreSQL row locks; SQLite has one writer)."""
        self.session.execute(self._of(kind, ref).with_only_columns(Package.id)
                             .order_by(Package.id).with_for_update())

    def inheriting_from(self, base_pk: int) -> list[Package]:
        """Live versions and drafts of the plans whose base plan is the row `base_pk`."""
        stmt = select(Package).where(
            Package.environment_id == self.env, Package.base_plan_id == base_pk,
            Package.status.in_((PUBLISHED, DRAFT)),
        )
        return list(self.session.scalars(stmt))

    def packages_by_ref(self, kind: str, refs: set[str]) -> dict[str, Package]:
        """Live (published) versions by ref."""
        if not refs:
            return {}
        stmt = select(Package).where(
            Package.environment_id == self.env, Package.kind == kind, Package.ref.in_(refs),
            Package.status == PUBLISHED,
        )
        return {p.ref: p for p in self.session.scalars(stmt)}

    def package_by_pk(self, pk: int) -> Package | None:
        return self.session.get(Package, pk)

    def packages_page(
        self, kind: str, params: PageParams, include_archived: bool, product_pk: int | None
    ):
        stmt: Select = select(Package).where(
            Package.environment_id == self.env, Package.kind == kind, Package.status == PUBLISHED
        )
        if not include_archived:
            stmt = stmt.where(Package.archived_at.is_(None))
        if product_pk is not None:
            stmt = stmt.where(Package.product_id == product_pk)
        return paginate(stmt, Package.id, params, self.session)

    def product_packages(self, product_pk: int, kind: str, include_archived: bool = False) -> list[Package]:
        """Live (published; not archived, unless asked) plans or add-ons of a product, in display order."""
        stmt = select(Package).where(
            Package.environment_id == self.env, Package.product_id == product_pk, Package.kind == kind,
            Package.status == PUBLISHED,
        )
        if not include_archived:
            stmt = stmt.where(Package.archived_at.is_(None))
        stmt = stmt.options(
            selectinload(Package.entitlements),
            selectinload(Package.prices),
            selectinload(Package.compatible_addons),
        )
        return list(self.session.scalars(stmt.order_by(Package.sort_order, Package.id)))

    def refs_of(self, pks: set[int]) -> dict[int, str]:
        """Map package primary keys to their refs."""
        if not pks:
            return {}
        return dict(self.session.execute(select(Package.id, Package.ref).where(Package.id.in_(pks))).tuples())
