"""Table cells read in the chosen language while the values underneath stay numbers."""

import datetime as dt

import pandas as pd
import pytest

from loyalty.presentation.i18n import use_currency
from ui.tables import styled


@pytest.fixture(autouse=True)
def euro():
    use_currency("EUR")
    yield
    use_currency("EUR")


FRAME = pd.DataFrame({"type": ["a", "b"], "revenue": [1437.0, 900.5],
                      "share": [0.2748, 0.05], "customers": [12345, 7],
                      "frequency": [2.26, 10.0], "day": [dt.date(2025, 12, 31), dt.date(2026, 1, 2)]})
KINDS = {"revenue": "money", "share": "percent", "customers": "count",
         "frequency": "decimal", "day": "date"}


@pytest.mark.parametrize("lang, expected", [
    ("en", [["a", "€1,437.00", "27.5%", "12,345", "2.3", "31 Dec 2025"],
            ["b", "€900.50", "5.0%", "7", "10.0", "2 Jan 2026"]]),
    ("de", [["a", "1.437,00\xa0€", "27,5\xa0%", "12.345", "2,3", "31.12.2025"],
            ["b", "900,50\xa0€", "5,0\xa0%", "7", "10,0", "02.01.2026"]]),
])
def test_cells_in_the_chosen_language(lang, expected):
    text = styled(FRAME, KINDS, lang).hide(axis="index").to_string(delimiter="|")
    rows = [line.split("|") for line in text.strip().splitlines()[1:]]
    assert rows == expected


@pytest.mark.parametrize("lang, expected", [("en", "n/a"), ("de", "k. A.")])
def test_missing_values_read_not_available(lang, expected):
    frame = pd.DataFrame({"type": ["a"], "spend": [None], "share": [float("nan")]})
    text = styled(frame, {"spend": "money", "share": "percent"}, lang).hide(
        axis="index").to_string(delimiter="|")
    assert text.strip().splitlines()[1].split("|") == ["a", expected, expected]


def test_values_stay_numbers():
    data = styled(FRAME, KINDS, "de").data
    assert data["revenue"].tolist() == [1437.0, 900.5]
    assert data.sort_values("revenue")["type"].tolist() == ["b", "a"]
