"""Identifier rules shared by every resource."""

import secrets

REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"


def random_token(prefix: str, nbytes: int = 24) -> str:
    """A URL-safe random token with a readable prefix, e.g. `tg_sk_...`."""
    return f"{prefix}{secrets.token_urlsafe(nbytes)}"
