"""The one-process default: the app's lifespan runs the delivery worker in a thread."""

import time

import httpx
import pytest
from standardwebhooks import Webhook

from backend.app import create_app
from backend.cli import main
from tests.backend.entitlements.conftest import serving


def test_the_app_delivers_by_itself_while_it_runs(tenant, settings, receiver, endpoints):
    app = create_app(settings.model_copy(update={"webhook_worker": True,
                                                 "webhook_poll_interval": 0.05}))
    endpoint = endpoints(receiver.url)
    with serving(app) as url, httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {tenant.secret}"}) as http:
        assert http.post("/api/v1/customers", json={"id": "ada"}).status_code == 201
        deadline = time.monotonic() + 10
        while not receiver.requests and time.monotonic() < deadline:
            time.sleep(0.05)
    [request] = receiver.requests
    assert Webhook(endpoint["secret"]).verify(request.body, request.headers)["type"] == \
        "customer.created"


def test_the_worker_command_exists(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["webhook-worker", "--help"])
    assert exit_.value.code == 0
    assert "--interval" in capsys.readouterr().out
