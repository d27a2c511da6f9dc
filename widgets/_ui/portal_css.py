"""CSS of the CustomerPortal widget (`tg-portal-*` classes, colours from `var(--tg-portal-...)`)."""

PORTAL_CSS = """
.tg-portal { width: 100%; display: flex; flex-direction: column; gap: 32px; }
.tg-portal-grid { display: grid; gap: 20px; grid-template-columns: repeat(2, minmax(0, 1fr)); }
.tg-portal-overview, .tg-portal-usage, .tg-portal-invoices { grid-column: 1 / -1; }
.tg-portal-card { display: flex; flex-direction: column; gap: 16px; padding: 24px; min-width: 0;
  border-radius: var(--tg-portal-radius); background: var(--tg-portal-bg);
  border: 1px solid var(--tg-portal-border); box-shadow: var(--tg-portal-shadow); }
.tg-portal-skeleton { gap: 12px; }
.tg-portal-section-title { margin: 0; font-size: 13px; font-weight: var(--tg-font-weight-semibold);
  letter-spacing: 0.04em; text-transform: uppercase; color: var(--tg-portal-section-title-text); }
.tg-portal-subtitle { margin: 8px 0 0; font-size: var(--tg-font-size-2);
  font-weight: var(--tg-font-weight-semibold); color: var(--tg-portal-plan-name-text); }
.tg-portal-plan-block { display: flex; flex-direction: column; gap: 6px; }
.tg-portal-plan-row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.tg-portal-plan { margin: 0; font-size: var(--tg-font-size-6); line-height: 1.15;
  font-weight: var(--tg-font-weight-bold); letter-spacing: -0.02em;
  color: var(--tg-portal-plan-name-text); }
.tg-portal-status { background: var(--tg-portal-status-bg); color: var(--tg-portal-status-text); }
.tg-portal-status-trialing, .tg-portal-status-scheduled { background: var(--tg-portal-trial-bg);
  color: var(--tg-portal-trial-text); }
.tg-portal-status-past_due { background: var(--tg-portal-danger-bg);
  color: var(--tg-portal-danger-text); }
.tg-portal-status-canceling { background: var(--tg-portal-warning-bg);
  color: var(--tg-portal-warning-text); border: 1px solid var(--tg-portal-warning-text); }
.tg-portal-muted { margin: 0; font-size: var(--tg-font-size-2); color: var(--tg-portal-body-text); }
.tg-portal-small { font-size: var(--tg-font-size-1); }
.tg-portal-trial { margin: 0; font-size: var(--tg-font-size-2); font-weight: var(--tg-font-weight-medium);
  color: var(--tg-portal-trial-text); }
.tg-portal-label { display: block; margin: 0 0 4px; padding: 0; font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-medium); color: var(--tg-portal-body-text); }
.tg-portal-bill { display: flex; flex-direction: column; gap: 4px; padding-top: 16px;
  border-top: 1px solid var(--tg-portal-row-border); }
.tg-portal-bill-line { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.tg-portal-amount { font-size: var(--tg-font-size-5); font-weight: var(--tg-font-weight-bold);
  color: var(--tg-portal-amount-text); font-variant-numeric: tabular-nums; }
.tg-portal-summary { cursor: pointer; font-size: var(--tg-font-size-1);
  color: var(--tg-primary-soft-text); margin-top: 4px; }
.tg-portal-bill-rows { list-style: none; margin: 8px 0 0; padding: 0; display: flex;
  flex-direction: column; gap: 6px; max-width: 480px; }
.tg-portal-bill-row { display: flex; justify-content: space-between; gap: 16px;
  font-size: var(--tg-font-size-1); color: var(--tg-portal-body-text); }
.tg-portal-num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.tg-portal-right { text-align: right; }
.tg-portal-note { margin: 0; font-size: var(--tg-font-size-1); color: var(--tg-portal-body-text); }
.tg-portal-alert { display: flex; align-items: flex-start; gap: 12px; padding: 14px 16px;
  border-radius: var(--tg-radius-3); background: var(--tg-portal-alert-bg);
  border: 1px solid var(--tg-portal-alert-border); color: var(--tg-portal-plan-name-text); }
.tg-portal-alert-icon { flex: none; margin-top: 2px; color: var(--tg-portal-trial-text); }
.tg-portal-alert-text { flex: 1; display: flex; flex-direction: column; gap: 4px;
  font-size: var(--tg-font-size-2); }
.tg-portal-alert-body { margin: 0; color: var(--tg-portal-body-text); }
.tg-portal-alert-list { margin: 0; padding-left: 18px; color: var(--tg-portal-plan-name-text); }
.tg-portal-alert .tg-button { flex: none; }
.tg-portal-items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column;
  gap: 10px; }
.tg-portal-item { display: flex; gap: 10px; align-items: flex-start; font-size: var(--tg-font-size-2);
  color: var(--tg-portal-plan-name-text); }
.tg-portal-check { flex: none; margin-top: 2px; color: var(--tg-portal-check); }
.tg-portal-card-row { display: flex; align-items: center; gap: 14px; }
.tg-portal-card-icon { flex: none; color: var(--tg-portal-body-text); }
.tg-portal-card-text { flex: 1; display: flex; flex-direction: column; gap: 2px;
  color: var(--tg-portal-plan-name-text); }
.tg-portal-card-form, .tg-portal-dialog-form { display: flex; flex-direction: column; gap: 12px; }
.tg-portal-row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.tg-portal-field { display: flex; flex-direction: column; }
.tg-portal-input { height: 40px; padding: 0 12px; border-radius: var(--tg-radius-2);
  border: 1px solid var(--tg-border); background: var(--tg-portal-bg); color: var(--tg-text);
  font: inherit; font-size: var(--tg-font-size-2); }
.tg-portal-textarea { height: auto; padding: 10px 12px; resize: vertical; }
.tg-portal-error { margin: 0; padding: 10px 12px; border-radius: var(--tg-radius-2);
  font-size: var(--tg-font-size-1); background: var(--tg-portal-danger-bg);
  color: var(--tg-portal-danger-text); }
.tg-portal-notice { margin: 0; padding: 10px 14px; border-radius: var(--tg-radius-2);
  font-size: var(--tg-font-size-2); background: var(--tg-portal-status-bg);
  color: var(--tg-portal-status-text); }
.tg-portal-dialog-actions { display: flex; justify-content: flex-end; gap: 8px; flex-wrap: wrap; }
.tg-portal-primary { background: var(--tg-portal-primary-bg); color: var(--tg-portal-primary-text); }
.tg-portal-danger { background: var(--tg-portal-danger-button-bg);
  color: var(--tg-portal-danger-button-text); }
.tg-portal-danger-link { align-self: flex-start; padding: 0; border: 0; background: none;
  font: inherit; font-size: var(--tg-font-size-2); cursor: pointer;
  color: var(--tg-portal-danger-text); text-decoration: underline; text-underline-offset: 3px; }
.tg-portal-dialog { max-width: 480px; font-family: var(--tg-font-family); }
.tg-portal-dialog-title { margin: 0 0 4px; color: var(--tg-portal-plan-name-text); }
.tg-portal-reasons { margin: 12px 0 0; padding: 0; border: 0; display: flex; flex-direction: column;
  gap: 8px; }
.tg-portal-reason { display: flex; gap: 10px; align-items: center; font-size: var(--tg-font-size-2);
  color: var(--tg-portal-plan-name-text); cursor: pointer; }
.tg-portal-table-wrap { overflow-x: auto; }
.tg-portal-table { width: 100%; border-collapse: collapse; font-size: var(--tg-font-size-2); }
.tg-portal-table th { text-align: left; padding: 8px 10px; font-size: var(--tg-font-size-1);
  font-weight: var(--tg-font-weight-medium); color: var(--tg-portal-body-text);
  border-bottom: 1px solid var(--tg-portal-row-border); }
.tg-portal-table td { padding: 10px; color: var(--tg-portal-plan-name-text);
  border-bottom: 1px solid var(--tg-portal-row-border); }
.tg-portal-table tr:last-child td { border-bottom: 0; }
.tg-portal-invoice-paid { background: var(--tg-portal-status-bg); color: var(--tg-portal-status-text); }
.tg-portal-invoice-open { background: var(--tg-portal-warning-bg); color: var(--tg-portal-warning-text);
  border: 1px solid var(--tg-portal-warning-text); }
.tg-portal-invoice-void, .tg-portal-invoice-uncollectible { background: var(--tg-surface-sunken);
  color: var(--tg-portal-body-text); }
.tg-portal-plans { display: flex; flex-direction: column; gap: 20px; }
@media (max-width: 760px) {
  .tg-portal-grid { grid-template-columns: 1fr; }
  .tg-portal-alert { flex-wrap: wrap; }
}
"""
