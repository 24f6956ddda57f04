"""Spark as the engine: a local session or a Spark Connect server, reached through Ibis.

Only this module knows Spark; the metrics see a :class:`loyalty.storage.mapped.MappedDataset`.
"""

from __future__ import annotations

import uuid

from loyalty.storage.mapped import MappedDataset, Source

# A local session's shuffles: Spark's default of 200 partitions makes each small aggregate a
# few hundred tiny tasks, which on one machine costs more than the work itself.
LOCAL_SHUFFLE_PARTITIONS = 4


def session(remote: str | None = None, cores: int = 2):
    """A Spark session: on the Spark Connect server at ``remote`` (``sc://host:15002``), or a
    local one on ``cores`` cores."""
    from pyspark.sql import SparkSession
    if remote:
        return SparkSession.builder.remote(remote).getOrCreate()
    return (SparkSession.builder.master(f"local[{int(cores)}]").appName("loyalty-lens")
            .config("spark.sql.shuffle.partitions", str(LOCAL_SHUFFLE_PARTITIONS))
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.driver.memory", "2g")
            .getOrCreate())


class RunHandle:
    """The Spark jobs of one script run, tagged on the run's thread: a manager who clicks on
    while a page computes stops them (``interrupt``), and other sessions' jobs go on."""

    def __init__(self, spark):
        self._spark = spark
        self.tag = f"loyalty-{uuid.uuid4().hex[:12]}"
        spark.addTag(self.tag)

    def interrupt(self) -> None:
        self._spark.interruptTag(self.tag)

    def close(self) -> None:
        self._spark.removeTag(self.tag)


def open_spark(sources: list[Source], remote: str | None = None, cores: int = 2,
               label: str = "spark") -> MappedDataset:
    """The canonical tables of ``sources`` on Spark; intermediate tables several figures read
    are cached by Spark."""
    import ibis
    spark = session(remote, cores)
    con = ibis.pyspark.connect(spark)
    return MappedDataset(con, sources, label, cache=lambda t: t.cache(),
                         run_handle=lambda: RunHandle(spark))
