"""Several workers on PostgreSQL share the queue without delivering one attempt twice."""

import threading
import time
from collections import Counter

import pytest

from tests.backend.webhooks.conftest import customer
from tests.conftest import is_postgres


@pytest.fixture
def postgres_only(database_url):
    if not is_postgres(database_url):
        pytest.skip("real concurrency needs PostgreSQL; SQLite serializes every writer")


def test_two_workers_deliver_each_message_once(postgres_only, api, receiver, endpoints,
                                               make_worker):
    endpoints(receiver.url)
    refs = [f"c{i}" for i in range(60)]
    for ref in refs:
        customer(api, ref)
    workers = [make_worker(batch=5) for _ in range(2)]
    sent = [0, 0]
    barrier = threading.Barrier(2)

    def run(i: int) -> None:
        barrier.wait()
        deadline = time.monotonic() + 30
        while len(receiver.requests) < len(refs) and time.monotonic() < deadline:
            sent[i] += workers[i].run_once()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    counts = Counter(receiver.ids())
    assert len(counts) == len(refs) and set(counts.values()) == {1}
    assert sum(sent) == len(refs)
    assert all(sent), f"both workers should have taken a share: {sent}"


def test_two_workers_keep_each_customers_order(postgres_only, api, receiver, endpoints,
                                               make_worker):
    endpoints(receiver.url)
    customer(api, "ada")
    for i in range(10):
        api.patch("/api/v1/customers/ada", json={"name": f"Ada {i}"})
    customer(api, "bob")
    workers = [make_worker(batch=3) for _ in range(2)]
    threads = [threading.Thread(target=w.run_once) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    ada = [r.json for r in receiver.requests if r.json["data"]["id"] == "ada"]
    assert [b["type"] for b in ada] == ["customer.created"] + ["customer.updated"] * 10
    assert [b["data"]["customer"]["name"] for b in ada[1:]] == [f"Ada {i}" for i in range(10)]
