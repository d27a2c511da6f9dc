"""CSS of the usage bars (`tg-usage-*` classes, colours from `var(--tg-usage-...)`)."""

USAGE_CSS = """
.tg-usage { width: 100%; }
.tg-usage-title { margin: 0 0 12px; font-size: var(--tg-font-size-3);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-usage-title-text); }
.tg-usage-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px;
  grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }
.tg-usage-row { display: flex; flex-direction: column; gap: 10px; padding: 16px;
  border-radius: var(--tg-radius-3); background: var(--tg-usage-row-bg);
  border: 1px solid var(--tg-usage-row-border); }
.tg-usage-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px;
  flex-wrap: wrap; }
.tg-usage-name { font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-semibold);
  color: var(--tg-usage-title-text); }
.tg-usage-amount { font-size: var(--tg-font-size-1); color: var(--tg-usage-body-text);
  font-variant-numeric: tabular-nums; }
.tg-usage-bar { height: 8px; border-radius: var(--tg-radius-full); overflow: hidden;
  background: var(--tg-usage-track); }
.tg-usage-fill { height: 100%; border-radius: inherit; background: var(--tg-usage-fill);
  transition: width 300ms ease; }
.tg-usage-warning .tg-usage-fill { background: var(--tg-usage-fill-warning); }
.tg-usage-full .tg-usage-fill { background: var(--tg-usage-fill-full); }
.tg-usage-foot { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap;
  font-size: var(--tg-font-size-1); color: var(--tg-usage-body-text); }
.tg-usage-warning .tg-usage-note { color: var(--tg-usage-warning-text);
  font-weight: var(--tg-font-weight-medium); }
.tg-usage-full .tg-usage-note { color: var(--tg-usage-full-text);
  font-weight: var(--tg-font-weight-semibold); }
.tg-usage-skeleton { height: 92px; margin-bottom: 12px; border-radius: var(--tg-radius-3); }
@media (prefers-reduced-motion: reduce) { .tg-usage-fill { transition: none; } }
"""
