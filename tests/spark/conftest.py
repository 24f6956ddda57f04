"""One local Spark session (2 cores) for the Spark tests, and the demo data on both engines."""

import os
import shutil

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "data", "demo")



@pytest.fixture(autouse=True, scope="session")
def _java():
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: a local Spark session needs one (.ci/run installs "
                    "openjdk-17-jre-headless)")


@pytest.fixture(scope="session")
def duck():
    from loyalty.storage.dataset import open_demo
    ds = open_demo(DEMO)
    yield ds
    ds.close()


@pytest.fixture(scope="session")
def demo_parquet(duck, tmp_path_factory):
    from loyalty.storage.parquet import write_parquet
    return write_parquet(duck, str(tmp_path_factory.mktemp("demo-parquet")))


@pytest.fixture(scope="session")
def spark(demo_parquet):
    from loyalty.storage.mapped import Source
    from loyalty.storage.spark import open_spark
    return open_spark([Source(t, p) for t, p in demo_parquet.items()], cores=2, label="demo")


@pytest.fixture(scope="session")
def connect_server(tmp_path_factory):
    """A real Spark Connect server (local[2]) started from pyspark's own jars, as
    ``start-connect-server.sh`` starts one: its ``sc://`` address."""
    import signal
    import socket
    import subprocess
    import time

    import pyspark

    home = os.path.dirname(pyspark.__file__)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path_factory.mktemp("connect") / "server.log", "w")
    proc = subprocess.Popen(
        [os.path.join(home, "bin", "spark-submit"), "--class",
         "org.apache.spark.sql.connect.service.SparkConnectServer", "--master", "local[2]",
         "--conf", f"spark.connect.grpc.binding.port={port}", "--name", "loyalty-tests",
         "spark-internal"],
        env={**os.environ, "SPARK_HOME": home}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"the Spark Connect server stopped: see {log.name}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("the Spark Connect server did not start within 180 s")
        yield f"sc://localhost:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()
