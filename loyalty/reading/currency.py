"""Which currency a shop's figures are in: read from its exports, settable by the manager.

Amounts are never converted; the currency only names them. The exports say it in three ways,
checked in this order: a currency column (Shopify's ``Currency``, ``Währung``) whose values are
ISO codes, symbols or codes written next to amounts (``$74.69``, ``12,50 €``, ``EUR 12.50``), and
column headers (``dollar_value``, ``Umsatz EUR``, ``Betrag (€)``). Without any of them the
default is the euro.
"""

from __future__ import annotations

import re
from collections import Counter

from loyalty.reading.schema import TABLES, normalise_header

DEFAULT = "EUR"
# The currencies a manager can choose on the Data page; any ISO code found in a file is kept too.
CHOICES = ("EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CZK", "CAD", "AUD", "JPY")

_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"}
_CODE_WORDS = {"eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "dollar": "USD",
               "dollars": "USD", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "chf": "CHF",
               "sfr": "CHF", "franken": "CHF", "sek": "SEK", "dkk": "DKK", "nok": "NOK",
               "pln": "PLN", "czk": "CZK", "cad": "CAD", "aud": "AUD", "jpy": "JPY", "yen": "JPY"}
_VALUE_CODE = re.compile(r"(?i)(?<![a-z])(eur|usd|gbp|chf|sek|dkk|nok|pln|czk|cad|aud|jpy)(?![a-z])")
_CURRENCY_HEADERS = {"currency", "currencycode", "waehrung", "devise", "ordercurrency",
                     "presentmentcurrency"}
_ISO = re.compile(r"^[A-Z]{3}$")


def _from_values(values: list[str]) -> Counter:
    found: Counter = Counter()
    for v in values:
        if not v:
            continue
        for symbol, code in _SYMBOLS.items():
            if symbol in v:
                found[code] += 1
        for m in _VALUE_CODE.finditer(v):
            found[m.group(1).upper()] += 1
    return found


def _from_header(name: str) -> str | None:
    words = re.split(r"[^a-z€$£¥]+", name.lower())
    for w in words:
        if w in _CODE_WORDS:
            return _CODE_WORDS[w]
        if w in _SYMBOLS:
            return _SYMBOLS[w]
    for symbol, code in _SYMBOLS.items():
        if symbol in name:
            return code
    return None


def detect_currency(columns: list[str], rows: list[list[str]],
                    money_columns: list[str] | None = None) -> str | None:
    """The currency one export names, or None when it says nothing.

    Parameters
    ----------
    columns:
        The file's column names.
    rows:
        Sample records (lists of field texts, in column order).
    money_columns:
        The columns mapped to money fields; symbols and codes are looked for there (all columns
        when not given).
    """
    index = {c: i for i, c in enumerate(columns)}
    for c in columns:
        if normalise_header(c) in _CURRENCY_HEADERS:
            codes = Counter(r[index[c]].strip().upper() for r in rows
                            if index[c] < len(r) and _ISO.match(r[index[c]].strip().upper()))
            if codes:
                return codes.most_common(1)[0][0]
    looked_at = money_columns if money_columns else columns
    values = [r[index[c]] for c in looked_at if c in index for r in rows if index[c] < len(r)]
    found = _from_values(values)
    if found:
        return found.most_common(1)[0][0]
    for c in looked_at:
        code = _from_header(c)
        if code:
            return code
    return None


def file_currency(plan) -> str | None:
    """The currency one planned file names in its header or money values, else None."""
    money = [col for f, col in plan.mapping.items()
             if f in TABLES[plan.table].field_names
             and TABLES[plan.table].field(f).kind == "money"]
    return detect_currency(plan.dialect.columns, plan.dialect.sample_rows, money)


def dataset_currency(reports) -> str:
    """The currency of a set of loaded files (their load reports, which note what each file
    named when it was planned): what the transactions files say first, then the others; the
    euro when none says anything."""
    ordered = sorted(reports, key=lambda r: r.table != "transactions")
    return next((r.currency for r in ordered if r.currency), DEFAULT)
