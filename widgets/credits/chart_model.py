"""Pure view model of the credit usage chart: a `CreditUsage` series turned into the header
total, the per-feature summary list (the chart's text alternative) and a stacked bar plotly
figure coloured from the theme's chart palette. No Reflex here."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from math import ceil

import plotly.graph_objects as go
from babel.dates import format_skeleton
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from backend.credits.schemas import CreditUsage, CurrencyBrief, UsageSeries
from backend.kit.money import normalize_locale
from tokens import Theme, css_name, default_theme
from tokens.credit_charts import CREDIT_CHART_SERIES
from widgets._ui.texts import fill

RANGES: tuple[str, ...] = ("24h", "7d", "30d", "12m")
DEFAULT_RANGE = "30d"
MAX_TICKS = 8  # phones show every other one (CSS)
CHART_HEIGHT = 300


@dataclasses.dataclass
class LegendRow:
    """One feature in the summary list below the chart."""

    feature_id: str = ""
    name: str = ""
    amount: str = ""
    share: str = ""
    swatch: str = ""  # a CSS colour: var(--tg-credit-chart-series-N)


@dataclasses.dataclass
class ChartStyle:
    """Resolved token colours of one colour mode (plotly needs literal colours)."""

    series: tuple[str, ...]
    font_family: str
    axis_text: str
    grid: str
    axis_line: str
    tooltip_bg: str
    tooltip_border: str
    tooltip_text: str
    separator: str


@dataclasses.dataclass
class ChartView:
    """Everything the widget shows for one usage answer."""

    total: str = ""
    unit: str = ""
    empty: bool = True
    caption: str = ""
    label: str = ""
    rows: list[LegendRow] = dataclasses.field(default_factory=list)


def chart_style(mode: str, theme: Theme | None = None) -> ChartStyle:
    """The chart's colours and font for `light` or `dark`, resolved from the theme's tokens."""
    theme = theme or default_theme()

    def token(name: str) -> str:
        return theme.resolve(mode, name)

    return ChartStyle(
        series=tuple(token(name) for name in CREDIT_CHART_SERIES),
        font_family=token("font-family"), axis_text=token("credit-chart-axis-text"),
        grid=token("credit-chart-grid"), axis_line=token("credit-chart-axis-line"),
        tooltip_bg=token("credit-chart-tooltip-bg"),
        tooltip_border=token("credit-chart-tooltip-border"),
        tooltip_text=token("credit-chart-tooltip-text"), separator=token("credit-history-card-bg"))


def format_credits(value: Decimal, locale: str) -> str:
    """'1,234.5' (at most two decimals, grouped per locale)."""
    return format_decimal(value, format="#,##0.##", locale=normalize_locale(locale))


def unit_name(value: Decimal, currency: CurrencyBrief) -> str:
    """The currency's singular unit for exactly one, its plural otherwise."""
    return currency.unit_singular if value == 1 else currency.unit_plural


def amount_text(value: Decimal, currency: CurrencyBrief, locale: str,
                texts: Mapping[str, str]) -> str:
    """'1,234.5 credits'."""
    return fill(texts["amount"], amount=format_credits(value, locale),
                units=unit_name(value, currency))


def ordered_series(usage: CreditUsage) -> list[tuple[int, UsageSeries]]:
    """Series in a stable order (by feature id, direct use last) with their palette index, so
    a feature keeps its colour when the range changes."""
    ranked = sorted(usage.series, key=lambda s: (s.feature_id is None, s.feature_id or "",
                                                  s.feature_name))
    return list(enumerate(ranked))


def stacked_totals(usage: CreditUsage) -> list[Decimal]:
    """The height of each bucket's stack (the sum over features), in bucket order."""
    index = {start: i for i, start in enumerate(usage.buckets)}
    totals = [Decimal(0)] * len(usage.buckets)
    for series in usage.series:
        for point in series.points:
            totals[index[point.start]] += point.value
    return totals


def _utc(at: datetime) -> datetime:
    return at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)


def bucket_label(at: datetime, bucket: str, locale: str, *, short: bool = False,
                 utc: str = "UTC") -> str:
    """How a bucket is named on the axis (`short`) and in the tooltip, in UTC (`utc` names
    it after an hour's time)."""
    loc, at = normalize_locale(locale), _utc(at)

    def skeleton(pattern: str) -> str:
        return format_skeleton(pattern, at, locale=loc, tzinfo=UTC)

    if bucket == "hour":
        return skeleton("Hm") if short else f"{skeleton('MMMEd')} · {skeleton('Hm')} {utc}"
    if bucket == "month":
        return skeleton("MMM") if short else skeleton("yMMMM")
    return skeleton("MMMd") if short else skeleton("MMMEd")


def tick_indexes(count: int, most: int = MAX_TICKS) -> list[int]:
    """Which buckets get an axis label: evenly spaced, always including the latest one."""
    if count <= 0:
        return []
    every = max(1, ceil(count / most))
    return sorted(range(count - 1, -1, -every))


def percentages(parts: Sequence[Decimal]) -> list[int]:
    """Whole percentages of each part that add up to exactly 100 (largest remainders get the
    points rounding down lost); all zeros when nothing was used."""
    whole = sum(parts, Decimal(0))
    if whole <= 0:
        return [0] * len(parts)
    exact = [part * 100 / whole for part in parts]
    out = [int(value) for value in exact]
    by_remainder = sorted(range(len(parts)), key=lambda i: (out[i] - exact[i], i))
    for i in by_remainder[:100 - sum(out)]:
        out[i] += 1
    return out


