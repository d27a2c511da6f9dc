"""The text of an entitlement line in a pricing table."""

from datetime import UTC, datetime

import pytest

from backend.catalog.schemas import EntitlementPublic, FeaturePublic
from backend.paywall.labels import entitlement_label

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def feature(name, type_="configuration", unit=None, plural=None, values=None):
    return FeaturePublic(
        id="f",
        display_name=name,
        description=None,
        type=type_,
        meter_type=None,
        unit=unit,
        unit_plural=plural,
        enum_values=values,
        metadata={},
        archived=False,
        created_at=T0,
        updated_at=T0,
    )


SEATS = feature("Seats", unit="seat", plural="seats")
STORAGE = feature("Storage", unit="GB", plural="GB")
CALLS = feature("API calls", "metered", unit="API call", plural="API calls")
CREDITS = feature("AI credits", "metered", unit="AI credit", plural="AI credits")
SSO = feature("SAML single sign-on", "boolean")
HISTORY = feature("Version history", "enum", values=["7 days", "90 days", "Unlimited"])
PROJECTS = feature("Projects", unit="project", plural="projects")
BARE = feature("Workspaces")


@pytest.mark.parametrize(
    ("feat", "entitlement", "locale", "label"),
    [
        (SEATS, {"limit": 10}, "en_US", "10 seats"),
        (SEATS, {"limit": 1}, "en_US", "1 seat"),
        (SEATS, {"limit": 0}, "en_US", "0 seats"),
        (SEATS, {"unlimited": True}, "en_US", "Unlimited seats"),
        (STORAGE, {"limit": 1000}, "en_US", "1,000 GB storage"),
        (STORAGE, {"limit": 1000}, "de_DE", "1.000 GB storage"),
        (STORAGE, {"unlimited": True}, "en_US", "Unlimited storage"),
        (CALLS, {"limit": 100000, "reset_period": "month"}, "en_US", "100,000 API calls per month"),
        (CREDITS, {"limit": 1, "reset_period": "day"}, "en_US", "1 AI credit per day"),
        (CALLS, {"unlimited": True}, "en_US", "Unlimited API calls"),
        (SSO, {}, "en_US", "SAML single sign-on"),
        (
            HISTORY,
            {"enum_values": ["90 days", "Unlimited"]},
            "en_US",
            "Version history: 90 days, Unlimited",
        ),
        (PROJECTS, {"limit": 5}, "en_US", "5 projects"),
        (BARE, {"limit": 3}, "en_US", "3 Workspaces"),
        (BARE, {"unlimited": True}, "en_US", "Unlimited workspaces"),
        (
            SEATS,
            {"limit": 10, "display_name": "Up to ten teammates"},
            "en_US",
            "Up to ten teammates",
        ),
    ],
)
def test_labels(feat, entitlement, locale, label):
    e = EntitlementPublic(feature_id="f", **entitlement)
    assert entitlement_label(e, feat, locale) == label
