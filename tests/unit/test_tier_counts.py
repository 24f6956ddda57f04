"""The Tiers page's figures counted by the engine (for data that stays in Spark) equal the
pandas ones from the spend per customer: on the demo, and on a hand-worked four-customer shop."""

import datetime as dt

import pandas as pd
import pytest

from loyalty.analysis import tier_counts as tc
from loyalty.analysis.filters import Filters
from loyalty.analysis.tiers import assign_tiers, near_next_tier, qualifying_spend, tier_movement

PERIOD = Filters(dt.date(2025, 7, 1), dt.date(2026, 6, 30))
LADDER = (("Bronze", 0.0), ("Silber", 350.0), ("Gold", 900.0))


def test_distribution_movement_and_near_list_as_in_pandas(demo):
    end = qualifying_spend(demo, PERIOD.end, 12, PERIOD)
    start = qualifying_spend(demo, PERIOD.start - dt.timedelta(days=1), 12, PERIOD)
    tiers = assign_tiers(end, LADDER)
    got = tc.distribution(tc.spend_table(demo, PERIOD.end, 12, PERIOD), LADDER)
    paid = end.clip(lower=0)
    assert got["customers"].tolist() == [int((tiers == n).sum()) for n, _ in LADDER]
    assert got["spend"].tolist() == pytest.approx(
        [float(paid[tiers == n].sum()) for n, _ in LADDER], rel=1e-9)
    assert got.attrs["total"] == pytest.approx(float(paid.sum()), rel=1e-9)
    moved = tc.movement(tc.spend_table(demo, PERIOD.start - dt.timedelta(days=1), 12, PERIOD),
                        tc.spend_table(demo, PERIOD.end, 12, PERIOD), LADDER)
    want = tier_movement(assign_tiers(start, LADDER), tiers, LADDER)
    assert moved["matrix"].equals(want["matrix"])
    assert (moved["upgrades"], moved["downgrades"], moved["stays"]) == (
        want["upgrades"], want["downgrades"], want["stays"])
    assert moved["upgrades"] > 0 and moved["downgrades"] > 0
    near = tc.near_next(tc.spend_table(demo, PERIOD.end, 12, PERIOD), LADDER, 0.2).execute()
    pd.testing.assert_frame_equal(near, near_next_tier(end, LADDER, 0.2), check_dtype=False)


def test_a_hand_worked_shop(dataset, write_file):
    # A: 100 + 300 = 400 (Silber, 500 short of Gold); B: 880 (Silber, 20 short of Gold);
    # C: 50 - 20 = 30 (Bronze, 320 short of Silber); D: 1,000 (Gold, no next tier).
    dataset.load(write_file("tx.csv", "customer_id,date,amount\n"
                            "A,2026-01-05,100\nA,2026-02-05,300\nB,2026-03-01,880\n"
                            "C,2026-03-02,50\nC,2026-03-09,-20\nD,2026-04-01,1000\n"),
                 table="transactions")
    spend = tc.spend_table(dataset, dt.date(2026, 4, 30), 12)
    got = tc.distribution(spend, LADDER)
    assert got["customers"].to_dict() == {"Bronze": 1, "Silber": 2, "Gold": 1}
    assert got["spend"].to_dict() == {"Bronze": 30.0, "Silber": 1280.0, "Gold": 1000.0}
    near = tc.near_next(spend, LADDER, 0.1).execute()
    assert near.to_dict("list") == {"customer_id": ["B"], "tier": ["Silber"],
                                    "next_tier": ["Gold"], "spend": [880.0],
                                    "missing": [20.0]}
    # Within 100 % of the next threshold: everyone below Gold, closest first.
    assert tc.near_next(spend, LADDER, 1.0).execute()["customer_id"].tolist() == ["B", "C", "A"]


def test_members_per_tier_as_the_members_file_lists_them(demo):
    tiers = demo.table("members").tier.execute()
    assert tc.members_per_tier(demo).to_dict() == tiers.value_counts().to_dict()
    assert set(tc.members_per_tier(demo).index) == {"Bronze", "Silber", "Gold"}


def test_the_what_if_inputs_counted_by_the_engine(demo):
    from loyalty.analysis import customer_table as ct
    from loyalty.analysis.features import customer_features
    from loyalty.analysis.segments import segment, signals
    from loyalty.planning.discount_response import type_summary
    from loyalty.planning.tier_plan import spend_distribution, spend_distribution_in_engine
    end = qualifying_spend(demo, PERIOD.end, 12, PERIOD)
    got = spend_distribution_in_engine(tc.spend_table(demo, PERIOD.end, 12, PERIOD))
    want = spend_distribution(end)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert int(got["customers"].sum()) == len(end)
    types = segment(signals(customer_features(demo, PERIOD.end, PERIOD)),
                    explain=False).table["loyalty_type"]
    kept = ct.with_types(ct.customer_table(demo, PERIOD.end, PERIOD, 180))
    got = type_summary(demo, kept, PERIOD.end, 12, PERIOD)
    want = type_summary(demo, types, PERIOD.end, 12, PERIOD)
    pd.testing.assert_frame_equal(got, want, rtol=1e-9, check_dtype=False, check_names=False)
    assert len(got) == 9


@pytest.mark.parametrize("months", [12, 6])
def test_the_ladder_a_members_file_implies_found_by_the_engine(demo, months):
    from loyalty.planning.tier_plan import infer_ladder, infer_ladder_in_engine
    end = qualifying_spend(demo, PERIOD.end, months, PERIOD)
    tiers = demo.table("members").select("customer_id", "tier").execute().set_index(
        "customer_id")["tier"]
    want = infer_ladder(tiers, end)
    got = infer_ladder_in_engine(demo.table("members"),
                                 tc.spend_table(demo, PERIOD.end, months, PERIOD))
    assert got == want
    assert [name for name, _ in got] == ["Bronze", "Silber", "Gold"]


def test_a_hand_worked_ladder(dataset, write_file):
    from loyalty.planning.tier_plan import infer_ladder_in_engine
    # Bronze members spent 100, 200 and 260; Silber 340, 420 and 250 (one set a little early).
    # Any threshold in (200, 250] or (260, 340] puts one member on the wrong side; the roundest
    # amount among them is 300 (a multiple of 100: none of 500 fits).
    rows = {"B1": ("Bronze", 100), "B2": ("Bronze", 200), "B3": ("Bronze", 260),
            "S1": ("Silber", 340), "S2": ("Silber", 420), "S3": ("Silber", 250)}
    dataset.load(write_file("tx.csv", "customer_id,date,amount\n" + "".join(
        f"{c},2026-03-01,{v}\n" for c, (_, v) in rows.items())), table="transactions")
    dataset.load(write_file("m.csv", "customer_id,tier\n" + "".join(
        f"{c},{t}\n" for c, (t, _) in rows.items())), table="members")
    got = infer_ladder_in_engine(dataset.table("members"),
                                 tc.spend_table(dataset, dt.date(2026, 3, 31), 12))
    assert got == [("Bronze", 0.0), ("Silber", 300.0)]
