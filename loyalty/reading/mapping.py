"""Which canonical table a file holds, and which of its columns is which field.

The result is a plain dict ``{field: column}`` the caller can inspect and override. Names decide
first (English and German synonyms from :mod:`loyalty.reading.schema`); the content of the sample fills
in what names do not say, so files without a header still map.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from loyalty.reading.formats import ColumnProfile
from loyalty.reading.schema import INTERACTION_KINDS, TABLES, Table, normalise_header

_FILENAME_HINTS = {
    "members": re.compile(r"member|mitglied|stammdaten|customers?(?!.*(order|trans))|kunden(?!.*("
                          r"umsatz|kauf|bon|trans))|loyalty.?accounts?"),
    "surveys": re.compile(r"survey|nps|umfrage|befragung|feedback|response"),
    "interactions": re.compile(r"interaction|event|activit|aktivit|engagement|interaktion"),
    "transactions": re.compile(r"transaction|order|sales|umsatz|umsaetze|bon|verkauf|kasse|"
                               r"purchase|einkauf|receipt|journal|buchung"),
}
_TIER_WORDS = {"bronze", "silver", "gold", "platinum", "diamond", "basic", "premium", "vip",
               "standard", "classic", "silber", "platin", "blue", "black", "member", "elite"}


# Web shops (Shopify, WooCommerce) identify customers by e-mail address only; a real customer
# number in the same file is the better choice, so an e-mail header scores below a synonym.
_EMAIL = re.compile(r"^(customer|billing|kunden)?(email|mail)(address|adresse)?$")


# Ids of a line (product, variant, payment) repeat across orders or change within one: never the
# order's or the customer's id.
_LINE_ID = re.compile(r"lineitem|^item|sku|^payment|artikel|product|produkt|variant|^ean|gtin|"
                      r"barcode|^position|zeile")
# Money that is not the sale's value: a discount, tax, shipping, refund or fee column must never
# become the amount, however much of an amount synonym its header contains ("Cart Discount
# Amount", "Order Total Tax Amount"). Qualifiers such as "incl. tax" are removed first.
_NOT_AMOUNT = re.compile(r"discount|rabatt|nachlass|coupon|gutschein|voucher|tax|steuer|mwst|"
                         r"\bust\b|\bvat\b|shipping|versand|porto|fracht|refund|erstatt|"
                         r"\bfees?\b|gebuehr|point|punkt|balance|saldo|\btips?\b|trinkgeld|"
                         r"deposit|pfand|cost|kosten")
# Parts of an address or a contact are no product category, quantity or price, whatever a
# synonym inside them says ("billing_address_department", "country_state_id" holds "count").
_ADDRESS = (r"address|adresse|street|strasse|zip|postcode|postal|plz|city|stadt|country|land|"
            r"state|phone|telefon|company|firma|email|mail")
_NOT_FIELD = {
    "amount": _NOT_AMOUNT,
    "quantity": re.compile(rf"{_ADDRESS}|discount|account|konto|amount|betrag"),
    "category": re.compile(rf"{_ADDRESS}|billing|shipping|rechnung|liefer"),
    "unit_price": re.compile(rf"{_ADDRESS}|discount|rabatt|shipping|versand"),
    # Magento's "Allocated sources" are warehouses (inventory sources), not sales channels.
    "channel": re.compile(r"allocated|inventory|stock|lager|warehouse|utm|referr|traffic"),
}
_QUALIFIER = re.compile(r"\b(incl|inkl|including|inklusive|excl|exkl|excluding|exklusive|zzgl|"
                        r"ohne|without|with|mit|before|after|vor|nach|less|minus|net of|"
                        r"after all)\b\s*(\w+)")
# Headers naming a moment: "Paid at", "Created at", "Refund Date", "Bestelldatum", "Uhrzeit".
_TEMPORAL_WORD = re.compile(r"(?i)\b(at|on|date|time|datum|zeit|uhrzeit|timestamp)\b")
_TEMPORAL_PART = re.compile(r"date|datum|zeitpunkt|zeitstempel|uhrzeit|timestamp")
_DATE_LIKE_VALUE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\b")
# Order numbers as shops print them: 1001, #1001, SO-1001, 100000123, WC-12.
_ORDER_NUMBER = re.compile(r"^#?([A-Za-z]{1,5}[-_ ]?)?\d{2,}([-/]\d+)?$")
_STATUS_WORDS = {
    "paid", "pending", "authorized", "authorised", "refunded", "partially_refunded",
    "partially_paid", "voided", "void", "cancelled", "canceled", "completed", "complete",
    "processing", "on_hold", "failed", "declined", "expired", "open", "closed", "unpaid",
    "payment", "refund", "sale", "bezahlt", "offen", "erstattet", "teilweise_erstattet",
    "storniert", "abgebrochen", "abgeschlossen", "in_bearbeitung", "fehlgeschlagen",
    "wc_completed", "wc_processing", "wc_cancelled", "wc_failed", "wc_refunded", "wc_on_hold",
    "wc_pending", "checkout_draft", "shipped", "delivered", "versendet", "geliefert",
}
RECEIPT_WORDS = {
    "verkauf", "sale", "sales", "storno", "stornierung", "gutschrift", "retoure", "return",
    "returns", "refund", "ruecknahme", "rueckgabe", "umtausch", "kauf", "rechnung", "invoice",
    "credit", "credit_note", "void", "bon", "beleg", "barverkauf", "normal", "payment",
    "sale_line", "line_item", "item", "line", "header", "position", "tender", "zahlung",
}


def _norm_value(v: str) -> str:
    return re.sub(r"[\s-]+", "_", normalise_value(v))


def normalise_value(v: str) -> str:
    return v.strip().lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue") \
        .replace("ß", "ss")


def _share(values: list[str] | None, words: set[str]) -> float:
    vals = [_norm_value(v) for v in values or [] if v and v.strip()]
    return sum(1 for v in vals if v in words) / len(vals) if vals else 0.0


def is_temporal(column: str, p: ColumnProfile, values: list[str] | None = None) -> bool:
    """A column holding dates or times (by its name or its values)."""
    if _TEMPORAL_WORD.search(column.replace("_", " ")) or \
            _TEMPORAL_PART.search(_header(column).norm):
        return True
    if p.date_share >= 0.5:
        return True
    vals = [v.strip() for v in values or p.samples if v and v.strip()]
    return bool(vals) and sum(1 for v in vals if _DATE_LIKE_VALUE.match(v)) / len(vals) >= 0.5


def _order_numbers(values: list[str] | None) -> bool:
    vals = [v.strip() for v in values or [] if v and v.strip()]
    return bool(vals) and sum(1 for v in vals if _ORDER_NUMBER.match(v)) / len(vals) >= 0.8


def _names(table: Table, field: str) -> frozenset[str]:
    """A field's name and synonyms as normalised headers; built once per field, not once per
    field and column."""
    return _names_of(table.name, field)


@functools.lru_cache(maxsize=None)
def _names_of(table_name: str, field: str) -> frozenset[str]:
    f = TABLES[table_name].field(field)
    return frozenset({normalise_header(s) for s in f.synonyms} | {normalise_header(f.name)})


@functools.lru_cache(maxsize=None)
def _contained_name(table_name: str, field: str) -> re.Pattern | None:
    """One pattern finding any of a field's synonyms of five letters or more inside a header:
    a single search per field and column instead of a loop over every synonym."""
    long = sorted((n for n in _names_of(table_name, field) if len(n) >= 5), key=len,
                  reverse=True)
    return re.compile("|".join(map(re.escape, long))) if long else None


@dataclass(frozen=True)
class _Header:
    """What the name rules need from one header, worked out once per column rather than once
    per field and column (a wide file has every header checked against ninety fields)."""

    norm: str
    email: bool
    line_id: bool
    points: bool
    # Fields this header can never be, whatever synonym it contains (see ``_NOT_FIELD``).
    excluded: frozenset[str]


# Bounded well above the widest file planned (``loyalty.reading.sniff.MAX_COLUMNS``), so one file's
# headers stay cached while its four tables and every field are scored.
@functools.lru_cache(maxsize=8192)
def _header(column: str) -> _Header:
    col = normalise_header(column)
    words = _QUALIFIER.sub(" ", _words(column))
    return _Header(norm=col, email=bool(_EMAIL.match(col)), line_id=bool(_LINE_ID.search(col)),
                   points=bool(re.search("punkt|point", col)),
                   excluded=frozenset(f for f, rx in _NOT_FIELD.items() if rx.search(words)))


def name_score(table: Table, field: str, column: str) -> int:
    """3 for an exact synonym, 2 for an e-mail column as the customer, 1 for a header that
    contains a longer synonym, else 0."""
    h = _header(column)
    if not h.norm:
        return 0
    if field == "customer_id" and h.email:
        return 2
    if field in ("order_id", "customer_id") and h.line_id:
        return 0
    if h.norm in _names(table, field):
        return 3
    if field in h.excluded:
        return 0
    if field == "points_balance" and not h.points:
        # "Outstanding Balance" is money owed, not points.
        return 0
    contained = _contained_name(table.name, field)
    return 1 if contained is not None and contained.search(h.norm) else 0


def _words(column: str) -> str:
    """A header as lower-case words: "Order Total Tax Amount" -> "order total tax amount"."""
    return " ".join(re.findall(r"[a-z0-9]+", normalise_value(column).replace("_", " ")))


def name_coverage(table: Table, field: str, column: str) -> float:
    """Share of the header that its longest contained synonym covers: among partial matches,
    "Order Total Amount" (``total amount``) is a closer name than "Order Subtotal Amount"."""
    col = _header(column).norm
    best = max((len(n) for n in _names(table, field) if n and n in col), default=0)
    if field == "amount" and re.search("subtotal|zwischensumme", col):
        # A subtotal is before discounts: the order's total is the closer name.
        best /= 2
    return best / len(col) if col else 0.0


def _values_fit(table: Table, field: str, column: str, score: int, p: ColumnProfile,
                values: list[str] | None) -> bool:
    """Checks on what a column holds for fields whose header names are ambiguous."""
    if table.name != "transactions":
        return True
    vals = values if values is not None else p.samples
    has_values = any(v and v.strip() for v in vals)
    if field in ("order_id", "customer_id") and is_temporal(column, p, values):
        return False
    if field == "tier" and has_values:
        # "Status" in a shop export holds paid/refunded, not Silver/Gold.
        return _share(vals, _STATUS_WORDS) < 0.5 and (score == 3 or _tier_like(vals))
    if field == "status" and has_values:
        return _share(vals, _STATUS_WORDS) >= 0.3 or (score == 3 and not _tier_like(vals))
    if field == "receipt_type" and has_values:
        return _share(vals, RECEIPT_WORDS) >= 0.5
    return True


def _content_fits(kind: str, p: ColumnProfile) -> bool:
    if p.non_empty == 0:
        return True
    if kind in ("timestamp", "date"):
        return p.is_date
    if kind in ("money", "number"):
        return p.is_numeric
    if kind == "score":
        return p.number_share >= 0.8
    return True


def map_by_name(table: Table, columns: list[str], profiles: dict[str, ColumnProfile],
                values: dict[str, list[str]] | None = None) -> dict:
    scored = []
    # Column by column, so each header's forms (``_header``) are worked out once and then
    # looked up for every field; ``fi`` and ``ci`` keep ties in field-then-column order.
    for ci, c in enumerate(columns):
        for fi, f in enumerate(table.fields):
            s = name_score(table, f.name, c)
            if f.name == "order_id" and s < 3 and _header(c).norm in ("name", "nr", "no") \
                    and _order_numbers((values or {}).get(c, profiles[c].samples)):
                # Shopify calls the order number "Name" (#1001); a name of a person it is not.
                s = 3
            if table.name == "transactions" and f.name == "tier" and s < 3 \
                    and _header(c).norm == "status" \
                    and _tier_like((values or {}).get(c, profiles[c].samples)):
                # A till's "Status" column holding Silver/Gold is the customer's tier.
                s = 3
            if s and not _values_fit(table, f.name, c, s, profiles[c], (values or {}).get(c)):
                continue
            if s and _content_fits(f.kind, profiles[c]):
                scored.append((s, f.required, f.name, c, name_coverage(table, f.name, c), fi, ci))
            elif s == 3:
                # A clear name wins even when the sample disagrees: the load then lists the
                # values that do not fit, rather than guessing another column.
                scored.append((2, f.required, f.name, c, 1.0, fi, ci))
    mapping: dict[str, str] = {}
    used: set[str] = set()
    # Among equally good names, the fuller column wins (POS-only "Receipt Number" is mostly empty).
    strength: dict[str, int] = {}
    # Among partial names, the closer one wins ("Order Total Amount" over "Order Subtotal Amount").
    for s, _, fname, col, *_ in sorted(scored, key=lambda t: (-t[0], not t[1],
                                                              -(t[4] if t[0] == 1 else 0),
                                                              -profiles[t[3]].non_empty,
                                                              t[5], t[6])):
        if fname not in mapping and col not in used:
            mapping[fname] = col
            strength[fname] = s
            used.add(col)
    if "customer_email" in mapping and strength.get("customer_id", 0) < 2:
        # Without a real customer number ("Customer Group" only resembles one) the e-mail
        # address is the customer itself.
        mapping["customer_id"] = mapping.pop("customer_email")
    return mapping


def _kind_share(p: ColumnProfile, values: list[str]) -> float:
    vals = [v.strip().lower() for v in values if v and v.strip()]
    if not vals:
        return 0.0
    return sum(1 for v in vals if re.sub(r"[\s-]+", "_", v) in _KIND_KEYS) / len(vals)


# Built once, not once per column as the interaction kind of every value is looked up.
_KIND_KEYS = frozenset({re.sub(r"[\s-]+", "_", k) for k in INTERACTION_KINDS}
                       | set(INTERACTION_KINDS))


def _tier_like(values: list[str]) -> bool:
    vals = {v.strip().lower() for v in values if v and v.strip()}
    return 0 < len(vals) <= 12 and len(vals & _TIER_WORDS) >= 1


def _id_like(p: ColumnProfile) -> bool:
    return (p.non_empty > 0 and not p.is_date and p.decimal_places_share < 0.2
            and p.date_share < 0.5)


def fill_by_content(table: Table, mapping: dict, columns: list[str],
                    profiles: dict[str, ColumnProfile], values: dict[str, list[str]]) -> dict:
    """Map still-unmapped fields from what the columns contain."""
    mapping = dict(mapping)
    taken = set(mapping.values())
    free = [c for c in columns if c not in taken]

    def take(field: str, candidates: list[str]) -> None:
        if field in table.field_names and field not in mapping and candidates:
            mapping[field] = candidates[0]
            taken.add(candidates[0])
            free.remove(candidates[0])

    date_field = "joined" if table.name == "members" else "date"
    take(date_field, sorted((c for c in free if profiles[c].is_date),
                            key=lambda c: -profiles[c].date_share))
    if table.name == "transactions":
        take("amount", sorted((c for c in free if profiles[c].is_numeric
                               and profiles[c].decimal_places_share > 0.3),
                              key=lambda c: -profiles[c].decimal_places_share))
    if table.name == "surveys":
        take("score", [c for c in free if profiles[c].is_score])
    if table.name == "interactions":
        take("kind", sorted((c for c in free if _kind_share(profiles[c], values[c]) >= 0.5),
                            key=lambda c: -_kind_share(profiles[c], values[c])))
    if table.name == "members":
        take("tier", [c for c in free if _tier_like(values[c])])
    # Customer ids repeat across rows in transactions; order ids barely do. Dates, times and the
    # ids of products or payments are neither.
    ids = [c for c in free if _id_like(profiles[c])
           and not (table.name == "transactions" and (is_temporal(c, profiles[c], values[c])
                                                      or _header(c).line_id))]
    if table.name == "transactions":
        take("customer_id", sorted((c for c in ids if profiles[c].distinct_ratio < 0.95),
                                   key=lambda c: profiles[c].distinct_ratio)
             or [c for c in ids])
        take("order_id", [c for c in ids if c not in taken and profiles[c].distinct_ratio >= 0.95])
    else:
        take("customer_id", [c for c in ids if not profiles[c].is_score])
    return mapping


def table_scores(columns: list[str], profiles: dict[str, ColumnProfile],
                 values: dict[str, list[str]], filename: str = "") -> dict[str, float]:
    """How strongly the file looks like each canonical table (higher is more likely)."""
    scores: dict[str, float] = {}
    base = normalise_header(filename.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    for name, table in TABLES.items():
        by_name = map_by_name(table, columns, profiles, values)
        s = 0.0
        for fname, col in by_name.items():
            weight = 2.0 if table.field(fname).required else 1.0
            s += weight * name_score(table, fname, col) / 3
        distinctive = {"transactions": "amount", "surveys": "score", "interactions": "kind",
                       "members": "tier"}[name]
        if distinctive in by_name:
            s += 2
        if name == "members" and "joined" in by_name:
            s += 1.5
        if _FILENAME_HINTS[name].search(base):
            s += 1.5
        scores[name] = s
    if max(scores.values()) < 2:
        # Names say little (or there is no header): judge by content.
        kinds = any(_kind_share(profiles[c], values[c]) >= 0.5 for c in columns)
        score_col = any(profiles[c].is_score for c in columns)
        dates = any(profiles[c].is_date for c in columns)
        money = any(profiles[c].is_numeric and profiles[c].decimal_places_share > 0.3
                    for c in columns)
        tiers = any(_tier_like(values[c]) for c in columns)
        if kinds:
            scores["interactions"] += 3
        if money and dates:
            scores["transactions"] += 3
        if score_col and dates and not money:
            scores["surveys"] += 2.5
        if tiers and not money:
            scores["members"] += 2.5
    return scores


def best_table(scores: dict[str, float]) -> str:
    """The table with the highest score; on a tie the one listed first in ``TABLES``."""
    order = list(TABLES)
    return max(order, key=lambda n: (scores[n], -order.index(n)))


def propose_mapping(table_name: str, columns: list[str], profiles: dict[str, ColumnProfile],
                    values: dict[str, list[str]]) -> dict[str, str]:
    table = TABLES[table_name]
    mapping = map_by_name(table, columns, profiles, values)
    return fill_by_content(table, mapping, columns, profiles, values)


def missing_required(table_name: str, mapping: dict[str, str]) -> list[str]:
    """Required fields with no column, after allowing documented substitutes."""
    table = TABLES[table_name]
    missing = []
    for f in table.required:
        if f in mapping:
            continue
        subs = table.substitutes.get(f)
        if subs and all(s in mapping for s in subs):
            continue
        missing.append(f)
    return missing
