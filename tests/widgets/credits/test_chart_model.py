"""The credit usage chart's view model: totals, the summary list, bucket labels, ticks and the
plotly figure built from a hand-made `CreditUsage` (no backend, no Reflex)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.credits.schemas import CreditUsage
from tokens import contrast_ratio, default_theme
from tokens.credit_charts import CREDIT_CHART_SERIES
from widgets.credits import chart_model as m
from widgets.credits.chart_texts import CHART_TEXTS, chart_texts

START = datetime(2026, 10, 26, tzinfo=UTC)
CURRENCY = {"id": "credits", "name": "Credits", "symbol": None, "unit_singular": "credit",
            "unit_plural": "credits"}


def usage(series: dict[str | None, list[Decimal]], bucket: str = "day",
          start: datetime = START) -> CreditUsage:
    count = len(next(iter(series.values()))) if series else 30
    step = timedelta(hours=1) if bucket == "hour" else timedelta(days=1)
    buckets = [start + step * i for i in range(count)]
    names = {"image-generation": "Image generation", "transcription": "Transcription",
             None: ""}
    return CreditUsage(
        customer_id="acme", currency=CURRENCY, bucket=bucket, start=start,
        end=start + step * count, total=sum((sum(v, Decimal(0)) for v in series.values()),
                                            Decimal(0)),
        buckets=buckets,
        series=[{"feature_id": fid, "feature_name": names.get(fid, str(fid).title()),
                 "total": sum(values, Decimal(0)),
                 "points": [{"start": b, "value": v} for b, v in zip(buckets, values,
                                                                       strict=True)]}
                for fid, values in series.items()])


def sample() -> CreditUsage:
    return usage({"transcription": [Decimal("2.5")] * 30,
                  "image-generation": [Decimal(i % 7 * 10) for i in range(30)]})


def test_header_total_summary_rows_and_label() -> None:
    shown = m.view(sample(), "30d", "en_US", CHART_TEXTS)
    assert (shown.total, shown.unit, shown.empty) == ("925", "credits", False)
    image, transcription = shown.rows
    assert (image.name, image.amount, image.share) == ("Image generation", "850 credits",
                                                       "92% of total")
    assert (transcription.amount, transcription.share) == ("75 credits", "8% of total")
    # Colours follow a stable order (by feature id), not the size of each total.
    assert image.swatch == "var(--tg-credit-chart-series-1)"
    assert transcription.swatch == "var(--tg-credit-chart-series-2)"
    assert shown.caption == "Credits per day · dates in UTC"
    assert "last 30 days" in shown.label and "Mon, Oct 26" in shown.label
    assert "Tue, Nov 24" in shown.label and "925 credits in all" in shown.label


def test_empty_and_singular_units_and_locale() -> None:
    nothing = m.view(usage({"transcription": [Decimal(0)] * 7}), "7d", "en_US", CHART_TEXTS)
    assert nothing.empty and nothing.rows == [] and nothing.total == "0"
    one = m.view(usage({"transcription": [Decimal(1)] + [Decimal(0)] * 6}), "7d", "en_US",
                 CHART_TEXTS)
    assert one.unit == "credit" and one.rows[0].amount == "1 credit"
    german = m.view(usage({"transcription": [Decimal("1234.5")] * 2}), "7d", "de_DE",
                    CHART_TEXTS)
    assert german.total == "2.469"
    assert m.format_credits(Decimal("1234.567"), "de_DE") == "1.234,57"


def test_direct_consumption_without_a_feature_is_named() -> None:
    shown = m.view(usage({None: [Decimal(5)] * 3}), "7d", "en_US", CHART_TEXTS)
    assert shown.rows[0].name == "Direct use" and shown.rows[0].feature_id == "direct"


def test_overrides_replace_texts_and_typos_raise() -> None:
    texts = chart_texts({"amount": "{amount} {units} spent"})
    assert m.view(sample(), "30d", "en_US", texts).rows[0].amount == "850 credits spent"
    with pytest.raises(ValueError, match="unknown credit_usage text keys: totl"):
        chart_texts({"totl": "x"})


def test_bucket_labels_per_bucket_size() -> None:
    at = datetime(2026, 11, 24, 14, tzinfo=UTC)
    assert m.bucket_label(at, "hour", "en_US") == "Tue, Nov 24 · 14:00 UTC"
    assert m.bucket_label(at, "hour", "en_US", short=True) == "14:00"
    assert m.bucket_label(at, "day", "en_US") == "Tue, Nov 24"
    assert m.bucket_label(at, "day", "en_US", short=True) == "Nov 24"
    assert m.bucket_label(at, "month", "en_US") == "November 2026"
    assert m.bucket_label(at, "month", "de_DE", short=True) == "Nov"
    assert m.bucket_label(at, "hour", "fr_FR", utc="TU") == "mar. 24 nov. · 14:00 TU"


@given(st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=12))
def test_ticks_are_few_evenly_spaced_and_end_with_the_latest(count: int, most: int) -> None:
    ticks = m.tick_indexes(count, most)
    if count == 0:
        assert ticks == []
        return
    assert ticks[-1] == count - 1 and len(ticks) <= most
    assert ticks == sorted(set(ticks)) and all(0 <= t < count for t in ticks)
    assert len({b - a for a, b in itertools.pairwise(ticks)}) <= 1


amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                      allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d", None]),
                       st.lists(amounts, min_size=24, max_size=24), min_size=1, max_size=5))
def test_stacks_add_up_to_the_series_totals(series: dict[str | None, list[Decimal]]) -> None:
    data = usage(series, bucket="hour")
    stacks = m.stacked_totals(data)
    assert len(stacks) == len(data.buckets)
    assert sum(stacks, Decimal(0)) == data.total == sum((s.total for s in data.series),
                                                        Decimal(0))
    for i, stack in enumerate(stacks):
        assert stack == sum((values[i] for values in series.values()), Decimal(0))
    fig = m.figure(data, m.chart_style("light"), "en_US", CHART_TEXTS)
    bars = [trace for trace in fig.data if trace.type == "bar"]
    drawn = [sum(Decimal(str(y or 0)) for y in trace.y) for trace in bars]
    assert all(y is None or y > 0 for trace in bars for y in trace.y)
    assert sorted(drawn) == sorted(s.total for s in data.series if s.total)
    lines = [trace for trace in fig.data if trace.type == "scatter"]
    if len(bars) > 1:  # the tooltip's total line is the stack's height
        assert [Decimal(str(y)) for y in lines[0].y] == stacks and not lines[0].showlegend
    else:
        assert lines == []
    shown = m.view(data, "24h", "en_US", CHART_TEXTS)
    assert len(shown.rows) == len(bars)
    shares = [int(r.share.split("%")[0]) for r in shown.rows]
    assert shares == sorted(shares, reverse=True)
    assert sum(shares) == (100 if data.total else 0)


@given(st.lists(amounts, max_size=12))
def test_percentages_add_up_to_a_hundred_and_stay_close(parts: list[Decimal]) -> None:
    got = m.percentages(parts)
    whole = sum(parts, Decimal(0))
    assert len(got) == len(parts)
    if whole == 0:
        assert set(got) <= {0}
        return
    assert sum(got) == 100
    for part, share in zip(parts, got, strict=True):
        assert abs(part * 100 / whole - share) < 1


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_figure_is_a_stacked_transparent_bar_chart_in_token_colours(mode: str) -> None:
    style = m.chart_style(mode)
    fig = m.figure(sample(), style, "en_US", CHART_TEXTS)
    layout = fig.layout
    assert layout.barmode == "stack" and layout.hovermode == "x unified"
    assert layout.paper_bgcolor == layout.plot_bgcolor == "rgba(0,0,0,0)"
    assert [t.type for t in fig.data] == ["bar", "bar", "scatter"]
    assert [t.name for t in fig.data] == ["Image generation", "Transcription", "Total"]
    theme = default_theme()
    assert fig.data[0].marker.color == theme.resolve(mode, "chart-1")
    assert fig.data[1].marker.color == theme.resolve(mode, "chart-2")
    assert layout.xaxis.tickfont.color == theme.resolve(mode, "text-muted")
    assert layout.yaxis.gridcolor == theme.resolve(mode, "border-subtle")
    assert layout.hoverlabel.bgcolor == theme.resolve(mode, "surface-raised")
    assert fig.data[1].customdata[0] == "2.5 credits"
    assert fig.data[0].x[0] == "Mon, Oct 26" and "%{customdata}" in fig.data[0].hovertemplate
    assert list(fig.data[2].customdata[:2]) == ["2.5 credits", "12.5 credits"]
    assert fig.data[2].hovertemplate.startswith("Total: ")
    assert list(layout.xaxis.ticktext)[-1] == "Nov 24" and len(layout.xaxis.tickvals) <= 8
    assert layout.xaxis.tickangle == 0
    assert layout.xaxis.unifiedhovertitle.text == "<b>%{x}</b>"
    assert layout.legend.orientation == "h" and layout.showlegend


def test_figures_differ_between_modes_and_german_separators() -> None:
    light = m.figure(sample(), m.chart_style("light"), "de_DE", CHART_TEXTS)
    dark = m.figure(sample(), m.chart_style("dark"), "de_DE", CHART_TEXTS)
    assert light.data[0].marker.color != dark.data[0].marker.color
    assert light.layout.separators == ",." and light.data[1].customdata[0] == "2,5 credits"


def test_a_feature_keeps_its_colour_when_another_has_no_usage() -> None:
    both = m.figure(sample(), m.chart_style("light"), "en_US", CHART_TEXTS)
    only = usage({"transcription": [Decimal(1)] * 30,
                  "image-generation": [Decimal(0)] * 30})
    alone = m.figure(only, m.chart_style("light"), "en_US", CHART_TEXTS)
    assert [t.name for t in alone.data] == ["Transcription"]
    assert alone.data[0].marker.color == both.data[1].marker.color


def _lab(colour: str) -> tuple[float, float, float]:
    from tokens.contrast import parse_hex

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v / 255) for v in parse_hex(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_palette_is_distinct_and_visible_in_both_modes(mode: str) -> None:
    theme = default_theme()
    colours = [theme.resolve(mode, name) for name in CREDIT_CHART_SERIES]
    assert len(colours) >= 8 and len(set(colours)) == len(colours)
    background = theme.resolve(mode, "credit-history-card-bg")
    for colour in colours:
        assert contrast_ratio(colour, background) >= 3.0, colour
    for a, b in itertools.combinations(colours, 2):
        distance = sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5
        assert distance >= 20, f"{mode}: {a} and {b} are too alike ({distance:.1f})"
    for name in CREDIT_CHART_SERIES:
        assert theme.components[name].startswith("{chart-")  # aliases a semantic role
