"""Errors raised by the client, carrying the server's problem details."""

from typing import Any


class TollgateError(Exception):
    """A request the API refused or could not answer; `problem` is the RFC 9457 body."""

    def __init__(self, status: int, problem: dict[str, Any]):
        self.status = status
        self.problem = problem
        self.title = str(problem.get("title", "Request failed"))
        self.detail = str(problem.get("detail", ""))
        super().__init__(f"{status} {self.title}: {self.detail}".strip())


class TollgateUnavailable(TollgateError):
    """The API could not be reached at all."""

    def __init__(self, reason: str):
        super().__init__(503, {"title": "Tollgate unavailable", "detail": reason, "status": 503})
