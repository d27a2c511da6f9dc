"""Prepaid credits: grants, the burn order, and the ledger whose sum is the balance."""
