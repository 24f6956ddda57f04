"""BG/NBD reproduces the published CDNOW estimates; Gamma-Gamma recovers known parameters."""

import os

import numpy as np
import pandas as pd
import pytest

from loyalty.analysis.clv import BGNBD, fit_bgnbd, fit_gamma_gamma

CDNOW = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))), "shared", "data", "cdnow", "cdnow_customers_summary.csv")
# Fader, Hardie & Lee (2005), Marketing Science 24(2): r, alpha, a, b and the log-likelihood.
PUBLISHED = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}


@pytest.fixture(scope="module")
def cdnow_model():
    if not os.path.exists(CDNOW):
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the CDNOW sample at {CDNOW}")
        pytest.skip("shared/data/cdnow is not next to this checkout")
    d = pd.read_csv(CDNOW)
    assert len(d) == 2357
    return fit_bgnbd(d["frequency"], d["recency"], d["T"])


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_cdnow_estimates_match_the_paper(cdnow_model, name):
    assert getattr(cdnow_model, name) == pytest.approx(PUBLISHED[name], abs=0.01)


def test_cdnow_log_likelihood(cdnow_model):
    assert cdnow_model.log_likelihood == pytest.approx(-9582.4, abs=0.1)


def test_published_example_customer(cdnow_model):
    # The paper's worked customer: 2 repeat purchases, the last at 30.43 weeks, observed for
    # 38.86 weeks, expects 1.226 purchases in the next 39 weeks.
    assert cdnow_model.expected_purchases(39, 2, 30.43, 38.86) == pytest.approx(1.226, abs=0.001)


def test_p_alive_properties():
    m = BGNBD(**PUBLISHED)
    assert m.p_alive(0, 0, 38.86) == 1.0          # no repeat purchase: never seen dropping out
    # The longer since the last purchase, the less likely the customer is still active.
    alive = m.p_alive([3, 3, 3], [30, 30, 30], [31, 40, 60])
    assert alive[0] > alive[1] > alive[2]
    assert ((alive > 0) & (alive <= 1)).all()
    assert m.expected_purchases(0.0, 3, 30, 40) == pytest.approx(0.0, abs=1e-12)


def test_gamma_gamma_recovers_known_parameters():
    rng = np.random.default_rng(5)
    p, q, gamma = 6.0, 4.0, 15.0
    n = 20_000
    x = rng.integers(1, 10, n)
    nu = rng.gamma(q, 1 / gamma, n)
    spend = np.array([rng.gamma(p, 1 / v, k).mean() for v, k in zip(nu, x)])
    fitted = fit_gamma_gamma(x, spend)
    assert fitted.p == pytest.approx(p, rel=0.1)
    assert fitted.q == pytest.approx(q, rel=0.1)
    assert fitted.gamma == pytest.approx(gamma, rel=0.15)
    # With no repeat purchase the expected spend is the population mean p gamma / (q - 1).
    assert fitted.expected_spend(0, np.nan) == pytest.approx(
        fitted.p * fitted.gamma / (fitted.q - 1))


def test_purchase_histories_by_hand(write_file, dataset):
    from loyalty.analysis.clv import purchase_histories
    import datetime as dt
    tx = ("customer_id,date,amount\n"
          "A,2025-01-01,10\nA,2025-01-11,20\nA,2025-01-11,5\nA,2025-01-21,30\n"
          "B,2025-01-15,40\nB,2025-01-20,-40\n,2025-01-05,99\n")
    dataset.load(write_file("tx.csv", tx))
    h = purchase_histories(dataset, dt.date(2025, 1, 31))
    assert list(h.index) == ["A", "B"]                      # the anonymous sale is no customer
    a, b = h.loc["A"], h.loc["B"]
    # A: purchase days 1, 11, 21 Jan -> 2 repeats, last at day 20, age 30 days on 31 Jan;
    # repeat days worth 25 (20 + 5 on one day) and 30.
    assert (a["frequency"], a["recency"], a["T"], a["monetary"]) == (2, 20.0, 30.0, 27.5)
    # B: one purchase day; the return on another day is not a purchase.
    assert (b["frequency"], b["recency"], b["T"]) == (0, 0.0, 16.0)
    assert np.isnan(b["monetary"])
