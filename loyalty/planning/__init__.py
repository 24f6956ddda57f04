"""Planning: what-if models on per-customer summaries (tiers, discounts, retention) and
saved scenarios."""
