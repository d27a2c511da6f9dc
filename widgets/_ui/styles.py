"""Widget CSS keyed on the stable `tg-*` class names; colours come only from `var(--tg-...)`."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import reflex as rx

from tokens import Theme, default_theme, to_css
from widgets._client import browser_api_url, publishable_key
from widgets._ui.checkout_css import CHECKOUT_CSS
from widgets._ui.credit_tables_css import CREDIT_TABLES_CSS
from widgets._ui.credits_css import CREDITS_CSS
from widgets._ui.portal_css import PORTAL_CSS
from widgets._ui.themed import use_host_theme
from widgets._ui.usage_css import USAGE_CSS

BASE_CSS = """
.tg-root { font-family: var(--tg-font-family); color: var(--tg-text);
  -webkit-font-smoothing: antialiased; line-height: 1.5; }
.tg-root *, .tg-root *::before, .tg-root *::after { box-sizing: border-box; }
.tg-root :focus-visible { outline: 2px solid var(--tg-focus-ring); outline-offset: 2px; }
.tg-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.tg-button { display: inline-flex; align-items: center; justify-content: center; gap: 8px;
  height: 42px; padding: 0 18px; border-radius: var(--tg-paywall-cta-radius);
  font: inherit; font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-semibold);
  cursor: pointer; border: 1px solid transparent; white-space: nowrap;
  transition: background-color 120ms ease, border-color 120ms ease, box-shadow 120ms ease; }
.tg-button:disabled { cursor: not-allowed; }
.tg-button-secondary { background: var(--tg-paywall-cta-secondary-bg);
  color: var(--tg-paywall-cta-secondary-text); border-color: var(--tg-paywall-cta-secondary-border);
  box-shadow: var(--tg-shadow-1); }
.tg-button-secondary:hover:not(:disabled) { background: var(--tg-paywall-cta-secondary-hover-bg); }
.tg-state { display: flex; flex-direction: column; align-items: center; text-align: center;
  gap: 8px; padding: 48px 24px; border-radius: var(--tg-paywall-card-radius);
  border: 1px dashed var(--tg-border); background: var(--tg-paywall-card-bg); }
.tg-state-icon { color: var(--tg-text-muted); }
.tg-state-error { border-style: solid; border-color: var(--tg-paywall-error-bg); }
.tg-state-error .tg-state-icon { color: var(--tg-paywall-error-text); }
.tg-state-title { margin: 4px 0 0; font-size: var(--tg-font-size-4);
  font-weight: var(--tg-font-weight-semibold); }
.tg-state-body { margin: 0; color: var(--tg-text-muted); max-width: 44ch; }
.tg-state-detail { margin: 0 0 8px; font-size: var(--tg-font-size-1);
  color: var(--tg-paywall-error-text); background: var(--tg-paywall-error-bg);
  padding: 4px 10px; border-radius: var(--tg-radius-2); }
.tg-state .tg-button { margin-top: 8px; }
@keyframes tg-pulse { 0%, 100% { opacity: 1; } 50% { opacity: 0.45; } }
.tg-skeleton { background: var(--tg-paywall-skeleton); border-radius: var(--tg-radius-2);
  animation: tg-pulse 1.4s ease-in-out infinite; }
@media (prefers-reduced-motion: reduce) { .tg-skeleton { animation: none; } }
.tg-skeleton-toolbar { width: 220px; height: 44px; margin: 0 auto 40px;
  border-radius: var(--tg-radius-full); }
.tg-skeleton-grid { display: grid; gap: var(--tg-paywall-gap);
  grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
.tg-skeleton-card { display: flex; flex-direction: column; gap: 14px; padding: 28px;
  min-height: 460px; border-radius: var(--tg-paywall-card-radius);
  background: var(--tg-paywall-card-bg); border: 1px solid var(--tg-paywall-card-border); }
.tg-skeleton-title { width: 45%; height: 22px; }
.tg-skeleton-price { width: 60%; height: 44px; margin: 12px 0 4px; }
.tg-skeleton-button { width: 100%; height: 42px; margin-bottom: 12px; }
.tg-skeleton-line { height: 14px; }
"""

PAYWALL_CSS = """
.tg-paywall { width: 100%; }
.tg-paywall-toolbar { display: flex; align-items: center; justify-content: center; gap: 12px;
  flex-wrap: wrap; margin: 0 0 40px; }
.tg-period-toggle { display: inline-flex; gap: 4px; margin: 0; padding: 4px; min-width: 0;
  border: 1px solid var(--tg-paywall-toggle-border); border-radius: var(--tg-radius-full);
  background: var(--tg-paywall-toggle-bg); }
.tg-period-option { position: relative; display: inline-flex; align-items: center;
  height: 36px; padding: 0 20px; border-radius: var(--tg-radius-full); cursor: pointer;
  font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-medium);
  color: var(--tg-paywall-toggle-text); transition: background-color 120ms ease, color 120ms ease; }
