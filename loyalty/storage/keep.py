"""What a workspace remembers besides the data: settings, saved scenarios and the column
mapping of each file layout it has seen.

Settings are plain values by name (numbers, text, dates, lists); the UI decides which of its
controls are kept. A file layout is known by its header: the next export with the same column
names is read with the same table, mapping, decimal separator and date layouts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from loyalty.storage.db import run
from loyalty.reading.schema import normalise_header

SETTINGS_TABLE = "_ll_settings"
LAYOUTS_TABLE = "_ll_layouts"
# Customers erased on request, by the SHA-256 of their id: a later export that still holds
# them does not bring them back (see Dataset.load), and the id itself is not kept.
ERASED_TABLE = "_ll_erased"

DDL = (f"CREATE TABLE IF NOT EXISTS {SETTINGS_TABLE} (key VARCHAR PRIMARY KEY, value VARCHAR)",
       f"CREATE TABLE IF NOT EXISTS {LAYOUTS_TABLE} (signature VARCHAR PRIMARY KEY, "
       "layout VARCHAR)",
       f"CREATE TABLE IF NOT EXISTS {ERASED_TABLE} (hash VARCHAR PRIMARY KEY, erased DATE)")


def ensure(con) -> None:
    for sql in DDL:
        run(con, sql)


def encode(value):
    """JSON for a setting; tuples and dates are tagged so they come back as they went in."""
    if isinstance(value, tuple):
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, dict):
        return {"dict": {str(k): encode(v) for k, v in value.items()}}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "item"):
        # A NumPy number, as computed results are.
        return encode(value.item())
    raise TypeError(f"a setting cannot hold {type(value).__name__}")


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "tuple" in value:
            return tuple(decode(v) for v in value["tuple"])
        if "datetime" in value:
            return dt.datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return dt.date.fromisoformat(value["date"])
        if "dict" in value:
            return {k: decode(v) for k, v in value["dict"].items()}
    return value


def settings(con) -> dict:
    """Every kept setting by name."""
    rows = con.execute(f"SELECT key, value FROM {SETTINGS_TABLE}").fetchall()
    return {k: decode(json.loads(v)) for k, v in rows}


def put(con, values: dict) -> None:
    """Keep ``values`` (name -> value), replacing what was kept under those names."""
    if values:
        con.executemany(f"INSERT OR REPLACE INTO {SETTINGS_TABLE} VALUES (?, ?)",
                        [(k, json.dumps(encode(v))) for k, v in values.items()])


def forget(con, names) -> None:
    names = list(names)
    if names:
        run(con, f"DELETE FROM {SETTINGS_TABLE} WHERE list_contains($k, key)", {"k": names})


def signature(columns: list[str]) -> str:
    """A file layout's key: its column names, compared as the mapping compares them."""
    text = "\x1f".join(normalise_header(c) for c in columns)
    return hashlib.sha1(text.encode()).hexdigest()


def remember_layout(con, columns: list[str], table: str, mapping: dict, decimal: str,
                    date_layouts: dict[str, str]) -> None:
    layout = {"columns": list(columns), "table": table, "mapping": dict(mapping),
              "decimal": decimal, "date_layouts": dict(date_layouts),
              "saved": dt.date.today().isoformat()}
    run(con, f"INSERT OR REPLACE INTO {LAYOUTS_TABLE} VALUES ($s, $l)",
        {"s": signature(columns), "l": json.dumps(layout)})


def layout_for(con, columns: list[str]) -> dict | None:
    """The layout kept for a file with these columns, or None."""
    rows = con.execute(f"SELECT layout FROM {LAYOUTS_TABLE} WHERE signature = $s",
                       {"s": signature(columns)}).fetchall()
    if not rows:
        return None
    layout = json.loads(rows[0][0])
    # A kept mapping names columns of this header only.
    layout["mapping"] = {f: c for f, c in layout["mapping"].items() if c in columns}
    return layout


def layouts(con) -> list[dict]:
    return [json.loads(r[0]) for r in con.execute(
        f"SELECT layout FROM {LAYOUTS_TABLE} ORDER BY signature").fetchall()]


def erased(con) -> list[tuple[str, str]]:
    """The erased customers' id hashes, with the day each was erased."""
    return [(h, str(d)) for h, d in con.execute(
        f"SELECT hash, erased FROM {ERASED_TABLE} ORDER BY erased, hash").fetchall()]


def remember_erased(con, hashes: list[tuple[str, str]]) -> None:
    if hashes:
        con.executemany(f"INSERT OR IGNORE INTO {ERASED_TABLE} VALUES (?, CAST(? AS DATE))",
                        hashes)
