"""NPS by period, group, index band and comments on a hand-made survey file."""


import pandas as pd
import pytest

from loyalty.analysis import nps

SURVEYS = """date,score,customer_id,repurchase_score,try_other_score,comment
2025-01-05,10,A,10,10,Great shop
2025-01-20,9,B,8,7,
2025-01-25,3,C,2,1,Too expensive
2025-02-02,7,A,7,7,ok
2025-02-10,0,D,0,0,Never again - too EXPENSIVE
2025-02-11,8,,9,9,
"""


@pytest.fixture
def surveys(write_file, dataset):
    dataset.load(write_file("nps.csv", SURVEYS), table="surveys")
    return dataset.table("surveys")


def test_by_month(surveys):
    m = nps.nps_by_period(surveys, "M")
    assert [d.strftime("%Y-%m") for d in m["period"]] == ["2025-01", "2025-02"]
    # January: 10, 9, 3 -> 2 promoters, 1 detractor of 3; February: 7, 0, 8 -> 0, 1 of 3.
    assert m["respondents"].tolist() == [3, 3]
    assert m["nps"].tolist() == pytest.approx([100 / 3, -100 / 3])
    assert (m["promoters_share"] + m["passives_share"] + m["detractors_share"]).tolist() == \
        pytest.approx([1.0, 1.0])
    assert not m["reliable"].any()                     # 3 answers each: far too few
    low, _, high = nps.nps_interval(2, 1, 3)
    assert (m["low"][0], m["high"][0]) == (low, high)


def test_by_group(surveys):
    groups = pd.DataFrame({"customer_id": ["A", "B", "C", "D"],
                           "tier": ["Gold", "Gold", "Bronze", "Bronze"]})
    g = nps.nps_by_group(surveys, groups, "tier").set_index("group")
    assert g.loc["Gold", "respondents"] == 3            # A twice, B once
    assert g.loc["Gold", "nps"] == pytest.approx(100 * 2 / 3)   # 10, 9 promoters; 7 passive
    assert g.loc["Bronze", "nps"] == -100.0             # 3 and 0


def test_distribution_covers_every_score(surveys):
    d = nps.score_distribution(surveys)
    assert d["score"].tolist() == list(range(11))
    assert d["answers"].sum() == 6
    assert d.set_index("score").loc[[0, 3, 7, 8, 9, 10], "answers"].tolist() == [1, 1, 1, 1, 1, 1]


def test_loyalty_index_bands(surveys):
    cli = nps.loyalty_index(surveys).set_index("band")
    # CLI: A 100 and 70, B 80, C 20, D 0, anonymous 86.7 -> below: C, D; average: A(70);
    # above: A(100), B, anonymous.
    assert cli["respondents"].tolist() == [2, 1, 3]
    assert cli.loc["below_average", "mean_cli"] == pytest.approx(10.0)


def test_comments_detractors_first_and_search(surveys):
    rows = nps.comments(surveys)
    assert rows["category"].tolist() == ["detractor", "detractor", "passive", "promoter"]
    assert rows["comment"].iloc[0] == "Never again - too EXPENSIVE"   # newest detractor first
    found = nps.comments(surveys, "expensive")
    assert found["comment"].tolist() == ["Never again - too EXPENSIVE", "Too expensive"]
    assert nps.comments(surveys, "great", ("detractor",)).empty


def test_behaviour_by_category(surveys):
    features = pd.DataFrame({"revenue": [304.0, 30.4, 60.8, 0.0],
                             "tenure_days": [304, 30, 30, 400],
                             "referral": [2, 0, 0, 0]}, index=["A", "B", "C", "D"])
    churned = pd.Series({"A": False, "B": False, "C": True, "D": True})
    b = nps.behaviour_by_category(surveys, features, churned)
    # Latest answers: A 7 (passive), B 9 (promoter), C 3 and D 0 (detractors).
    assert b["customers"].to_dict() == {"promoter": 1, "passive": 1, "detractor": 2}
    assert b.loc["detractor", "churn_rate"] == 1.0
    assert b.loc["passive", "spend_per_month"] == pytest.approx(304.0 / 10)
    assert b.loc["passive", "referral_rate"] == 1.0 and b.loc["promoter", "referral_rate"] == 0.0
