"""SQL for environments' test clocks."""

from datetime import datetime

from sqlalchemy import select

from backend.kit.repository import EnvironmentRepository
from backend.models import Environment

DEVELOPMENT = "development"


class ClockRepository(EnvironmentRepository):
    def frozen_time(self) -> datetime | None:
        """The environment's frozen time; None when it runs on real time (always in production)."""
        return self.session.scalar(
            select(Environment.test_clock_time)
            .where(Environment.id == self.env, Environment.kind == DEVELOPMENT)
        )

    def environment_for_update(self) -> Environment | None:
        """The environment, locked until the transaction ends (PostgreSQL; SQLite serializes
        writers anyway), so two advances of one clock run one after the other."""
        return self.session.scalar(
            select(Environment).where(Environment.id == self.env).with_for_update()
            .execution_options(populate_existing=True)
        )
