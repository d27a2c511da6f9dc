"""The demo catalog: "Orbit Workspace", a team workspace app priced like a real SaaS."""

from backend.catalog.schemas import AddonCreate, FeatureCreate, PlanCreate, ProductCreate
from backend.coupons.schemas import CouponCreate

PRODUCT = ProductCreate(
    id="workspace", display_name="Orbit Workspace",
    description="Docs, projects and AI for teams that ship",
    settings={"on_subscription_end": "fallback_plan", "downgrades": "end_of_period"},
)

FEATURES = [
    FeatureCreate(id="seats", display_name="Seats", type="configuration", unit="seat", unit_plural="seats"),
    FeatureCreate(id="storage", display_name="Storage", type="configuration", unit="GB", unit_plural="GB"),
    FeatureCreate(id="projects", display_name="Projects", type="configuration", unit="project",
                  unit_plural="projects"),
    FeatureCreate(id="ai-credits", display_name="AI credits", type="metered", unit="AI credit",
                  unit_plural="AI credits"),
    FeatureCreate(id="api-calls", display_name="API calls", type="metered", unit="API call",
                  unit_plural="API calls"),
    FeatureCreate(id="image-generation", display_name="Image generation", type="metered",
                  unit="image", unit_plural="images"),
    FeatureCreate(id="transcription", display_name="Transcription", type="metered",
                  unit="minute", unit_plural="minutes"),
    FeatureCreate(id="version-history", display_name="Version history", type="enum",
                  enum_values=["7 days", "90 days", "Unlimited"]),
    FeatureCreate(id="guest-access", display_name="Guest access", type="boolean"),
    FeatureCreate(id="sso", display_name="SAML single sign-on", type="boolean"),
    FeatureCreate(id="audit-log", display_name="Audit log", type="boolean"),
    FeatureCreate(id="priority-support", display_name="Priority support", type="boolean"),
]

def _flat(usd_month: int, usd_year: int, eur_month: int, eur_year: int) -> list[dict]:
    """Flat prices in minor units (USD and EUR, monthly and annual)."""
    return [
        {"billing_period": period, "currency": currency, "amount_minor": amount}
        for period, currency, amount in [
            ("monthly", "USD", usd_month), ("annual", "USD", usd_year),
            ("monthly", "EUR", eur_month), ("annual", "EUR", eur_year),
        ]
    ]


# Per-seat prices per (currency, country): monthly and annual unit amounts in major units.
PLUS_SEAT = [("USD", None, "12", "120"), ("EUR", None, "11", "110"), ("GBP", "GB", "10", "100")]
BUSINESS_TIERS = [  # (currency, country, monthly tiers, annual tiers) for <=10, <=50, beyond
    ("USD", None, ("29", "25", "21"), ("290", "250", "210")),
    ("EUR", None, ("27", "23", "19"), ("270", "230", "190")),
    ("GBP", "GB", ("24", "21", "18"), ("240", "210", "180")),
]
API_OVERAGE = [("USD", None, "2"), ("EUR", None, "2"), ("GBP", "GB", "1.60")]


def _plus_prices() -> list[dict]:
    return [
        {"billing_period": period, "currency": currency, "country": country, "model": "per_unit",
         "feature_id": "seats", "unit_amount": amount, "min_quantity": 1, "max_quantity": 20}
        for currency, country, month, year in PLUS_SEAT
        for period, amount in (("monthly", month), ("annual", year))
    ]


API_TIERS = [("USD", None, ("0.001", "0.0005")), ("EUR", None, ("0.001", "0.0005")),
             ("GBP", "GB", ("0.0008", "0.0004"))]


def _plus_api_usage() -> list[dict]:
    """Graduated usage: the first 10,000 API calls free, cheaper per call above 100,000."""
    return [
        {"billing_period": period, "currency": currency, "country": country, "model": "tiered",
         "tiers_mode": "graduated", "feature_id": "api-calls",
         "tiers": [{"up_to": 10_000, "unit_amount": "0"}, {"up_to": 100_000, "unit_amount": mid},
                   {"up_to": None, "unit_amount": high}]}
        for currency, country, (mid, high) in API_TIERS
        for period in ("monthly", "annual")
    ]


def _business_prices() -> list[dict]:
    seats = [
        {"billing_period": period, "currency": currency, "country": country, "model": "tiered",
         "tiers_mode": "volume", "feature_id": "seats", "min_quantity": 3,
         "tiers": [{"up_to": 10, "unit_amount": tiers[0]}, {"up_to": 50, "unit_amount": tiers[1]},
                   {"up_to": None, "unit_amount": tiers[2]}]}
        for currency, country, month, year in BUSINESS_TIERS
        for period, tiers in (("monthly", month), ("annual", year))
    ]
    overage = [
        {"billing_period": period, "currency": currency, "country": country, "model": "overage",
         "feature_id": "api-calls", "free_units": 100_000, "block_size": 1000, "unit_amount": per_block}
        for currency, country, per_block in API_OVERAGE
        for period in ("monthly", "annual")
    ]
    return seats + overage


