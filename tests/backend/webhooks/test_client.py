"""The SDK's webhook operations, through the in-process app."""

from datetime import timedelta

from backend.client import TollgateClient
from backend.kit.clock import now
from tests.backend.webhooks.conftest import customer


def test_client_manages_endpoints_and_reads_the_log(tenant, receiver, make_worker, clock):
    with TollgateClient(tenant.secret, app=tenant.app) as client:
        created = client.create_webhook_endpoint({"url": receiver.url,
                                                  "event_types": ["customer."]})
        assert created.secret.startswith("whsec_")
        assert [e.id for e in client.list_webhook_endpoints().data] == [created.id]
        customer(tenant.client(), "ada")
        make_worker().run_once()
        [message] = client.list_webhook_messages(created.id).data
        assert message.status == "succeeded"
        [attempt] = client.list_webhook_attempts(created.id).data
        assert attempt.status_code == 200 and attempt.attempt == 1
        assert client.redeliver_webhook_message(created.id, message.id).status == "pending"
        replayed = client.replay_webhooks(created.id, now() - timedelta(hours=1))
        assert replayed.queued == 1
        rotated = client.rotate_webhook_secret(created.id, overlap_hours=1)
        assert rotated.secret != created.secret
        updated = client.update_webhook_endpoint(created.id, {"description": "CRM sync"})
        assert updated.description == "CRM sync"
        assert client.get_webhook_endpoint(created.id).id == created.id
        client.delete_webhook_endpoint(created.id)
        assert client.list_webhook_endpoints().data == []
