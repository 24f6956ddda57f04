"""The Loyalty types page on Spark counts in the engine (no row per customer comes back) and
shows the table, stages, grid and drill-down DuckDB's page shows."""

import base64
import json
import os
import re

import numpy as np
import pytest
import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.page.tabs import open_tab
from tests.spark.test_parity import FIT_REL, REL, same

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$")
APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")


def open_page(script: str) -> AppTest:
    """The app on the engine ``LOYALTY_ENGINE`` names, at page ``script``, without an error."""
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    at.switch_page(script).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def _open(monkeypatch, engine: str, script: str) -> AppTest:
    monkeypatch.setenv("LOYALTY_ENGINE", engine)
    return open_page(script)


def _segments(monkeypatch, engine: str) -> AppTest:
    return _open(monkeypatch, engine, "pages/segments.py")


def _summary(at: AppTest):
    return next(d.value for d in at.dataframe if d.value.columns[0] == "Loyalty type")


def _values(v):
    """A trace's values as a list (Plotly sends numeric arrays base64-encoded; timestamps are
    read as instants, whatever their precision)."""
    if isinstance(v, list) and v and all(isinstance(x, str) and TIMESTAMP.match(x) for x in v):
        return [pd.Timestamp(x) for x in v]
    if isinstance(v, dict) and "bdata" in v:
        flat = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        shape = [int(n) for n in str(v.get("shape", len(flat))).split(",")]
        return flat.reshape(shape).tolist()
    return v


def _binned(trace: dict) -> list:
    """A histogram as the reader sees it: the height of each bin (one value per customer, or
    per distinct history with its customers summed)."""
    bins = trace["xbins"]
    edges = np.arange(bins["start"], bins["end"] + bins["size"] / 2, bins["size"])
    weights = _values(trace["y"]) if trace.get("histfunc") == "sum" else None
    return np.histogram(_values(trace["x"]), bins=edges, weights=weights)[0].tolist()


def _charts(at: AppTest) -> list:
    """The numbers each chart on the page plots (its traces' x, y and z)."""
    out = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        out.append([_binned(trace) if trace.get("type") == "histogram"
                    else [_values(trace.get(k)) for k in ("x", "y", "z")]
                    for trace in spec["data"]])
    return out


def _read(at: AppTest) -> dict:
    out = {"summary": _summary(at),
           "info": [i.value for i in at.info], "profile": _charts(at)}
    for tab in ("Over time", "Lifecycle", "RFM"):
        open_tab(at, "seg_tab", tab)
        assert not at.exception and not at.error, tab
        out[tab] = ([(m.label, m.value) for m in at.metric], _charts(at))
    open_tab(at, "seg_tab", "Customer")
    at.text_input(key="seg_customer").set_value("K103241").run()
    out["customer"] = [m.value for m in at.markdown
                       if m.value.startswith(("### ", "**Loyalty type:**", "**Why:**",
                                              "**Lifecycle"))]
    out["customer charts"] = _charts(at)
    open_tab(at, "seg_tab", "Export")
    out["export"] = [c.value for c in at.caption]
    return out


def test_the_loyalty_types_page_on_spark_reads_as_on_duckdb(monkeypatch):
    from loyalty.analysis import features
    duck = _read(_segments(monkeypatch, "duckdb"))
    # On Spark the per-customer features never come to pandas.
    calls = []
    original = features.customer_features
    monkeypatch.setattr(features, "customer_features",
                        lambda *a, **k: calls.append(1) or original(*a, **k))
    spark = _read(_segments(monkeypatch, "spark"))
    assert calls == []
    pd.testing.assert_frame_equal(spark.pop("summary"), duck["summary"], rtol=1e-9)
    same(spark.pop("profile"), duck["profile"])
    assert spark == {k: v for k, v in duck.items() if k not in ("summary", "profile")}
    assert duck["summary"]["Customers"].tolist()[:6] == [1374, 954, 636, 960, 452, 311]
    assert duck["customer"][0] == "### K103241" and len(duck["customer"]) == 4


def _nps(monkeypatch, engine: str) -> list:
    at = _open(monkeypatch, engine, "pages/nps.py")
    tables = []
    for column in ("loyalty_type", "tier", "channel", "store"):
        at.radio(key="nps_group@en").set_value(column).run()
        assert not at.exception and not at.error, column
        tables.append([d.value for d in at.dataframe])
    return tables


def test_the_nps_page_on_spark_groups_customers_in_the_engine(monkeypatch):
    from loyalty.analysis import features
    duck = _nps(monkeypatch, "duckdb")
    calls = []
    original = features.customer_features
    monkeypatch.setattr(features, "customer_features",
                        lambda *a, **k: calls.append(1) or original(*a, **k))
    spark = _nps(monkeypatch, "spark")
    assert calls == []
    assert len(duck) == len(spark) == 4
    for column, (a, b) in zip(("loyalty_type", "tier", "channel", "store"), zip(duck, spark)):
        assert len(a) == len(b) >= 4, column
        for x, y in zip(a, b):
            same(x, y, column)
    # NPS per loyalty type: the groups table lists the six types and the history groups.
    groups = next(d for d in duck[0] if d.columns[0] == "Loyalty type")
    assert "True advocate" in groups.iloc[:, 0].tolist()


def _page(monkeypatch, engine: str, script: str, tab: tuple[str, str] | None = None) -> dict:
    """Every table, tile and chart of a page as the manager sees it."""
    at = _open(monkeypatch, engine, script)
    if tab:
        open_tab(at, *tab)
    assert not at.exception and not at.error, (engine, [e.value for e in at.error])
    return {"tables": [d.value for d in at.dataframe],
            "tiles": [(m.label, m.value) for m in at.metric], "charts": _charts(at),
            "captions": [c.value for c in at.caption]}


@pytest.mark.parametrize("script,tab", [("pages/tiers.py", None),
                                        ("pages/churn.py", ("churn_tab", "Churn by group")),
                                        ("pages/churn.py", ("churn_tab", "Who is about to leave")),
                                        ("pages/whatif.py", None),
                                        ("pages/whatif.py", ("whatif_tab", "Discount depth")),
                                        ("pages/whatif.py", ("whatif_tab", "Retention"))])
def test_tiers_churn_groups_and_what_if_on_spark_count_in_the_engine(monkeypatch, script, tab):
    from loyalty.analysis import clv, features, tiers
    duck = _page(monkeypatch, "duckdb", script, tab)
    # On Spark neither the features, the spend nor the purchase history of each customer come
    # to pandas.
    calls = []
    for module, name in ((features, "customer_features"), (tiers, "qualifying_spend"),
                         (clv, "purchase_histories")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _f=original, _n=name, **k:
                            calls.append(_n) or _f(*a, **k))
    spark = _page(monkeypatch, "spark", script, tab)
    assert calls == []
    assert len(duck["tables"]) == len(spark["tables"])
    # "Who is about to leave" shows each customer's revenue predicted by a fitted model.
    rel = FIT_REL if tab and tab[1] == "Who is about to leave" else REL
    for a, b in zip(duck["tables"], spark["tables"]):
        same(a, b, script, rel)
    same(spark["charts"], duck["charts"], script, rel)
    assert spark["tiles"] == duck["tiles"] and spark["captions"] == duck["captions"]
    assert duck["charts"], script
