"""Orders that span several rows, refunds and cancellations: from export rows to sales.

Shop platforms (Shopify, WooCommerce, Shopware, Magento) export one row per line item: an order
spans several rows and its order-level fields (date, total, discount, status, refunds) are
filled on its first row only. Item-level sales reports (Square) repeat the order's id, date and
customer on every item row, each with its own net amount. Tills write one row per receipt and
mark returns as a kind of receipt (Storno, Gutschrift).

Layout
    The plan decides from the sample (:func:`detect_layout`): ``"line_items"`` when the order
    id repeats over rows that share the order's date and customer or leave them empty on the
    continuation rows; otherwise ``"rows"`` (one sale per row, loaded as it is).

Folding (line-item layout)
    The canonical ``transactions`` table gets one row per order and product category (one row
    per order when no category column is mapped). Date, customer, tier, channel and store come
    from the order's first row (in file order) that has them; discount and points sit on the
    order's first category row only, so they are counted once. Quantity is the sum over the
    lines. The amount is

    - taken once per order when the amount column is order-level: empty on continuation rows,
      or repeated on every line under an order-total or order name (Total, Order Total, Summe,
      Cart Discount ...);
    - summed over the lines when it is line-level (a different value per line: Net Sales,
      Line Total);
    - the sum of quantity x unit price minus the order's discount when no amount is mapped.

    An order-level amount is split over the categories in proportion to the line values
    (quantity x unit price; equal shares when there are none), rounded to cents so the rows add
    up to the order total exactly. ``rows_loaded`` counts the line rows, not the folded rows.

Refunds and cancellations (the rule, in every layout)
    Net revenue is after refunds.

    - An order with a refunded amount above zero gets a negative row of that amount (same order
      id and customer) on the refund date when the export has one, else on the order's date.
    - An order whose status says it was refunded in full (refunded, fully refunded, erstattet,
      wc-refunded) and that has no refunded amount gets a negative row of its whole total.
    - A partially refunded order without a refunded amount column cannot be corrected: it counts
      in full and the load report says how many there are.
    - Cancelled or voided orders (a cancellation date, or a status such as voided, cancelled,
      storniert, failed, declined, abgebrochen, wc-cancelled, wc-failed, checkout-draft) are left
      out: each of their rows is rejected with code ``cancelled_order`` and a reason naming the
      order, so rows read = rows loaded + rows rejected still holds.
    - Rows whose receipt type or event type says return (Storno, Gutschrift, Retoure, Return,
      Refund) count negative: a positive amount is made negative, a negative one stays.

Every statement here is DuckDB SQL run by the ingest step; values go in as query parameters.
"""

from __future__ import annotations

import re
from collections import defaultdict

from loyalty.storage.db import scalar
from loyalty.reading.schema import TABLES, normalise_header
from loyalty.storage.sqlsafe import ident, internal_name

CANCELLED = ("voided", "void", "cancelled", "canceled", "cancel", "storniert", "storno_bestellung",
             "failed", "declined", "abgebrochen", "abgelehnt", "fehlgeschlagen", "wc_cancelled",
             "wc_failed", "checkout_draft", "annulliert")
FULLY_REFUNDED = ("refunded", "fully_refunded", "erstattet", "vollstaendig_erstattet",
                  "vollständig_erstattet", "rueckerstattet", "rückerstattet", "zurueckerstattet",
                  "zurückerstattet", "wc_refunded")
PARTIALLY_REFUNDED = ("partially_refunded", "partial_refund", "partly_refunded",
                      "teilweise_erstattet", "teilerstattet", "teilweise_rückerstattet",
                      "teilweise_rueckerstattet")
# Receipt kinds and event types that are returns (the amount counts negative).
RETURNS = ("storno", "stornierung", "gutschrift", "retoure", "return", "returns", "refund",
           "ruecknahme", "rücknahme", "rueckgabe", "rückgabe", "credit", "credit_note",
           "void_sale")
