"""Styles of the demo storefront pages (`sf-*` classes on top of the theme variables)."""

STOREFRONT_CSS = """
body { margin: 0; }
.sf-page { min-height: 100vh; background: var(--tg-surface); }
.sf-container { width: 100%; max-width: 1240px; margin: 0 auto; padding: 0 24px; }
.sf-header { position: sticky; top: 0; z-index: 10;
  border-bottom: 1px solid var(--tg-border-subtle);
  background: var(--tg-surface); }
.sf-header-inner { display: flex; align-items: center; gap: 32px; height: 64px; }
.sf-logo { display: inline-flex; align-items: center; gap: 10px; color: var(--tg-text);
  text-decoration: none; font-size: 18px; font-weight: 700; letter-spacing: -0.02em; }
.sf-logo-mark { display: inline-flex; align-items: center; justify-content: center; width: 28px;
  height: 28px; border-radius: 8px; color: var(--tg-primary-text);
  background: linear-gradient(135deg, var(--tg-primary) 0%, var(--tg-primary-hover) 100%);
  box-shadow: var(--tg-shadow-2); }
.sf-nav { display: flex; gap: 4px; flex: 1; }
.sf-nav-link { padding: 6px 10px; border-radius: var(--tg-radius-2); color: var(--tg-text-muted);
  text-decoration: none; font-size: 14px; font-weight: 500; }
.sf-nav-link:hover, .sf-nav-link[aria-current="page"] { color: var(--tg-text); }
.sf-header-actions { display: flex; align-items: center; gap: 8px; }
.sf-icon-button { display: inline-flex; align-items: center; justify-content: center; width: 36px;
  height: 36px; border-radius: var(--tg-radius-2); border: 1px solid var(--tg-border-subtle);
  background: var(--tg-surface-raised); color: var(--tg-text); cursor: pointer; }
.sf-icon-button:hover { background: var(--tg-surface-hover); }
.sf-header-cta { display: inline-flex; align-items: center; height: 36px; padding: 0 14px;
  border-radius: var(--tg-radius-2); background: var(--tg-text); color: var(--tg-surface-raised);
  font-size: 14px; font-weight: 600; text-decoration: none; }
.sf-hero { text-align: center; padding-top: 80px; padding-bottom: 48px; }
.sf-eyebrow { margin: 0 0 16px; color: var(--tg-primary-soft-text); font-size: 13px;
  font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
.sf-title { margin: 0 auto; max-width: 18ch; font-size: clamp(36px, 5.4vw, 56px); line-height: 1.05;
  font-weight: 700; letter-spacing: -0.035em; color: var(--tg-text); }
.sf-lead { margin: 20px auto 0; max-width: 56ch; font-size: 18px; line-height: 1.6;
  color: var(--tg-text-muted); }
.sf-controls { display: flex; flex-wrap: wrap; justify-content: center; gap: 12px 32px;
  margin-top: 36px; }
.sf-control { margin: 0; padding: 0; border: 0; min-width: 0; }
.sf-control-label { float: left; padding: 0; margin-right: 10px; line-height: 36px;
  font-size: 13px; font-weight: 500; color: var(--tg-text-muted); }
.sf-segmented { display: inline-flex; gap: 2px; padding: 3px; border-radius: var(--tg-radius-3);
  border: 1px solid var(--tg-border-subtle); background: var(--tg-surface-sunken); }
.sf-seg-option { position: relative; display: inline-flex; align-items: center; height: 28px;
  padding: 0 12px; border-radius: 7px; font-size: 13px; font-weight: 500; cursor: pointer;
  color: var(--tg-text-muted); }
.sf-seg-option:has(.sf-seg-input:checked) { background: var(--tg-surface-raised);
  color: var(--tg-text); box-shadow: var(--tg-shadow-1); }
.sf-seg-option:has(.sf-seg-input:focus-visible) { outline: 2px solid var(--tg-focus-ring);
  outline-offset: 2px; }
.sf-seg-input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0;
  cursor: pointer; }
.sf-plans { padding-bottom: 24px; }
.sf-selection { display: flex; justify-content: center; margin-top: 32px; min-height: 44px; }
.sf-selection p { margin: 0; display: inline-flex; align-items: center; gap: 8px; font-size: 14px; }
.sf-selection-hint { color: var(--tg-text-muted); }
.sf-selection-text { padding: 10px 16px; border-radius: var(--tg-radius-full);
  background: var(--tg-surface-raised); border: 1px solid var(--tg-border-subtle);
  box-shadow: var(--tg-shadow-2); color: var(--tg-text); }
.sf-selection-icon { color: var(--tg-success); }
.sf-selection-label { color: var(--tg-text-muted); font-family: var(--tg-font-mono);
  font-size: 13px; }
.sf-faq-section { padding-top: 72px; padding-bottom: 96px; }
.sf-section-title { margin: 0 0 28px; text-align: center; font-size: 28px; font-weight: 700;
  letter-spacing: -0.02em; color: var(--tg-text); }
.sf-faq { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px;
  max-width: 960px; margin: 0 auto; }
.sf-faq-item { padding: 18px 20px; border-radius: var(--tg-radius-3);
  background: var(--tg-surface-raised); border: 1px solid var(--tg-border-subtle); }
.sf-faq-question { display: flex; justify-content: space-between; gap: 16px; cursor: pointer;
  list-style: none; font-weight: 600; font-size: 15px; color: var(--tg-text); }
.sf-faq-question::-webkit-details-marker { display: none; }
.sf-faq-question::after { content: "+"; flex: none; width: 20px; text-align: center;
  font-weight: 400; font-size: 20px; line-height: 22px; color: var(--tg-text-muted);
  transition: transform 150ms ease; }
.sf-faq-item[open] .sf-faq-question::after { transform: rotate(45deg); }
.sf-faq-item { align-self: start; }
.sf-faq-answer { margin: 10px 0 0; font-size: 14px; line-height: 1.6; color: var(--tg-text-muted); }
.sf-footer { border-top: 1px solid var(--tg-border-subtle); }
.sf-footer-inner { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 8px;
  padding-top: 24px; padding-bottom: 32px; font-size: 13px; color: var(--tg-text-muted); }
.sf-segmented { white-space: nowrap; }
.sf-account-chip { display: inline-flex; align-items: center; gap: 6px; height: 36px;
  padding: 0 12px; border-radius: var(--tg-radius-full); border: 1px solid var(--tg-border-subtle);
  background: var(--tg-surface-raised); color: var(--tg-text); font-size: 14px; font-weight: 500;
  text-decoration: none; }
.sf-account-chip:hover { background: var(--tg-surface-hover); }
.sf-page-head { padding-top: 48px; padding-bottom: 24px; }
.sf-page-title { margin: 0; font-size: 32px; line-height: 1.15; font-weight: 700;
  letter-spacing: -0.025em; color: var(--tg-text); }
.sf-page-lead { margin: 8px 0 0; font-size: 16px; color: var(--tg-text-muted); }
.sf-page-body { padding-bottom: 96px; }
.sf-app-grid { display: flex; flex-direction: column; gap: 24px; }
.sf-app-card { display: flex; flex-direction: column; gap: 16px; padding: 24px;
  border-radius: var(--tg-radius-4); background: var(--tg-surface-raised);
  border: 1px solid var(--tg-border-subtle); box-shadow: var(--tg-shadow-2); }
.sf-app-card-head { display: flex; gap: 14px; align-items: flex-start; }
.sf-app-card-title { margin: 0; font-size: 18px; font-weight: 600; color: var(--tg-text); }
.sf-app-icon { flex: none; margin-top: 3px; color: var(--tg-primary-soft-text); }
.sf-app-button { align-self: flex-start; background: var(--tg-primary);
  color: var(--tg-primary-text); }
.sf-app-button:hover:not(:disabled) { background: var(--tg-primary-hover); }
.sf-app-button:disabled { opacity: 0.7; }
.sf-app-label { margin: 0; font-size: 14px; font-weight: 600; color: var(--tg-text); }
.sf-app-locked { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; font-size: 14px;
  color: var(--tg-text-muted); }
.sf-app-locked a { color: var(--tg-primary-soft-text); }
.sf-app-result { margin: 0; min-height: 20px; font-size: 14px; color: var(--tg-success); }
.sf-app-result-denied { color: var(--tg-danger); }
.sf-app-row { display: grid; gap: 24px; align-items: stretch;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); }
.sf-app-row-top { align-items: start; }
.sf-app-link { margin-left: 8px; color: var(--tg-primary-soft-text); font-weight: 600; }
.sf-account-chip, .sf-header-cta { white-space: nowrap; }
@media (max-width: 720px) {
  .sf-nav, .sf-header-actions .sf-nav-link { display: none; }
  .sf-account-chip ~ .sf-header-cta { display: none; }
  .sf-header-inner { justify-content: space-between; }
  .sf-hero { padding-top: 48px; padding-bottom: 32px; }
  .sf-lead { font-size: 16px; }
  .sf-controls { flex-direction: column; align-items: center; }
  .sf-control-label { float: none; display: block; margin: 0 0 6px; line-height: 1.4;
    text-align: center; width: 100%; }
  .sf-seg-option { padding: 0 9px; }
  .sf-segmented { flex-wrap: wrap; justify-content: center; white-space: normal;
    max-width: calc(100vw - 48px); }
}
"""
