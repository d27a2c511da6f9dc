"""The designer's own chrome, styled from the page's theme tokens (AA in light and dark)."""

DESIGNER_CSS = """
.sf-page:has(.dz-layout) .sf-container { max-width: 1600px; }
.dz-layout { display: grid; gap: 24px; align-items: start;
  grid-template-columns: 300px minmax(0, 1fr); }
@media (max-width: 900px) { .dz-layout { grid-template-columns: 1fr; } }
.dz-panel { display: flex; flex-direction: column; gap: 16px; }
.dz-section { margin: 0; padding: 16px; min-width: 0; border-radius: var(--tg-radius-3);
  border: 1px solid var(--tg-border-subtle); background: var(--tg-surface-raised); }
.dz-section-title { padding: 0 6px; font-size: 13px; font-weight: 600; letter-spacing: 0.02em;
  text-transform: uppercase; color: var(--tg-text-muted); }
.dz-field { display: flex; flex-direction: column; gap: 6px; padding: 8px 0; }
.dz-field + .dz-field { border-top: 1px solid var(--tg-border-subtle); }
.dz-label { font-size: 14px; font-weight: 600; color: var(--tg-text); }
.dz-row { display: flex; align-items: center; gap: 8px; }
.dz-swatch { flex: none; width: 40px; height: 36px; padding: 2px; cursor: pointer;
  border: 1px solid var(--tg-border); border-radius: var(--tg-radius-2);
  background: var(--tg-surface); }
.dz-input, .dz-select, .dz-textarea { min-width: 0; height: 36px; padding: 0 10px; font: inherit;
  font-size: 14px; color: var(--tg-text); background: var(--tg-surface);
  border: 1px solid var(--tg-border-strong); border-radius: var(--tg-radius-2); }
.dz-input { flex: 1 1 auto; width: 100%; font-variant-numeric: tabular-nums; }
.dz-select { width: 100%; }
.dz-textarea { width: 100%; height: 96px; padding: 8px 10px; resize: vertical;
  font-family: ui-monospace, monospace; font-size: 12px; }
.dz-range { flex: 1 1 auto; accent-color: var(--tg-primary); }
.dz-value { min-width: 44px; text-align: right; font-size: 14px; color: var(--tg-text-muted);
  font-variant-numeric: tabular-nums; }
.dz-reset { flex: none; display: inline-flex; align-items: center; justify-content: center;
  width: 32px; height: 32px; padding: 0; cursor: pointer; color: var(--tg-text-muted);
  background: transparent; border: 1px solid transparent; border-radius: var(--tg-radius-2); }
.dz-reset:hover:not(:disabled) { background: var(--tg-surface-hover); color: var(--tg-text); }
.dz-reset:disabled { opacity: 0.35; cursor: default; }
.dz-warning, .dz-error { display: flex; gap: 6px; align-items: flex-start; margin: 0;
  padding: 6px 8px; font-size: 13px; line-height: 18px; border-radius: var(--tg-radius-2);
  color: var(--tg-text); background: var(--tg-warning-soft); }
.dz-warning svg, .dz-error svg { flex: none; margin-top: 1px; }
.dz-error { background: var(--tg-danger-soft); }
.dz-actions { display: flex; flex-wrap: wrap; gap: 8px; }
.dz-actions .tg-button { height: 36px; padding: 0 14px; font-size: 14px; }
.dz-primary { background: var(--tg-primary); color: var(--tg-primary-text); }
.dz-primary:hover:not(:disabled) { background: var(--tg-primary-hover); }
.dz-message { min-height: 20px; margin: 0; font-size: 14px; color: var(--tg-text); }
.dz-toolbar { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 12px;
  margin-bottom: 12px; }
.dz-seg { display: inline-flex; gap: 2px; padding: 3px; border-radius: var(--tg-radius-full);
  border: 1px solid var(--tg-border-subtle); background: var(--tg-surface-raised); }
.dz-seg-button { height: 32px; padding: 0 14px; font: inherit; font-size: 14px; cursor: pointer;
  color: var(--tg-text-muted); background: transparent; border: 0;
  border-radius: var(--tg-radius-full); }
.dz-seg-button[aria-pressed="true"] { color: var(--tg-text); background: var(--tg-surface);
  box-shadow: var(--tg-shadow-1); font-weight: 600; }
.dz-preview { margin: 0 auto; width: 100%; transition: max-width 160ms ease; }
.dz-mobile { max-width: 390px; }
.dz-stage { display: flex; flex-direction: column; gap: 24px; padding: 28px 20px;
  border-radius: var(--tg-radius-4); border: 1px solid var(--tg-border-subtle);
  background: var(--tg-surface); color: var(--tg-text); overflow: hidden; }
.dz-mobile .dz-stage { padding: 20px 12px; }
.dz-stage-row { display: grid; gap: 24px;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr)); }
.dz-warnings { margin: 0; padding-left: 18px; font-size: 13px; color: var(--tg-text); }
"""
