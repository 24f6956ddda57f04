"""The shop's currency is read from its exports and names every amount."""

import pytest

from loyalty.reading.currency import dataset_currency, detect_currency
from loyalty.presentation.i18n import currency, fmt_money, fmt_money_short, use_currency


@pytest.fixture(autouse=True)
def _euro_again():
    yield
    use_currency("EUR")


@pytest.mark.parametrize("columns,rows,money,expected", [
    # A currency column wins over everything else (Shopify writes one per order).
    (["Name", "Total", "Currency"], [["#1", "10.00", "USD"], ["#2", "5.00", "USD"]], ["Total"],
     "USD"),
    (["Bon", "Betrag", "Währung"], [["1", "10,00", "CHF"]], ["Betrag"], "CHF"),
    # Signs and codes next to the amounts.
    (["id", "amount"], [["1", "$74.69"], ["2", "$3.10"]], ["amount"], "USD"),
    (["id", "Betrag"], [["1", "12,50 €"], ["2", "3,00 €"]], ["Betrag"], "EUR"),
    (["id", "amount"], [["1", "GBP 12.50"]], ["amount"], "GBP"),
    # The header names it (the CDNOW log's dollar_value).
    (["customer_id", "date", "number_of_cds", "dollar_value"], [["1", "19970101", "1", "11.77"]],
     ["dollar_value"], "USD"),
    (["Kunde", "Umsatz EUR"], [["1", "10,00"]], ["Umsatz EUR"], "EUR"),
    (["Kunde", "Betrag (£)"], [["1", "10.00"]], ["Betrag (£)"], "GBP"),
    # Nothing said: no guess.
    (["customer", "date", "amount"], [["1", "2025-01-01", "10.00"]], ["amount"], None),
])
def test_detect_currency(columns, rows, money, expected):
    assert detect_currency(columns, rows, money) == expected


def test_a_dataset_without_any_sign_is_in_euros(write_file, dataset):
    dataset.load(write_file("t.csv", "customer,date,amount\nC1,2025-01-01,10.00\n"))
    assert dataset_currency(dataset.reports) == "EUR"


def test_a_dollar_file_is_in_dollars(write_file, dataset):
    dataset.load(write_file("t.csv", "customer,date,amount\nC1,2025-01-01,$10.00\n"
                                     "C2,2025-01-02,$4.50\n"))
    assert dataset_currency(dataset.reports) == "USD"


@pytest.mark.parametrize("code,lang,value,expected", [
    ("EUR", "en", 1234.5, "€1,234.50"),
    ("EUR", "de", 1234.5, "1.234,50\u00a0€"),
    ("USD", "en", -1234.5, "-$1,234.50"),
    ("USD", "de", 1234.5, "1.234,50\u00a0$"),
    ("CHF", "en", 12.0, "CHF\u00a012.00"),
    ("GBP", "en", -0.001, "£0.00"),
])
def test_money_is_named_in_the_chosen_currency(code, lang, value, expected):
    use_currency(code)
    assert currency() == code
    assert fmt_money(value, lang) == expected


def test_short_money_keeps_the_currency():
    use_currency("USD")
    assert fmt_money_short(2_500_000, "en") == "$2.5M"
