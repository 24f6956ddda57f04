"""What every dataset offers the metrics besides its tables: facts about the data worked out
once per version of it."""

from __future__ import annotations

from collections.abc import Callable


class ReadSide:
    """Needs ``table(name)``, ``version``, ``_facts`` (a dict) and ``reports`` (what each file
    or source gave, with ``table`` and its row counts) from the dataset."""

    #: Whether per-customer results stay in the engine (Spark: a page counts customers there
    #: and fetches only result-sized frames). A DuckDB dataset is embedded: its pages keep one
    #: row per customer in memory, so a rule slider re-scores everybody in milliseconds.
    customers_stay_in_engine = False

    def counts(self, name: str) -> dict[str, int]:
        reports = [r for r in self.reports if r.table == name]
        return {"rows_read": sum(r.rows_read for r in reports),
                "rows_loaded": sum(r.rows_loaded for r in reports),
                "rows_rejected": sum(r.rows_rejected for r in reports)}

    def fact(self, name, compute: Callable[["ReadSide"], object]):
        """``compute(self)``, worked out once per version of the data (a fact that costs a
        scan, such as the last day with a sale); views of the dataset share it."""
        key = (self.version, name)
        if key not in self._facts:
            self._facts[key] = compute(self)
        return self._facts[key]

    def orders_are_rows(self) -> bool:
        """Whether no two transaction rows share an order id (a till or a one-row-per-order
        export). Orders are then counted as rows: a distinct count per customer costs several
        times a plain count on millions of rows. Checked once per version of the data."""
        def check(ds: "ReadSide") -> bool:
            tx = ds.table("transactions")
            numbered = tx.filter(tx.order_id.notnull())
            return bool((numbered.order_id.nunique() == numbered.count()).execute())
        return self.fact("orders_are_rows", check)
