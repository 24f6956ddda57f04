"""Write a large synthetic transactions CSV quickly (DuckDB COPY), in English or German dialect.

    python benchmarks/make_transactions.py --rows 1000000 --dialect de --out /tmp/tx_de_1m.csv
"""

from __future__ import annotations

import argparse

import duckdb

ROWS_SQL = """
SELECT
    'K' || lpad(CAST((i * 7919) % $customers AS VARCHAR), 7, '0') AS customer_id,
    TIMESTAMP '2024-11-01' + to_seconds(CAST((i * 104729) % 63072000 AS BIGINT)) AS ts,
    round(2 + ((i * 31) % 20000) / 10.0 * (CASE WHEN i % 40 = 0 THEN -1 ELSE 1 END), 2) AS amount,
    'B' || i AS order_id,
    round(((i * 17) % 500) / 100.0, 2) AS discount,
    ['store', 'online', 'app'][1 + i % 3] AS channel,
    ['Berlin Mitte', 'Hamburg Altona', 'München', 'Köln', 'Online-Shop'][1 + i % 5] AS store
FROM range($rows) t(i)
"""


def write(out: str, rows: int, dialect: str = "en", customers: int | None = None) -> None:
    con = duckdb.connect()
    params = {"rows": rows, "customers": customers or max(rows // 20, 10)}
    if dialect == "de":
        select = (
            "SELECT customer_id AS Kundennummer, strftime(ts, '%d.%m.%Y %H:%M') AS Datum, "
            "translate(format('{:,.2f}', amount), ',.', '.,') AS Umsatz, order_id AS \"Bon-Nr\", "
            "translate(format('{:,.2f}', discount), ',.', '.,') AS Rabatt, channel AS Kanal, "
            f"store AS Filiale FROM ({ROWS_SQL})")
        con.execute(f"COPY ({select}) TO $out (HEADER, DELIMITER ';', QUOTE '\"')",
                    {**params, "out": out})
    else:
        select = ("SELECT customer_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS date, amount, "
                  f"order_id, discount, channel, store FROM ({ROWS_SQL})")
        con.execute(f"COPY ({select}) TO $out (HEADER, DELIMITER ',')", {**params, "out": out})
    con.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--dialect", choices=("en", "de"), default="en")
    ap.add_argument("--out", required=True)
    ap.add_argument("--customers", type=int, help="distinct customers (default: rows / 20)")
    a = ap.parse_args()
    write(a.out, a.rows, a.dialect, a.customers)
