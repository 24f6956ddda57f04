"""Headline figures of a dataset, written once as Ibis expressions."""

from __future__ import annotations

import ibis

from loyalty.storage.dataset import Dataset
from loyalty.analysis.filters import transaction_orders
from loyalty.analysis.nps import nps_summary


def transaction_headline(tx: ibis.Table, has_order_id: bool) -> ibis.Table:
    """One row: customers, orders, net revenue, first and last date.

    ``customers`` counts distinct non-empty customer ids (anonymous sales excluded);
    ``orders`` counts purchases (positive amount): distinct order ids, and each purchase row
    without an order id (a return is not an order); ``net_revenue`` sums all amounts, returns
    and anonymous sales included.
    """
    orders = (transaction_orders(tx, tx.amount > 0) if has_order_id
              else (tx.amount > 0).cast("int64").sum())
    return tx.aggregate(
        customers=tx.customer_id.nunique(),
        orders=orders,
        net_revenue=tx.amount.sum(),
        first_date=tx.date.min(),
        last_date=tx.date.max(),
    )


def headline(ds: Dataset) -> dict:
    """The figures ``python -m loyalty kpis`` prints, as plain Python values."""
    row = transaction_headline(ds.table("transactions"),
                               "order_id" in ds.fields("transactions")).execute().iloc[0]
    out: dict = {**ds.counts("transactions")}
    out["customers"] = int(row["customers"] or 0)
    out["orders"] = int(row["orders"] or 0)
    out["net_revenue"] = round(float(row["net_revenue"] or 0.0), 2)
    out["first_date"] = _iso(row["first_date"])
    out["last_date"] = _iso(row["last_date"])
    out["nps"] = None
    if ds.has("surveys"):
        s = nps_summary(ds.table("surveys"))
        out["nps"] = None if s["nps"] is None else round(s["nps"], 1)
        out["nps_respondents"] = s["respondents"]
    for table in ("members", "surveys", "interactions"):
        if any(r.table == table for r in ds.reports):
            out[table] = ds.counts(table)
    return out


def _iso(value) -> str | None:
    if value is None or (hasattr(value, "isoformat") is False):
        return None
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
