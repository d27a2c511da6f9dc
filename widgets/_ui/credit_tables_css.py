"""CSS of the credit usage chart and the credit grants table (`tg-credit-history`,
`tg-credit-usage-*` and `tg-credit-grants-*` classes; colours from `var(--tg-credit-...)`)."""

CREDIT_TABLES_CSS = """
.tg-credit-history { display: flex; flex-direction: column; gap: 16px; width: 100%; min-width: 0;
  padding: 24px; border-radius: var(--tg-credit-history-card-radius);
  background: var(--tg-credit-history-card-bg);
  border: 1px solid var(--tg-credit-history-card-border);
  box-shadow: var(--tg-credit-history-card-shadow); }
.tg-credit-history-header { display: flex; align-items: flex-start; justify-content: space-between;
  gap: 12px 16px; flex-wrap: wrap; }
.tg-credit-history-title { margin: 0; font-size: var(--tg-font-size-3); line-height: 24px;
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-credit-history-title-text); }
.tg-credit-history-loading { display: flex; flex-direction: column; gap: 10px; }
.tg-credit-history .tg-state { padding: 40px 24px; }
.tg-credit-usage-heading { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
.tg-credit-usage-total-block { display: flex; flex-direction: column; gap: 2px; margin: 0; }
.tg-credit-usage-total-label { font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-medium); letter-spacing: 0.04em; text-transform: uppercase;
  color: var(--tg-credit-history-body-text); }
.tg-credit-usage-total { font-size: var(--tg-font-size-6); line-height: 1.15;
  font-weight: var(--tg-font-weight-bold); letter-spacing: -0.02em;
  color: var(--tg-credit-chart-total-text); font-variant-numeric: tabular-nums; }
.tg-credit-usage-total-unit { font-size: var(--tg-font-size-3);
  font-weight: var(--tg-font-weight-medium); letter-spacing: 0;
  color: var(--tg-credit-history-body-text); }
.tg-credit-usage-select-wrap { position: relative; display: inline-flex; flex: none; }
.tg-credit-usage-select { appearance: none; -webkit-appearance: none; height: 36px;
  padding: 0 36px 0 12px; border-radius: var(--tg-radius-control);
  border: 1px solid var(--tg-credit-chart-control-border);
  background: var(--tg-credit-chart-control-bg); color: var(--tg-credit-chart-control-text);
  font: inherit; font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-medium);
  cursor: pointer; box-shadow: var(--tg-shadow-1); }
.tg-credit-usage-select:hover { background: var(--tg-credit-chart-control-hover-bg); }
.tg-credit-usage-select option { background: var(--tg-credit-chart-control-bg);
  color: var(--tg-credit-chart-control-text); }
.tg-credit-usage-select-icon { position: absolute; right: 10px; top: 50%;
  transform: translateY(-50%); pointer-events: none; color: var(--tg-credit-history-body-text); }
.tg-credit-usage-body { min-width: 0; }
.tg-credit-usage-body[aria-busy="true"] .tg-credit-usage-plot,
.tg-credit-usage-body[aria-busy="true"] .tg-credit-usage-legend { opacity: 0.5;
  transition: opacity 150ms ease; }
.tg-credit-usage-chart-body { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.tg-credit-usage-plot { width: 100%; height: 300px; min-width: 0; }
.tg-credit-usage-plot .js-plotly-plot, .tg-credit-usage-plot .plot-container {
  width: 100%; height: 100%; }
.tg-credit-usage-caption { margin: 0; font-size: var(--tg-font-size-1);
  color: var(--tg-credit-history-body-text); }
.tg-credit-usage-legend { list-style: none; margin: 10px 0 0; padding: 0; display: grid;
  column-gap: 32px; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); }
.tg-credit-usage-legend-row { display: flex; align-items: center; gap: 10px; padding: 10px 0;
  border-top: 1px solid var(--tg-credit-chart-legend-border); font-size: var(--tg-font-size-2); }
.tg-credit-usage-swatch { flex: none; width: 12px; height: 12px; border-radius: 3px; }
.tg-credit-usage-legend-name { flex: 1 1 auto; min-width: 6em; overflow-wrap: normal;
  font-weight: var(--tg-font-weight-medium); color: var(--tg-credit-history-title-text); }
.tg-credit-usage-legend-share { font-size: var(--tg-font-size-1);
  color: var(--tg-credit-history-body-text); white-space: nowrap; }
.tg-credit-usage-legend-amount { font-weight: var(--tg-font-weight-semibold);
  color: var(--tg-credit-history-title-text); font-variant-numeric: tabular-nums;
  white-space: nowrap; text-align: right; min-width: 8ch; }
.tg-credit-usage-skeleton-chart { display: flex; align-items: flex-end; gap: 10px; height: 260px;
  padding: 8px 0; border-bottom: 1px solid var(--tg-credit-chart-legend-border); }
.tg-credit-usage-skeleton-bar { flex: 1 1 0;
  border-radius: var(--tg-radius-1) var(--tg-radius-1) 0 0; }
.tg-credit-usage-skeleton-line { height: 40px; }
.tg-credit-grants-table-wrap { width: 100%; overflow-x: auto; }
.tg-credit-grants-table { width: 100%; border-collapse: separate; border-spacing: 0;
  font-size: var(--tg-font-size-2); color: var(--tg-credit-grants-text); }
.tg-credit-grants-table-caption { caption-side: top; text-align: left; padding: 0 0 12px;
  font-size: var(--tg-font-size-1); color: var(--tg-credit-grants-muted-text); }
.tg-credit-grants-th { padding: 0; text-align: left; white-space: nowrap;
  background: var(--tg-credit-grants-head-bg);
  border-top: 1px solid var(--tg-credit-grants-row-border);
  border-bottom: 1px solid var(--tg-credit-grants-row-border); }
.tg-credit-grants-th:first-child { border-left: 1px solid var(--tg-credit-grants-row-border);
  border-radius: var(--tg-radius-2) 0 0 var(--tg-radius-2); }
.tg-credit-grants-th:last-child { border-right: 1px solid var(--tg-credit-grants-row-border);
  border-radius: 0 var(--tg-radius-2) var(--tg-radius-2) 0; }
.tg-credit-grants-sort { display: inline-flex; align-items: center; gap: 6px; width: 100%;
  padding: 9px 12px; margin: 0; border: 0; border-radius: var(--tg-radius-2);
  background: transparent; font: inherit; font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-credit-grants-head-text);
  cursor: pointer; white-space: nowrap; }
.tg-credit-grants-sort:hover { color: var(--tg-credit-grants-text); }
.tg-credit-grants-sort-active { color: var(--tg-credit-grants-sort-active-text); }
.tg-root .tg-credit-grants-sort:focus-visible { outline-offset: -2px; }
.tg-credit-grants-sort-icon { display: inline-flex; }
.tg-credit-grants-sort-idle { opacity: 0.55; }
.tg-credit-grants-num .tg-credit-grants-sort { justify-content: flex-end; }
.tg-credit-grants-td { padding: 12px; vertical-align: middle;
  border-bottom: 1px solid var(--tg-credit-grants-row-border); }
.tg-credit-grants-tr:last-child .tg-credit-grants-td { border-bottom: 0; }
.tg-credit-grants-tr:hover .tg-credit-grants-td {
  background: var(--tg-credit-grants-row-hover-bg); }
.tg-credit-grants-num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.tg-credit-grants-col-received, .tg-credit-grants-col-expires { white-space: nowrap; }
.tg-credit-grants-type { display: block; font-weight: var(--tg-font-weight-medium); }
.tg-credit-grants-detail { display: block; font-size: var(--tg-font-size-1);
  color: var(--tg-credit-grants-muted-text); }
.tg-credit-grants-left { display: inline-flex; flex-direction: row-reverse; align-items: center;
  gap: 10px; }
.tg-credit-grants-left > span:first-child { min-width: 7ch; }
.tg-credit-grants-meter { display: block; flex: none; width: 48px; height: 4px;
  border-radius: var(--tg-radius-full); background: var(--tg-credit-grants-meter-track);
  overflow: hidden; }
.tg-credit-grants-meter-fill { display: block; height: 100%; border-radius: inherit;
  background: var(--tg-credit-grants-meter-fill); }
.tg-credit-grants-never { color: var(--tg-credit-grants-muted-text); }
.tg-credit-grants-status-success { background: var(--tg-credit-grants-status-active-bg);
  color: var(--tg-credit-grants-status-active-text); }
.tg-credit-grants-status-warning { background: var(--tg-credit-grants-status-scheduled-bg);
  color: var(--tg-credit-grants-status-scheduled-text);
  box-shadow: inset 0 0 0 1px var(--tg-credit-grants-status-scheduled-text); }
.tg-credit-grants-status-neutral { background: var(--tg-credit-grants-status-neutral-bg);
  color: var(--tg-credit-grants-status-neutral-text); }
.tg-credit-grants-status-danger { background: var(--tg-credit-grants-status-voided-bg);
  color: var(--tg-credit-grants-status-voided-text); }
.tg-credit-grants-footer { display: flex; align-items: center; justify-content: space-between;
  gap: 12px; flex-wrap: wrap; }
.tg-credit-grants-count { font-size: var(--tg-font-size-1);
  color: var(--tg-credit-grants-muted-text); }
.tg-credit-grants-more { height: 36px; }
.tg-credit-grants-notice-error { flex-basis: 100%; margin: 0; padding: 10px 12px;
  border-radius: var(--tg-radius-2); font-size: var(--tg-font-size-1);
  background: var(--tg-credit-grants-error-bg); color: var(--tg-credit-grants-error-text); }
.tg-credit-grants-skeleton-row { height: 44px; }
@media (max-width: 640px) {
  .tg-credit-history { padding: 16px; }
  .tg-credit-usage-total { font-size: var(--tg-font-size-5); }
  .tg-credit-usage-plot { height: 260px; }
  .tg-credit-usage-plot .xtick:nth-last-child(even) { display: none; }
  .tg-credit-grants-table, .tg-credit-grants-table tbody, .tg-credit-grants-table thead,
  .tg-credit-grants-table-caption { display: block; }
  .tg-credit-grants-table-caption { padding-bottom: 8px; }
  .tg-credit-grants-head-row { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 12px; }
  .tg-credit-grants-th, .tg-credit-grants-th:first-child, .tg-credit-grants-th:last-child {
    display: block; border: 1px solid var(--tg-credit-grants-row-border);
    border-radius: var(--tg-radius-full); }
  .tg-credit-grants-sort { padding: 5px 10px; border-radius: var(--tg-radius-full); }
  .tg-credit-grants-num .tg-credit-grants-sort { justify-content: flex-start; }
  .tg-credit-grants-tr { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: 12px 12px; padding: 14px; margin-bottom: 10px; border-radius: var(--tg-radius-3);
    border: 1px solid var(--tg-credit-grants-row-border); }
  .tg-credit-grants-tr:hover .tg-credit-grants-td { background: transparent; }
  .tg-credit-grants-td, .tg-credit-grants-tr:last-child .tg-credit-grants-td {
    display: flex; flex-direction: column; gap: 2px; padding: 0; border: 0; text-align: left;
    white-space: normal; }
  .tg-credit-grants-td::before { content: attr(data-label); font-size: var(--tg-font-size-1);
    font-weight: var(--tg-font-weight-medium); color: var(--tg-credit-grants-muted-text); }
  .tg-credit-grants-td { grid-column: span 2; }
  .tg-credit-grants-col-type { grid-column: span 4; order: 1; }
  .tg-credit-grants-col-status { order: 2; align-items: flex-end; }
  .tg-credit-grants-col-type::before, .tg-credit-grants-col-status::before { content: none; }
  .tg-credit-grants-left { flex-direction: row; }
  .tg-credit-grants-left > span:first-child { min-width: 0; }
  .tg-credit-grants-col-amount { order: 3; }
  .tg-credit-grants-col-consumed { order: 4; }
  .tg-credit-grants-col-remaining { order: 5; }
  .tg-credit-grants-col-received { order: 6; grid-column: span 3; }
  .tg-credit-grants-col-expires { order: 7; grid-column: span 3; }
}
@media (prefers-reduced-motion: reduce) {
  .tg-credit-usage-body[aria-busy="true"] .tg-credit-usage-plot { transition: none; }
}
"""
