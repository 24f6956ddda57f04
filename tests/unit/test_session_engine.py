"""A web session's engine (issue 12, findings 3 and 4): bounded memory and threads, a load
beyond the memory limit refused in one sentence with the earlier data kept, and an engine
locked to the session's folder that still loads every kind of file."""

import os

import duckdb
import pytest

from loyalty.storage.dataset import Dataset, open_demo
from loyalty.errors import UnusableFile
from loyalty.settings import SETTINGS, server_value, session_share

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "data", "demo")
GOOD = "customer_id,date,amount\nC1,2026-01-02,10.00\nC2,2026-01-03,20.00\n"


@pytest.fixture
def upload_dir(tmp_path):
    folder = tmp_path / "upload"
    folder.mkdir()
    return str(folder)


@pytest.fixture
def session(upload_dir):
    ds = Dataset(memory_mb=1024, threads=1, allowed_directories=[upload_dir])
    yield ds
    ds.close()


def _write(folder: str, name: str, content: bytes) -> str:
    path = os.path.join(folder, name)
    with open(path, "wb") as fh:
        fh.write(content)
    return path


def _setting(con, name: str):
    return con.execute("SELECT current_setting($n)", {"n": name}).fetchall()[0][0]


def test_the_limits_reach_the_engine(session):
    assert _setting(session.con, "memory_limit") == "1.0 GiB"
    assert _setting(session.con, "threads") == 1


@pytest.mark.parametrize("total_mb,cores,share", [
    # 24 GB, 2 cores (the development machine): 18,432 MB for ten sessions -> 1,843 -> 1,792;
    # half of two cores would be one thread, the floor is two.
    (24_576, 2, (1792, 2)),
    (16_384, 3, (1216, 2)),
    # 8 GB: 614 MB each would be below the floor of 1 GB.
    (8192, 8, (1024, 4)),
    # 128 GB, 32 cores: 98,304 MB / 10 = 9,830 -> 9,792.
    (131_072, 32, (9792, 16)),
    (512, 1, (1024, 1)),
])
def test_session_share_fits_ten_sessions_in_three_quarters_of_the_machine(total_mb, cores,
                                                                          share):
    assert session_share(total_mb, cores) == share


def test_server_setting_from_the_environment_is_held_to_its_range(monkeypatch):
    monkeypatch.setenv("LOYALTY_SESSION_MEMORY_MB", "2048")
    assert server_value("session_memory_mb") == 2048
    monkeypatch.setenv("LOYALTY_SESSION_MEMORY_MB", "3")
    assert server_value("session_memory_mb") == 64
    monkeypatch.setenv("LOYALTY_SESSION_MEMORY_MB", "lots")
    assert server_value("session_memory_mb") == SETTINGS["session_memory_mb"].default


def test_a_load_beyond_the_memory_limit_says_so_and_keeps_the_earlier_data(upload_dir):
    ds = Dataset(memory_mb=8, threads=1, allowed_directories=[upload_dir])
    try:
        ds.load(_write(upload_dir, "small.csv", GOOD.encode()))
        rows = "".join(f"C{i % 5000},2026-01-{i % 28 + 1:02d},{i % 1000}.50,{'x' * 40}{i}\n"
                       for i in range(200_000))
        big = _write(upload_dir, "big.csv", ("customer_id,date,amount,note\n" + rows).encode())
        with pytest.raises(UnusableFile) as err:
            ds.load(big)
        assert err.value.code == "out_of_memory"
        assert err.value.params == {"limit": 8}
        assert err.value.message == (
            "Loading this file needs more than the 8 MB of memory a session may use: load a "
            "shorter export (fewer months, or only the columns you need), or ask whoever runs "
            "the dashboard to raise the limit.")
        assert [r.filename for r in ds.reports] == ["small.csv"]
        assert ds.counts("transactions") == {"rows_read": 2, "rows_loaded": 2,
                                             "rows_rejected": 0}
        assert ds.table("transactions").amount.sum().execute() == 30.0
        # Nothing of the failed load is left behind.
        assert ds.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = "
                              "'transactions__f2'").fetchall() == [(0,)]
    finally:
        ds.close()


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "COPY (SELECT 1 AS x) TO '/tmp/x'",
    "INSTALL httpfs",
    "SET enable_external_access = true",
    "SET memory_limit = '100GB'",
])
def test_the_locked_engine_refuses(session, sql):
    with pytest.raises(duckdb.Error):
        session.con.execute(sql).fetchall()


