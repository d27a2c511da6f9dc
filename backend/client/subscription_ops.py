"""Subscription and invoice operations (secret key)."""

from __future__ import annotations

from backend.client.call import Sender


class SubscriptionOperations(Sender):
    """Subscriptions, their previews, cancellation and invoices."""
