"""The Loyalty types page on Spark counts in the engine (no row per customer comes back) and
shows the table, stages, grid and drill-down DuckDB's page shows."""

import base64
import json
import os

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.page.tabs import open_tab
from tests.spark.test_parity import same

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")


def _segments(monkeypatch, engine: str) -> AppTest:
    monkeypatch.setenv("LOYALTY_ENGINE", engine)
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    at.switch_page("pages/segments.py").run()
    assert not at.exception and not at.error
    return at


def _summary(at: AppTest):
    return next(d.value for d in at.dataframe if d.value.columns[0] == "Loyalty type")


def _values(v):
    """A trace's values as a list (Plotly sends numeric arrays base64-encoded)."""
    if isinstance(v, dict) and "bdata" in v:
        flat = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        shape = [int(n) for n in str(v.get("shape", len(flat))).split(",")]
        return flat.reshape(shape).tolist()
    return v


def _charts(at: AppTest) -> list:
    """The numbers each chart on the page plots (its traces' x, y and z)."""
    out = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        out.append([[_values(trace.get(k)) for k in ("x", "y", "z")] for trace in spec["data"]])
    return out


def _read(at: AppTest) -> dict:
    out = {"summary": _summary(at),
           "info": [i.value for i in at.info], "profile": _charts(at)}
    for tab in ("Over time", "Lifecycle", "RFM"):
        open_tab(at, "seg_tab", tab)
        assert not at.exception and not at.error, tab
        out[tab] = ([(m.label, m.value) for m in at.metric], _charts(at))
    open_tab(at, "seg_tab", "Customer")
    at.text_input(key="seg_customer").set_value("C00042").run()
    out["customer"] = [m.value for m in at.markdown if "**" in m.value]
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
    assert any("Programme-loyal" in m for m in duck["customer"])
