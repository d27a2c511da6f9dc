"""Embedding widgets in other web apps: which origins may frame them."""