# Line types of exports that write an order as a header row with the order's totals, its item
# rows and its payment rows (Lightspeed X-Series / Vend: Sale, Sale Line, Payment).
HEADER_ROWS = ("sale", "order", "header", "receipt", "invoice", "transaction", "bon", "beleg",
               "belegkopf", "kopf", "auftrag", "bestellung")
ITEM_ROWS = ("sale_line", "line", "line_item", "item", "order_line", "product", "position",
             "artikel", "belegposition", "zeile", "artikelzeile", "bestellposition")
PAYMENT_ROWS = ("payment", "tender", "payment_line", "zahlung", "bezahlung", "zahlungsart")
# Values of a cancellation column that mean "not cancelled".
# A row's position among the records of its file. ``_o`` where the reader numbered the rows,
# else the row id counted from the table's first row: inside the load's transaction DuckDB
# numbers new rows from a large offset (the loader sets ``ll_row_base`` to it).
POSITION = "coalesce(_o, rowid - getvariable('ll_row_base'))"

NOT_CANCELLED = ("0", "false", "no", "nein", "n", "f", "-", "none", "null", "nan")

_TOTAL_NAME = re.compile(r"total|summe|gesamt|grand|rechnungsbetrag|endbetrag|bonbetrag|"
                         r"bestellwert|ordervalue|auftragswert")
# Names that say the value belongs to the whole order: "Cart Discount Amount", "Order Discount".
_ORDER_NAME = re.compile(r"cart|order|warenkorb|bestellung|auftrag|beleg|receipt")
_LINE_NAME = re.compile(r"line|item|position|zeile|artikel|netsales|grosssales|unit|einzel")


def detect_layout(table: str, mapping: dict[str, str], values: dict[str, list[str]]) -> str:
    """``"line_items"`` when the sample shows orders spanning several rows, else ``"rows"``.

    An order id on several rows is a multi-line order when its continuation rows leave the
    order-level columns (date, amount, customer) empty, or when all its rows share the same date
    and customer but are not copies of each other (item-level reports). Rows sharing an id but
    not date or customer are reused ids; exact copies are a double export: neither makes the
    file a line-item file.
    """
    if table != "transactions" or "order_id" not in mapping:
        return "rows"
    ids = values[mapping["order_id"]]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(ids):
        if v and v.strip():
            groups[v.strip()].append(i)
    order_cols = [values[mapping[f]] for f in ("date", "amount", "customer_id") if f in mapping]
    same_cols = [values[mapping[f]] for f in ("date", "customer_id") if f in mapping]
    all_cols = list(values.values())
    lines = reused = 0
    for rows in groups.values():
        if len(rows) < 2:
            continue
        filled = [[bool(col[i].strip()) for i in rows] for col in order_cols]
        if any(any(f) and not all(f) for f in filled):
            lines += 1
            continue
        same = all(len({col[i].strip() for i in rows}) == 1 for col in same_cols)
        copies = all(len({col[i] for i in rows}) == 1 for col in all_cols)
        if same and not copies:
            lines += 1
        elif not same:
            reused += 1
    return "line_items" if lines and lines >= reused else "rows"


def _norm(col: str) -> str:
    return f"regexp_replace(lower(trim({col})), '[\\s-]+', '_', 'g')"


def cancelled_sql(mapping: dict, p) -> str | None:
    """Condition on the canonical columns of one row: the row says its order was cancelled."""
    parts = []
    if "status" in mapping:
        parts.append(f"list_contains({p(list(CANCELLED))}, {_norm(ident('status'))})")
    if "cancelled_at" in mapping:
        c = ident("cancelled_at")
        parts.append(f"({c} IS NOT NULL AND NOT list_contains({p(list(NOT_CANCELLED))}, "
                     f"lower(trim({c}))))")
    return " OR ".join(parts) if parts else None


def return_sql(mapping: dict, p) -> str:
    """Condition: the row is a return (its amount counts negative)."""
    parts = [f"coalesce(list_contains({p(list(RETURNS))}, {_norm(ident(f))}), false)"
             for f in ("receipt_type", "status") if f in mapping]
    return " OR ".join(parts) if parts else "false"


