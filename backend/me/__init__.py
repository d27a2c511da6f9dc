"""Customer-scoped endpoints: what a browser holding a customer token may read and do."""
