"""Run a write once per Idempotency-Key; replay its stored response on retries."""

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from backend.auth.dependencies import AuthDep, CustomerDep
from backend.db import SessionDep
from backend.errors import Conflict, Invalid
from backend.idempotency.repository import IdempotencyRepository


class Idempotency:
    def __init__(self, repo: IdempotencyRepository | None, key: str | None, method: str, path: str):
        self.repo = repo
        self.key = key
        self.scope = f"{method} {path}"

    def _fingerprint(self, body: BaseModel | None) -> str:
        payload = json.dumps(jsonable_encoder(body), sort_keys=True) if body is not None else ""
        return hashlib.sha256(f"{self.scope}\n{payload}".encode()).hexdigest()

    def _replay(self, record: Any, fingerprint: str) -> JSONResponse:
        if record.fingerprint != fingerprint:
            raise Invalid("This Idempotency-Key was used with a different request",
                          field="Idempotency-Key")
        if record.status_code == 0:
            raise Conflict("A request with this Idempotency-Key is still in progress; retry shortly")
        return JSONResponse(record.response, status_code=record.status_code,
                            headers={"Idempotent-Replayed": "true"})

    def run(self, body: BaseModel | None, fn: Callable[[], Any], status_code: int = 200) -> Any:
        """Call `fn` unless this key already produced a response."""
        if not self.key or self.repo is None:
            return fn()
        fingerprint = self._fingerprint(body)
        existing = self.repo.get(self.key)
        if existing is not None:
            return self._replay(existing, fingerprint)
        record = self.repo.claim(self.key, fingerprint)
        if record is None:
            existing = self.repo.get(self.key)
            if existing is None:
                raise Conflict("A request with this Idempotency-Key is still in progress; retry shortly")
            return self._replay(existing, fingerprint)
        result = fn()
        if isinstance(result, JSONResponse):  # a response the endpoint built (e.g. a 402 problem)
            record.response, record.status_code = json.loads(result.body), result.status_code
        else:
            record.response = jsonable_encoder(result)
            record.status_code = status_code
        self.repo.session.flush()
        return result


def idempotency(
    request: Request,
    session: SessionDep,
    principal: AuthDep,
    idempotency_key: Annotated[str | None, Header(max_length=255)] = None,
) -> Idempotency:
    repo = IdempotencyRepository(session, principal.environment_id) if idempotency_key else None
    return Idempotency(repo, idempotency_key, request.method, request.url.path)


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]


def customer_idempotency(
    request: Request,
    session: SessionDep,
    me: CustomerDep,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> Idempotency:
    """Idempotency for customer-token writes: keys are kept per customer, so two customers
    sending the same key never see each other's responses."""
    repo = IdempotencyRepository(session, me.environment_id) if idempotency_key else None
    owner = hashlib.sha256(me.customer_ref.encode()).hexdigest()[:16]
    key = f"c:{owner}:{idempotency_key}" if idempotency_key else None
    return Idempotency(repo, key, request.method, request.url.path)


CustomerIdempotencyDep = Annotated[Idempotency, Depends(customer_idempotency)]
