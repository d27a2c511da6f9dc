"""Domain events: recorded with the change that causes them, listed by the API."""
