"""The Data page with files that would stall or overload a session (issue 12): too many
columns, one plan per file, a load beyond the session's memory."""

import duckdb
import pytest

import ui.data_plan as data_plan
import ui.state as state
from tests.page.test_data_page import GOOD, alerts, data_page, upload


def _wide(columns: int) -> bytes:
    header = ",".join(f"c{i}" for i in range(columns))
    row = ",".join(str(i % 10) for i in range(columns))
    return f"{header}\n{row}\n{row}\n".encode()


def test_fifty_thousand_columns_get_one_sentence_in_both_languages():
    at = upload(data_page(), ("wide.csv", _wide(50_000)))
    assert not at.exception
    assert ("wide.csv: The file has more than 2,000 columns, far more than any shop or till "
            "export: check that it is the right file, or export only the columns you need."
            in alerts(at))
    at.radio(key="app_lang").set_value("de").run()
    assert not at.exception
    assert ("wide.csv: Die Datei hat mehr als 2.000 Spalten, weit mehr als jeder Shop- oder "
            "Kassenexport: Prüfen Sie, ob es die richtige Datei ist, oder exportieren Sie nur "
            "die benötigten Spalten." in alerts(at))


def test_a_file_is_planned_once_across_reruns(monkeypatch):
    planned: list[str] = []
    real = data_plan.make_plan

    def counting(path, filename=None, **kwargs):
        planned.append(filename)
        return real(path, filename, **kwargs)

    monkeypatch.setattr(data_plan, "make_plan", counting)
    at = upload(data_page(), ("good.csv", GOOD))
    # The runs after the first see the plan's own table, mapping and decimal separator in the
    # widgets: no new plan for choices that repeat it.
    at.run()
    at.run()
    assert planned == ["good.csv"]
    # A real correction plans once more, and only once.
    key = next(s.key for s in at.selectbox if s.key.startswith("data_dec_"))
    at.selectbox(key=key).set_value(",").run()
    at.run()
    assert planned == ["good.csv", "good.csv"]
    # Another table brings its own mapping widgets; what they report is that plan's mapping.
    key = next(s.key for s in at.selectbox if s.key.startswith("data_table_"))
    at.selectbox(key=key).set_value("surveys").run()
    at.run()
    at.run()
    assert planned == ["good.csv"] * 3


def test_a_load_beyond_the_session_memory_says_so_and_keeps_the_demo(monkeypatch):
    real = state.engine_options

    def tiny(*directories):
        # Only the Data page's load gets the tiny limit; the demo still opens as usual.
        options = real(*directories)
        if directories:
            options["memory_mb"] = 8
        return options

    monkeypatch.setattr(state, "engine_options", tiny)
    rows = "".join(f"C{i % 5000},2026-01-{i % 28 + 1:02d},{i % 1000}.50,{'x' * 40}{i}\n"
                   for i in range(200_000))
    at = upload(data_page(), ("big.csv", ("customer_id,date,amount,note\n" + rows).encode()))
    at.button(key="data_load").click().run()
    assert not at.exception
    shown = alerts(at)
    assert ("big.csv: not loaded. Loading this file needs more than the 8 MB of memory a "
            "session may use: load a shorter export (fewer months, or only the columns you "
            "need), or ask whoever runs the dashboard to raise the limit.") in shown
    assert any(a.startswith("No transactions were loaded, so the dashboard still shows the "
                            "demo data.") for a in shown)
    at.switch_page("pages/overview.py").run()
    assert "demo data" in at.info[0].value


def test_the_session_engines_are_locked_and_still_load_uploads():
    at = data_page()
    demo = at.session_state["dataset"]
    with pytest.raises(duckdb.PermissionException):
        demo.con.execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    upload(at, ("good.csv", GOOD))
    at.button(key="data_load").click().run()
    assert not at.exception
    assert "good.csv: 2 of 2 rows loaded, 0 rejected." in alerts(at)
    own = at.session_state["dataset"]
    assert own is not demo and [r.filename for r in own.reports] == ["good.csv"]
    for sql in ("SELECT * FROM read_csv('/etc/passwd')", "COPY (SELECT 1 AS x) TO '/tmp/x'"):
        with pytest.raises(duckdb.PermissionException):
            own.con.execute(sql).fetchall()
