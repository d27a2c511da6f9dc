"""Opaque cursors: round trip, and anything else is a 422 on the `cursor` field."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.errors import Invalid
from backend.kit.pagination import decode_cursor, encode_cursor


@given(st.integers(min_value=0, max_value=2**63 - 1))
def test_cursor_round_trip(pk):
    cursor = encode_cursor(pk)
    assert "=" not in cursor and cursor.isascii()
    assert decode_cursor(cursor) == pk


@pytest.mark.parametrize(
    "cursor", ["", "!!!", "djE6", "djE6eA", "djI6MQ", "MTA", "djE6LTE", encode_cursor(1)[:-1] + "*"]
)
def test_bad_cursors(cursor):
    with pytest.raises(Invalid) as raised:
        decode_cursor(cursor)
    assert raised.value.errors == [{"field": "cursor", "message": raised.value.detail}]


def test_out_of_range_cursor():
    import base64

    huge = base64.urlsafe_b64encode(f"v1:{2**63}".encode()).decode().rstrip("=")
    with pytest.raises(Invalid):
        decode_cursor(huge)


@given(st.text(max_size=40))
def test_decode_never_crashes(text):
    try:
        decode_cursor(text)
    except Invalid:
        pass