ADDONS = [
    AddonCreate(
        id="extra-storage", product_id="workspace", display_name="Extra storage",
        description="100 GB more for files and media", max_quantity=10,
        entitlements=[{"feature_id": "storage", "limit": 100}], prices=_flat(1000, 10000, 900, 9000),
    ),
    AddonCreate(
        id="ai-boost", product_id="workspace", display_name="AI Boost",
        description="10,000 more AI credits every month",
        entitlements=[{"feature_id": "ai-credits", "limit": 10000, "reset_period": "month"}],
        prices=_flat(1900, 19000, 1800, 18000),
    ),
    AddonCreate(
        id="ai-credit-pack", product_id="workspace", display_name="AI credit pack",
        description="5,000 prepaid AI credits; 5 packs or more cost less", requires_addon_ids=["ai-boost"],
        prices=[
            {"billing_period": period, "currency": currency, "model": "credit_pack", "credits": 5000,
             "amount_minor": pack, "tiers_mode": "volume",
             "tiers": [{"up_to": 4, "unit_amount": str(pack / 100)},
                       {"up_to": None, "unit_amount": str(discounted / 100)}]}
            for currency, pack, discounted in (("USD", 1000, 800), ("EUR", 900, 750))
            for period in ("monthly", "annual")
        ],
    ),
]

PLANS = [
    PlanCreate(
        id="free", product_id="workspace", display_name="Free", order=0, pricing_type="free",
        description="For individuals getting organised",
        entitlements=[
            {"feature_id": "seats", "limit": 3},
            {"feature_id": "projects", "limit": 5},
            {"feature_id": "storage", "limit": 2},
            {"feature_id": "ai-credits", "limit": 100, "reset_period": "month"},
            {"feature_id": "version-history", "enum_values": ["7 days"]},
        ],
    ),
    PlanCreate(
        id="plus", product_id="workspace", display_name="Plus", order=1,
        description="For small teams that work together every day",
        prices=_plus_prices() + _plus_api_usage(), compatible_addon_ids=["extra-storage", "ai-boost", "ai-credit-pack"],
        entitlements=[
            {"feature_id": "seats", "limit": 20},
            {"feature_id": "projects", "unlimited": True},
            {"feature_id": "storage", "limit": 100},
            {"feature_id": "ai-credits", "limit": 2000, "reset_period": "month"},
            {"feature_id": "api-calls", "limit": 10000, "reset_period": "month", "soft_limit": True},
            {"feature_id": "version-history", "enum_values": ["90 days"]},
            {"feature_id": "guest-access"},
        ],
    ),
    PlanCreate(
        id="business", product_id="workspace", display_name="Business", order=2, highlighted=True,
        description="For growing companies that need control and scale", base_plan_id="plus",
        trial_days=14, prices=_business_prices(),
        compatible_addon_ids=["extra-storage", "ai-boost", "ai-credit-pack"],
        entitlements=[
            {"feature_id": "seats", "unlimited": True},
            {"feature_id": "storage", "limit": 1000},
            {"feature_id": "ai-credits", "limit": 10000, "reset_period": "month"},
            {"feature_id": "api-calls", "limit": 100000, "reset_period": "month", "soft_limit": True},
            {"feature_id": "version-history", "enum_values": ["Unlimited"]},
            {"feature_id": "sso"},
            {"feature_id": "audit-log"},
        ],
    ),
    PlanCreate(
        id="enterprise", product_id="workspace", display_name="Enterprise", order=3,
        pricing_type="custom", base_plan_id="business",
        description="For organisations with advanced security and support needs",
        entitlements=[
            {"feature_id": "storage", "unlimited": True},
            {"feature_id": "api-calls", "unlimited": True},
            {"feature_id": "priority-support"},
        ],
    ),
]

COUPONS = [
    CouponCreate(id="launch20", code="LAUNCH20", name="Launch offer",
                 description="20% off the first three billing periods", percent_off=20,
                 duration="repeating", duration_periods=3),
    CouponCreate(id="welcome10", code="WELCOME10", name="Welcome",
                 description="$10 / 9 € off the first bill", amounts_off={"USD": 1000, "EUR": 900},
                 duration="once", plan_ids=["plus"]),
]

CUSTOMERS = [
    {"id": "acme", "name": "Acme Corp", "email": "billing@acme.example", "billing_country": "US",
     "locale": "en-US", "subscription": {"plan_id": "plus", "billing_period": "monthly"}},
    {"id": "globex", "name": "Globex GmbH", "email": "finanzen@globex.example",
     "billing_country": "DE", "locale": "de-DE",
     "subscription": {"plan_id": "business", "billing_period": "annual"}},
    {"id": "initech", "name": "Initech", "email": "ops@initech.example", "billing_country": "GB",
     "locale": "en-GB", "subscription": {"plan_id": "free"}},
]