.tg-period-option:hover { color: var(--tg-paywall-toggle-active-text); }
.tg-period-option:has(.tg-period-input:checked) { background: var(--tg-paywall-toggle-active-bg);
  color: var(--tg-paywall-toggle-active-text); box-shadow: var(--tg-shadow-2); }
.tg-period-option:has(.tg-period-input:focus-visible) {
  outline: 2px solid var(--tg-paywall-focus-ring); outline-offset: 2px; }
.tg-period-input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0;
  opacity: 0; cursor: pointer; }
.tg-savings-badge { display: inline-flex; align-items: center; height: 26px; padding: 0 10px;
  border-radius: var(--tg-radius-full); background: var(--tg-paywall-badge-bg);
  color: var(--tg-paywall-badge-text); font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-semibold); letter-spacing: 0.01em; }
.tg-plans { display: grid; gap: var(--tg-paywall-gap); align-items: stretch;
  grid-template-columns: repeat(var(--tg-paywall-columns),
    minmax(var(--tg-paywall-card-min-width), 1fr)); }
.tg-plan-card { position: relative; display: grid; grid-row: span 5; grid-template-rows: subgrid;
  grid-template-columns: minmax(0, 1fr); row-gap: 0;
  padding: var(--tg-paywall-card-padding-y) var(--tg-paywall-card-padding-x);
  text-align: var(--tg-paywall-align); border-radius: var(--tg-paywall-card-radius);
  background: var(--tg-paywall-card-bg); border: 1px solid var(--tg-paywall-card-border);
  box-shadow: var(--tg-paywall-card-shadow); min-width: 0; }
.tg-plan-highlighted { border: 2px solid var(--tg-paywall-highlight-border);
  padding: calc(var(--tg-paywall-card-padding-y) - 1px) calc(var(--tg-paywall-card-padding-x) - 1px);
  box-shadow: var(--tg-paywall-highlight-shadow); background: var(--tg-paywall-highlight-bg); }
.tg-plan-header { display: flex; flex-direction: column; gap: 6px; }
.tg-plan-title-row { display: flex; align-items: center; justify-content: space-between;
  gap: 8px; flex-wrap: wrap; min-height: 28px; }
.tg-plan-name { margin: 0; font-size: var(--tg-font-size-4); line-height: 28px;
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-paywall-title-text);
  letter-spacing: -0.01em; }
.tg-chip { display: inline-flex; align-items: center; height: 24px; padding: 0 10px;
  border-radius: var(--tg-radius-full); font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-semibold); white-space: nowrap; }
.tg-highlight-chip { background: var(--tg-paywall-chip-bg); color: var(--tg-paywall-chip-text); }
.tg-current-chip { background: var(--tg-paywall-current-chip-bg);
  color: var(--tg-paywall-current-chip-text); }
.tg-plan-description { margin: 0; font-size: var(--tg-font-size-2); line-height: 1.5;
  color: var(--tg-paywall-body-text); }
.tg-plan-pricing { display: flex; flex-direction: column; padding: 20px 0 20px; }
.tg-starts-at { margin: 0 0 4px; font-size: var(--tg-font-size-1); line-height: 16px;
  font-weight: var(--tg-font-weight-medium); letter-spacing: 0.04em; text-transform: uppercase;
  color: var(--tg-paywall-caption-text); }
.tg-price { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 8px; row-gap: 4px;
  margin: 0; }
.tg-price-amount { font-size: var(--tg-paywall-price-size); line-height: 1.1;
  font-weight: var(--tg-font-weight-bold); letter-spacing: -0.03em;
  color: var(--tg-paywall-price-text); font-variant-numeric: tabular-nums; }
.tg-price-caption { font-size: var(--tg-font-size-2); line-height: 1.35;
  color: var(--tg-paywall-caption-text); }
.tg-usage-captions { list-style: none; margin: 10px 0 0; padding: 0; display: flex;
  flex-direction: column; gap: 4px; }
