"""The per-process read model that answers entitlement checks from memory.

A check needs the customer, their combined entitlements and the current period's usage. The
first check of a customer loads them; later checks read them from memory until something
changes. Changes made by this process are dropped from memory as their transaction commits;
changes made by other worker processes are found by polling the events and usage tables, the
environments (catalog revision, test clock) and revoked keys at most every `POLL_SECONDS` (so a
check may lag another process's write by that long). API keys that authenticated are kept too,
until any key is revoked or a test clock moves. Atomic consumption never reads from here: it decides in the
database.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from anyio import to_thread
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.auth.keys import hash_key, kind_of
from backend.auth.service import Principal, authenticate
from backend.entitlements.repository import EntitlementRepository
from backend.entitlements.sources import SnapshotCache
from backend.models import ApiKey, Customer, Environment, Event
from backend.models.usage import UsageReport

POLL_SECONDS = 0.1
STALE_AFTER = 1.0  # memory older than this (the poller stopped) is not used without a poll
SLACK = 64  # rows below the highest id seen that are read again (transactions commit late)
SEEN_MAX = 4096
TOUCHED = "tollgate_entitlements_touched"
KEYS_CHANGED = "tollgate_keys_changed"
Key = tuple[int, str]  # environment, customer ref
log = logging.getLogger(__name__)

_instances: weakref.WeakSet[HotReads] = weakref.WeakSet()


@dataclass
class Entry:
    customer: Customer | None
    catalog_revision: int
    usage: dict[tuple[int, datetime], int] = field(default_factory=dict)
    subject: Any = None  # the service's Subject, once a check has built it
    answers: dict[tuple, tuple[bytes, tuple[datetime, datetime] | None]] = field(
        default_factory=dict)  # (feature, usage, value) -> the JSON answer and its period


def touch(session: Session, environment_id: int, customer_ref: str) -> None:
    """Note that this transaction changes the customer's entitlements or usage."""
    session.info.setdefault(TOUCHED, set()).add((environment_id, customer_ref))


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    touched = session.info.pop(TOUCHED, None)
    keys_changed = session.info.pop(KEYS_CHANGED, False)
    for hot in list(_instances):
        if touched:
            hot.invalidate(touched)
        if keys_changed:
            hot.forget_principals()


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(TOUCHED, None)
    session.info.pop(KEYS_CHANGED, None)


@event.listens_for(Session, "before_flush")
def _note_changes(session: Session, _context, _instances_) -> None:  # type: ignore[no-untyped-def]
    for obj in session.new:
        if isinstance(obj, Event) and obj.customer_ref:
            touch(session, obj.environment_id, obj.customer_ref)
    if any(isinstance(obj, ApiKey | Environment) for obj in (*session.new, *session.dirty)):
        session.info[KEYS_CHANGED] = True  # a revoked key or a moved test clock


