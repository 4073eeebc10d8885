"""Shared building blocks for D2's content views (generic record models, small form helpers)."""
