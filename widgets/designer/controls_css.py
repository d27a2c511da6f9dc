"""Styles of the designer's token controls, custom CSS editor and versions list, from the
page's theme tokens (AA in light and dark)."""

CONTROLS_CSS = """
.dz-layout { grid-template-columns: 360px minmax(0, 1fr); }
@media (min-width: 901px) {
  .dz-panel { position: sticky; top: 80px; max-height: calc(100vh - 96px); overflow-y: auto;
    padding-right: 6px; scrollbar-gutter: stable; scrollbar-width: thin; }
  .dz-find { top: 10px; }
}
@media (max-width: 900px) { .dz-layout { grid-template-columns: 1fr; } }
.dz-panel > .dz-section { flex: none; }
.dz-find { position: sticky; top: 64px; z-index: 2; display: flex; flex-direction: column; gap: 6px;
  padding: 12px 16px; box-shadow: 0 0 0 10px var(--tg-surface), var(--tg-shadow-2); }
.dz-find-field { position: relative; }
.dz-panel :is(input, select, textarea, button, summary, .dz-layer, .dz-token) {
  scroll-margin-top: 160px; }
@media (min-width: 901px) {
  .dz-panel :is(input, select, textarea, button, summary, .dz-layer, .dz-token) {
    scroll-margin-top: 96px; }
}
.dz-find-icon { position: absolute; left: 10px; top: 10px; color: var(--tg-text-muted);
  pointer-events: none; }
.dz-find-input { padding-left: 34px; }
.dz-layer[hidden], .dz-group[hidden], .dz-token[hidden], .dz-scale[hidden],
.dz-subtitle[hidden] {
  display: none; }
h2.dz-section-title { margin: 0 0 4px; padding: 0; }
legend.dz-section-title { float: left; width: 100%; margin: 0 0 4px; padding: 0; }
.dz-section > legend ~ * { clear: both; }
.dz-lead, .dz-hint { margin: 0; font-size: 13px; line-height: 18px; color: var(--tg-text-muted); }
.dz-layer { display: flex; flex-direction: column; gap: 0; padding: 16px 16px 8px; }
.dz-layer .dz-lead { margin-bottom: 10px; }
.dz-group { border-top: 1px solid var(--tg-border-subtle); }
.dz-summary { display: flex; align-items: center; gap: 8px; padding: 10px 4px; cursor: pointer;
  list-style: none; border-radius: var(--tg-radius-2); }
.dz-summary::-webkit-details-marker { display: none; }
.dz-summary:hover { background: var(--tg-surface-hover); }
.dz-summary:focus-visible, .dz-step:focus-within, .dz-link:focus-visible {
  outline: 2px solid var(--tg-focus-ring); outline-offset: 2px; }
.dz-group-title { flex: 1 1 auto; margin: 0; font-size: 14px; font-weight: 600;
  color: var(--tg-text); }
.dz-count { min-width: 22px; padding: 1px 7px; font-size: 12px; text-align: center;
  font-variant-numeric: tabular-nums; color: var(--tg-text-muted);
  background: var(--tg-surface-sunken); border-radius: var(--tg-radius-full); }
.dz-badge { display: inline-flex; align-items: center; gap: 4px; padding: 1px 7px;
  font-size: 12px; font-weight: 600; color: var(--tg-warning);
  background: var(--tg-warning-soft); border-radius: var(--tg-radius-full); }
.dz-chevron { flex: none; color: var(--tg-text-muted); transition: transform 140ms ease; }
.dz-group[open] > .dz-summary .dz-chevron { transform: rotate(180deg); }
.dz-group-body { display: flex; flex-direction: column; padding: 2px 4px 12px; }
.dz-subtitle { margin: 10px 0 2px; font-size: 12px; font-weight: 600; letter-spacing: 0.04em;
  text-transform: uppercase; color: var(--tg-text-muted); }
.dz-token { display: flex; flex-direction: column; gap: 4px; padding: 6px 0; }
.dz-token .dz-row { gap: 6px; }
.dz-token .dz-input, .dz-token .dz-select { height: 32px; font-size: 13px; }
.dz-token .dz-swatch { width: 36px; height: 32px; }
.dz-token + .dz-token { border-top: 1px dashed var(--tg-border-subtle); }
.dz-token-head { display: flex; align-items: center; gap: 6px; min-height: 28px; }
.dz-token-head .dz-label { flex: 1 1 auto; min-width: 0; font-size: 13px; font-weight: 500; }
.dz-alias { display: inline-flex; align-items: center; gap: 3px; max-width: 60%;
  padding: 1px 6px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  font-family: ui-monospace, monospace; font-size: 11px; color: var(--tg-accent-text);
  background: var(--tg-accent-soft); border-radius: var(--tg-radius-1); }
.dz-token-head .dz-reset { width: 28px; height: 28px; }
.dz-hex { flex: 1 1 84px; min-width: 76px; font-family: ui-monospace, monospace;
  font-size: 13px; }
.dz-alias-select { flex: 1 1 120px; width: auto; min-width: 0; font-size: 13px; }
.dz-number { flex: none; width: 72px; padding: 0 6px 0 10px; }
.dz-unit { flex: none; width: 68px; padding: 0 6px; }
.dz-token .dz-range { min-width: 0; }
.dz-scale { padding: 8px 0; }
.dz-scale-head { display: flex; align-items: baseline; justify-content: space-between;
  margin-bottom: 6px; }
.dz-scale-name { font-size: 13px; font-weight: 600; color: var(--tg-text); }
.dz-steps { display: grid; grid-template-columns: repeat(12, minmax(0, 1fr)); gap: 3px; }
.dz-step { position: relative; display: flex; flex-direction: column; align-items: center;
  gap: 2px; cursor: pointer; border-radius: var(--tg-radius-1); }
.dz-step-input { width: 100%; height: 26px; padding: 0; cursor: pointer; border: 0;
  border-radius: var(--tg-radius-1); background: transparent; }
.dz-step-input::-webkit-color-swatch-wrapper { padding: 0; }
.dz-step-input::-webkit-color-swatch { border: 1px solid var(--tg-border);
  border-radius: var(--tg-radius-1); }
.dz-step-input::-moz-color-swatch { border: 1px solid var(--tg-border);
  border-radius: var(--tg-radius-1); }
.dz-step-no { font-size: 10px; line-height: 12px; color: var(--tg-text-muted);
  font-variant-numeric: tabular-nums; }
.dz-step-set::after { content: ""; position: absolute; top: -3px; right: -3px; width: 8px;
  height: 8px; border-radius: 50%; background: var(--tg-primary);
  box-shadow: 0 0 0 2px var(--tg-surface-raised); }
.dz-link { padding: 2px 4px; font: inherit; font-size: 13px; font-weight: 500; cursor: pointer;
  color: var(--tg-accent-text); background: transparent; border: 0;
  border-radius: var(--tg-radius-1); text-decoration: underline; text-underline-offset: 2px; }
.dz-link:hover:not(:disabled) { color: var(--tg-text); }
.dz-link:disabled { cursor: default; color: var(--tg-text-muted); text-decoration: none; }
.dz-code { height: auto; min-height: 160px; font-size: 12.5px; line-height: 1.5;
  tab-size: 2; white-space: pre; }
.dz-invalid { border-color: var(--tg-danger); box-shadow: 0 0 0 1px var(--tg-danger); }
.dz-versions { list-style: none; margin: 4px 0 0; padding: 0; max-height: 320px;
  overflow-y: auto; }
.dz-version { padding: 10px 0; }
.dz-version + .dz-version { border-top: 1px solid var(--tg-border-subtle); }
.dz-version-row { display: flex; align-items: flex-start; gap: 10px; }
.dz-version-no { flex: none; min-width: 36px; padding: 2px 8px; text-align: center;
  font-size: 13px; font-weight: 600; font-variant-numeric: tabular-nums;
  color: var(--tg-text); background: var(--tg-surface-sunken);
  border-radius: var(--tg-radius-full); }
.dz-version-meta { display: flex; flex-direction: column; flex: 1 1 auto; min-width: 0; }
.dz-version-date { font-size: 13px; color: var(--tg-text); font-variant-numeric: tabular-nums; }
.dz-version-note { font-size: 13px; color: var(--tg-text); overflow-wrap: anywhere; }
.dz-version .dz-link { align-self: flex-start; margin: 2px 0 0 -4px; }
.dz-live { flex: none; padding: 2px 8px; font-size: 12px; font-weight: 600;
  color: var(--tg-success); background: var(--tg-success-soft);
  border-radius: var(--tg-radius-full); }
.dz-confirm { display: flex; flex-direction: column; gap: 8px; margin-top: 8px; padding: 10px;
  border: 1px solid var(--tg-border); border-radius: var(--tg-radius-2);
  background: var(--tg-surface); }
.dz-confirm-text { margin: 0; font-size: 13px; line-height: 18px; color: var(--tg-text); }
"""