.tg-usage-caption { font-size: 13px; line-height: 18px; color: var(--tg-paywall-caption-text); }
.tg-configurator { display: flex; flex-direction: column; gap: 14px; margin-top: 18px;
  padding: 14px; border-radius: var(--tg-radius-3); background: var(--tg-surface-sunken);
  border: 1px solid var(--tg-border-subtle); }
.tg-qty { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: 8px 12px; }
.tg-qty-head { display: flex; flex-direction: column; flex: 1 1 0; min-width: 60px; }
.tg-qty-label { font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-semibold);
  color: var(--tg-paywall-title-text); }
.tg-qty-hint { font-size: var(--tg-font-size-1); color: var(--tg-paywall-caption-text); }
.tg-stepper { display: inline-flex; align-items: stretch; flex: none; height: 36px;
  border: 1px solid var(--tg-border); border-radius: var(--tg-radius-2);
  background: var(--tg-paywall-card-bg); overflow: hidden; }
.tg-stepper:focus-within { border-color: var(--tg-paywall-focus-ring); }
.tg-stepper-button { display: inline-flex; align-items: center; justify-content: center;
  width: 34px; padding: 0; border: 0; background: transparent; color: var(--tg-text);
  cursor: pointer; }
.tg-stepper-button:hover:not(:disabled) { background: var(--tg-surface-hover); }
.tg-stepper-button:disabled { color: var(--tg-text-subtle); cursor: not-allowed; }
.tg-root .tg-stepper-button:focus-visible { outline-offset: -2px; }
.tg-stepper-input { width: 52px; border: 0; border-left: 1px solid var(--tg-border-subtle);
  border-right: 1px solid var(--tg-border-subtle); background: transparent; text-align: center;
  font: inherit; font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-semibold);
  color: var(--tg-text); font-variant-numeric: tabular-nums; -moz-appearance: textfield; }
.tg-stepper-input::-webkit-inner-spin-button, .tg-stepper-input::-webkit-outer-spin-button {
  -webkit-appearance: none; margin: 0; }
.tg-root .tg-stepper-input:focus-visible { outline-offset: -2px; }
.tg-stepper-input[aria-invalid="true"] { color: var(--tg-paywall-error-text); }
.tg-tier-selector { display: flex; flex-direction: column; gap: 6px; }
.tg-tiers-title { margin: 0; font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-medium); color: var(--tg-paywall-caption-text); }
.tg-tiers { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column;
  gap: 2px; }
.tg-tier { display: flex; justify-content: space-between; gap: 8px; padding: 5px 8px;
  border-radius: var(--tg-radius-2); font-size: 13px; color: var(--tg-paywall-body-text);
  border: 1px solid transparent; font-variant-numeric: tabular-nums; }
.tg-tier-active { background: var(--tg-paywall-card-bg); border-color: var(--tg-paywall-highlight-border);
  color: var(--tg-paywall-title-text); font-weight: var(--tg-font-weight-semibold); }
.tg-tier-price { white-space: nowrap; }
.tg-total-block { display: flex; flex-direction: column; gap: 6px; padding-top: 12px;
  border-top: 1px solid var(--tg-border-subtle); }
.tg-total { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 8px; margin: 0;
  min-height: 21px; }
.tg-total-amount { font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-semibold);
  color: var(--tg-paywall-title-text); font-variant-numeric: tabular-nums;
  transition: opacity 120ms ease; }
.tg-total-busy .tg-total-amount, .tg-total-busy .tg-total-note { opacity: 0.6; }
.tg-total-note { font-size: var(--tg-font-size-1); color: var(--tg-paywall-caption-text); }
.tg-total-updating { display: inline-flex; align-items: center; align-self: center; }
@keyframes tg-spin { to { transform: rotate(360deg); } }
.tg-spinner { width: 12px; height: 12px; border-radius: 50%;
  border: 2px solid var(--tg-border); border-top-color: var(--tg-paywall-highlight-border);
  animation: tg-spin 700ms linear infinite; }
@media (prefers-reduced-motion: reduce) { .tg-spinner { animation: none; } }
.tg-total-error { display: flex; align-items: flex-start; gap: 6px; margin: 0;
  padding: 6px 8px; border-radius: var(--tg-radius-2); font-size: var(--tg-font-size-1);
  line-height: 16px; color: var(--tg-paywall-error-text); background: var(--tg-paywall-error-bg); }
.tg-total-error svg { flex: none; margin-top: 1px; }
.tg-price-note { margin: 6px 0 0; font-size: 13px;
  color: var(--tg-paywall-caption-text); }
