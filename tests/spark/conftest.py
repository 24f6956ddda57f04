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