def order_label_sql(p) -> str:
    """SQL naming the order of a row in a reason: ``order #1003``."""
    o = ident("order_id")
    return (f"CASE WHEN {o} IS NULL THEN {p('this sale')} "
            f"WHEN regexp_full_match({o}, '[0-9]+') THEN {p('order #')} || {o} "
            f"ELSE {p('order ')} || {o} END")


def _key_sql(line_items: bool) -> str:
    o = ident("order_id")
    pos = f"CAST({POSITION} AS VARCHAR)"
    if line_items:
        return f"CASE WHEN {o} IS NULL THEN 'r' || {pos} ELSE 'o' || {o} END"
    return f"'r' || {pos}"


def rejects_sql(plan, target: str, p) -> str | None:
    """SELECT (rid, o, code, reason, k) of the loadable rows of ``target`` that must be rejected
    as a whole order: cancelled or voided orders, and (line-item layout) orders with no date or
    no amount on any of their rows. ``k`` identifies the order."""
    line_items = plan.layout == "line_items"
    cancelled = cancelled_sql(plan.mapping, p)
    if not line_items and cancelled is None:
        return None
    label = order_label_sql(p)
    return f"""
        WITH l AS (SELECT rowid AS rid, {POSITION} AS o, {label} AS label,
                          {_key_sql(line_items)} AS k, *,
                          {cancelled or 'false'} AS _cancel
                   FROM {target} WHERE NOT coalesce(_bad, false)),
        g AS (SELECT k, coalesce(bool_or(_cancel), false) AS cancelled,
                     bool_or({ident('date')} IS NOT NULL) AS has_date,
                     bool_or({ident('amount')} IS NOT NULL) AS has_amount
              FROM l GROUP BY k)
        SELECT rid, o, k,
               CASE WHEN cancelled THEN 'cancelled_order'
                    WHEN NOT has_date THEN 'order_without_date'
                    ELSE 'order_without_amount' END AS code,
               label || CASE WHEN cancelled
                             THEN {p(' was cancelled or voided: left out of revenue')}
                             WHEN NOT has_date THEN {p(' has no date on any of its rows')}
                             ELSE {p(' has no amount on any of its rows')} END AS reason
        FROM l JOIN g USING (k)
        WHERE cancelled OR NOT has_date OR NOT has_amount"""


def _level(con, target: str, column: str, header: str | None, mapping: dict) -> str:
    """``"order"`` when a numeric column holds one value per order, ``"line"`` when per line."""
    from loyalty.reading.ingest import _Params

    p = _Params()
    ret = return_sql(mapping, p)
    varying, repeated = con.execute(f"""
        SELECT count(*) FILTER (WHERE n > 1 AND d > 1), count(*) FILTER (WHERE n > 1 AND d = 1)
        FROM (SELECT count({column}) AS n, count(DISTINCT {column}) AS d FROM {target}
              WHERE {ident('order_id')} IS NOT NULL
              GROUP BY {ident('order_id')}, ({ret}))""", p.values).fetchone()
    name = normalise_header(header or "")
    if varying:
        return "line"
    if repeated and (not (_TOTAL_NAME.search(name) or _ORDER_NAME.search(name))
                     or _LINE_NAME.search(name)):
        return "line"
    return "order"


def _first(col: str) -> str:
    return f"arg_min({col}, _pos) FILTER (WHERE {col} IS NOT NULL)"