class HotReads:
    """Customers, snapshots and usage kept in memory for checks (see the module docstring)."""

    def __init__(self, snapshots: SnapshotCache, max_entries: int = 50_000):
        self.snapshots = snapshots
        self._entries: dict[Key, Entry] = {}
        self._max = max_entries
        self._lock = threading.Lock()
        self._poll_lock = threading.Lock()
        self._polled = 0.0
        self._cursor: tuple[int, int] | None = None
        self._revisions: dict[int, object] = {}
        self._revoked: object = None
        self._poller: asyncio.Task | None = None
        self._poller_loop: asyncio.AbstractEventLoop | None = None
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._principals: dict[str, Principal] = {}
        _instances.add(self)

    def invalidate(self, keys: set[Key]) -> None:
        with self._lock:
            for key in keys:
                self._entries.pop(key, None)

    def forget_principals(self) -> None:
        with self._lock:
            self._principals.clear()

    def principal(self, session: Session, raw_key: str | None) -> Principal:
        """The caller of a valid API key, authenticated once and then kept until a key is
        revoked or a test clock moves (in any process; see `_poll`). Invalid keys are never
        kept: each attempt is checked against the database."""
        self._poll(session)
        digest = hash_key(raw_key) if raw_key and kind_of(raw_key) is not None else None
        found = self._principals.get(digest) if digest else None
        if found is not None:
            return found
        principal = authenticate(session, raw_key)
        if digest is not None:
            with self._lock:
                self._principals[digest] = principal
        return principal

    def _poll(self, session: Session) -> None:
        """Drop what other processes changed since the last poll (at most every POLL_SECONDS)."""
        moment = time.monotonic()
        if moment - self._polled < POLL_SECONDS or not self._poll_lock.acquire(blocking=False):
            return
        try:
            self._poll_locked(session)
            self._polled = moment
        finally:
            self._poll_lock.release()

    def _poll_locked(self, session: Session) -> None:
        top_event = session.scalar(select(func.max(Event.id))) or 0
        top_report = session.scalar(select(func.max(UsageReport.id))) or 0
        revisions: dict[int, object] = {
            env: (rev, clock) for env, rev, clock in session.execute(select(
                Environment.id, Environment.catalog_revision, Environment.test_clock_time))}
        revoked = tuple(session.execute(select(func.count(ApiKey.id), func.max(ApiKey.revoked_at))
                                        .where(ApiKey.revoked_at.is_not(None))).one())
        stale: set[Key] = set()
        if self._cursor is not None:
            last_event, last_report = self._cursor
            for row_id, env, ref in session.execute(
                    select(Event.id, Event.environment_id, Event.customer_ref).where(
                        Event.id > last_event - SLACK, Event.customer_ref.is_not(None))):
                if self._new(f"e{row_id}"):
                    stale.add((env, ref))
            for row_id, env, ref in session.execute(
                    select(UsageReport.id, UsageReport.environment_id, Customer.ref).join(
                        Customer, Customer.id == UsageReport.customer_id).where(
                        UsageReport.id > last_report - SLACK)):
                if self._new(f"u{row_id}"):
                    stale.add((env, ref))
        changed_envs = {env for env, rev in revisions.items() if self._revisions.get(env) != rev}
        with self._lock:
            if (changed_envs and self._revisions) or revoked != self._revoked:
                self._principals.clear()
            if changed_envs and self._revisions:
                for key in [k for k in self._entries if k[0] in changed_envs]:
                    self._entries.pop(key, None)
            for key in stale:
                self._entries.pop(key, None)
        self._cursor, self._revisions, self._revoked = (top_event, top_report), revisions, revoked

    def _due(self) -> bool:
        """Whether memory may be older than the poll interval allows (no poller running)."""
        return time.monotonic() - self._polled >= STALE_AFTER

    def start_poller(self, factory: sessionmaker[Session]) -> None:
        """Poll every POLL_SECONDS in the background of the running event loop (once per loop),
        so requests never wait for a poll; if it stops, requests poll themselves again."""
        loop = asyncio.get_running_loop()
        if self._poller_loop is loop and self._poller is not None and not self._poller.done():
            return

        async def run() -> None:
            while True:
                try:
                    await to_thread.run_sync(self.poll_now, factory)
                except Exception:  # noqa: BLE001 - keep polling; requests fall back meanwhile
                    log.exception("entitlement read-model poll failed")
                await asyncio.sleep(POLL_SECONDS)

        self._poller_loop, self._poller = loop, loop.create_task(run())

    def poll_now(self, factory: sessionmaker[Session]) -> None:
        with factory() as session:
            self._polled = 0.0
            self._poll(session)

    def cached_principal(self, raw_key: str | None) -> Principal | None:
        """The caller from memory, or None when the database must be asked."""
        if not raw_key or self._due() or kind_of(raw_key) is None:
            return None
        return self._principals.get(hash_key(raw_key))

    def cached_entry(self, environment_id: int, customer_ref: str) -> Entry | None:
        """The customer's entry from memory, or None when the database must be asked."""
        if self._due():
            return None
        return self._entries.get((environment_id, customer_ref))

    def _new(self, row: str) -> bool:
        """Whether a changed row is seen for the first time (rows are read again for a while)."""
        if row in self._seen:
            return False
        self._seen[row] = None
        while len(self._seen) > SEEN_MAX:
            self._seen.popitem(last=False)
        return True

    def entry(self, repo: EntitlementRepository, customer_ref: str) -> Entry:
        """The customer's entry, loaded on a miss."""
        self._poll(repo.session)
        key = (repo.env, customer_ref)
        found = self._entries.get(key)
        if found is not None:
            return found
        customer, revision = repo.customer_and_catalog_revision(customer_ref)
        loaded = Entry(customer, revision)
        with self._lock:
            if len(self._entries) >= self._max:
                self._entries.clear()
            self._entries[key] = loaded
        return loaded

    def usage(self, repo: EntitlementRepository, entry: Entry, feature_id: int,
              period_start: datetime) -> int:
        cached = entry.usage.get((feature_id, period_start))
        if cached is None:
            assert entry.customer is not None
            cached = entry.usage[(feature_id, period_start)] = repo.usage(
                entry.customer.id, feature_id, period_start)
        return cached
