"""Pure: why a hosted widget page shows no widget, in words for the person looking at it.

Codes (sent to the host page in `error` messages): key_missing, secret_key, key_invalid,
origin_missing, origin_not_allowed, token_missing, token_expired, token_invalid, bad_params,
unavailable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SETUP = "This widget isn't set up correctly"
TEXTS: dict[str, tuple[str, str]] = {
    "key_missing": (SETUP, "The page embedding it gave no publishable key."),
    "secret_key": ("This widget was given a secret key",
                   "Secret keys must never appear in a web page. Embed with the publishable key "
                   "(tg_pk_…) and rotate the secret key that was exposed."),
    "key_invalid": (SETUP, "Its publishable key is unknown or has been revoked."),
    "origin_missing": (SETUP, "It was not told which site embeds it."),
    "origin_not_allowed": ("This site can't show this widget",
                           "The site is not among the allowed embedding origins."),
    "token_missing": ("This widget needs a signed-in customer",
                      "Sign in to see your account here."),
    "token_expired": ("Your session has expired", "Reload the page to continue."),
    "token_invalid": ("We couldn't confirm who you are",
                      "Your sign-in is no longer valid. Reload the page or sign in again."),
    "bad_params": (SETUP, "Some of its options are missing or not valid."),
    "unavailable": ("This widget can't load right now", "Please try again in a moment."),
}
# The backend's refusal reasons (backend.embedding.context.REASONS) as frame codes.
REASON_CODES = {"key_missing": "key_missing", "secret_key": "secret_key",
                "key_invalid": "key_invalid", "origin_missing": "origin_missing",
                "origin_not_allowed": "origin_not_allowed", "token_missing": "token_missing",
                "expired": "token_expired"}
RETRYABLE = ("unavailable",)


@dataclass(frozen=True)
class Problem:
    """What the frame shows instead of the widget (`detail` is for the developer)."""

    code: str
    title: str
    body: str
    detail: str = ""

    @property
    def retryable(self) -> bool:
        return self.code in RETRYABLE

    def message(self) -> dict[str, str]:
        """The `error` message's payload for the host page."""
        return {"code": self.code, "title": self.title,
                "message": self.detail or self.body}


def problem(code: str, detail: str = "") -> Problem:
    """The problem of a code, with an optional technical detail."""
    title, body = TEXTS[code]
    return Problem(code, title, body, detail)


def from_refusal(status: int, body: Mapping[str, Any]) -> Problem:
    """The problem of a refused frame check (a problem-details body with a `reason`)."""
    reason = str(body.get("reason") or "")
    detail = str(body.get("detail") or "")
    if reason in REASON_CODES:
        return problem(REASON_CODES[reason], detail)
    if status in (401, 403):
        return problem("token_invalid" if reason else "key_invalid", detail)
    if status in (400, 422):
        return problem("bad_params", detail)
    return problem("unavailable", detail)
