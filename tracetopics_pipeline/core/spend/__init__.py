"""Spend on model calls: prices per model, the budget every call reserves against, and the
ledger in the warehouse that records what was spent (docs/configuration.md "Spend budget")."""
