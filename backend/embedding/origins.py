"""Pure rules for embedding origins (no I/O): what an allowed origin looks like, and the
Content-Security-Policy `frame-ancestors` that lets only those origins frame a widget page."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_ORIGINS = 50
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


class BadOrigin(ValueError):
    """Not an origin a page may be embedded from."""


def normalize_origin(raw: str) -> str:
    """`scheme://host[:port]`, lower-cased; https, or http for localhost only. Paths, queries,
    credentials and wildcards are refused (a wildcard would let any site frame the widgets)."""
    text = raw.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise BadOrigin(f"'{raw}' is not an origin like https://app.example.com")
    if parts.username or parts.password or parts.query or parts.fragment or \
            parts.path not in ("", "/"):
        raise BadOrigin(f"'{raw}' has more than scheme, host and port")
    if "*" in text:
        raise BadOrigin("Wildcards are not allowed: list each origin")
    host = parts.hostname.lower()
    if parts.scheme == "http" and host not in ("localhost", "127.0.0.1", "::1"):
        raise BadOrigin(f"'{raw}' must use https (http is allowed for localhost only)")
    try:
        port = parts.port
    except ValueError as exc:
        raise BadOrigin(f"'{raw}' has an invalid port") from exc
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}" + (f":{port}" if port else "")


def normalize_all(raw: list[str]) -> list[str]:
    """Each origin normalised once, in the order given; more than MAX_ORIGINS is refused."""
    out: list[str] = []
    for origin in (normalize_origin(r) for r in raw):
        if origin not in out:
            out.append(origin)
    if len(out) > MAX_ORIGINS:
        raise BadOrigin(f"At most {MAX_ORIGINS} origins")
    return out


def frame_ancestors(origins: list[str] | None) -> str:
    """The CSP directive for a widget page: the page's own origin plus the allowed ones; with
    none known (no or unknown key), only the page's own origin."""
    return "frame-ancestors " + " ".join(["'self'", *(origins or [])])


def allowed(origin: str | None, origins: list[str]) -> bool:
    """Whether a message or request from `origin` comes from an allowed embedding origin."""
    if not origin:
        return False
    try:
        return normalize_origin(origin) in origins
    except BadOrigin:
        return False
