"""Webhooks: endpoints per environment, signed delivery of domain events through an outbox."""
