"""Cursor pagination: stable order by primary key, opaque cursors, `limit` 1..100."""

import base64
import binascii
from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import Select

from backend.errors import Invalid

T = TypeVar("T")
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class Page(BaseModel, Generic[T]):
    data: list[T]
    has_more: bool
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int = DEFAULT_LIMIT
    after: int | None = None


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"v1:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        version, pk = raw.split(":", 1)
        if version != "v1":
            raise ValueError(version)
        value = int(pk)
        if not 0 <= value < 2**63:
            raise ValueError(pk)
        return value
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise Invalid("The cursor is not one this API issued", field="cursor") from exc


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> PageParams:
    """FastAPI dependency reading `limit` and `cursor`."""
    return PageParams(limit=limit, after=decode_cursor(cursor) if cursor else None)


def paginate(  # type: ignore[no-untyped-def]
    stmt: Select, pk_column, params: PageParams, session, *, descending: bool = False,
) -> tuple[list, bool, str | None]:
    """Run `stmt` one page at a time; returns (rows, has_more, next_cursor).

    Ordered by the primary key, ascending, or highest first with `descending`.
    """
    if params.after is not None:
        stmt = stmt.where(pk_column < params.after if descending else pk_column > params.after)
    order = pk_column.desc() if descending else pk_column
    rows = list(session.scalars(stmt.order_by(order).limit(params.limit + 1)))
    has_more = len(rows) > params.limit
    rows = rows[: params.limit]
    next_cursor = encode_cursor(rows[-1].id) if has_more and rows else None
    return rows, has_more, next_cursor
