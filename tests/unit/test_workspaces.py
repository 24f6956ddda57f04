"""Workspaces on disk (issue 13): kept data, history, layouts and settings; moving, erasing,
deleting; a load killed half-way leaves the workspace as it was."""

import datetime as dt
import glob
import os
import signal
import subprocess
import sys
import time

import pytest

from loyalty.storage.db import scalar
from loyalty.planning.scenarios import Scenario
from loyalty.storage import archive
from loyalty.storage.opened import OpenWorkspaces, open_dataset
from loyalty.storage.workspaces import WorkspaceError, Workspaces, owner_root

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAN = ("Bon;Datum;Kunde;Betrag\n1001;05.01.2026;K100001;10,00\n1002;12.01.2026;K100002;20,00\n"
       "1003;26.01.2026;K100003;30,00\n1004;30.01.2026;K100001;40,00\n")
FEB = ("Bon;Datum;Kunde;Betrag\n1003;26.01.2026;K100003;30,00\n1004;30.01.2026;K100001;40,00\n"
       "1005;03.02.2026;K100002;50,00\n1006;20.02.2026;K100004;60,00\n")
MEMBERS = "Kunde;Stufe;Geworben von\nK100001;Gold;\nK100002;Silber;K100001\n"


@pytest.fixture
def spaces(tmp_path):
    return Workspaces(str(tmp_path / "ws"))


def revenue(ds) -> float:
    return scalar(ds.con, "SELECT sum(amount) FROM transactions")


def file_bytes(ws) -> bytes:
    return b"".join(open(f, "rb").read() for f in glob.glob(ws.database + "*"))


def test_create_list_rename_and_names_are_unique(spaces):
    a = spaces.create("  Laden   Nord ")
    spaces.create("Café Süd")
    assert [w.name for w in spaces.list()] == ["Café Süd", "Laden Nord"]
    with pytest.raises(WorkspaceError) as err:
        spaces.create("laden nord")
    assert err.value.code == "name_taken"
    with pytest.raises(WorkspaceError):
        spaces.create("   ")
    assert spaces.rename(a.id, "Laden Ost").name == "Laden Ost"
    assert spaces.find("LADEN OST").id == a.id
    with pytest.raises(WorkspaceError):
        spaces.get("../../etc")


def test_each_signed_in_user_has_a_folder_of_their_own(tmp_path):
    root = str(tmp_path)
    anna, ben = owner_root(root, "anna@shop.de"), owner_root(root, "ben@shop.de")
    assert anna != ben and anna.startswith(os.path.join(root, "users"))
    assert "anna" not in anna
    Workspaces(anna).create("Anna's shop")
    assert Workspaces(ben).list() == []
    assert owner_root(root, None) == root


def test_data_history_layout_and_settings_are_there_when_reopened(spaces, write_file):
    ws = spaces.create("Laden")
    ds = open_dataset(ws)
    r = ds.load(write_file("januar.csv", JAN, "cp1252"))
    ds.keep_layout(r.plan)
    ds.keep_settings({"seg_min_orders": 3, "seg_price_loyal_discount_share": (0.2, 0.6),
                      "prog_launch": dt.date(2025, 3, 1),
                      "whatif_scenarios": [Scenario("Board plan", {"depth": 0.1},
                                                    {"profit": 12.5}).to_dict()]})
    ds.close()

    again = open_dataset(ws)
    assert revenue(again) == 100
    [report] = again.reports
    assert (report.filename, report.rows_loaded, report.plan.mapping["customer_id"]) == (
        "januar.csv", 4, "Kunde")
    kept = again.settings()
    assert kept["seg_price_loyal_discount_share"] == (0.2, 0.6)
    assert kept["prog_launch"] == dt.date(2025, 3, 1)
    assert Scenario.from_dict(kept["whatif_scenarios"][0]).results == {"profit": 12.5}
    layout = again.layout_for(["Bon", "Datum", "Kunde", "Betrag"])
    assert (layout["table"], layout["mapping"]["amount"], layout["decimal"]) == (
        "transactions", "Betrag", ",")
    assert again.layout_for(["Bon", "Datum", "Kunde", "Summe"]) is None
    again.close()


