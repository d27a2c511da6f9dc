"""CSS of the CustomerPortal widget (`tg-portal-*` classes, colours from `var(--tg-portal-...)`)."""

PORTAL_CSS = """
.tg-portal { width: 100%; }
"""
