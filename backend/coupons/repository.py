"""SQL for coupons."""

from sqlalchemy import Select, or_, select, update

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models.coupon import Coupon


class CouponRepository(EnvironmentRepository):
    def get(self, ref: str) -> Coupon | None:
        return self.session.scalar(
            select(Coupon).where(Coupon.environment_id == self.env, Coupon.ref == ref)
        )

    def by_code(self, code: str) -> Coupon | None:
        """The coupon with this code (already normalized to upper case)."""
        return self.session.scalar(
            select(Coupon).where(Coupon.environment_id == self.env, Coupon.code == code)
        )

    def page(self, params: PageParams, include_archived: bool):
        stmt: Select = select(Coupon).where(Coupon.environment_id == self.env)
        if not include_archived:
            stmt = stmt.where(Coupon.archived_at.is_(None))
        return paginate(stmt, Coupon.id, params, self.session)

    def increment_redemptions(self, pk: int) -> int | None:
        """Count one redemption unless the limit is reached; the new count, or None if refused.

        One conditional UPDATE: the database serializes concurrent redemptions of a row and
        re-checks the condition for each, so the limit holds under any concurrency.
        """
        stmt = (
            update(Coupon)
            .where(
                Coupon.id == pk,
                Coupon.environment_id == self.env,
                or_(Coupon.max_redemptions.is_(None), Coupon.redemptions < Coupon.max_redemptions),
            )
            .values(redemptions=Coupon.redemptions + 1)
            .returning(Coupon.redemptions)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(stmt).scalar_one_or_none()