.tg-plan-action { padding-bottom: 24px; border-bottom: 1px solid var(--tg-paywall-divider); }
.tg-cta { width: 100%; }
.tg-cta-primary { background: var(--tg-paywall-cta-bg); color: var(--tg-paywall-cta-text);
  box-shadow: var(--tg-shadow-1); }
.tg-cta-primary:hover:not(:disabled) { background: var(--tg-paywall-cta-hover-bg); }
.tg-cta-secondary { background: var(--tg-paywall-cta-secondary-bg);
  color: var(--tg-paywall-cta-secondary-text); border-color: var(--tg-paywall-cta-secondary-border);
  box-shadow: var(--tg-shadow-1); }
.tg-cta-secondary:hover:not(:disabled) { background: var(--tg-paywall-cta-secondary-hover-bg); }
.tg-cta:disabled { background: var(--tg-paywall-cta-disabled-bg);
  color: var(--tg-paywall-cta-disabled-text); border-color: transparent; box-shadow: none; }
.tg-features { padding-top: 24px; }
.tg-features-title, .tg-addons-title { margin: 0 0 12px; font-size: 13px;
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-paywall-title-text); }
.tg-feature-list, .tg-addon-list { list-style: none; margin: 0; padding: 0; display: flex;
  flex-direction: column; gap: 10px; }
.tg-feature { display: flex; align-items: flex-start; gap: 10px; font-size: var(--tg-font-size-2);
  line-height: 20px; color: var(--tg-paywall-body-text); }
.tg-check { flex: none; margin-top: 2px; color: var(--tg-paywall-check); }
.tg-addons:has(.tg-addon) { margin-top: 24px; padding-top: 20px;
  border-top: 1px dashed var(--tg-paywall-divider); }
.tg-addon { display: flex; align-items: baseline; flex-wrap: wrap; column-gap: 8px;
  row-gap: 2px; font-size: 13px; color: var(--tg-paywall-body-text); }
.tg-addon-icon { flex: none; color: var(--tg-text-muted); }
.tg-addon-icon { align-self: center; }
.tg-addon-name { flex: 1 1 auto; min-width: 7em; }
.tg-addon-price { margin-left: auto; text-align: right; color: var(--tg-paywall-caption-text);
  font-variant-numeric: tabular-nums; }
"""


def widget_css(theme: Theme | None = None) -> str:
    """The theme's CSS variables, the widgets' class rules, then the theme's scoped custom CSS."""
    theme = theme or default_theme()
    return (to_css(theme) + BASE_CSS + PAYWALL_CSS + CHECKOUT_CSS + PORTAL_CSS + USAGE_CSS
            + CREDIT_TABLES_CSS + CREDITS_CSS + theme.custom_css)


def published_css_url(widget: str = "default") -> str | None:
    """The URL of the live theme's stylesheet (with the publishable key), or None without a key."""
    key = publishable_key()
    if not key:
        return None
    query = urlencode({"widget": widget, "key": key})
    return f"{browser_api_url()}/api/v1/themes/published.css?{query}"


def relink_published_css(**params: str) -> str:
    """A script that sets `params` in the query of this page's published-theme stylesheet
    links, reloading only those that change (a new `v` refetches, a new `key` reads another
    environment's theme)."""
    wanted = json.dumps(params, ensure_ascii=True)
    return ("document.querySelectorAll('link[href*=\"/themes/published.css\"]').forEach((l) => {"
            " const u = new URL(l.href); let changed = false;"
            f" for (const [k, v] of Object.entries({wanted})) {{"
            " if (u.searchParams.get(k) !== v) { u.searchParams.set(k, v); changed = true; } }"
            " if (changed) { l.href = u.toString(); } })")


def stylesheet(theme: Theme | None = None, *, published: bool = True) -> rx.Component:
    """Everything the widgets need, for the app's head, lowest precedence first: the default
    theme and the widgets' rules, a `<link>` to the published theme (so a publish restyles
    every page without a rebuild), then `theme` if one is passed in code. A theme passed in
    code is complete (its document over the default), so it replaces the published one's CSS;
    its texts (`document["texts"]`) are registered for the widgets and win over the published
    theme's, key by key."""
    parts = [rx.el.style(widget_css())]
    url = published_css_url() if published else None
    if url:
        parts.append(rx.el.link(rel="stylesheet", href=url))
    if theme is not None:
        use_host_theme(theme)
        parts.append(rx.el.style(to_css(theme) + theme.custom_css))
    return rx.fragment(*parts)
