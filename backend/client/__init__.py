"""TollgateClient: the typed Python SDK over Tollgate's HTTP API (sync and async)."""

from backend.client.client import AsyncTollgateClient, TollgateClient
from backend.client.errors import TollgateError, TollgateUnavailable

__all__ = ["AsyncTollgateClient", "TollgateClient", "TollgateError", "TollgateUnavailable"]
