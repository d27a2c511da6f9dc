"""Pure arithmetic on recurring flat prices (no I/O). Amounts are integer minor units."""

from decimal import ROUND_HALF_UP, Decimal, localcontext

MONTHS_PER_PERIOD = {"monthly": 1, "quarterly": 3, "annual": 12}


def monthly_equivalent(amount_minor: int, billing_period: str) -> int:
    """The per-month amount of a period price, rounded half-up to the minor unit."""
    months = MONTHS_PER_PERIOD[billing_period]
    with localcontext() as ctx:  # wide enough for any amount (the default 28 digits are not)
        ctx.prec = 120
        return int((Decimal(amount_minor) / months).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def annual_savings_percent(monthly_minor: int, annual_minor: int) -> int:
    """Whole-percent saving of paying annually versus twelve monthly payments.

    `round_half_up((12 × monthly − annual) / (12 × monthly) × 100)`, never negative; 0 when the
    monthly price is 0. Example: $29/month vs $290/year → 16.67% → 17.
    """
    yearly_at_monthly = 12 * monthly_minor
    if yearly_at_monthly <= 0 or annual_minor >= yearly_at_monthly:
        return 0
    saving = Decimal(yearly_at_monthly - annual_minor) * 100 / Decimal(yearly_at_monthly)
    return int(saving.quantize(Decimal(1), rounding=ROUND_HALF_UP))
