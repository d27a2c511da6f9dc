"""Embedding origins: what is accepted, and the frame-ancestors policy built from them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.embedding.origins import (
    BadOrigin,
    allowed,
    frame_ancestors,
    normalize_all,
    normalize_origin,
)


@pytest.mark.parametrize(("raw", "origin"), [
    ("https://App.Example.com", "https://app.example.com"),
    ("https://app.example.com/", "https://app.example.com"),
    ("https://app.example.com:8443", "https://app.example.com:8443"),
    ("http://localhost:5173", "http://localhost:5173"),
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
])
def test_origins_are_normalised(raw, origin):
    assert normalize_origin(raw) == origin


@pytest.mark.parametrize("raw", [
    "app.example.com", "ftp://example.com", "http://example.com", "https://*.example.com",
    "https://example.com/pricing", "https://user:pw@example.com", "https://example.com?x=1",
    "javascript:alert(1)", "https://example.com:99999", "",
])
def test_anything_but_an_origin_is_refused(raw):
    with pytest.raises(BadOrigin):
        normalize_origin(raw)


def test_frame_ancestors_lists_self_and_the_allowed_origins():
    assert frame_ancestors([]) == "frame-ancestors 'self'"
    assert frame_ancestors(normalize_all(["https://a.example", "https://A.example/"])) == \
        "frame-ancestors 'self' https://a.example"


def test_messages_are_allowed_only_from_listed_origins():
    origins = ["https://a.example"]
    assert allowed("https://a.example", origins)
    assert not allowed("https://a.example.evil.com", origins)
    assert not allowed(None, origins)
    assert not allowed("null", origins)


@given(st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){1,2}", fullmatch=True),
       st.none() | st.integers(1, 65535))
def test_normalising_is_idempotent(host, port):
    origin = normalize_origin(f"https://{host}" + (f":{port}" if port else ""))
    assert normalize_origin(origin) == origin
