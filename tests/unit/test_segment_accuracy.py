"""On demo data from three seeds, the primary type matches the generator's truth for at least 80 %
of customers with three or more orders (customers judged 'too new' count as misses)."""

import os

import pandas as pd
import pytest

from loyalty import demo
from loyalty.storage.dataset import open_demo
from loyalty.analysis.features import customer_features
from loyalty.analysis.segments import segment, signals

pytestmark = pytest.mark.slow
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.parametrize("seed", [7, 11, 23])
def test_types_match_ground_truth(seed, tmp_path):
    if seed == 7:
        directory = os.path.join(ROOT, "data", "demo")
    else:
        directory = str(tmp_path)
        demo.write(directory, customers=5000, seed=seed)
    ds = open_demo(directory)
    features = customer_features(ds)
    table = segment(signals(features)).table
    truth = pd.read_csv(os.path.join(directory, "truth.csv")).set_index("customer_id")["true_type"]
    eligible = features.index[features["orders"] >= 3]
    accuracy = (table.loc[eligible, "loyalty_type"] == truth.loc[eligible]).mean()
    assert len(eligible) > 4000
    assert accuracy >= 0.80, f"seed {seed}: {accuracy:.3f}"
