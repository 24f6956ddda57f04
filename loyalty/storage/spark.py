"""Spark as the engine: a local session or a Spark Connect server, reached through Ibis.

Only this module knows Spark; the metrics see a :class:`loyalty.storage.mapped.MappedDataset`.
"""

from __future__ import annotations

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


def connect(remote: str | None = None, cores: int = 2):
    """An Ibis connection to :func:`session`."""
    import ibis
    return ibis.pyspark.connect(session(remote, cores))


def open_spark(sources: list[Source], remote: str | None = None, cores: int = 2,
               label: str = "spark") -> MappedDataset:
    """The canonical tables of ``sources`` on Spark; intermediate tables several figures read
    are cached by Spark."""
    return MappedDataset(connect(remote, cores), sources, label, cache=lambda t: t.cache())
