"""Idempotency-Key support: a retried write replays the first response instead of acting twice."""

from backend.idempotency.service import CustomerIdempotencyDep, Idempotency, IdempotencyDep

__all__ = ["CustomerIdempotencyDep", "Idempotency", "IdempotencyDep"]
