"""Analysis: the figures, as Ibis expressions over the canonical tables (filters, KPIs,
loyalty types, lifecycle, NPS, churn, customer value, tiers, programme)."""
