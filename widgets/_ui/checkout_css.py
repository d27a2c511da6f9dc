"""CSS of the Checkout widget (`tg-checkout-*` classes, colours from `var(--tg-checkout-...)`)."""

CHECKOUT_CSS = """
.tg-checkout { width: 100%; }
.tg-checkout-layout { display: grid; gap: 24px; align-items: start;
  grid-template-columns: minmax(0, 1fr) minmax(300px, 380px); }
.tg-checkout-main { display: flex; flex-direction: column; gap: 24px; min-width: 0;
  padding: 28px; border-radius: var(--tg-checkout-radius); background: var(--tg-checkout-bg);
  border: 1px solid var(--tg-checkout-border); box-shadow: var(--tg-checkout-shadow); }
.tg-checkout-summary { position: sticky; top: 88px; display: flex; flex-direction: column;
  gap: 16px; padding: 24px; border-radius: var(--tg-checkout-radius);
  background: var(--tg-checkout-summary-bg); border: 1px solid var(--tg-checkout-border);
  color: var(--tg-checkout-summary-text); }
.tg-checkout-skeleton { gap: 16px; }
.tg-checkout-link { display: inline-flex; align-items: center; gap: 6px; align-self: flex-start;
  padding: 2px 0; border: 0; background: none; font: inherit; font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-medium); color: var(--tg-primary-soft-text);
  cursor: pointer; text-decoration: underline; text-underline-offset: 3px;
  text-decoration-color: transparent; }
.tg-checkout-link:hover { text-decoration-color: currentColor; }
.tg-checkout-progress { margin: 0; }
.tg-checkout-steps { list-style: none; display: flex; gap: 8px; margin: 0; padding: 0; }
.tg-checkout-step { flex: 1 1 0; display: flex; flex-direction: column; gap: 8px;
  padding-top: 10px; border-top: 3px solid var(--tg-checkout-step-bar); }
.tg-checkout-step-done, .tg-checkout-step-current {
  border-top-color: var(--tg-checkout-step-bar-active); }
.tg-checkout-step-button, .tg-checkout-step-static { display: inline-flex; align-items: center;
  gap: 8px; padding: 0; border: 0; background: none; font: inherit;
  font-size: var(--tg-font-size-2); color: var(--tg-checkout-step-text); text-align: left; }
.tg-checkout-step-button { cursor: pointer; border-radius: var(--tg-radius-2); }
.tg-checkout-step-button:hover .tg-checkout-step-label { text-decoration: underline; }
.tg-checkout-step-current .tg-checkout-step-static { color: var(--tg-checkout-step-active-text);
  font-weight: var(--tg-font-weight-semibold); }
.tg-checkout-step-marker { display: inline-flex; align-items: center; justify-content: center;
  flex: none; width: 22px; height: 22px; border-radius: 50%; font-size: 12px;
  font-weight: var(--tg-font-weight-semibold); border: 1px solid var(--tg-checkout-option-border);
  color: var(--tg-checkout-step-text); background: var(--tg-checkout-bg); }
.tg-checkout-step-current .tg-checkout-step-marker { border-color: var(--tg-checkout-step-bar-active);
  color: var(--tg-checkout-step-active-text); }
.tg-checkout-step-done .tg-checkout-step-marker { background: var(--tg-checkout-step-done-bg);
  border-color: var(--tg-checkout-step-done-bg); color: var(--tg-checkout-step-done-text); }
.tg-checkout-head { display: flex; flex-direction: column; gap: 4px; }
.tg-checkout-plan { margin: 0; font-size: var(--tg-font-size-5); line-height: 1.2;
  font-weight: var(--tg-font-weight-bold); letter-spacing: -0.02em;
  color: var(--tg-checkout-title-text); }
.tg-checkout-current { margin: 0; font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-medium); color: var(--tg-checkout-body-text); }
.tg-checkout-lead { margin: 0; font-size: var(--tg-font-size-2); line-height: 1.55;
  color: var(--tg-checkout-body-text); }
.tg-checkout-step-body { display: flex; flex-direction: column; gap: 24px; margin: 0; }
.tg-checkout-fieldset { margin: 0; padding: 0; border: 0; min-width: 0; display: flex;
  flex-direction: column; gap: 12px; }
.tg-checkout-legend { padding: 0; margin: 0 0 12px; font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-checkout-title-text); }
.tg-checkout-options { display: grid; gap: 12px;
  grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); }
.tg-checkout-options-stack { grid-template-columns: 1fr; }
.tg-checkout-option { position: relative; display: flex; flex-direction: column; gap: 4px;
  padding: 14px 16px; border-radius: var(--tg-radius-3); cursor: pointer;
  background: var(--tg-checkout-option-bg); border: 1px solid var(--tg-checkout-option-border);
  transition: border-color 120ms ease, background-color 120ms ease, box-shadow 120ms ease; }
.tg-checkout-option:hover { border-color: var(--tg-border-strong); }
.tg-checkout-option:has(.tg-checkout-option-input:checked) {
  border-color: var(--tg-checkout-option-selected-border);
  background: var(--tg-checkout-option-selected-bg);
  box-shadow: 0 0 0 1px var(--tg-checkout-option-selected-border); }
.tg-checkout-option:has(.tg-checkout-option-input:focus-visible) {
  outline: 2px solid var(--tg-focus-ring); outline-offset: 2px; }
.tg-checkout-option-input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0;
  opacity: 0; cursor: pointer; }
.tg-checkout-option-head { display: flex; align-items: center; justify-content: space-between;
  gap: 8px; }
.tg-checkout-option-title { font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-checkout-title-text); }
.tg-checkout-option-note { font-size: var(--tg-font-size-1); color: var(--tg-checkout-body-text);
  font-variant-numeric: tabular-nums; }
.tg-checkout-card { flex-direction: row; align-items: center; gap: 12px; }
.tg-checkout-card-icon { flex: none; color: var(--tg-checkout-body-text); }
.tg-checkout-card-text { display: flex; flex-direction: column; flex: 1; min-width: 0; }
.tg-checkout-qty { padding: 14px 16px; border-radius: var(--tg-radius-3);
  border: 1px solid var(--tg-checkout-border); background: var(--tg-checkout-option-bg); }
.tg-checkout-addons { list-style: none; margin: 0; padding: 0; display: flex;
  flex-direction: column; gap: 12px; }
.tg-checkout-addon { display: flex; align-items: center; justify-content: space-between;
  gap: 16px; padding: 14px 16px; border-radius: var(--tg-radius-3);
  border: 1px solid var(--tg-checkout-option-border); background: var(--tg-checkout-option-bg); }
.tg-checkout-addon-on { border-color: var(--tg-checkout-option-selected-border);
  background: var(--tg-checkout-option-selected-bg); }
.tg-checkout-addon-text { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.tg-checkout-addon-name { font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-checkout-title-text); }
.tg-checkout-addon-desc { font-size: var(--tg-font-size-1); color: var(--tg-checkout-body-text); }
.tg-checkout-addon-price { font-size: var(--tg-font-size-1); color: var(--tg-checkout-body-text);
  font-variant-numeric: tabular-nums; }
.tg-checkout-addon-added { background: var(--tg-checkout-cta-bg);
  color: var(--tg-checkout-cta-text); }
.tg-checkout-addon-qty { display: inline-flex; align-items: center; justify-content: center;
  min-width: 40px; font-weight: var(--tg-font-weight-semibold); color: var(--tg-text);
  font-variant-numeric: tabular-nums; border-left: 1px solid var(--tg-border-subtle);
  border-right: 1px solid var(--tg-border-subtle); }
.tg-checkout-new-card { display: flex; flex-direction: column; gap: 12px; padding: 16px;
  border-radius: var(--tg-radius-3); border: 1px dashed var(--tg-checkout-option-border); }
.tg-checkout-row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.tg-checkout-field { display: flex; flex-direction: column; gap: 6px; }
.tg-checkout-label { font-size: var(--tg-font-size-1); font-weight: var(--tg-font-weight-medium);
  color: var(--tg-checkout-title-text); }
.tg-checkout-input { height: 40px; padding: 0 12px; border-radius: var(--tg-radius-2);
  border: 1px solid var(--tg-checkout-input-border); background: var(--tg-checkout-input-bg);
  color: var(--tg-text); font: inherit; font-size: var(--tg-font-size-2); min-width: 0;
  font-variant-numeric: tabular-nums; }
.tg-checkout-input::placeholder { color: var(--tg-text-muted); opacity: 0.8; }
.tg-checkout-input[aria-invalid="true"] { border-color: var(--tg-checkout-error-text); }
.tg-checkout-hint { display: flex; gap: 6px; align-items: flex-start; margin: 0;
  font-size: var(--tg-font-size-1); line-height: 1.5; color: var(--tg-checkout-body-text); }
.tg-checkout-hint svg { flex: none; margin-top: 2px; }
.tg-checkout-error { display: flex; align-items: flex-start; gap: 8px; margin: 0;
  padding: 10px 12px; border-radius: var(--tg-radius-2); font-size: var(--tg-font-size-1);
  line-height: 1.45; background: var(--tg-checkout-error-bg); color: var(--tg-checkout-error-text); }
.tg-checkout-error svg { flex: none; margin-top: 1px; }
.tg-checkout-back { align-self: flex-start; }
.tg-checkout-compare { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.tg-checkout-compare-item { display: flex; flex-direction: column; gap: 2px; flex: 1;
  min-width: 140px; padding: 14px 16px; border-radius: var(--tg-radius-3);
  border: 1px solid var(--tg-checkout-option-border); color: var(--tg-checkout-title-text); }
.tg-checkout-compare-label { font-size: var(--tg-font-size-1); color: var(--tg-checkout-body-text); }
.tg-checkout-arrow { color: var(--tg-checkout-body-text); }
.tg-checkout-summary-head { display: flex; align-items: center; justify-content: space-between;
  gap: 8px; }
.tg-checkout-summary-title { margin: 0; font-size: var(--tg-font-size-3);
  font-weight: var(--tg-font-weight-semibold); }
.tg-checkout-summary-plan { margin: -8px 0 0; font-size: var(--tg-font-size-1);
  color: var(--tg-checkout-summary-muted); }
.tg-checkout-updating { display: inline-flex; align-items: center; gap: 6px;
  font-size: var(--tg-font-size-1); color: var(--tg-checkout-summary-muted); }
.tg-checkout-totals { display: flex; flex-direction: column; gap: 12px;
  transition: opacity 120ms ease; }
.tg-checkout-totals-busy { opacity: 0.55; }
.tg-checkout-lines { list-style: none; margin: 0; padding: 0; display: flex;
  flex-direction: column; gap: 10px; }
.tg-checkout-line { display: flex; justify-content: space-between; align-items: baseline;
  gap: 12px; font-size: var(--tg-font-size-2); }
.tg-checkout-line-text { display: flex; flex-direction: column; min-width: 0; }
.tg-checkout-line-detail { font-size: var(--tg-font-size-1); color: var(--tg-checkout-summary-muted); }
.tg-checkout-line-amount { white-space: nowrap; font-variant-numeric: tabular-nums; }
.tg-checkout-line-credit .tg-checkout-line-amount,
.tg-checkout-line-discount .tg-checkout-line-amount { color: var(--tg-checkout-credit-text); }
.tg-checkout-line-muted { color: var(--tg-checkout-summary-muted); }
.tg-checkout-total { display: flex; justify-content: space-between; align-items: baseline;
  gap: 12px; padding-top: 14px; border-top: 1px solid var(--tg-checkout-border);
  font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-semibold); }
.tg-checkout-total strong { font-size: var(--tg-font-size-5); letter-spacing: -0.02em;
  font-variant-numeric: tabular-nums; }
.tg-checkout-next, .tg-checkout-note { margin: 0; font-size: var(--tg-font-size-1);
  line-height: 1.5; color: var(--tg-checkout-summary-muted); }
.tg-checkout-promo { display: flex; flex-direction: column; gap: 8px; padding-top: 4px; }
.tg-checkout-promo-form { display: flex; gap: 8px; }
.tg-checkout-promo-form .tg-checkout-input { flex: 1; text-transform: uppercase; }
.tg-checkout-promo-form .tg-button { height: 40px; }
.tg-checkout-promo-applied { display: flex; align-items: center; gap: 8px; }
.tg-checkout-promo-chip { gap: 6px; background: var(--tg-checkout-success-bg);
  color: var(--tg-checkout-success-text); }
.tg-checkout-cta { width: 100%; height: 46px; background: var(--tg-checkout-cta-bg);
  color: var(--tg-checkout-cta-text); box-shadow: var(--tg-shadow-1);
  font-size: var(--tg-font-size-3); }
.tg-checkout-cta:hover:not(:disabled) { background: var(--tg-checkout-cta-hover-bg); }
.tg-checkout-cta:disabled { background: var(--tg-paywall-cta-disabled-bg);
  color: var(--tg-paywall-cta-disabled-text); box-shadow: none; }
.tg-checkout-busy { display: inline-flex; align-items: center; gap: 8px; }
.tg-checkout-secure { display: flex; align-items: center; justify-content: center; gap: 6px;
  margin: -4px 0 0; font-size: 12px; color: var(--tg-checkout-summary-muted); }
.tg-checkout-success { display: flex; flex-direction: column; align-items: center; gap: 12px;
  max-width: 560px; margin: 0 auto; padding: 48px 32px; text-align: center;
  border-radius: var(--tg-checkout-radius); background: var(--tg-checkout-bg);
  border: 1px solid var(--tg-checkout-border); box-shadow: var(--tg-checkout-shadow); }
.tg-checkout-success .tg-checkout-cta { width: auto; padding: 0 24px; margin-top: 8px; }
.tg-checkout-success-icon { display: inline-flex; align-items: center; justify-content: center;
  width: 56px; height: 56px; border-radius: 50%; background: var(--tg-checkout-success-bg);
  color: var(--tg-checkout-success-text); }
.tg-checkout-unavailable { display: flex; flex-direction: column; align-items: center; gap: 16px; }
@media (max-width: 860px) {
  .tg-checkout-layout { grid-template-columns: 1fr; }
  .tg-checkout-summary { position: static; }
  .tg-checkout-main { padding: 20px; }
  .tg-checkout-step-label { font-size: var(--tg-font-size-1); }
}
"""