def view(usage: CreditUsage, range_: str, locale: str, texts: Mapping[str, str]) -> ChartView:
    """Header total, caption, accessible label and the summary rows (largest first)."""
    currency = usage.currency
    total = amount_text(usage.total, currency, locale, texts)
    used = [(index, series) for index, series in ordered_series(usage) if series.total != 0]
    shares = percentages([series.total for _, series in used])
    rows = [(series.total, LegendRow(
        feature_id=series.feature_id or "direct",
        name=series.feature_name or texts["direct"],
        amount=amount_text(series.total, currency, locale, texts),
        share=fill(texts["share"], percent=share),
        swatch=f"var({css_name(CREDIT_CHART_SERIES[index % len(CREDIT_CHART_SERIES)])})"))
        for (index, series), share in zip(used, shares, strict=True)]
    rows.sort(key=lambda pair: -pair[0])
    last = usage.buckets[-1] if usage.buckets else usage.end
    label = fill(texts["chart_label"], units=currency.unit_plural,
                 period=texts.get(f"range_{range_}", range_).lower(),
                 start=bucket_label(usage.start, usage.bucket, locale, utc=texts["utc"]),
                 end=bucket_label(last, usage.bucket, locale, utc=texts["utc"]), total=total)
    return ChartView(total=format_credits(usage.total, locale),
                     unit=unit_name(usage.total, currency), empty=usage.total == 0,
                     caption=texts.get(f"per_{usage.bucket}", ""), label=label,
                     rows=[row for _, row in rows])


def figure(usage: CreditUsage, style: ChartStyle, locale: str,
           texts: Mapping[str, str]) -> go.Figure:
    """A stacked bar chart: one trace per feature that used credits, a tooltip per bucket with
    the date, each feature and its credits, a legend, transparent background, token colours."""
    loc = normalize_locale(locale)
    currency = usage.currency
    labels = [bucket_label(at, usage.bucket, locale, utc=texts["utc"]) for at in usage.buckets]
    traces = []
    for index, series in ordered_series(usage):
        if series.total == 0:
            continue
        values = {p.start: p.value for p in series.points}
        ys = [values.get(at, Decimal(0)) for at in usage.buckets]
        traces.append(go.Bar(  # buckets without use are gaps, so tooltips leave them out
            x=labels, y=[float(y) if y else None for y in ys],
            name=series.feature_name or texts["direct"],
            customdata=[amount_text(y, currency, locale, texts) for y in ys],
            hovertemplate="%{fullData.name}: <b>%{customdata}</b><extra></extra>",
            marker={"color": style.series[index % len(style.series)],
                    "line": {"color": style.separator, "width": 1}},
        ))
    if len(traces) > 1:  # the stack's height as the tooltip's last line
        stacks = stacked_totals(usage)
        traces.append(go.Scatter(
            x=labels, y=[float(v) for v in stacks], name=texts["hover_total"], mode="markers",
            marker={"size": 1, "opacity": 0, "color": style.tooltip_text}, showlegend=False,
            customdata=[amount_text(v, currency, locale, texts) for v in stacks],
            hovertemplate=f"{texts['hover_total']}: <b>%{{customdata}}</b><extra></extra>"))
    ticks = tick_indexes(len(labels))
    axis_font = {"family": style.font_family, "size": 12, "color": style.axis_text}
    fig = go.Figure(data=traces)
    fig.update_layout(
        barmode="stack", bargap=0.28, height=CHART_HEIGHT, autosize=True,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
        font={"family": style.font_family, "size": 12, "color": style.axis_text},
        separators=get_decimal_symbol(loc) + get_group_symbol(loc),
        hovermode="x unified", dragmode=False,
        hoverlabel={"bgcolor": style.tooltip_bg, "bordercolor": style.tooltip_border,
                    "font": {"family": style.font_family, "size": 13,
                             "color": style.tooltip_text}},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
                "font": {"family": style.font_family, "size": 13, "color": style.tooltip_text},
                "bgcolor": "rgba(0,0,0,0)", "traceorder": "normal", "itemclick": "toggle",
                "itemdoubleclick": "toggleothers"},
        showlegend=bool(traces),
        xaxis={"type": "category", "tickmode": "array", "tickangle": 0,
               "tickvals": [labels[i] for i in ticks],
               "ticktext": [bucket_label(usage.buckets[i], usage.bucket, locale, short=True)
                            for i in ticks],
               "tickfont": axis_font, "showgrid": False, "zeroline": False,
               "showline": True, "linecolor": style.axis_line, "ticks": "",
               "fixedrange": True, "automargin": True, "categoryorder": "array",
               "unifiedhovertitle": {"text": "<b>%{x}</b>"},
               "categoryarray": labels},
        yaxis={"tickfont": axis_font, "gridcolor": style.grid, "zeroline": False,
               "showline": False, "tickformat": ",~f", "rangemode": "tozero",
               "fixedrange": True, "automargin": True, "nticks": 6},
    )
    return fig


def range_options(texts: Mapping[str, str], ranges: Sequence[str] = RANGES) -> list[list[str]]:
    """[[value, label], ...] for the range selector."""
    return [[r, texts[f"range_{r}"]] for r in ranges]
