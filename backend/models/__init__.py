"""ORM tables; importing this package registers every table on `Base.metadata`."""

from backend.models import revisions  # noqa: F401  (catalog revision bumps)
from backend.models.base import Base
from backend.models.catalog import (
    Feature,
    Package,
    PackageEntitlement,
    PackagePrice,
    PlanAddon,
    Product,
)
from backend.models.coupon import Coupon  # noqa: F401
from backend.models.credits import (
    CreditAccount,
    CreditConsumption,
    CreditCurrency,
    CreditEntry,
    CreditGrant,
    CreditRecharge,
    CreditRechargeSettings,
)
from backend.models.customer import Customer
from backend.models.environment import ApiKey, Environment
from backend.models.event import Event
from backend.models.idempotency import IdempotencyRecord
from backend.models.payment import Payment, PaymentMethod
from backend.models.subscription import CustomerCredit, Invoice, InvoiceLine, Subscription
from backend.models.themes import Theme, ThemeAssignment, ThemeVersion
from backend.models.usage import (
    Meter,
    MeterUnique,
    PromotionalEntitlement,
    UsageAlert,
    UsageCounter,
    UsageEvent,
    UsageReport,
)
from backend.models.webhooks import (
    WebhookAttempt,
    WebhookEndpoint,
    WebhookMessage,
    WebhookOutbox,
)

__all__ = [
    "ApiKey", "Base", "CreditAccount", "CreditConsumption", "CreditCurrency", "CreditEntry",
    "CreditGrant", "CreditRecharge", "CreditRechargeSettings", "Customer", "CustomerCredit", "Environment", "Event", "Feature", "IdempotencyRecord", "Invoice", "InvoiceLine",
    "Package", "PackageEntitlement", "PackagePrice", "Payment", "PaymentMethod", "PlanAddon",
    "Product", "Subscription", "Meter", "MeterUnique", "PromotionalEntitlement", "UsageAlert",
    "UsageCounter", "UsageEvent", "UsageReport", "WebhookAttempt", "WebhookEndpoint",
    "WebhookMessage", "WebhookOutbox",
    "Theme", "ThemeAssignment", "ThemeVersion",
]
