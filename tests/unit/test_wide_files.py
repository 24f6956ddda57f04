"""Files with very many columns: refused in one sentence before any planning, and planning
below the limit does its per-header work once per header (issue 12, finding 2)."""

import pytest

import loyalty.reading.mapping as mapping
from loyalty.errors import UnusableFile
from loyalty.reading.plan import make_plan
from loyalty.reading.schema import TABLES
from loyalty.reading.sniff import SAMPLE_BYTES, sniff

REFUSED = ("The file has more than 2,000 columns, far more than any shop or till export: check "
           "that it is the right file, or export only the columns you need.")


def _wide(columns: int, rows: int = 2) -> str:
    """A header c0,c1,... and ``rows`` rows of digits 0-9 repeating."""
    lines = [",".join(f"c{i}" for i in range(columns))]
    lines += [",".join(str(i % 10) for i in range(columns))] * rows
    return "\n".join(lines) + "\n"


def test_fifty_thousand_columns_are_refused_in_one_sentence(write_file):
    path = write_file("wide.csv", _wide(50_000))
    with pytest.raises(UnusableFile) as err:
        make_plan(path)
    assert err.value.code == "too_many_columns"
    assert err.value.message == REFUSED
    assert err.value.params == {"limit": 2000}


def test_a_million_column_header_cut_at_the_sample_is_refused_not_header_only(write_file):
    header = ",".join(f"c{i}" for i in range(1_000_000))
    # The header alone is longer than the sample, so the sample holds no complete line.
    assert len(header) > SAMPLE_BYTES
    path = write_file("million.csv", header + "\n" + ",".join("1" * 1_000_000) + "\n")
    with pytest.raises(UnusableFile) as err:
        sniff(path)
    assert err.value.code == "too_many_columns"
    assert err.value.message == REFUSED


def test_two_thousand_columns_are_planned_and_one_more_is_refused(write_file):
    plan = make_plan(write_file("edge.csv", _wide(2000)))
    assert len(plan.dialect.columns) == 2000
    assert plan.dialect.columns[-1] == "c1999"
    with pytest.raises(UnusableFile) as err:
        make_plan(write_file("over.csv", _wide(2001)))
    assert err.value.code == "too_many_columns"


def test_planning_normalises_each_header_once_and_builds_each_synonym_set_once(
        write_file, monkeypatch):
    path = write_file("thousand.csv", _wide(1000))
    mapping._header.cache_clear()
    mapping._names_of.cache_clear()
    calls: list[str] = []
    real = mapping.normalise_header
    monkeypatch.setattr(mapping, "normalise_header", lambda s: calls.append(s) or real(s))
    make_plan(path)
    synonyms = sum(len(f.synonyms) + 1 for t in TABLES.values() for f in t.fields)
    # One normalisation per header (1,000), one for the file name, one per synonym of each
    # field whose set was asked for; before, a header was normalised for every field of every
    # table it was scored against (about 90 times).
    per_header = [c for c in calls if c.startswith("c") and c[1:].isdigit()]
    assert len(per_header) == 1000
    assert len(set(per_header)) == 1000
    assert calls.count("thousand") == 1
    assert len(calls) <= 1000 + 1 + synonyms
    fields = sum(len(t.fields) for t in TABLES.values())
    assert mapping._names_of.cache_info().misses <= fields
