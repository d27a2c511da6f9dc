"""Theming for Tollgate's widgets: design tokens and (later) the theme designer."""
