"""Payments: customers' payment methods and charges, behind a provider interface."""
