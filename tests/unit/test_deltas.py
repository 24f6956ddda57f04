"""Changes against the previous period as the tiles and the board pack write them."""

import pytest

from loyalty.analysis.metrics import OVERVIEW, format_delta, no_change
from loyalty.presentation.sections import _change_sentence, _signed

M = {m.key: m for m in OVERVIEW}


@pytest.mark.parametrize("key,now,before,lang,want", [
    ("net_revenue", 1000.0, 1000.2, "en", "0.0%"),
    ("net_revenue", 1000.0, 1000.2, "de", "0,0\u00a0%"),
    ("net_revenue", 1100.0, 1000.0, "en", "10.0%"),
    ("net_revenue", 900.0, 1000.0, "en", "-10.0%"),
    ("churn_rate", 0.2500, 0.2504, "en", "0.0 pp"),
    ("churn_rate", 0.20, 0.25, "en", "-5.0 pp"),
    ("nps", 30.02, 30.04, "en", "0.0"),
    ("nps", 31.0, 30.0, "en", "1.0"),
])
def test_a_change_that_rounds_to_nothing_has_no_sign(key, now, before, lang, want):
    got = format_delta(M[key], now, before, lang)
    assert got == want
    assert no_change(got) == (want.strip("-").startswith(("0.0", "0,0")))


def test_the_board_pack_calls_a_tiny_change_unchanged():
    assert _change_sentence(M["net_revenue"], 1000.0, 1000.2, "en", {}) == \
        "Net revenue: unchanged at €1,000.00."
    assert _change_sentence(M["net_revenue"], 1100.0, 1000.0, "en", {}) == \
        "Net revenue: up 10.0% to €1,100.00."
    assert _signed(format_delta(M["net_revenue"], 1000.0, 1000.2, "en")) == "0.0%"
