"""CSS of the credit balance and auto-recharge widgets (`tg-credits-*` classes, colours from
`var(--tg-credits-...)`)."""

CREDITS_CSS = """
.tg-credits { width: 100%; min-width: 0; display: flex; flex-direction: column; gap: 16px;
  padding: 24px; border-radius: var(--tg-credits-radius); background: var(--tg-credits-bg);
  border: 1px solid var(--tg-credits-border); box-shadow: var(--tg-credits-shadow);
  color: var(--tg-credits-title-text); }
.tg-credits-head { display: flex; align-items: center; justify-content: space-between;
  gap: 12px; flex-wrap: wrap; min-height: 42px; }
.tg-credits-title-row { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.tg-credits-title { margin: 0; font-size: var(--tg-font-size-3);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-credits-title-text); }
.tg-credits .tg-state { padding: 28px 16px; background: transparent; }
.tg-credits-figure-row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.tg-credits-figure { margin: 0; display: flex; align-items: baseline; gap: 8px;
  flex-wrap: wrap; min-width: 0; }
.tg-credits-amount { font-size: var(--tg-font-size-7); line-height: 1.05;
  font-weight: var(--tg-font-weight-bold); letter-spacing: -0.03em;
  color: var(--tg-credits-amount-text); overflow-wrap: anywhere; }
.tg-credits-symbol { align-self: center; font-size: var(--tg-font-size-5);
  color: var(--tg-credits-icon); }
.tg-credits-units { font-size: var(--tg-font-size-3); font-weight: var(--tg-font-weight-medium);
  color: var(--tg-credits-body-text); }
.tg-credits-overdraft .tg-credits-amount { color: var(--tg-credits-overdraft-text); }
.tg-credits-bar { height: 10px; border-radius: var(--tg-radius-full); overflow: hidden;
  background: var(--tg-credits-track); }
.tg-credits-fill { height: 100%; border-radius: inherit; background: var(--tg-credits-fill);
  transition: width 300ms ease; }
.tg-credits-low .tg-credits-fill, .tg-credits-spend-warning .tg-credits-fill {
  background: var(--tg-credits-fill-low); }
.tg-credits-spend-full .tg-credits-fill { background: var(--tg-credits-fill-empty); }
.tg-credits-progress { margin: 0; font-size: var(--tg-font-size-1);
  color: var(--tg-credits-body-text); font-variant-numeric: tabular-nums; }
.tg-credits-lines { display: flex; flex-direction: column; gap: 6px; }
.tg-credits-lines:empty { display: none; }
.tg-credits-line { margin: 0; display: flex; gap: 8px; align-items: flex-start;
  font-size: var(--tg-font-size-2); color: var(--tg-credits-body-text); }
.tg-credits-line-icon { flex: none; margin-top: 3px; color: var(--tg-credits-icon); }
.tg-credits-alert, .tg-credits-error { display: flex; gap: 8px; align-items: flex-start;
  margin: 0; padding: 10px 12px; border-radius: var(--tg-radius-2);
  font-size: var(--tg-font-size-2); line-height: 1.45; background: var(--tg-credits-error-bg);
  color: var(--tg-credits-error-text); }
.tg-credits-alert svg, .tg-credits-error svg { flex: none; margin-top: 2px; }
.tg-credits-chip-danger, .tg-credits-chip-failed { background: var(--tg-credits-chip-danger-bg);
  color: var(--tg-credits-chip-danger-text); }
.tg-credits-chip-warning { background: var(--tg-credits-chip-warning-bg);
  color: var(--tg-credits-chip-warning-text);
  border: 1px solid var(--tg-credits-warning-border); }
.tg-credits-chip-succeeded { background: var(--tg-credits-chip-success-bg);
  color: var(--tg-credits-chip-success-text); }
.tg-credits-chip-neutral { background: var(--tg-credits-chip-neutral-bg);
  color: var(--tg-credits-chip-neutral-text); }
.tg-credits-notice { margin: 0; padding: 10px 14px; border-radius: var(--tg-radius-2);
  font-size: var(--tg-font-size-2); background: var(--tg-credits-notice-bg);
  color: var(--tg-credits-notice-text); }
.tg-credits-primary { background: var(--tg-credits-primary-bg);
  color: var(--tg-credits-primary-text); box-shadow: var(--tg-shadow-1); }
.tg-credits-primary:hover:not(:disabled) { background: var(--tg-credits-primary-hover-bg); }
.tg-credits-primary:disabled { opacity: 0.6; }
.tg-credits-skeleton { display: flex; flex-direction: column; gap: 12px; }
.tg-credits-skeleton-number { height: 44px; width: 45%; }
.tg-credits-skeleton-bar { height: 10px; border-radius: var(--tg-radius-full); }
.tg-credits-skeleton-line { height: 14px; width: 62%; }
.tg-credits-skeleton-short { width: 38%; }
.tg-root.tg-credits-dialog { max-width: 520px; background: var(--tg-credits-bg);
  color: var(--tg-credits-title-text); font-family: var(--tg-font-family); }
.tg-root .tg-credits-dialog-title { margin: 0 0 6px; font-family: inherit;
  font-size: var(--tg-font-size-5);
  font-weight: var(--tg-font-weight-bold); color: var(--tg-credits-title-text); }
.tg-credits-muted { margin: 0; font-size: var(--tg-font-size-2);
  color: var(--tg-credits-body-text); }
.tg-credits-form { display: flex; flex-direction: column; gap: 16px; margin-top: 20px; }
.tg-credits-fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
.tg-credits-fieldset:disabled { opacity: 0.55; }
.tg-credits-legend { padding: 0; margin: 0 0 10px; font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-credits-title-text); }
.tg-credits-options { display: grid; gap: 10px; grid-template-columns: repeat(2, minmax(0, 1fr)); }
.tg-credits-option { position: relative; display: flex; flex-direction: column;
  justify-content: center; gap: 2px; min-height: 62px; padding: 10px 14px;
  border-radius: var(--tg-radius-3); cursor: pointer; background: var(--tg-credits-option-bg);
  border: 1px solid var(--tg-credits-option-border);
  transition: border-color 120ms ease, background-color 120ms ease, box-shadow 120ms ease; }
.tg-credits-option:hover { border-color: var(--tg-border-strong); }
.tg-credits-option:has(.tg-credits-option-input:checked) {
  border-color: var(--tg-credits-option-selected-border);
  background: var(--tg-credits-option-selected-bg);
  box-shadow: 0 0 0 1px var(--tg-credits-option-selected-border); }
.tg-credits-option:has(.tg-credits-option-input:focus-visible) {
  outline: 2px solid var(--tg-focus-ring); outline-offset: 2px; }
.tg-credits-option-input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0;
  opacity: 0; cursor: pointer; }
.tg-credits-option-title { font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-credits-title-text); }
.tg-credits-option-price { font-size: var(--tg-font-size-1); color: var(--tg-credits-body-text);
  font-variant-numeric: tabular-nums; }
.tg-credits-field { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.tg-credits-label { font-size: var(--tg-font-size-1); font-weight: var(--tg-font-weight-medium);
  color: var(--tg-credits-title-text); }
.tg-credits-input-group { display: flex; align-items: stretch; height: 40px; overflow: hidden;
  border-radius: var(--tg-radius-2); border: 1px solid var(--tg-credits-input-border);
  background: var(--tg-credits-input-bg); }
.tg-credits-input-group:focus-within { border-color: var(--tg-focus-ring);
  box-shadow: 0 0 0 1px var(--tg-focus-ring); }
.tg-credits-input-group:has([aria-invalid="true"]) { border-color: var(--tg-credits-error-text); }
.tg-credits-input { flex: 1; min-width: 0; border: 0; padding: 0 12px; background: transparent;
  color: var(--tg-credits-title-text); font: inherit; font-size: var(--tg-font-size-2);
  font-variant-numeric: tabular-nums; }
.tg-root .tg-credits-input:focus-visible { outline: none; }
.tg-credits-affix { display: inline-flex; align-items: center; padding: 0 12px;
  background: var(--tg-credits-affix-bg); color: var(--tg-credits-affix-text);
  font-size: var(--tg-font-size-1); font-weight: var(--tg-font-weight-medium);
  white-space: nowrap; }
.tg-credits-select { border: 0; border-left: 1px solid var(--tg-credits-input-border);
  padding: 0 8px; background: var(--tg-credits-affix-bg); color: var(--tg-credits-affix-text);
  font: inherit; font-size: var(--tg-font-size-1); font-weight: var(--tg-font-weight-medium);
  cursor: pointer; }
.tg-root .tg-credits-select:focus-visible { outline-offset: -2px; }
.tg-credits-field-error { margin: 0; font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-medium); color: var(--tg-credits-error-text); }
.tg-credits-hint { margin: 0; font-size: var(--tg-font-size-1); line-height: 1.45;
  color: var(--tg-credits-body-text); }
.tg-credits-hint:empty { display: none; }
.tg-credits-summary { margin: 0; padding: 12px 14px; border-radius: var(--tg-radius-3);
  background: var(--tg-credits-summary-bg); display: flex; flex-direction: column; gap: 8px; }
.tg-credits-summary-row { display: flex; justify-content: space-between; align-items: center;
  gap: 12px; flex-wrap: wrap; font-size: var(--tg-font-size-2);
  color: var(--tg-credits-body-text); }
.tg-credits-summary-row dd { margin: 0; display: inline-flex; align-items: center; gap: 6px;
  color: var(--tg-credits-title-text); font-weight: var(--tg-font-weight-semibold); }
.tg-credits-total { font-size: var(--tg-font-size-4); font-variant-numeric: tabular-nums; }
.tg-credits-actions { display: flex; justify-content: flex-end; gap: 8px; flex-wrap: wrap; }
.tg-credits-summary-text { margin: 0; font-size: var(--tg-font-size-2);
  color: var(--tg-credits-title-text); }
.tg-credits-spend { display: flex; flex-direction: column; gap: 8px; }
.tg-credits-last { margin: 0; display: flex; align-items: center; gap: 8px; flex-wrap: wrap;
  font-size: var(--tg-font-size-1); color: var(--tg-credits-body-text); }
.tg-credits-recharge-form { margin-top: 4px; padding-top: 20px;
  border-top: 1px solid var(--tg-credits-border); }
.tg-credits-form-title { margin: 0; font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-credits-title-text); }
.tg-credits-fields { display: grid; gap: 16px 20px;
  grid-template-columns: repeat(2, minmax(0, 1fr)); }
.tg-credits-switch { position: relative; display: flex; gap: 12px; align-items: flex-start;
  cursor: pointer; }
.tg-credits-switch-input { position: absolute; top: 0; left: 0; z-index: 1; width: 40px;
  height: 24px; margin: 0; opacity: 0; cursor: pointer; }
.tg-credits-switch-track { flex: none; position: relative; width: 40px; height: 24px;
  border-radius: var(--tg-radius-full); background: var(--tg-credits-switch-off-bg);
  transition: background-color 120ms ease; }
.tg-credits-switch-thumb { position: absolute; top: 3px; left: 3px; width: 18px; height: 18px;
  border-radius: 50%; background: var(--tg-credits-switch-thumb); box-shadow: var(--tg-shadow-1);
  transition: transform 120ms ease; }
.tg-credits-switch-input:checked + .tg-credits-switch-track {
  background: var(--tg-credits-switch-on-bg); }
.tg-credits-switch-input:checked + .tg-credits-switch-track .tg-credits-switch-thumb {
  transform: translateX(16px); }
.tg-credits-switch-input:focus-visible + .tg-credits-switch-track {
  outline: 2px solid var(--tg-focus-ring); outline-offset: 2px; }
.tg-credits-switch-text { display: flex; flex-direction: column; gap: 2px; }
.tg-credits-switch-label { font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-credits-title-text); }
.tg-credits-live:empty { margin-top: -16px; }  /* an idle live region adds no gap */
.tg-credits-warnings { list-style: none; margin: 0; padding: 10px 12px;
  border-radius: var(--tg-radius-2); background: var(--tg-credits-warning-bg);
  color: var(--tg-credits-warning-text); border: 1px solid var(--tg-credits-warning-border);
  display: flex; flex-direction: column; gap: 6px; font-size: var(--tg-font-size-1); }
.tg-credits-warnings li { display: flex; gap: 8px; align-items: flex-start; }
.tg-credits-warnings svg { flex: none; margin-top: 1px; }
@media (max-width: 560px) {
  .tg-credits { padding: 18px; }
  .tg-credits-amount { font-size: var(--tg-font-size-6); }
  .tg-credits-fields { grid-template-columns: 1fr; }
  .tg-credits-actions .tg-button { flex: 1 1 auto; }
}
@media (prefers-reduced-motion: reduce) {
  .tg-credits-fill, .tg-credits-switch-track, .tg-credits-switch-thumb { transition: none; }
}
"""
