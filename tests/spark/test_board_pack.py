"""The board pack made on Spark reads as the one made on DuckDB: the same readings, notes and
table cells in every section, with no row per customer brought to pandas."""

import datetime as dt

from loyalty.analysis.filters import Filters, data_range
from loyalty.analysis.periods import default_period
from loyalty.presentation.board_pack import build_pack
from loyalty.presentation.model import Chart, Note, Reading, Table

CREATED = dt.datetime(2026, 11, 24, 9, 0)


def _text(pack) -> dict:
    out = {}
    for section in pack.sections:
        blocks = []
        for b in section.blocks:
            if isinstance(b, (Reading, Note)):
                blocks.append(b.text)
            elif isinstance(b, Table):
                blocks.append([b.header, b.rows])
            elif isinstance(b, Chart):
                blocks.append(b.title)
        out[section.key] = blocks
    return out


def test_the_board_pack_on_spark_reads_as_on_duckdb(duck, spark, monkeypatch):
    from loyalty.analysis import features, tiers
    f = Filters(*default_period(*data_range(duck)))
    want = _text(build_pack(duck, f, "de", created=CREATED))
    calls = []
    for module, name in ((features, "customer_features"), (tiers, "qualifying_spend")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _f=original, _n=name, **k:
                            calls.append(_n) or _f(*a, **k))
    got = _text(build_pack(spark, f, "de", created=CREATED))
    assert calls == []
    assert got == want
    # The loyalty-type table: nine rows (six types, three history groups), German labels.
    table = next(b for b in want["segments"] if isinstance(b, list))
    assert len(table[1]) == 9 and table[1][0][0] == "Zufriedene"
