"""Probabilistic customer-base models: BG/NBD (is the customer still active, how many purchases
next) and Gamma-Gamma (how much per purchase), for retail where nobody cancels.

Inputs are one row per customer in any time unit (days or weeks), as in Fader, Hardie & Lee
(2005), "Counting Your Customers the Easy Way":

- ``frequency`` x: repeat purchases (purchase days minus one);
- ``recency`` t_x: the customer's age at their last purchase;
- ``T``: the customer's age at the end of the observation period;
- ``monetary`` m_x: mean value of the repeat purchases (Gamma-Gamma only).

Fitting runs on the distinct (x, t_x, T) combinations with their counts, so a million customers
cost little more than the number of distinct histories.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import numpy as np
import pandas as pd
from scipy import optimize, special


@dataclass(frozen=True)
class BGNBD:
    """BG/NBD parameters: purchase rates ~ Gamma(r, alpha); drop-out probability ~ Beta(a, b)."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float = float("nan")

    def p_alive(self, frequency, recency, T) -> np.ndarray:
        """Probability the customer is still active at T (1 for customers with no repeat).

        P(alive) = 1 / (1 + [x > 0] * a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x))
        """
        x, tx, T = (np.asarray(v, dtype=float) for v in (frequency, recency, T))
        ratio = np.where(x > 0, self.a / np.maximum(self.b + x - 1, 1e-12)
                         * np.exp((self.r + x) * (np.log(self.alpha + T)
                                                  - np.log(self.alpha + tx))), 0.0)
        return 1.0 / (1.0 + ratio)

    def expected_purchases(self, t, frequency, recency, T) -> np.ndarray:
        """Expected purchases in the next ``t`` time units (Fader, Hardie & Lee 2005, eq. 10)."""
        x, tx, T = (np.asarray(v, dtype=float) for v in (frequency, recency, T))
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        z = t / (alpha + T + t)
        hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
        first = (a + b + x - 1) / (a - 1)
        second = 1 - np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t))) * hyp
        denom = 1 + np.where(x > 0, a / np.maximum(b + x - 1, 1e-12)
                             * np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + tx))), 0.0)
        return first * second / denom


def _bgnbd_ll(params, x, tx, T, w):
    r, alpha, a, b = np.exp(params)
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = (special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b)
          - special.gammaln(a + b + x))
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                      - (r + x) * np.log(alpha + tx), -np.inf)
    ll = a1 + a2 + np.logaddexp(a3, a4)
    return float(np.sum(w * ll))


def _compress(*columns) -> tuple[list[np.ndarray], np.ndarray]:
    frame = pd.DataFrame({f"c{i}": np.asarray(c, dtype=float) for i, c in enumerate(columns)})
    # Sorted, as history_counts returns them: the same sum in the same order on every path.
    grouped = frame.groupby(list(frame.columns), sort=True).size().reset_index(name="n")
    return [grouped[f"c{i}"].to_numpy() for i in range(len(columns))], grouped["n"].to_numpy(float)


# Log-parameters stay within e^-10 .. e^10. Without a bound, data that cannot tell a parameter
# (every customer with the same number of purchases, say) sends the simplex along a ridge to
# infinity until its iteration limit: 50 s for 100,000 customers instead of one.
_BOUNDS = (-10.0, 10.0)


def _polish(fun, start) -> optimize.OptimizeResult:
    """Nelder-Mead from a gradient method's answer, to the tolerance the published checks need.
    ``fun`` is a mean over customers: the tolerance on it is absolute, and a sum over a million
    customers could never settle to 1e-10."""
    return optimize.minimize(fun, start, method="Nelder-Mead", bounds=[_BOUNDS] * len(start),
                             options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000})


def fit_bgnbd(frequency, recency, T) -> BGNBD:
    """Maximum-likelihood BG/NBD parameters (Fader, Hardie & Lee 2005, eq. 6)."""
    (x, tx, t_end), w = _compress(frequency, recency, T)
    return fit_bgnbd_counts(x, tx, t_end, w)


