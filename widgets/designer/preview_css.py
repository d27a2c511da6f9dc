"""Styles of the designer's preview tabs, from the page's theme tokens (AA in light and dark)."""

PREVIEW_CSS = """
.dz-toolbar { align-items: center; }
.dz-toolbar-group { display: flex; flex-wrap: wrap; gap: 8px; }
.dz-tabs { display: inline-flex; flex-wrap: wrap; gap: 4px; padding: 4px;
  border-radius: var(--tg-radius-3); border: 1px solid var(--tg-border-subtle);
  background: var(--tg-surface-raised); }
.dz-tab { height: 34px; padding: 0 14px; font: inherit; font-size: 14px; font-weight: 500;
  cursor: pointer; color: var(--tg-text-muted); background: transparent; border: 0;
  border-radius: var(--tg-radius-2); }
.dz-tab:hover { color: var(--tg-text); background: var(--tg-surface-hover); }
.dz-tab[aria-selected="true"] { color: var(--tg-text); background: var(--tg-surface);
  box-shadow: var(--tg-shadow-1); font-weight: 600; }
.dz-tab:focus-visible, .dz-stage:focus-visible { outline: 2px solid var(--tg-focus-ring);
  outline-offset: 2px; }
.dz-stage[hidden] { display: none; }
.dz-stage-stack { display: flex; flex-direction: column; gap: 24px; }
"""