def fold(con, plan, report) -> None:
    """Replace the line rows in the report's table by one row per order (and category); see the
    module docstring for the rules."""
    from loyalty.reading.ingest import _Params  # ingest imports this module

    target = internal_name(report.storage_table)
    p = _Params()
    m = plan.mapping
    ret = return_sql(m, p)
    names = TABLES["transactions"].field_names
    amount, discount = ident("amount"), ident("discount")
    qty, price = ident("quantity"), ident("unit_price")
    amount_level = (_level(con, target, amount, m["amount"], m) if "amount" in m else "derived")
    discount_level = (_level(con, target, discount, m["discount"], m)
                      if "discount" in m and not _LINE_NAME.search(normalise_header(m["discount"]))
                      else "line")
    refund_level = (_level(con, target, ident("refunded_amount"), "total", m)
                    if "refunded_amount" in m else "order")
    report.amount_level = amount_level

    def agg(col: str, level: str) -> str:
        return _first(col) if level == "order" else f"sum({col})"

    # What a line is worth, to split an order-level total over categories.
    line_value = f"coalesce({qty} * {price}, {price})" if amount_level != "line" else amount
    if amount_level == "order":
        total = "g_amount"
    elif amount_level == "derived":
        total = "g_amount - coalesce(g_discount, 0)"
    else:
        total = None
    firsts = ["customer_id", "date", "tier", "points_balance", "channel", "store",
              "points_earned", "points_redeemed", "status", "refund_date", "cancelled_at",
              "receipt_type", "order_id"]
    g_cols = ", ".join(f"{_first(ident(c))} AS {ident('g_' + c)}" for c in firsts)
    o_cols = ", ".join(f"{_first(ident(c))} AS {ident('o_' + c)}"
                       for c in ("customer_id", "date", "tier", "points_balance", "channel",
                                 "store"))
    if total is None:
        row_amount = "c_amount"
    else:
        share = "CASE WHEN g_lv > 0 THEN {0} / g_lv ELSE {1} / g_lines END"
        cum = share.format("cum_lv", "cum_lines")
        prev = share.format("(cum_lv - c_lv)", "(cum_lines - c_lines)")
        # Cumulative shares rounded to cents telescope: the rows add up to the order total.
        row_amount = (f"CASE WHEN cn = 1 THEN {total} "
                      f"WHEN ci = cn THEN round(({total}) - round(({total}) * {prev}, 2), 2) "
                      f"ELSE round(round(({total}) * {cum}, 2) - round(({total}) * {prev}, 2), 2) "
                      f"END")
    out = {
        "customer_id": "coalesce(g_customer_id, o_customer_id)",
        "date": "coalesce(g_date, o_date)",
        "amount": row_amount,
        "order_id": "g_order_id",
        # A discount given per item stays with its item's category; one given on the order sits
        # on the order's first row, so it counts once.
        "discount": ("c_discount" if discount_level == "line"
                     else "CASE WHEN ci = 1 THEN g_discount END"),
        "quantity": "c_quantity",
        "unit_price": "c_unit_price",
        "points_earned": "CASE WHEN ci = 1 THEN g_points_earned END",
        "points_redeemed": "CASE WHEN ci = 1 THEN g_points_redeemed END",
        "channel": "coalesce(g_channel, o_channel)",
        "store": "coalesce(g_store, o_store)",
        "category": "category",
        "tier": "coalesce(g_tier, o_tier)",
        "points_balance": "coalesce(g_points_balance, o_points_balance)",
        "status": "g_status",
        "refunded_amount": "g_refunded_amount",
        "refund_date": "g_refund_date",
        "cancelled_at": "g_cancelled_at",
        "receipt_type": "g_receipt_type",
        "customer_email": "CAST(NULL AS VARCHAR)",
    }
    assert set(out) == set(names)
    select = ", ".join(f"{out[n]} AS {ident(n)}" for n in names)
    folded = internal_name(report.storage_table + "_folded")
    con.execute(f"DROP TABLE IF EXISTS {folded}")
    con.execute(f"""
        CREATE TABLE {folded} AS
        WITH l AS (SELECT *, {POSITION} AS _pos, {_key_sql(True)} AS _k,
                          coalesce({ret}, false) AS _ret, {line_value} AS _lv
                   FROM {target}),
        g AS (SELECT _k, _ret, {g_cols}, {agg(amount, amount_level if amount_level != 'derived'
                                                else 'line')} AS g_amount,
                     {agg(discount, discount_level)} AS g_discount,
                     {agg(ident('refunded_amount'), refund_level)} AS g_refunded_amount,
                     sum(_lv) AS g_lv, count(*) AS g_lines
              FROM l GROUP BY _k, _ret),
        o AS (SELECT _k, {o_cols} FROM l GROUP BY _k),
        c AS (SELECT _k, _ret, {ident('category')} AS category, sum({qty}) AS c_quantity,
                     CASE WHEN count(DISTINCT {price}) = 1 THEN any_value({price}) END
                         AS c_unit_price,
                     sum({amount}) AS c_amount, sum({discount}) AS c_discount,
                     coalesce(sum(_lv), 0) AS c_lv,
                     count(*) AS c_lines, min(_pos) AS c_first
              FROM l GROUP BY _k, _ret, {ident('category')}),
        w AS (SELECT *,
                     sum(c_lv) OVER win AS cum_lv, sum(c_lines) OVER win AS cum_lines,
                     row_number() OVER win AS ci, count(*) OVER (PARTITION BY _k, _ret) AS cn
              FROM c JOIN g USING (_k, _ret) JOIN o USING (_k)
              WINDOW win AS (PARTITION BY _k, _ret ORDER BY c_first
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))
        SELECT {select}, false AS _bad, CAST(NULL AS VARCHAR[]) AS _fields,
               c_first AS _o
        FROM w ORDER BY _o""", p.values)
    con.execute(f"DROP TABLE {target}")
    con.execute(f"ALTER TABLE {folded} RENAME TO {target}")