def test_february_overlapping_january_counts_each_order_once(spaces, write_file):
    ds = open_dataset(spaces.create("Laden"))
    ds.load(write_file("januar.csv", JAN, "cp1252"))
    feb = ds.load(write_file("februar.csv", FEB, "cp1252"))
    assert (feb.rows_loaded, feb.rows_skipped, feb.duplicates) == (
        2, 2, {"orders_already_loaded": 2})
    # 10 + 20 + 30 + 40 + 50 + 60
    assert revenue(ds) == 210
    assert scalar(ds.con, "SELECT count(*) FROM transactions") == 6
    ds.close()


def test_erasing_a_customer_leaves_nothing_of_them_in_the_file(spaces, write_file):
    ws = spaces.create("Laden")
    ds = open_dataset(ws)
    ds.load(write_file("januar.csv", JAN, "cp1252"))
    ds.load(write_file("mitglieder.csv", MEMBERS, "cp1252"), table="members")
    # A rejected line naming the customer keeps its text in the rejects table.
    ds.load(write_file("feb.csv", "Bon;Datum;Kunde;Betrag\n2001;kaputt;K100001;5,00\n"
                                  "2002;02.02.2026;K100004;7,00\n", "cp1252"))
    ds.con.execute("CHECKPOINT")
    assert b"K100001" in file_bytes(ws)
    opened = OpenWorkspaces()
    opened._open[ws.database] = ds
    deleted = opened.erase_customer(ws, "K100001")
    # Orders 1001 and 1004, the member row, the rejected line.
    assert deleted == {"transactions": 2, "members": 1, "rejected": 1}
    ds = opened.dataset(ws)
    assert revenue(ds) == 20 + 30 + 7
    assert scalar(ds.con, "SELECT count(*) FROM members WHERE referred_by IS NOT NULL") == 0
    assert ds.reports[0].rows_erased == 2 and ds.reports[0].rows_read == 4
    opened.close(ws)
    data = file_bytes(ws)
    assert b"K100002" in data and b"K100001" not in data


def test_deleting_a_workspace_removes_its_files(spaces, write_file):
    ws = spaces.create("Laden")
    ds = open_dataset(ws)
    ds.load(write_file("januar.csv", JAN, "cp1252"))
    opened = OpenWorkspaces()
    opened._open[ws.database] = ds
    opened.delete(spaces, ws)
    assert not os.path.exists(ws.folder) and spaces.list() == []


def test_an_archive_moves_data_history_and_settings(spaces, write_file, tmp_path):
    ds = open_dataset(spaces.create("Laden"))
    ds.load(write_file("januar.csv", JAN, "cp1252"))
    ds.load(write_file("februar.csv", FEB, "cp1252"))
    ds.keep_settings({"tiers_months": 6})
    out = archive.export(ds, "Laden", str(tmp_path / "laden.zip"))
    ds.close()
    copy = open_dataset(spaces.create("Kopie"))
    archive.restore(copy, out)
    assert revenue(copy) == 210
    assert [(r.filename, r.rows_loaded, r.rows_skipped) for r in copy.reports] == [
        ("januar.csv", 4, 0), ("februar.csv", 2, 2)]
    assert copy.settings() == {"tiers_months": 6}
    # The file history works after the move: without January, February's copies count again.
    copy.remove_file(1)
    assert revenue(copy) == 30 + 40 + 50 + 60
    copy.close()


def test_something_else_is_not_imported(tmp_path, spaces):
    bad = tmp_path / "x.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(archive.ArchiveError):
        archive.read_manifest(str(bad))


