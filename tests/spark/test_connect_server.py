"""Against a real Spark Connect server (not a local session): the CLI prints DuckDB's figures
and the Loyalty types page counts in the engine as on DuckDB. Spark gives one process either a
local session or Spark Connect ones, so the server's clients run in processes of their own."""

import json
import os
import subprocess
import sys

import pytest

from loyalty.__main__ import main
from loyalty.errors import UnusableFile
from tests.spark.conftest import ROOT
from tests.spark.test_cli import figures

PAGE = """
import json
from tests.spark.test_pages import _read, open_page
page = _read(open_page("pages/segments.py"))
print(json.dumps({"customers": page["summary"]["Customers"].tolist(),
                  "stages": page["Lifecycle"][0], "customer": page["customer"]}))
"""


def _run(args: list[str], **env) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900, env={**os.environ, "PYTHONPATH": ROOT, **env})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_kpis_through_a_spark_connect_server(connect_server, demo_parquet, spark, capsys):
    tables = [a for t, p in demo_parquet.items() for a in ("--table", f"{t}={p}")]
    assert main(["kpis", "--engine", "spark", *tables]) == 0
    local = capsys.readouterr().out
    remote = _run(["-m", "loyalty", "kpis", "--engine", "spark", "--spark-remote",
                   connect_server, *tables])
    assert figures(remote) == figures(local)
    assert "customers        5000" in remote and "net_revenue      5150193.43" in remote


def test_the_loyalty_types_page_through_a_spark_connect_server(connect_server):
    page = json.loads(_run(["-c", PAGE], LOYALTY_ENGINE="spark",
                           LOYALTY_SPARK_REMOTE=connect_server).strip().splitlines()[-1])
    # The demo's counts, as DuckDB's page shows them (tests/spark/test_pages.py).
    assert page["customers"][:6] == [1374, 954, 636, 960, 452, 311]
    assert page["stages"][0] == ["New", "96"]
    assert page["customer"][0] == "### K103241" and len(page["customer"]) == 4


def test_a_process_with_a_local_session_refuses_a_server_in_one_sentence(connect_server, spark):
    from loyalty.storage.spark import connect
    with pytest.raises(UnusableFile) as err:
        connect(connect_server)
    assert err.value.code == "spark_mixed"
