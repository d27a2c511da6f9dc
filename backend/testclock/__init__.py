"""Test clocks: a development environment freezes its time and moves it forward on request."""
