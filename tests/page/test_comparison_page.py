"""The comparison choice as a manager uses it: switching to the same period last year changes
every change shown, and a comparison without data says so instead of showing a change."""

import datetime as dt

from tests.page.test_app import new_app, open_data, upload
from tests.unit.test_year_on_year import TX


def _metric(at, label: str):
    return next(m for m in at.metric if m.label == label)


def _shop_in_spring_2025():
    at = open_data(new_app())
    upload(at, "orders.csv", TX.encode())
    at.button(key="data_load").click().run()
    assert not at.exception
    at.switch_page("pages/overview.py").run()
    dates = next(d for d in at.date_input if d.key.startswith("app_dates_"))
    dates.set_value((dt.date(2025, 3, 1), dt.date(2025, 4, 30))).run()
    assert not at.exception
    return at


def _revenue_chart(at) -> str:
    return next(c.proto.spec for c in at.get("plotly_chart") if "overview_revenue" in c.proto.id)


def _compare_with(at, kind: str):
    at.selectbox(key="app_compare@" + at.radio(key="app_lang").value).set_value(kind).run()
    assert not at.exception
    return at


def test_switching_to_last_year_changes_the_deltas():
    at = _shop_in_spring_2025()
    # Previous period (30 Dec 2024 - 28 Feb 2025): only A's 20.00 in one order.
    assert at.caption[0].value == ("1 Mar 2025 – 30 Apr 2025, compared with the previous "
                                   "period: 30 Dec 2024 – 28 Feb 2025")
    assert _metric(at, "Net revenue").delta == "750.0%"          # (170 - 20) / 20
    # 30 Dec - 28 Feb does not line up with March and April: no line.
    assert "Net revenue, previous period" not in _revenue_chart(at)
    _compare_with(at, "year")
    assert at.caption[0].value == ("1 Mar 2025 – 30 Apr 2025, compared with the same period "
                                   "last year: 1 Mar 2024 – 30 Apr 2024")
    # Worked out in tests/unit/test_year_on_year.py: 170 against 180, 3 orders both years,
    # 3 active customers against 2, 5 customers against 3, repurchase 2/5 against 1/3.
    assert _metric(at, "Net revenue").value == "€170.00"
    assert _metric(at, "Net revenue").delta == "-5.6%"           # (170 - 180) / 180
    assert _metric(at, "Orders").delta == "0.0%"
    assert _metric(at, "Active customers").delta == "50.0%"      # (3 - 2) / 2
    assert _metric(at, "Customers").delta == "66.7%"             # (5 - 3) / 3
    assert _metric(at, "Average order value").delta == "-5.6%"   # (170/3 - 60) / 60
    assert _metric(at, "Repurchase rate").delta == "6.7 pp"      # (2/5 - 1/3) x 100
    # Last year's months line up with this year's: the revenue chart draws them as a line.
    assert "Net revenue, same period last year" in _revenue_chart(at)
    at.radio(key="app_lang").set_value("de").run()
    assert at.caption[0].value == ("01.03.2025 – 30.04.2025, verglichen mit dem "
                                   "Vorjahreszeitraum: 01.03.2024 – 30.04.2024")
    assert _metric(at, "Nettoumsatz").delta == "-5,6\u00a0%"


def test_last_year_without_data_says_so():
    at = _shop_in_spring_2025()
    dates = next(d for d in at.date_input if d.key.startswith("app_dates_"))
    dates.set_value((dt.date(2024, 3, 1), dt.date(2024, 4, 30))).run()
    _compare_with(at, "year")
    assert at.caption[0].value == (
        "1 Mar 2024 – 30 Apr 2024. No comparison: your data (20 Feb 2024 – 30 Apr 2025) does "
        "not cover 1 Mar 2023 – 30 Apr 2023, so no changes are shown.")
    assert all(not m.delta for m in at.metric)


def test_custom_period_without_purchases_says_so():
    at = _compare_with(_shop_in_spring_2025(), "custom")
    custom = next(d for d in at.date_input if d.key.startswith("app_compare_dates_"))
    # May - August 2024 lies inside the data but has no purchase.
    custom.set_value((dt.date(2024, 5, 1), dt.date(2024, 8, 31))).run()
    assert not at.exception
    assert at.caption[0].value == (
        "1 Mar 2025 – 30 Apr 2025. No comparison: there are no purchases in 1 May 2024 – "
        "31 Aug 2024 for the chosen filters, so no changes are shown.")
    assert all(not m.delta for m in at.metric)
    custom.set_value((dt.date(2024, 3, 1), dt.date(2024, 4, 30))).run()
    assert _metric(at, "Net revenue").delta == "-5.6%"
