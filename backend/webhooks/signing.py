"""Standard Webhooks signing (https://www.standardwebhooks.com) with the `standardwebhooks`
package, so receivers verify with any off-the-shelf library.

A secret is `whsec_` + base64 of 24 random bytes. While a rotated-out secret is still in its
overlap period a message carries two signatures, space-separated, one per secret. Secrets are
stored as issued (not encrypted at rest: signing needs them back, and the database already
holds everything they protect); the API shows them only when created or rotated.
"""

import base64
import secrets as random
from datetime import datetime

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(random.token_bytes(24)).decode()


def signature(msg_id: str, timestamp: datetime, body: str, secrets: list[str]) -> str:
    """The `webhook-signature` value: `v1,<base64>` for each secret, space-separated."""
    return " ".join(Webhook(s).sign(msg_id, timestamp, body) for s in secrets)


def signed_headers(msg_id: str, timestamp: datetime, body: str,
                   secrets: list[str]) -> dict[str, str]:
    """The three Standard Webhooks headers (and the JSON content type) for one request."""
    return {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature(msg_id, timestamp, body, secrets),
    }
