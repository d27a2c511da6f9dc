"""The demo catalog: "Orbit Workspace", a team workspace app priced like a real SaaS."""

from backend.catalog.schemas import AddonCreate, FeatureCreate, PlanCreate, ProductCreate

PRODUCT = ProductCreate(
    id="workspace", display_name="Orbit Workspace",
    description="Docs, projects and AI for teams that ship",
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
    FeatureCreate(id="version-history", display_name="Version history", type="enum",
                  enum_values=["7 days", "90 days", "Unlimited"]),
    FeatureCreate(id="guest-access", display_name="Guest access", type="boolean"),
    FeatureCreate(id="sso", display_name="SAML single sign-on", type="boolean"),
    FeatureCreate(id="audit-log", display_name="Audit log", type="boolean"),
    FeatureCreate(id="priority-support", display_name="Priority support", type="boolean"),
]

ADDONS = [
    AddonCreate(
        id="extra-seats", product_id="workspace", display_name="Extra seats",
        description="Five more seats for growing teams", max_quantity=20,
        entitlements=[{"feature_id": "seats", "limit": 5}],
        prices=[{"billing_period": "monthly", "currency": "USD", "amount_minor": 2500},
                {"billing_period": "annual", "currency": "USD", "amount_minor": 25000},
                {"billing_period": "monthly", "currency": "EUR", "amount_minor": 2300},
                {"billing_period": "annual", "currency": "EUR", "amount_minor": 23000}],
    ),
    AddonCreate(
        id="ai-boost", product_id="workspace", display_name="AI Boost",
        description="10,000 more AI credits every month",
        entitlements=[{"feature_id": "ai-credits", "limit": 10000, "reset_period": "month"}],
        prices=[{"billing_period": "monthly", "currency": "USD", "amount_minor": 1900},
                {"billing_period": "annual", "currency": "USD", "amount_minor": 19000},
                {"billing_period": "monthly", "currency": "EUR", "amount_minor": 1800},
                {"billing_period": "annual", "currency": "EUR", "amount_minor": 18000}],
    ),
]


def _prices(usd_month: int, usd_year: int, eur_month: int, eur_year: int) -> list[dict]:
    return [
        {"billing_period": "monthly", "currency": "USD", "amount_minor": usd_month},
        {"billing_period": "annual", "currency": "USD", "amount_minor": usd_year},
        {"billing_period": "monthly", "currency": "EUR", "amount_minor": eur_month},
        {"billing_period": "annual", "currency": "EUR", "amount_minor": eur_year},
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
        prices=_prices(2900, 29000, 2700, 27000), compatible_addon_ids=["extra-seats", "ai-boost"],
        entitlements=[
            {"feature_id": "seats", "limit": 10},
            {"feature_id": "projects", "unlimited": True},
            {"feature_id": "storage", "limit": 100},
            {"feature_id": "ai-credits", "limit": 2000, "reset_period": "month"},
            {"feature_id": "api-calls", "limit": 10000, "reset_period": "month"},
            {"feature_id": "version-history", "enum_values": ["90 days"]},
            {"feature_id": "guest-access"},
        ],
    ),
    PlanCreate(
        id="business", product_id="workspace", display_name="Business", order=2, highlighted=True,
        description="For growing companies that need control and scale", base_plan_id="plus",
        trial_days=14, prices=_prices(7900, 79000, 7500, 75000),
        compatible_addon_ids=["extra-seats", "ai-boost"],
        entitlements=[
            {"feature_id": "seats", "limit": 50},
            {"feature_id": "storage", "limit": 1000},
            {"feature_id": "ai-credits", "limit": 10000, "reset_period": "month"},
            {"feature_id": "api-calls", "limit": 100000, "reset_period": "month"},
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
            {"feature_id": "seats", "unlimited": True},
            {"feature_id": "storage", "unlimited": True},
            {"feature_id": "api-calls", "unlimited": True},
            {"feature_id": "priority-support"},
        ],
    ),
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
