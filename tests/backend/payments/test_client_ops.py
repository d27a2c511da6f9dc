"""TollgateClient payment operations: typed results, refusals as TollgateError with a reason."""

import pytest
from pydantic import SecretStr

from backend.client import TollgateClient, TollgateError
from backend.db import session_scope
from backend.kit.pagination import Page
from backend.payments import service
from backend.payments.schemas import PaymentMethodCreate, PaymentMethodPublic, PaymentPublic
from tests.backend.payments.conftest import DECLINED, MASTERCARD, card


def test_payment_operations(tenant):
    with TollgateClient(tenant.secret, app=tenant.app) as client:
        client.provision_customer({"id": "ada"})
        body = PaymentMethodCreate(card_number=SecretStr("4242 4242 4242 4242"), exp_month=12,
                                   exp_year=2099, cvc=SecretStr("123"))
        assert "4242424242424242" not in repr(body) + str(body.model_dump(mode="json"))
        visa = client.add_payment_method("ada", body, idempotency_key="v")
        assert isinstance(visa, PaymentMethodPublic) and (visa.last4, visa.is_default) == (
            "4242", True)
        assert client.add_payment_method("ada", body, idempotency_key="v") == visa  # replayed
        master = client.add_payment_method("ada", card(MASTERCARD))
        assert client.set_default_payment_method("ada", master.id).is_default is True
        page = client.list_payment_methods("ada", limit=5)
        assert isinstance(page, Page) and [m.id for m in page.data] == [visa.id, master.id]
        assert client.remove_payment_method("ada", visa.id).archived is True
        assert [m.id for m in client.list_payment_methods("ada").data] == [master.id]
        assert len(client.list_payment_methods("ada", include_archived=True).data) == 2

        with pytest.raises(TollgateError) as refused:
            client.add_payment_method("ada", card("4111111111111111"))
        assert refused.value.status == 422 and refused.value.problem["reason"] == (
            "test_card_required")

        client.add_payment_method("ada", card(DECLINED, make_default=True))
        with session_scope(tenant.url) as session:
            buyer = service.get_customer(session, tenant.id, "ada")
            service.charge(session, tenant.id, buyer, 1200, "USD", idempotency_key="r1")
        [payment] = client.list_payments("ada", limit=10).data
        assert isinstance(payment, PaymentPublic)
        assert (payment.status, payment.decline_code, payment.amount.amount_minor) == (
            "failed", "card_declined", 1200)
