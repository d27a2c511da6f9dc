"""The delivery worker: drains the outbox into messages, then sends due messages.

Outbox. `record()` adds a `webhook_outbox` row in the same transaction as each event (and the
change behind it), so the row exists exactly when the event is committed, whatever order
concurrent transactions commit in; no high-water mark over event ids is involved (a lower id
may commit after a higher one). `fan_out` takes a batch of outbox rows in event order (one
worker at a time: an advisory lock on PostgreSQL), creates one message per enabled endpoint of
the event's environment that subscribes to its type, and deletes the rows, all in one
transaction: a crash before the commit leaves the rows for the next run, and a unique
(endpoint, event) pair rules out doubles. Events of one customer recorded by concurrent
transactions are ordered as they commit.

Sending. `claim` picks due messages (pending, `next_attempt_at` reached, no live lease, the
endpoint enabled, and no earlier event of the same customer still pending for that endpoint,
which keeps each customer's events in order), locks them with SKIP LOCKED on PostgreSQL and
leases them with a conditional UPDATE, then commits. The HTTP calls happen outside any
transaction; each result is recorded only if the lease is still ours. A worker that dies after
claiming (or after sending, before recording) loses nothing: its lease expires and another run
sends again, so delivery is at least once and receivers dedupe by `webhook-id`. A message
recorded as delivered is never claimed again.

Several processes (`tollgate webhook-worker`, or the thread each app process starts) share the
work safely; `run_once()` is one step, with `now` injectable for tests.
"""

import logging
import os
import random
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from backend.kit.clock import now as clock_now
from backend.webhooks import delivery, service, signing
from backend.webhooks.repository import DeliveryRepository

log = logging.getLogger("tollgate.webhooks")

Send = Callable[[str, str, dict[str, str]], delivery.Outcome]


def _wall() -> datetime:
    return datetime.now(UTC)


class WebhookWorker:
    """One delivery worker. `now` drives scheduling (the injectable clock by default);
    signatures are stamped with the wall clock, which receivers check against theirs."""

    def __init__(self, factory: sessionmaker[Session], *, owner: str | None = None,
                 now: Callable[[], datetime] = clock_now, send: Send | None = None,
                 batch: int = 50, lease: timedelta = timedelta(seconds=60),
                 timeout: float = 10.0, draw: Callable[[], float] = random.random):
        self.factory = factory
        self.owner = owner or f"{os.getpid()}-{secrets.token_hex(4)}"
        self.now = now
        self.batch = batch
        self.lease = lease
        self.timeout = timeout
        self.draw = draw
        self._http: httpx.Client | None = None
        self.send: Send = send or self._post

    def _post(self, url: str, body: str, headers: dict[str, str]) -> delivery.Outcome:
        if self._http is None:
            self._http = httpx.Client(follow_redirects=False,
                                      headers={"user-agent": "Tollgate-Webhooks/1.0"})
        return delivery.post(self._http, url, body, headers, self.timeout)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def run_once(self) -> int:
        """Fan out the outbox, then send what is due until nothing is (a delivered event
        unblocks the customer's next one); returns how many messages were sent."""
        while self.fan_out() == self.batch * 4:
            pass
        sent = 0
        while claimed := self.claim():
            for message_id, url, body, msg_id, keys in claimed:
                outcome = self.send(url, body, signing.signed_headers(msg_id, _wall(), body, keys))
                self.finish(message_id, outcome)
                sent += 1
        return sent

    def fan_out(self) -> int:
        """Turn one batch of outbox rows into messages; returns how many rows were taken."""
        with self.factory() as session:
            repo = DeliveryRepository(session)
            rows = repo.outbox(self.batch * 4) if repo.fan_out_lock() else []
            if not rows:
                return 0
            at = self.now()
            endpoints = repo.endpoints_of({r.environment_id for r in rows})
            for row in rows:
                for endpoint in endpoints:
                    if endpoint.environment_id == row.environment_id and \
                            service.subscribed(endpoint.event_types, row.event.type):
                        session.add(service.new_message(endpoint, row.event, at))
            repo.drop_outbox([r.event_id for r in rows])
            try:
                session.commit()
            except IntegrityError:  # another worker fanned these out first (SQLite)
                session.rollback()
                return 0
            return len(rows)

    def claim(self) -> list[tuple[int, str, str, str, list[str]]]:
        """Lease due messages; returns what sending each needs."""
        with self.factory() as session:
            repo = DeliveryRepository(session)
            at = self.now()
            ids = [i for i in repo.due(at, self.batch)
                   if repo.lease(i, self.owner, at, at + self.lease)]
            claimed = [(m.id, m.endpoint.url, m.body, m.event.ref,
                        service.signing_secrets(m.endpoint, at)) for m in repo.leased(ids)]
            session.commit()
            return claimed

    def finish(self, message_id: int, outcome: delivery.Outcome) -> None:
        """Record a result, unless the lease was lost (then the next holder sends again)."""
        with self.factory() as session:
            message = DeliveryRepository(session).held(message_id, self.owner)
            if message is None:
                log.warning("lease on webhook message %s lost; result dropped", message_id)
                return
            service.record_attempt(session, message, outcome, self.now(), self.draw())
            session.commit()
