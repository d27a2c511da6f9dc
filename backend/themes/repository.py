"""SQL for themes, their versions and the widget assignments."""

from sqlalchemy import Select, delete, select

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models.environment import ApiKey
from backend.models.themes import Theme, ThemeAssignment, ThemeVersion


class ThemeRepository(EnvironmentRepository):
    def get(self, ref: str) -> Theme | None:
        return self.session.scalar(
            select(Theme).where(Theme.environment_id == self.env, Theme.ref == ref))

    def by_id(self, pk: int) -> Theme | None:
        return self.session.scalar(
            select(Theme).where(Theme.environment_id == self.env, Theme.id == pk))

    def page(self, params: PageParams):
        stmt: Select = select(Theme).where(Theme.environment_id == self.env)
        return paginate(stmt, Theme.id, params, self.session)

    def key(self, key_id: int) -> ApiKey | None:
        """This environment's API key `key_id` (to name who published a version)."""
        return self.session.scalar(select(ApiKey).where(ApiKey.environment_id == self.env,
                                                        ApiKey.id == key_id))

    def version(self, theme_id: int, version: int) -> ThemeVersion | None:
        return self.session.scalar(select(ThemeVersion).where(
            ThemeVersion.theme_id == theme_id, ThemeVersion.version == version))

    def versions(self, theme_id: int, params: PageParams):
        stmt: Select = select(ThemeVersion).where(ThemeVersion.environment_id == self.env,
                                                  ThemeVersion.theme_id == theme_id)
        return paginate(stmt, ThemeVersion.id, params, self.session)

    def assignments(self) -> list[tuple[ThemeAssignment, Theme]]:
        stmt = (select(ThemeAssignment, Theme).join(Theme, Theme.id == ThemeAssignment.theme_id)
                .where(ThemeAssignment.environment_id == self.env)
                .order_by(ThemeAssignment.widget))
        return [(a, t) for a, t in self.session.execute(stmt)]

    def assignment(self, widget: str) -> ThemeAssignment | None:
        return self.session.scalar(select(ThemeAssignment).where(
            ThemeAssignment.environment_id == self.env, ThemeAssignment.widget == widget))

    def unassign(self, widget: str) -> int:
        result = self.session.execute(delete(ThemeAssignment).where(
            ThemeAssignment.environment_id == self.env, ThemeAssignment.widget == widget))
        return result.rowcount or 0

    def published_for(self, widgets: tuple[str, ...]) -> list[tuple[str, Theme, ThemeVersion]]:
        """For each of `widgets` that has an assigned theme with a live version: both."""
        stmt = (
            select(ThemeAssignment.widget, Theme, ThemeVersion)
            .join(Theme, Theme.id == ThemeAssignment.theme_id)
            .join(ThemeVersion, (ThemeVersion.theme_id == Theme.id)
                  & (ThemeVersion.version == Theme.published_version))
            .where(ThemeAssignment.environment_id == self.env,
                   ThemeAssignment.widget.in_(widgets))
        )
        return [(w, t, v) for w, t, v in self.session.execute(stmt)]
