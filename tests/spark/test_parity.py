"""The demo data read by Spark (local, 2 cores) from Parquet gives the figures DuckDB gives
from the loaded CSV files, to 1e-9 relative: the metrics are the same Ibis expressions on
either engine."""

import math

import numpy as np
import pandas as pd
import pytest

from loyalty.analysis.churn import cohorts, monthly_movements, suggested_window
from loyalty.analysis.clv import fit_bgnbd, fit_bgnbd_counts, history_counts, purchase_histories
from loyalty.analysis.features import customer_features
from loyalty.analysis.filters import Filters, data_range, filtered_surveys
from loyalty.analysis.nps import nps_by_period
from loyalty.analysis.overview import overview
from loyalty.analysis.periods import default_period
from loyalty.analysis.segments import segment, signals
from loyalty.analysis.tiers import assign_tiers, qualifying_spend
from loyalty.analysis.type_counts import type_counts

REL = 1e-9
# A fitted model stops where Nelder-Mead's xatol (1e-8 on log parameters) lets it: inputs that
# differ in the last bit between engines (a mean spend summed in another order) can move its
# predictions by that much, so figures from a fit compare to 1e-6.
FIT_REL = 1e-6


def same(a, b, where="", rel=REL):
    """``a`` equals ``b``: numbers to ``rel`` relative, everything else exactly; frames and
    series value by value, in the same order."""
    if isinstance(a, pd.DataFrame):
        assert list(a.columns) == list(b.columns), where
        assert len(a) == len(b), where
        same(list(a.index), list(b.index), where + " index", rel)
        for c in a.columns:
            same(a[c].tolist(), b[c].tolist(), f"{where}.{c}", rel)
    elif isinstance(a, pd.Series):
        same(list(a.index), list(b.index), where + " index", rel)
        same(a.tolist(), b.tolist(), where, rel)
    elif isinstance(a, dict):
        assert set(a) == set(b), where
        for k in a:
            same(a[k], b[k], f"{where}.{k}", rel)
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]", rel)
    elif a is None or (isinstance(a, float) and math.isnan(a)) or a is pd.NaT or a is pd.NA:
        assert b is None or pd.isna(b), f"{where}: {a!r} != {b!r}"
    elif isinstance(a, (int, float, np.number)) and not isinstance(a, bool):
        assert b == pytest.approx(a, rel=rel, abs=1e-12), f"{where}: {a!r} != {b!r}"
    elif isinstance(a, pd.Timestamp) or isinstance(b, pd.Timestamp):
        assert pd.Timestamp(a) == pd.Timestamp(b), f"{where}: {a!r} != {b!r}"
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def test_the_comparison_itself_tells_a_difference():
    same(pd.DataFrame({"x": [1.0, 2.0]}), pd.DataFrame({"x": [1.0, 2.0 * (1 + 1e-10)]}))
    with pytest.raises(AssertionError):
        same(pd.DataFrame({"x": [1.0, 2.0]}), pd.DataFrame({"x": [1.0, 2.0 * (1 + 1e-8)]}))
    with pytest.raises(AssertionError):
        same({"a": "Gold"}, {"a": "Silver"})
    same([1.0], [1.0 + 8e-9], rel=FIT_REL)
    with pytest.raises(AssertionError):
        same([1.0], [1.0 + 1e-5], rel=FIT_REL)


@pytest.fixture(scope="module")
def period(duck):
    return default_period(*data_range(duck))


def test_the_data_range_and_period_are_the_same(duck, spark):
    assert data_range(spark) == data_range(duck)


def test_headline_kpis(duck, spark, period):
    f = Filters(*period)
    a, b = overview(duck, f), overview(spark, f)
    assert a["previous"] is not None
    same(a["current"], b["current"], "current")
    same(a["previous"], b["previous"], "previous")
    assert a["current"]["nps_respondents"] > 0 and a["current"]["churn_rate"] > 0


def test_loyalty_type_counts(duck, spark):
    a = segment(signals(customer_features(duck))).table["loyalty_type"].value_counts()
    b = segment(signals(customer_features(spark))).table["loyalty_type"].value_counts()
    same(a.sort_index(), b.sort_index(), "types")
    assert a.sum() == 5000
    # Scored by Spark itself: one row per type comes back.
    same(a.sort_index().to_dict(), type_counts(spark).to_dict(), "types in the engine")


def test_nps_per_month_with_intervals(duck, spark):
    f = Filters()
    a = nps_by_period(filtered_surveys(duck, f), "M")
    b = nps_by_period(filtered_surveys(spark, f), "M")
    assert {"nps", "low", "high", "reliable"} <= set(a.columns)
    assert len(a) == 24
    same(a, b, "nps")


def test_churn_movements(duck, spark, period):
    window = suggested_window(duck)
    same(window, suggested_window(spark), "window")
    f = Filters(*period)
    same(monthly_movements(duck, window["days"], f),
         monthly_movements(spark, window["days"], f), "movements")


def test_cohort_retention(duck, spark):
    same(cohorts(duck), cohorts(spark), "cohorts")


def test_tier_counts(duck, spark, period):
    a = assign_tiers(qualifying_spend(duck, period[1])).value_counts().sort_index()
    b = assign_tiers(qualifying_spend(spark, period[1])).value_counts().sort_index()
    same(a, b, "tiers")


def test_bgnbd_parameters(duck, spark):
    ha, hb = purchase_histories(duck), purchase_histories(spark)
    same(ha, hb, "histories")
    a = fit_bgnbd(ha["frequency"], ha["recency"], ha["T"])
    b = fit_bgnbd(hb["frequency"], hb["recency"], hb["T"])
    for name in ("r", "alpha", "a", "b"):
        assert getattr(b, name) == pytest.approx(getattr(a, name), rel=REL), name


def test_bgnbd_from_histories_grouped_by_the_engine(duck, spark):
    ca, cb = history_counts(duck), history_counts(spark)
    same(ca, cb, "history counts")
    assert ca["customers"].sum() == 5000
    a = fit_bgnbd_counts(ca["frequency"], ca["recency"], ca["T"], ca["customers"])
    b = fit_bgnbd_counts(cb["frequency"], cb["recency"], cb["T"], cb["customers"])
    for name in ("r", "alpha", "a", "b"):
        assert getattr(b, name) == pytest.approx(getattr(a, name), rel=REL), name
