"""A dataset's canonical tables written as Parquet files: how the demo reaches another engine
(Spark reads them as any other Parquet source)."""

from __future__ import annotations

import os

from loyalty.reading.schema import TABLES


def write_parquet(ds, out_dir: str) -> dict[str, str]:
    """One ``TABLE.parquet`` per table with rows, holding the fields its files provided (a field
    no file had stays out, so a reader maps the same fields the loaded files did)."""
    os.makedirs(out_dir, exist_ok=True)
    paths = {}
    for name, table in TABLES.items():
        if not any(r.table == name and r.rows_loaded for r in ds.reports):
            continue
        provided = ds.fields(name)
        path = os.path.join(out_dir, f"{name}.parquet")
        ds.table(name).select(*[c for c in table.canonical_names if c in provided]) \
            .to_parquet(path)
        paths[name] = path
    return paths