def test_a_run_view_is_locked_too(session):
    view = session.cursor_view()
    with pytest.raises(duckdb.PermissionException):
        view.con.execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    view.con.close()


def test_the_locked_engine_reads_and_writes_inside_the_upload_folder(session, upload_dir):
    path = _write(upload_dir, "x.csv", b"a,b\n1,2\n")
    assert session.con.execute("SELECT * FROM read_csv($p)", {"p": path}).fetchall() == [(1, 2)]
    out = os.path.join(upload_dir, "out.csv")
    session.con.sql("SELECT 1 AS x").write_csv(out, header=True)
    with open(out) as fh:
        assert fh.read() == "x\n1\n"
    # A sibling folder whose name starts with the upload folder's is outside it.
    with pytest.raises(duckdb.PermissionException):
        session.con.execute("SELECT * FROM read_csv($p)", {"p": upload_dir + "0/x.csv"})


def test_the_demo_loads_on_a_locked_engine(upload_dir):
    ds = open_demo(DEMO, memory_mb=1024, threads=1, allowed_directories=[upload_dir])
    try:
        assert ds.counts("transactions")["rows_loaded"] == 111_502
        assert {r.table for r in ds.reports} == {"transactions", "members", "surveys",
                                                 "interactions"}
        with pytest.raises(duckdb.PermissionException):
            ds.con.execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    finally:
        ds.close()


def test_a_windows_1252_file_loads_on_a_locked_engine(session, upload_dir):
    text = ("Kunde;Datum;Betrag;Straße\n"
            "K1;02.01.2026;12,50;Bäckerweg\n"
            "K2;03.01.2026;7,00;Gärten\n")
    report = session.load(_write(upload_dir, "kasse.csv", text.encode("cp1252")))
    assert report.plan.dialect.encoding == "cp1252"
    assert (report.rows_loaded, report.rows_rejected) == (2, 0)
    assert session.table("transactions").amount.sum().execute() == 19.5


def test_an_unclosed_quote_file_loads_on_a_locked_engine(session, upload_dir):
    text = ('customer_id,date,amount,note\n'
            'C1,2026-01-02,10,"ok"\n'
            'C2,2026-01-03,20,"broken\n'
            'C3,2026-01-04,30,fine\n'
            'C4,2026-01-05,40,fine\n')
    report = session.load(_write(upload_dir, "quote.csv", text.encode()))
    assert (report.rows_loaded, report.rows_rejected) == (3, 1)
    assert report.reasons == {"unclosed_quote": 1}
    assert session.table("transactions").amount.sum().execute() == 80.0


def test_a_file_with_glob_characters_in_its_name_loads_on_a_locked_engine(session, upload_dir):
    report = session.load(_write(upload_dir, "sales[1]*.csv", GOOD.encode()))
    assert report.rows_loaded == 2


def test_the_work_folder_goes_with_the_dataset_not_with_a_view(upload_dir):
    ds = Dataset(allowed_directories=[upload_dir])
    work = ds.work_dir
    assert os.path.isdir(work)
    ds.cursor_view().close()
    assert os.path.isdir(work)
    ds.close()
    assert not os.path.exists(work)


def test_a_session_keeps_its_data_compressed_in_a_file_of_its_work_folder(session, upload_dir):
    session.load(_write(upload_dir, "tx.csv", GOOD.encode()))
    file = session.con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()[0][0]
    assert file == os.path.join(session.work_dir, "data.duckdb")
    assert session.table("transactions").amount.sum().execute() == 30.0
    session.close()
    assert not os.path.exists(session.work_dir)


def test_a_dataset_without_locked_folders_stays_in_memory():
    ds = Dataset()
    assert ds.work_dir is None
    assert ds.con.execute("SELECT path FROM duckdb_databases() WHERE database_name = "
                          "current_database()").fetchall()[0][0] is None
    ds.close()
