"""Styles of the hosted widget pages: the frame sizes to its content (no viewport height), so
the host page's iframe can follow it."""

EMBED_CSS = """
html:has(.tg-embed), body:has(.tg-embed) { margin: 0; padding: 0; background: transparent; }
.tg-embed { display: flow-root; padding: 20px 16px; background: var(--tg-surface);
  color: var(--tg-text); }
.tg-embed-skeleton { display: flex; flex-direction: column; gap: 12px; }
.tg-embed-skeleton .tg-skeleton-line { height: 16px; }
.tg-embed-skeleton .tg-skeleton-block { height: 120px; }
.tg-embed-problem { padding: 40px 24px; gap: 10px; }
.tg-embed-problem .tg-state-title { font-size: var(--tg-font-size-4); margin: 2px 0 0; }
.tg-embed-problem .tg-state-icon { width: 48px; height: 48px; padding: 12px; border-radius: 999px;
  background: var(--tg-paywall-error-bg); color: var(--tg-paywall-error-text); }
.tg-embed-problem .tg-state-detail { max-width: 60ch; overflow-wrap: anywhere;
  font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.tg-embed-problem[data-code^="token"] { border-color: var(--tg-border); }
.tg-embed-problem[data-code^="token"] .tg-state-icon { background: var(--tg-surface-sunken);
  color: var(--tg-text-muted); }
"""