def apply_returns_and_refunds(con, plan, report) -> None:
    """Make return rows negative, fold line items, add refund rows; fill the report's order
    figures. Runs after the rejected rows are gone and ``rows_loaded`` is counted."""
    from loyalty.reading.ingest import _Params

    m = plan.mapping
    target = internal_name(report.storage_table)
    line_items = plan.layout == "line_items"
    p = _Params()
    ret = return_sql(m, p)
    amount = ident("amount")
    if ret != "false":
        con.execute(f"UPDATE {target} SET {amount} = -abs({amount}) "
                    f"WHERE ({ret}) AND {amount} > 0", p.values)
    if line_items:
        if "receipt_type" in m:
            _header_item_payment_rows(con, target)
        fold(con, plan, report)
        # Orders as the Overview counts them: purchases, not return receipts.
        report.orders = int(scalar(con, f"SELECT count(DISTINCT {_key_sql(True)}) FROM {target} "
                                        f"WHERE {amount} > 0"))
    _add_refunds(con, plan, target, report)
    key = _key_sql(line_items) if line_items else (
        f"coalesce('o' || {ident('order_id')}, {_key_sql(False)})")
    n, total = con.execute(f"""
        SELECT count(DISTINCT {key}), coalesce(-sum({amount}), 0)
        FROM {target} WHERE {amount} < 0""").fetchone()
    report.refunded_orders = int(n)
    report.refund_total = round(float(total), 2)


