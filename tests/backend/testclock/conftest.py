"""Fixtures of the test clock tests (a production environment, as the payment tests use)."""

from tests.backend.payments.conftest import production  # noqa: F401  (fixture)
