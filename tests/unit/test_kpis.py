"""Headline figures and NPS on hand-worked tiny datasets."""

import pytest

from loyalty.analysis.kpis import headline
from loyalty.analysis.nps import nps_from_counts, nps_summary

TX = ("customer_id,date,amount,order_id\n"
      "A,2025-01-01,10.00,O1\n"
      "A,2025-01-01,5.00,O1\n"      # second line of the same order
      "B,2025-01-05,20.00,O2\n"
      "B,2025-01-09,-20.00,O2-R\n"   # a return: revenue, not an order
      ",2025-02-01,7.50,O3\n"        # anonymous sale: revenue and order, not a customer
      "C,2025-03-31,2.50,O4\n")
SURVEYS = "date,score\n2025-01-01,10\n2025-01-02,9\n2025-01-03,8\n2025-01-04,6\n2025-01-05,0\n"


def test_headline_figures(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    dataset.load(write_file("nps.csv", SURVEYS), table="surveys")
    h = headline(dataset)
    assert h["customers"] == 3
    assert h["orders"] == 4
    assert h["net_revenue"] == 25.0
    assert (h["first_date"], h["last_date"]) == ("2025-01-01", "2025-03-31")
    # 2 promoters, 1 passive, 2 detractors of 5: 100 x (2 - 2) / 5
    assert h["nps"] == 0.0
    assert h["surveys"] == {"rows_read": 5, "rows_loaded": 5, "rows_rejected": 0}


def test_nps_counts_add_up(write_file, dataset):
    dataset.load(write_file("nps.csv", SURVEYS + "2025-01-06,10\n"), table="surveys")
    s = nps_summary(dataset.table("surveys"))
    assert (s["promoters"], s["passives"], s["detractors"], s["respondents"]) == (3, 1, 2, 6)
    assert s["promoters"] + s["passives"] + s["detractors"] == s["respondents"]
    assert s["nps"] == pytest.approx(100 * (3 - 2) / 6)


@pytest.mark.parametrize("p,d,n,expected", [(10, 0, 10, 100.0), (0, 10, 10, -100.0),
                                            (3, 1, 8, 25.0), (0, 0, 0, None)])
def test_nps_formula(p, d, n, expected):
    assert nps_from_counts(p, d, n) == expected


def test_adjusted_wald_interval_by_hand():
    from loyalty.analysis.nps import nps_interval
    # 10 respondents: 5 promoters, 2 detractors. Adjusted: n = 13, p = 5.75/13, d = 2.75/13.
    # p - d = 3/13 = 0.230769; p + d = 8.5/13 = 0.653846; variance = (0.653846 - 0.053254) / 13
    # = 0.046199; se = 0.214940; 1.959964 x se = 0.421275.
    low, centre, high = nps_interval(5, 2, 10)
    assert centre == pytest.approx(23.0769, abs=1e-3)
    assert low == pytest.approx(23.0769 - 42.1275, abs=1e-3)
    assert high == pytest.approx(23.0769 + 42.1275, abs=1e-3)
    assert nps_interval(0, 0, 0) is None


def test_interval_stays_within_bounds_and_narrows_with_n():
    from loyalty.analysis.nps import nps_interval
    low, _, high = nps_interval(10, 0, 10)
    assert -100 <= low <= high <= 100
    small = nps_interval(6, 2, 10)
    large = nps_interval(600, 200, 1000)
    assert (large[2] - large[0]) < (small[2] - small[0])


def test_difference_between_groups():
    from loyalty.analysis.nps import nps_difference
    # Adjusted: (600.75 - 100.75) / 1003 - (300.75 - 400.75) / 1003 = 600 / 1003 = 59.82 points.
    clear = nps_difference((600, 100, 1000), (300, 400, 1000))
    assert clear["significant"] and clear["difference"] == pytest.approx(59.82, abs=0.01)
    noise = nps_difference((6, 2, 10), (5, 3, 10))
    assert not noise["significant"]


def test_orders_count_sales_without_order_number_beside_numbered_ones(write_file, dataset):
    """A till file with receipt numbers and a web log without: 2 receipts + 3 sales = 5."""
    import datetime as dt

    from loyalty.analysis.filters import Filters
    from loyalty.analysis.overview import overview

    dataset.load(write_file("kasse.csv", "Bon;Kunde;Datum;Betrag\n1;K1;02.01.2025;10,00\n"
                                         "1;K1;02.01.2025;5,00\n2;K2;03.01.2025;7,00\n"))
    dataset.load(write_file("web.csv", "customer,date,amount\nW1,2025-01-04,4.00\n"
                                       "W2,2025-01-05,6.00\nW1,2025-01-06,8.00\n"))
    assert headline(dataset)["orders"] == 5
    o = overview(dataset, Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31)), 90)
    assert o["current"]["orders"] == 5
    # K1 placed one order (two lines), W1 two unnumbered sales: one repeat buyer of four.
    assert o["current"]["repurchase_rate"] == 0.25
