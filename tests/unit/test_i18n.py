"""The catalogue is complete in both languages and numbers are formatted per language."""

import datetime as dt
import itertools
import pathlib
import re
import string

import numpy as np
import pytest

from loyalty.presentation.i18n import CATALOGUE, fmt_date, fmt_money, fmt_money_short, fmt_number, fmt_percent, t
from loyalty.reading.ingest import _STRUCTURAL
from loyalty.analysis.metrics import OVERVIEW
from loyalty.reading.schema import TABLES

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    en, de = CATALOGUE[key]
    assert en.strip() and de.strip()
    assert _placeholders(en) == _placeholders(de)


def _literal_keys() -> set[str]:
    keys = set()
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py"),
             *(ROOT / "loyalty").rglob("*.py")]
    for path in files:
        keys |= set(re.findall(r"""\btr?\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text()))
    return keys


def test_every_key_used_in_the_code_exists():
    missing = sorted(k for k in _literal_keys() if k not in CATALOGUE)
    assert missing == []


def test_keys_built_from_data_exist():
    needed = {f"table.{name}" for name in TABLES}
    needed |= {f"field.{f.name}" for table in TABLES.values() for f in table.fields}
    needed |= {f"reason.{code}" for code, _ in _STRUCTURAL.values()}
    needed |= {"reason.duplicate_member", "reason.score_out_of_range", "reason.missing",
               "reason.invalid", "reason.wrong_field_count"}
    needed |= {f"metric.{m.key}" for m in OVERVIEW} | {f"metric.{m.key}.help" for m in OVERVIEW}
    needed |= {f"err.{code}" for code in ("empty_file", "excel_file", "pdf_file", "archive_file",
                                          "binary_file", "header_only", "no_columns",
                                          "required_missing")}
    assert sorted(needed - CATALOGUE.keys()) == []


def test_t_fills_placeholders_per_language():
    assert t("data.loaded_all", "en", n=2) == "Loaded 2 file(s)."
    assert t("data.loaded_all", "de", n=2) == "2 Datei(en) geladen."


@pytest.mark.parametrize("fn,args,en,de", [
    (lambda v, lang: fmt_number(v, lang, 2), (1234567.891,), "1,234,567.89", "1.234.567,89"),
    (fmt_money, (1234.5,), "€1,234.50", "1.234,50\xa0€"),
    (fmt_money_short, (1847106.84,), "€1.85M", "1,85\xa0Mio.\xa0€"),
    (fmt_money_short, (12345.6,), "€12,345.60", "12.345,60\xa0€"),
    (fmt_money_short, (123456.7,), "€123,457", "123.457\xa0€"),
    (fmt_percent, (0.1234,), "12.3%", "12,3\xa0%"),
    (fmt_date, (dt.date(2025, 12, 31),), "31 Dec 2025", "31.12.2025"),
    (fmt_number, (None,), "n/a", "k. A."),
])
def test_formats(fn, args, en, de):
    assert fn(*args, lang="en") == en
    assert fn(*args, lang="de") == de



# A number is rounded as written in decimal (2.675, stored as 2.67499..., is 2.68), half to
# even, as Babel does; a sum shown to the cent must not change with how it is formatted.
@pytest.mark.parametrize("value,decimals,en,de", [
    (2.675, 2, "2.68", "2,68"),
    (0.125, 2, "0.12", "0,12"),
    (2.5, 0, "2", "2"),
    (3.5, 0, "4", "4"),
    (1234567.5, 0, "1,234,568", "1.234.568"),
    (-1234.5, 1, "-1,234.5", "-1.234,5"),
    (1e20, 0, "100,000,000,000,000,000,000", "100.000.000.000.000.000.000"),
    (np.float64(999.995), 2, "1,000.00", "1.000,00"),
    (np.int64(123456), 0, "123,456", "123.456"),
    (float("inf"), 0, "\u221e", "\u221e"),
])
def test_numbers_round_as_written_in_decimal(value, decimals, en, de):
    assert fmt_number(value, "en", decimals) == en
    assert fmt_number(value, "de", decimals) == de


@pytest.mark.parametrize("value,en,de", [
    (0.0025, "0.2%", "0,2\xa0%"),
    (-0.256, "-25.6%", "-25,6\xa0%"),
    (12.3456, "1,234.6%", "1.234,6\xa0%"),
])
def test_percent_rounds_the_percentage(value, en, de):
    assert fmt_percent(value, "en") == en
    assert fmt_percent(value, "de") == de


def test_numbers_are_written_as_babel_writes_them():
    from babel.numbers import format_decimal

    rng = np.random.default_rng(7)
    values = np.concatenate([rng.uniform(-1e7, 1e7, 500), np.round(rng.uniform(-1e4, 1e4, 500), 3)])
    for value, lang, decimals in itertools.product(values, ("en", "de"), (0, 1, 2)):
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        want = format_decimal(value, format=pattern, locale={"en": "en_GB", "de": "de_DE"}[lang])
        assert fmt_number(value, lang, decimals) == want, (value, lang, decimals)

def test_planning_keys_built_from_data_exist():
    from loyalty.planning.scenarios import ASSUMPTIONS, RESULTS
    from loyalty.planning.simulate import DiscountAssumptions
    from loyalty.analysis.tiers import DEFAULT_TIERS

    needed = {f"scen.{key}" for key, _ in RESULTS} | {f"assume.{key}" for key in ASSUMPTIONS}
    needed |= {f"plan.reason_{r}" for r in ("few_days", "no_variation", "no_column")}
    needed |= {f"plan.warn_{w}" for w in ("devalues", "too_small")}
    needed |= {f"type.{kind}" for kind, _ in DiscountAssumptions().max_uplift}
    needed |= {f"tier.{name.lower()}" for name, _ in DEFAULT_TIERS}
    needed |= {f"plan.{lever}" for lever in ("tier_margin", "discount_profit", "retention_profit")}
    assert sorted(needed - CATALOGUE.keys()) == []


def test_comparison_keys_built_from_data_exist():
    from loyalty.analysis.periods import COMPARISONS

    needed = {f"compare.{part}.{kind}" for kind in COMPARISONS for part in ("option", "what", "name")}
    assert sorted(needed - CATALOGUE.keys()) == []