def fit_bgnbd_counts(x, tx, t_end, w) -> BGNBD:
    """:func:`fit_bgnbd` on distinct histories (frequency ``x``, recency ``tx``, age ``t_end``)
    and ``w``, the number of customers with each (see :func:`history_counts`)."""
    x, tx, t_end, w = (np.asarray(v, dtype=float) for v in (x, tx, t_end, w))
    if len(x) == 0 or w.sum() < 2:
        raise ValueError("BG/NBD needs at least two customers")
    scale = max(float(np.max(t_end)), 1.0)
    # Work in units where the longest customer age is 1: the optimiser then meets parameters
    # of similar size whatever the time unit; alpha is scaled back afterwards.
    xs, txs, Ts = x, tx / scale, t_end / scale
    n = float(w.sum())
    best = None
    for start in ([0.0, 0.0, 0.0, 0.0], [np.log(0.5), np.log(0.1), np.log(0.5), np.log(2.0)]):
        res = optimize.minimize(lambda p: -_bgnbd_ll(p, xs, txs, Ts, w) / n, np.array(start),
                                method="L-BFGS-B", bounds=[_BOUNDS] * 4)
        if best is None or res.fun < best.fun:
            best = res
    res = _polish(lambda p: -_bgnbd_ll(p, xs, txs, Ts, w) / n, best.x)
    r, alpha, a, b = np.exp(res.x)
    return BGNBD(r=float(r), alpha=float(alpha * scale), a=float(a), b=float(b),
                 log_likelihood=float(_bgnbd_ll(np.log([r, alpha * scale, a, b]), x, tx, t_end, w)))


@dataclass(frozen=True)
class GammaGamma:
    """Gamma-Gamma spend model: spend per purchase ~ Gamma(p, nu), nu ~ Gamma(q, gamma)."""

    p: float
    q: float
    gamma: float

    def expected_spend(self, frequency, monetary) -> np.ndarray:
        """Expected mean spend per purchase: (gamma + x m_x) p / (p x + q - 1); for customers
        without repeat purchases the population mean p gamma / (q - 1)."""
        x = np.asarray(frequency, dtype=float)
        m = np.nan_to_num(np.asarray(monetary, dtype=float))
        return (self.gamma + x * m) * self.p / (self.p * x + self.q - 1)


# Spend per purchase varies far less between customers than purchase timing: 50,000 customers
# pin the three Gamma-Gamma parameters down to well within the model's own error, and unlike
# BG/NBD histories, mean spends do not repeat, so each customer costs a term per evaluation.
GAMMA_GAMMA_SAMPLE = 50_000


def fit_gamma_gamma(frequency, monetary) -> GammaGamma:
    """Maximum-likelihood Gamma-Gamma parameters from customers with repeat purchases and a
    positive mean spend (Fader, Hardie & Lee 2005, "RFM and CLV"); above
    ``GAMMA_GAMMA_SAMPLE`` such customers, from that many spread evenly over them."""
    x = np.asarray(frequency, dtype=float)
    m = np.asarray(monetary, dtype=float)
    keep = (x > 0) & (m > 0)
    x, m = x[keep], m[keep]
    if len(x) > GAMMA_GAMMA_SAMPLE:
        # Every k-th customer in the given order: the same customers on every engine.
        pick = np.linspace(0, len(x) - 1, GAMMA_GAMMA_SAMPLE).round().astype(int)
        x, m = x[pick], m[pick]
    if len(x) < 2:
        raise ValueError("Gamma-Gamma needs customers with repeat purchases")
    scale = float(np.mean(m))
    ms = m / scale

    def nll(params):
        p, q, g = np.exp(params)
        ll = (special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q)
              + q * np.log(g) + (p * x - 1) * np.log(ms) + p * x * np.log(x)
              - (p * x + q) * np.log(x * ms + g))
        return -float(np.mean(ll))

    start = optimize.minimize(nll, np.zeros(3), method="L-BFGS-B", bounds=[_BOUNDS] * 3).x
    p, q, g = np.exp(_polish(nll, start).x)
    return GammaGamma(p=float(p), q=float(q), gamma=float(g * scale))


