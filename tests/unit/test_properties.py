"""Randomly damaged files: every record is loaded or rejected, and rejects carry the right line."""

import os
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyalty.storage.dataset import Dataset

DAMAGE = ("none", "none", "none", "extra_field", "missing_field", "bad_date", "bad_amount",
          "blank_line_before", "quote_in_text")


def _row(i: int, damage: str, sep: str, german: bool) -> tuple[str, bool]:
    """One record and whether it must be rejected."""
    date = f"{(i % 28) + 1:02d}.03.2025" if german else f"2025-03-{(i % 28) + 1:02d}"
    amount = f"{i},{i % 100:02d}" if german else f"{i}.{i % 100:02d}"
    fields = [f"C{i % 7}", date, amount, f"Store {i % 3}"]
    if damage == "bad_date":
        fields[1] = "31.02.2025" if german else "2025-02-31"
    elif damage == "bad_amount":
        fields[2] = "n/a"
    elif damage == "quote_in_text":
        fields[3] = 'Store 12" wide'
    elif damage == "extra_field":
        fields.append("surplus")
    elif damage == "missing_field":
        fields.pop()
    return sep.join(fields), damage in ("bad_date", "bad_amount", "extra_field",
                                        "missing_field")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damages=st.lists(st.sampled_from(DAMAGE), min_size=3, max_size=60),
       german=st.booleans())
def test_loaded_plus_rejected_equals_records(damages, german):
    sep = ";" if german else ","
    lines = [sep.join(["customer_id", "date", "amount", "store"])]
    expected_rejects = []
    records = 0
    for i, damage in enumerate(damages, start=1):
        if damage == "blank_line_before":
            lines.append("")
        text, rejected = _row(i, damage, sep, german)
        lines.append(text)
        records += 1
        if rejected:
            expected_rejects.append(len(lines))  # 1-based line number of this record
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w", encoding="cp1252" if german else "utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    ds = Dataset()
    try:
        report = ds.load(path, table="transactions")
        assert report.rows_loaded + report.rows_rejected == records
        assert ds.rejects().line.tolist() == expected_rejects
    finally:
        ds.close()
        os.unlink(path)
