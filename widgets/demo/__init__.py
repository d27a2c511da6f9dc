"""The demo storefront of "Orbit Workspace": pricing, checkout and account pages built from the
widgets, for a visitor or a seeded demo customer."""
