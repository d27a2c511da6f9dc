"""The base of every environment-scoped repository: one session, one environment."""

from sqlalchemy.orm import Session


class EnvironmentRepository:
    def __init__(self, session: Session, environment_id: int):
        self.session = session
        self.env = environment_id

    def add(self, row: object) -> None:
        """Insert a row now, so constraint violations surface inside the service call."""
        self.session.add(row)
        self.session.flush()