def _observation_end(ds, observation_end, filters):
    if observation_end is None:
        from loyalty.analysis.filters import Filters, filtered_transactions
        tx = filtered_transactions(ds, filters or Filters())
        observation_end = tx.date.max().execute().date()
    return observation_end


def history_table(ds, observation_end, filters=None) -> ibis.Table:
    """:func:`purchase_histories` as the engine keeps it (one row per customer, not fetched):
    ``customer_id``, ``frequency``, ``recency``, ``T`` (days) and ``monetary``."""
    from loyalty.analysis.churn import purchase_days

    # The churn page's customer-days (kept once per data version), without the neighbours.
    daily = purchase_days(ds, filters, observation_end)
    per = daily.group_by("customer_id").aggregate(
        days=daily.count(), first=daily.day.min(), last=daily.day.max(),
        total=daily.value.sum(), first_value=daily.value.argmin(daily.day))
    frequency = per.days - 1
    return per.select(
        "customer_id", frequency=frequency.cast("float64"),
        recency=(per["last"] - per["first"]).cast("int64").cast("float64"),
        T=(ibis.literal(observation_end) - per["first"]).cast("int64").cast("float64"),
        monetary=ibis.ifelse(frequency > 0, (per.total - per.first_value).cast("float64")
                             / frequency.cast("float64"), ibis.null("float64")))


def purchase_histories(ds, observation_end=None, filters=None) -> pd.DataFrame:
    """One row per identified customer: ``frequency``, ``recency``, ``T`` (days) and
    ``monetary`` as the models want them.

    A purchase is a calendar day with a positive net amount (several receipts on one day count
    once, returns on other days lower that day's value only where they fall on a purchase day
    and are otherwise ignored); ``monetary`` is the mean value of the repeat purchase days.
    Anonymous sales have no customer and are left out.
    """
    end = _observation_end(ds, observation_end, filters)
    out = history_table(ds, end, filters).order_by("customer_id").execute()
    return out.set_index("customer_id")


def history_counts(ds, observation_end=None, filters=None) -> pd.DataFrame:
    """Distinct (``frequency``, ``recency``, ``T``) histories of :func:`purchase_histories` with
    ``customers``, the number of customers having each, grouped by the engine: what the BG/NBD
    fit needs, a few thousand rows however many customers there are. Sorted by the history."""
    per = history_table(ds, _observation_end(ds, observation_end, filters), filters)
    g = per.group_by(["frequency", "recency", "T"]).aggregate(customers=per.count())
    out = g.order_by(["frequency", "recency", "T"]).execute()
    return out.astype({"frequency": "int64", "recency": float, "T": float,
                       "customers": "int64"})


def customer_value(histories: pd.DataFrame, horizon_days: int = 365,
                   next_days: int = 90) -> pd.DataFrame:
    """Per customer: ``p_alive``, ``expected_purchases_90d`` and ``clv_12m`` (expected purchases
    in the next ``horizon_days`` times expected spend per purchase; undiscounted revenue).

    Returns NaN columns when there are too few customers with repeat purchases to fit.
    """
    h = histories
    out = pd.DataFrame(index=h.index)
    try:
        model = fit_bgnbd(h["frequency"], h["recency"], h["T"])
        spend = fit_gamma_gamma(h["frequency"], h["monetary"])
    except (ValueError, FloatingPointError):
        for c in ("p_alive", "expected_purchases_90d", "clv_12m"):
            out[c] = np.nan
        return out
    out["p_alive"] = model.p_alive(h["frequency"], h["recency"], h["T"])
    out["expected_purchases_90d"] = model.expected_purchases(next_days, h["frequency"],
                                                             h["recency"], h["T"])
    out["clv_12m"] = (model.expected_purchases(horizon_days, h["frequency"], h["recency"], h["T"])
                      * spend.expected_spend(h["frequency"], h["monetary"]))
    return out
