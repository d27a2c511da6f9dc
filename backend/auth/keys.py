"""API key and customer token formats. Keys are 192-bit random, so SHA-256 is a safe digest."""

import hashlib
import secrets

from backend.kit.ids import random_token

PREFIXES = {"secret": "tg_sk_", "publishable": "tg_pk_"}


def new_key(kind: str) -> str:
    """A fresh key of the given kind ('secret' or 'publishable')."""
    return random_token(PREFIXES[kind])


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def display_prefix(key: str) -> str:
    """The part of a key safe to show again: its prefix and first characters."""
    return key[:12] + "…"


def kind_of(key: str) -> str | None:
    for kind, prefix in PREFIXES.items():
        if key.startswith(prefix):
            return kind
    return None


CUSTOMER_TOKEN_PREFIX = "tg_ct_"


def new_signing_secret() -> str:
    """A fresh per-environment secret (256 random bits) that signs customer tokens."""
    return secrets.token_urlsafe(32)