def _header_item_payment_rows(con, target: str) -> None:
    """Orders written as a header row, item rows and payment rows: the header's money counts
    once, the items give quantity (and category), payments add nothing.

    Only orders that have a header or item row *and* rows of another kind are touched; a file
    whose every row is a "Payment" (Square's event type) or a "Sale" (a till) stays as it is.
    """
    from loyalty.reading.ingest import _Params

    p = _Params()
    rt = _norm(ident("receipt_type"))
    kind = (f"CASE WHEN list_contains({p(list(HEADER_ROWS))}, {rt}) THEN 'h' "
            f"WHEN list_contains({p(list(ITEM_ROWS))}, {rt}) THEN 'i' "
            f"WHEN list_contains({p(list(PAYMENT_ROWS))}, {rt}) THEN 'p' END")
    key = _key_sql(True)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ll_kinds AS
        SELECT rowid AS rid, kind,
               bool_or(kind = 'h') OVER w AS has_h, bool_or(kind = 'i') OVER w AS has_i,
               count(DISTINCT kind) OVER w AS kinds
        FROM (SELECT rowid, {key} AS k, {kind} AS kind FROM {target})
        WINDOW w AS (PARTITION BY k)""", p.values)
    money = ", ".join(f"{ident(c)} = NULL" for c in ("amount", "discount", "points_earned",
                                                     "points_redeemed"))
    con.execute(f"""UPDATE {target} SET {money} FROM _ll_kinds k WHERE {target}.rowid = k.rid
                    AND ((k.kind = 'i' AND k.has_h) OR (k.kind = 'p' AND k.kinds > 1))""")
    con.execute(f"""UPDATE {target} SET {ident('quantity')} = NULL FROM _ll_kinds k
                    WHERE {target}.rowid = k.rid AND k.kind = 'h' AND k.has_i""")
    con.execute("DROP TABLE _ll_kinds")


def adds_refund_rows(mapping: dict) -> bool:
    """Whether loading a file mapped so may add refund rows (sharing their sale's order id)."""
    return bool({"refunded_amount", "status"} & mapping.keys())


def _add_refunds(con, plan, target: str, report) -> None:
    from loyalty.reading.ingest import _Params

    m = plan.mapping
    if not adds_refund_rows(m):
        return
    p = _Params()
    line_items = plan.layout == "line_items"
    status = _norm(ident("status")) if "status" in m else "NULL"
    refunded = f"abs({ident('refunded_amount')})"
    full = f"coalesce(list_contains({p(list(FULLY_REFUNDED))}, {status}), false)"
    partial = f"coalesce(list_contains({p(list(PARTIALLY_REFUNDED))}, {status}), false)"
    ret = return_sql(m, p)
    names = TABLES["transactions"].field_names
    keep = {"customer_id", "order_id", "channel", "store", "tier"}
    cols = ", ".join(ident(n) for n in names)
    values = ", ".join(
        "-refund" if n == "amount" else
        "coalesce(r_date, s_date)" if n == "date" else
        ident(n) if n in keep else f"CAST(NULL AS {TABLES['transactions'].field(n).sql_type})"
        for n in names)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ll_refunds AS
        SELECT * , CASE WHEN refunded > 0 THEN refunded WHEN is_full THEN total END AS refund
        FROM (
            SELECT {_key_sql(line_items)} AS k,
                   arg_min({ident('customer_id')}, {POSITION})
                       FILTER (WHERE {ident('customer_id')} IS NOT NULL) AS {ident('customer_id')},
                   any_value({ident('order_id')}) AS {ident('order_id')},
                   arg_min({ident('channel')}, {POSITION}) AS {ident('channel')},
                   arg_min({ident('store')}, {POSITION}) AS {ident('store')},
                   arg_min({ident('tier')}, {POSITION}) AS {ident('tier')},
                   max({refunded}) AS refunded, min({ident('refund_date')}) AS r_date,
                   min({ident('date')}) AS s_date, bool_or({full}) AS is_full,
                   bool_or({partial}) AS is_partial,
                   sum({ident('amount')}) FILTER (WHERE {ident('amount')} > 0) AS total
            FROM {target} WHERE NOT coalesce({ret}, false) GROUP BY k)""", p.values)
    con.execute(f"INSERT INTO {target} ({cols}, _bad) SELECT {values}, false FROM _ll_refunds "
                "WHERE refund > 0")
    blind = scalar(con, "SELECT count(*) FROM _ll_refunds WHERE is_partial "
                        "AND coalesce(refunded, 0) = 0")
    if blind:
        report.notices["partial_refunds_without_amount"] = int(blind)
        subject = "1 order is" if blind == 1 else f"{blind:,} orders are"
        them = "it; it counts" if blind == 1 else "them; they count"
        report.warnings.append(
            f"{subject} partially refunded but the file has no refunded amount for {them} at "
            "full value. Export the refunded amount column to correct this.")
    con.execute("DROP TABLE _ll_refunds")
