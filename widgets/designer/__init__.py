"""The no-code theme designer page (`/designer`): state, view and pure helpers."""
