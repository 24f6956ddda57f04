"""Each script run queries through its own cursor, and a run replaced by a newer one is stopped:
an impatient click never meets a connection that is still busy."""

import threading
import time

import duckdb
import pytest

from ui.state import _RunViews

LONG = "SELECT sum(hash(range)) FROM range(3000000000) t"


def test_a_shared_connection_refuses_a_second_run(dataset):
    # What happened before: the old run still holds the one connection.
    done = threading.Event()

    def busy():
        try:
            dataset.con.execute(LONG).fetchall()
        except duckdb.Error:
            pass
        done.set()

    threading.Thread(target=busy).start()
    time.sleep(0.3)
    with pytest.raises(duckdb.Error, match="busy"):
        dataset.con.execute("SELECT 1").fetchall()
    dataset.con.interrupt()
    assert done.wait(30)


def test_a_new_run_gets_its_own_cursor_and_stops_the_old_one(write_file, dataset):
    dataset.load(write_file("t.csv", "customer,date,amount\nC1,2025-01-01,10.00\n"
                                     "C2,2025-01-02,5.00\n"))
    views = _RunViews()
    views.register(dataset)
    outcome = {}
    started = threading.Event()

    def old_run():
        view = views[dataset.uid]
        started.set()
        try:
            view.con.execute(LONG).fetchall()
            outcome["old"] = "finished"
        except duckdb.Error as exc:
            outcome["old"] = type(exc).__name__

    thread = threading.Thread(target=old_run)
    thread.start()
    assert started.wait(10)
    time.sleep(0.3)
    new = views[dataset.uid]                      # the manager clicked on: a run on this thread
    t0 = time.monotonic()
    assert new.table("transactions").count().execute() == 2
    thread.join(30)
    assert outcome["old"] in ("InterruptException", "ConnectionException")
    assert time.monotonic() - t0 < 10
    # The same run asking again gets the same view; the dataset itself is untouched.
    assert views[dataset.uid] is new
    assert dataset.con.execute("SELECT count(*) FROM transactions").fetchall() == [(2,)]
