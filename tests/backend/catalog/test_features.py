"""Features of the four types and the rules each type brings."""

import pytest

from tests.backend.helpers import assert_problem, make_feature, ok


def test_four_types(api):
    boolean = make_feature(api, "sso", "boolean", display_name="Single sign-on")
    assert (
        boolean["type"] == "boolean" and boolean["unit"] is None and boolean["meter_type"] is None
    )

    seats = make_feature(
        api,
        "seats",
        "configuration",
        unit="seat",
        unit_plural="seats",
        metadata={"ui": {"icon": "users"}},
    )
    assert (seats["unit"], seats["unit_plural"]) == ("seat", "seats")
    assert seats["metadata"] == {"ui": {"icon": "users"}}

    storage = make_feature(api, "storage", "configuration", unit="GB")
    assert storage["unit_plural"] == "GB"  # plural defaults to the unit

    calls = make_feature(api, "api-calls", "metered", unit="API call", unit_plural="API calls")
    assert calls["meter_type"] == "incremental"  # the default meter
    gauge = make_feature(api, "users", "metered", meter_type="fluctuating")
    assert gauge["meter_type"] == "fluctuating"

    history = make_feature(api, "history", "enum", enum_values=["7 days", "90 days"])
    assert history["enum_values"] == ["7 days", "90 days"]

    assert ok(api.get("/api/v1/features/seats")) == seats
    by_type = ok(api.get("/api/v1/features", params={"type": "metered"}))["data"]
    assert [f["id"] for f in by_type] == ["api-calls", "users"]
    assert_problem(api.get("/api/v1/features", params={"type": "colour"}), 422, "type")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"type": "enum"}, "enum_values"),
        ({"type": "enum", "enum_values": []}, "enum_values"),
        ({"type": "enum", "enum_values": ["a", "a"]}, "enum_values"),
        ({"type": "boolean", "enum_values": ["a"]}, "enum_values"),
        ({"type": "configuration", "meter_type": "incremental"}, "meter_type"),
        ({"type": "metered", "meter_type": "sometimes"}, "meter_type"),
        ({"type": "boolean", "unit": "seat"}, "unit"),
        ({"type": "dial"}, "type"),
        ({"type": "configuration", "unit": "x" * 65}, "unit"),
    ],
)
def test_create_rules(api, body, field):
    response = api.post("/api/v1/features", json={"id": "f", "display_name": "F", **body})
    assert_problem(response, 422, field)


def test_update_rules(api):
    make_feature(api, "sso", "boolean")
    make_feature(api, "history", "enum", enum_values=["a", "b"])
    assert_problem(api.patch("/api/v1/features/sso", json={"unit": "seat"}), 422, "unit")
    assert_problem(
        api.patch("/api/v1/features/sso", json={"enum_values": ["x"]}), 422, "enum_values"
    )
    assert_problem(
        api.patch("/api/v1/features/history", json={"enum_values": ["a", "a"]}), 422, "enum_values"
    )
    assert_problem(
        api.patch("/api/v1/features/history", json={"enum_values": []}), 422, "enum_values"
    )
    assert_problem(api.patch("/api/v1/features/history", json={"type": "boolean"}), 422, "type")
    assert_problem(
        api.patch("/api/v1/features/sso", json={"display_name": None}), 422, "display_name"
    )
    changed = ok(
        api.patch(
            "/api/v1/features/history",
            json={"enum_values": ["a", "b", "c"], "display_name": "History"},
        )
    )
    assert changed["enum_values"] == ["a", "b", "c"] and changed["display_name"] == "History"
    assert_problem(api.patch("/api/v1/features/nope", json={"display_name": "x"}), 404)


def test_duplicate_and_archive(api):
    make_feature(api, "sso")
    assert_problem(
        api.post(
            "/api/v1/features", json={"id": "sso", "display_name": "Again", "type": "boolean"}
        ),
        409,
    )
    archived = ok(api.post("/api/v1/features/sso/archive"))
    assert archived["archived"] is True
    assert ok(api.get("/api/v1/features"))["data"] == []
    assert ok(api.get("/api/v1/features/sso"))["archived"] is True
    assert len(ok(api.get("/api/v1/features", params={"include_archived": "true"}))["data"]) == 1
