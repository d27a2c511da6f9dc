"""Domain errors and their rendering as RFC 9457 problem details; one place for all of it."""

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_BASE = "https://tollgate.dev/problems/"
PROBLEM_JSON = "application/problem+json"


class ProblemError(Exception):
    """An error the client can act on. Subclasses fix status, slug and title."""

    status = 400
    slug = "bad-request"
    title = "Bad request"

    def __init__(self, detail: str, *, errors: list[dict[str, Any]] | None = None, **extra: Any):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.extra = extra

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": PROBLEM_BASE + self.slug,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if self.errors:
            body["errors"] = self.errors
        body.update(self.extra)
        return body


class Unauthorized(ProblemError):
    status, slug, title = 401, "unauthorized", "Authentication required"


class Forbidden(ProblemError):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(ProblemError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(ProblemError):
    status, slug, title = 409, "conflict", "Conflict"


class Invalid(ProblemError):
    """A well-formed request that breaks a rule needing state (unknown reference, ...)."""

    status, slug, title = 422, "validation-error", "Invalid request"

    def __init__(self, detail: str, *, field: str | None = None, **extra: Any):
        errors = [{"field": field, "message": detail}] if field else None
        super().__init__(detail, errors=errors, **extra)


def _problem(status: int, slug: str, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": PROBLEM_BASE + slug, "title": title, "status": status, "detail": detail}
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


# Rules checked across fields (model validators) name their field first: "prices: a paid plan ...".
_NAMED_RULE = re.compile(r"^(?:Value error, )?([a-z_][a-z0-9_]*): ")


def _field_name(loc: tuple[Any, ...], message: str = "") -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    named = _NAMED_RULE.match(message)
    if named and (not parts or parts[-1] != named.group(1)):
        parts.append(named.group(1))
    return ".".join(parts) or str(loc[-1] if loc else "")


def install_error_handlers(app: FastAPI) -> None:
    """Every error leaves as application/problem+json."""

    @app.exception_handler(ProblemError)
    async def _domain(_: Request, exc: ProblemError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, media_type=PROBLEM_JSON)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field_name(tuple(e.get("loc", ())),
                                  e.get("msg", "") if e.get("type") == "value_error" else ""),
             "message": e.get("msg", ""), "code": e.get("type", "")}
            for e in exc.errors()
        ]
        fields = ", ".join(sorted({e["field"] for e in errors if e["field"]}))
        detail = f"The request has invalid fields: {fields}" if fields else "Invalid request body"
        return _problem(422, "validation-error", "Invalid request", detail, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Error")
        return _problem(exc.status_code, "http-error", title, str(exc.detail))

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        return _problem(409, "conflict", "Conflict",
                        "The change conflicts with existing data (duplicate id or stale reference)")

    @app.exception_handler(DataError)
    async def _unstorable(_: Request, exc: DataError) -> JSONResponse:
        return _problem(422, "validation-error", "Invalid request",
                        "A value is out of range or holds characters the database cannot store "
                        "(such as NUL)")

    @app.exception_handler(OperationalError)
    async def _db_unavailable(_: Request, exc: OperationalError) -> JSONResponse:
        return _problem(503, "unavailable", "Service unavailable",
                        "The database is busy or unreachable; retry the request")
