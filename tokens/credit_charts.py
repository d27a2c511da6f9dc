"""Component tokens of the credit usage chart and the credit grants table (aliases of semantic
roles). The chart's series colours follow the semantic `chart-*` palette in order."""

from __future__ import annotations

from tokens.group import ComponentGroup

CHART_PALETTE_SIZE = 10

CREDIT_CHART_SERIES: tuple[str, ...] = tuple(
    f"credit-chart-series-{i}" for i in range(1, CHART_PALETTE_SIZE + 1))

CREDIT_CHARTS: dict[str, str] = {
    **{name: f"{{chart-{i}}}" for i, name in enumerate(CREDIT_CHART_SERIES, start=1)},
    "credit-history-card-bg": "{surface-raised}",
    "credit-history-card-border": "{border-subtle}",
    "credit-history-card-radius": "{radius-card}",
    "credit-history-card-shadow": "{shadow-card}",
    "credit-history-title-text": "{text}",
    "credit-history-body-text": "{text-muted}",
    "credit-chart-total-text": "{text}",
    "credit-chart-axis-text": "{text-muted}",
    "credit-chart-grid": "{border-subtle}",
    "credit-chart-axis-line": "{border}",
    "credit-chart-tooltip-bg": "{surface-raised}",
    "credit-chart-tooltip-border": "{border}",
    "credit-chart-tooltip-text": "{text}",
    "credit-chart-control-bg": "{surface-raised}",
    "credit-chart-control-border": "{border}",
    "credit-chart-control-text": "{text}",
    "credit-chart-control-hover-bg": "{surface-hover}",
    "credit-chart-legend-border": "{border-subtle}",
    "credit-grants-head-bg": "{surface}",
    "credit-grants-head-text": "{text-muted}",
    "credit-grants-row-border": "{border-subtle}",
    "credit-grants-row-hover-bg": "{surface}",
    "credit-grants-text": "{text}",
    "credit-grants-muted-text": "{text-muted}",
    "credit-grants-sort-active-text": "{primary-soft-text}",
    "credit-grants-meter-track": "{border-subtle}",
    "credit-grants-meter-fill": "{primary}",
    "credit-grants-status-active-bg": "{success-soft}",
    "credit-grants-status-active-text": "{success}",
    "credit-grants-status-scheduled-bg": "{warning-soft}",
    "credit-grants-status-scheduled-text": "{warning}",
    "credit-grants-status-neutral-bg": "{surface-sunken}",
    "credit-grants-status-neutral-text": "{text-muted}",
    "credit-grants-status-voided-bg": "{danger-soft}",
    "credit-grants-status-voided-text": "{danger}",
    "credit-grants-error-bg": "{danger-soft}",
    "credit-grants-error-text": "{danger}",
}

CREDIT_CHARTS_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("credit-history-title-text", "credit-history-card-bg"),
    ("credit-history-body-text", "credit-history-card-bg"),
    ("credit-chart-total-text", "credit-history-card-bg"),
    ("credit-chart-axis-text", "credit-history-card-bg"),
    ("credit-chart-tooltip-text", "credit-chart-tooltip-bg"),
    ("credit-chart-control-text", "credit-chart-control-bg"),
    ("credit-chart-control-text", "credit-chart-control-hover-bg"),
    ("credit-grants-head-text", "credit-grants-head-bg"),
    ("credit-grants-text", "credit-history-card-bg"),
    ("credit-grants-text", "credit-grants-row-hover-bg"),
    ("credit-grants-muted-text", "credit-history-card-bg"),
    ("credit-grants-muted-text", "credit-grants-row-hover-bg"),
    ("credit-grants-sort-active-text", "credit-grants-head-bg"),
    ("credit-grants-status-active-text", "credit-grants-status-active-bg"),
    ("credit-grants-status-scheduled-text", "credit-grants-status-scheduled-bg"),
    ("credit-grants-status-neutral-text", "credit-grants-status-neutral-bg"),
    ("credit-grants-status-voided-text", "credit-grants-status-voided-bg"),
    ("credit-grants-error-text", "credit-grants-error-bg"),
)

GROUP = ComponentGroup(
    key="credit-charts", label="Credit usage chart and grants", widgets=("credit_usage", "credit_grants"), tokens=CREDIT_CHARTS,
    contrast_pairs=CREDIT_CHARTS_CONTRAST_PAIRS,
    ui_contrast_pairs=tuple((s, "credit-history-card-bg") for s in CREDIT_CHART_SERIES),
)
