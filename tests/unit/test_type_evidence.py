"""A loyalty type is only given where the data holds its evidence; customers with little history
are one-time, occasional or too new, by how long ago they first bought.

The shop (``tests/shops.py``, ``transactions_only``) has transactions only, like the CDNOW log.
"""

import datetime as dt

import pytest

from loyalty.analysis.customers import reason_text
from loyalty.analysis.features import customer_features
from loyalty.presentation.i18n import t
from loyalty.analysis.segments import TYPE_RULES, segment, signals

from ..shops import transactions_only as transactions

END = dt.date(2025, 8, 31)


def types_of(dataset) -> tuple[dict[str, str], list[str], dict[str, list]]:
    seg = segment(signals(customer_features(dataset, END)))
    return (seg.table["loyalty_type"].to_dict(), seg.untellable, seg.table["reasons"].to_dict())


ATTITUDE = ["price_loyal", "programme_loyal", "convenience_loyal", "perk_loyal", "advocate"]


def test_transactions_only_tells_no_attitude_type(write_file, dataset):
    dataset.load(write_file("tx.csv", transactions()))
    types, untellable, reasons = types_of(dataset)
    assert types == {"BIG": "satisfied", "FRESH": "too_new", "ONCE": "one_time",
                     "SMALL": "satisfied", "TINY": "satisfied", "TWICE": "occasional"}
    assert untellable == ATTITUDE
    assert reason_text(reasons["ONCE"]) == "a single order; first purchase 478 days ago"
    assert reason_text(reasons["TWICE"]) == "only 2 orders so far; first purchase 473 days ago"
    assert reason_text(reasons["FRESH"]) == "first purchase 20 days ago; a single order"
    # 21 orders over 608 days: 21 / 608 x 30.4 = 1.05 a month.
    assert reason_text(reasons["SMALL"]) == "1.1 orders a month"


def test_untellable_types_have_no_score(write_file, dataset):
    dataset.load(write_file("tx.csv", transactions()))
    table = segment(signals(customer_features(dataset, END))).table
    for ty in ATTITUDE:
        assert table[f"score_{ty}"].isna().all()
    # SMALL: (1.05 - 0.6) / (1.4 - 0.6) = 0.57 on the only satisfied signal, capped at 0.45.
    assert table.at["SMALL", "score_satisfied"] == pytest.approx(0.45)


def test_a_discount_column_makes_price_loyalty_possible(write_file, dataset):
    # TINY pays 2.00 off every order (100 % of orders discounted), the rest never.
    dataset.load(write_file("tx.csv", transactions({"TINY": 2.0})))
    types, untellable, reasons = types_of(dataset)
    assert types == {"BIG": "satisfied", "FRESH": "too_new", "ONCE": "one_time",
                     "SMALL": "satisfied", "TINY": "price_loyal", "TWICE": "occasional"}
    assert untellable == ["programme_loyal", "convenience_loyal", "perk_loyal", "advocate"]
    assert reason_text(reasons["TINY"]) == "100% of orders used a discount"


def test_a_discount_column_of_zeros_is_no_evidence(write_file, dataset):
    dataset.load(write_file("tx.csv", transactions({})))
    _, untellable, _ = types_of(dataset)
    assert "price_loyal" in untellable


def test_perk_use_makes_perk_loyalty_possible(write_file, dataset):
    # SMALL used a perk 30 times in 608 days: 30 / (608 / 30.4) = 1.5 a month (full score on the
    # perk signal) and orders of 12.00 (full score on small orders): perk score 1.0.
    perks = "customer_id,date,kind\n" + "".join(
        f"SMALL,2025-0{1 + i % 8}-{10 + i // 8:02d},perk_use\n" for i in range(30))
    dataset.load(write_file("tx.csv", transactions()))
    dataset.load(write_file("interactions.csv", perks), table="interactions")
    types, untellable, reasons = types_of(dataset)
    assert types["SMALL"] == "perk_loyal"
    assert reason_text(reasons["SMALL"]) == "used perks 1.5 times a month; average order €12.00"
    # TINY orders even less (8.00) but never used a perk: small orders alone are no perk loyalty.
    assert types["TINY"] == "satisfied"
    assert untellable == ["price_loyal", "programme_loyal", "convenience_loyal", "advocate"]


def test_interactions_without_perk_use_are_no_evidence(write_file, dataset):
    dataset.load(write_file("tx.csv", transactions()))
    dataset.load(write_file("interactions.csv", "customer_id,date,kind\nSMALL,2025-03-01,complaint\n"),
                 table="interactions")
    types, untellable, _ = types_of(dataset)
    assert "perk_loyal" in untellable and "perk_loyal" not in types.values()


@pytest.mark.parametrize("channels,told", [
    ({}, False),                                       # one channel for everybody says nothing
    ({"SMALL": "online"}, True),                       # a second channel somewhere in the data
])
def test_convenience_needs_more_than_one_channel(write_file, dataset, channels, told):
    text = transactions().splitlines()
    lines = [text[0] + ",channel"] + [
        f"{line},{channels.get(line.split(',')[0], 'store')}" for line in text[1:]]
    dataset.load(write_file("tx.csv", "\n".join(lines) + "\n"))
    _, untellable, _ = types_of(dataset)
    assert ("convenience_loyal" not in untellable) is told


@pytest.mark.parametrize("orders,tenure,expected", [
    (1, 59, "too_new"), (1, 60, "one_time"), (2, 59, "too_new"), (2, 60, "occasional"),
    (3, 59, "too_new"), (3, 60, "satisfied"), (5, 30, "too_new"),
])
def test_history_groups(orders, tenure, expected):
    import pandas as pd
    sig = pd.DataFrame({"orders": [orders], "orders_per_month": [1.0], "aov": [20.0],
                        "tenure_days": [tenure], "recency_days": [0]}, index=["c"])
    assert segment(sig).table.at["c", "loyalty_type"] == expected


@pytest.mark.parametrize("type_,evidence,needs_de", [
    ("satisfied", ("orders_per_month",), "braucht Wiederkäufe"),
    ("price_loyal", ("discount_share",), "braucht Rabatte"),
    ("programme_loyal", ("member", "logins_per_month", "redeem_share"),
     "braucht Programmnutzung"),
    ("convenience_loyal", ("channel_share", "store_share"),
     "braucht mehr als einen Kanal oder eine Filiale"),
    ("perk_loyal", ("perks_per_month",), "braucht die Nutzung von Gratisleistungen"),
    ("advocate", ("referrals", "reviews_per_year", "nps"), "braucht Empfehlungen"),
])
def test_evidence_is_declared_with_the_rules(type_, evidence, needs_de):
    assert TYPE_RULES[type_].evidence == evidence
    assert t(f"needs.{type_}", "de").startswith(needs_de)