def test_a_load_killed_half_way_leaves_the_workspace_as_it_was(spaces, write_file, tmp_path):
    ws = spaces.create("Laden")
    ds = open_dataset(ws)
    ds.load(write_file("januar.csv", JAN, "cp1252"))
    ds.close()
    big = tmp_path / "gross.csv"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write("order_id,customer_id,date,amount\n")
        for i in range(1_500_000):
            fh.write(f"X{i},C{i % 50000},2026-03-{1 + i % 28:02d},{i % 97}.50\n")
    env = {**os.environ, "LOYALTY_WORKSPACE_DIR": spaces.root, "PYTHONPATH": ROOT}
    proc = subprocess.Popen([sys.executable, "-m", "loyalty", "workspace", "add", str(big),
                             "-w", "Laden"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    # Killed once the load is under way (the database's log grows), before it commits.
    deadline = time.time() + 60
    while time.time() < deadline and not os.path.exists(ws.database + ".wal") \
            and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the load finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    again = open_dataset(ws)
    assert [r.filename for r in again.reports] == ["januar.csv"]
    assert revenue(again) == 100
    assert scalar(again.con, "SELECT count(*) FROM information_schema.tables "
                             "WHERE table_name LIKE 'transactions__f%'") == 1
    again.close()


def test_the_command_line_adds_lists_and_erases(spaces, write_file, tmp_path):
    env = {**os.environ, "LOYALTY_WORKSPACE_DIR": spaces.root, "PYTHONPATH": ROOT}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "loyalty", "workspace", *args], cwd=ROOT,
                              env=env, capture_output=True, text=True)
    assert cli("create", "Laden").returncode == 0
    jan, feb = write_file("januar.csv", JAN, "cp1252"), write_file("februar.csv", FEB, "cp1252")
    assert cli("add", jan).returncode == 0
    out = cli("add", feb).stdout
    assert "columns mapped as for the last file with this header" in out
    assert "2 rows already loaded from an earlier file skipped" in out
    refused = cli("erase-customer", "K100001")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert cli("erase-customer", "K100001", "--yes").returncode == 0
    kpis = subprocess.run([sys.executable, "-m", "loyalty", "kpis", "--workspace", "Laden",
                           "--json"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert '"net_revenue": 160.0' in kpis.stdout
    assert cli("export", "--out", str(tmp_path / "l.zip")).returncode == 0
    assert cli("import", str(tmp_path / "l.zip"), "--name", "Kopie").returncode == 0
    assert [line.split("\t")[0] for line in cli("list").stdout.splitlines()] == ["Kopie", "Laden"]


def test_an_erased_customer_does_not_come_back_with_a_later_export(spaces, write_file, tmp_path):
    ws = spaces.create("Laden")
    ds = open_dataset(ws)
    ds.load(write_file("januar.csv", JAN, "cp1252"))
    opened = OpenWorkspaces()
    opened._open[ws.database] = ds
    opened.erase_customer(ws, "K100001")
    ds = opened.dataset(ws)
    # February still holds K100001's order 1004 (skipped anyway) and nothing else of theirs;
    # a re-export of January holds 1001 and 1004.
    r = ds.load(write_file("januar_neu.csv", JAN, "cp1252"))
    # 1002 and 1003 are already loaded; 1001 and 1004 belong to the erased customer.
    assert (r.rows_read, r.rows_loaded, r.rows_skipped, r.rows_erased) == (4, 0, 2, 2)
    assert r.notices == {"erased_customers": 2}
    assert revenue(ds) == 20 + 30
    out = archive.export(ds, "Laden", str(tmp_path / "l.zip"))
    opened.close(ws)
    assert b"K100001" not in file_bytes(ws)
    copy = open_dataset(spaces.create("Kopie"))
    archive.restore(copy, out)
    again = copy.load(write_file("januar_3.csv", JAN, "cp1252"))
    assert again.rows_erased == 2 and revenue(copy) == 20 + 30
    copy.close()
