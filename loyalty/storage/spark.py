"""Spark as the engine: a local session or a Spark Connect server, reached through Ibis.

Only this module knows Spark; the metrics see a :class:`loyalty.storage.mapped.MappedDataset`.
"""

from __future__ import annotations

import re
import socket
import threading
import uuid

from loyalty.errors import UnusableFile
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


DEFAULT_CONNECT_PORT = 15002
# Long enough for a server across a VPN, short enough that a typo does not hang the page.
REACH_TIMEOUT_S = 5.0

_ADDRESS = re.compile(r"^sc://(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)"
                      r"(?::(?P<port>[0-9]{1,5}))?(?P<rest>/.*)?$")


def check_remote(address: str) -> tuple[str, int]:
    """(host, port) of a Spark Connect address ``sc://host[:port][/;param=value...]``; a
    malformed one raises :class:`UnusableFile` (``spark_address``) before anything is tried."""
    text = (address or "").strip()
    m = _ADDRESS.match(text)
    rest = m and (m["rest"] or "")
    port = int(m["port"]) if m and m["port"] else DEFAULT_CONNECT_PORT
    if not m or (rest and not rest.startswith("/;") and rest != "/") or not 0 < port < 65536:
        raise UnusableFile("spark_address", f"{text!r} is not a Spark Connect address like "
                           "sc://host:15002", {"address": text})
    return m["host"].strip("[]"), port


def reach(address: str, timeout: float = REACH_TIMEOUT_S) -> None:
    """Raise :class:`UnusableFile` (``spark_unreachable``) unless something answers at the
    address's host and port: Spark Connect's own client retries for minutes before it fails."""
    host, port = check_remote(address)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        raise UnusableFile("spark_unreachable", f"nothing answers at {host}:{port} ({exc})",
                           {"host": host, "port": port}) from exc


# Address (None: the local session) -> (Ibis connection, its Spark session).
_CONNECTIONS: dict[str | None, tuple] = {}
_CONNECT_LOCK = threading.Lock()


def connect(remote: str | None = None, cores: int = 2):
    """An Ibis connection to the local session or the Spark Connect server at ``remote``,
    one per server process and address (a session is costly to start)."""
    return _connected(remote, cores)[0]


def _connected(remote: str | None, cores: int) -> tuple:
    import ibis
    key = remote.strip() if remote else None
    with _CONNECT_LOCK:
        if key not in _CONNECTIONS:
            if key:
                reach(key)
            if any((k is None) != (key is None) for k in _CONNECTIONS):
                # Spark allows a process either a local session or Spark Connect ones.
                raise UnusableFile(
                    "spark_mixed", "this server process already uses "
                    + ("a local Spark session" if key else "a Spark Connect server"), {})
            spark = session(key, cores)
            try:
                spark.version
            except Exception as exc:  # noqa: BLE001 - any client error means not reached
                raise UnusableFile("spark_unreachable", f"{key}: {exc}",
                                   {"host": check_remote(key)[0],
                                    "port": check_remote(key)[1]}) from exc
            _CONNECTIONS[key] = (ibis.pyspark.connect(spark), spark)
        return _CONNECTIONS[key]


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
    con, spark = _connected(remote, cores)
    return MappedDataset(con, sources, label, cache=lambda t: t.cache(),
                         run_handle=lambda: RunHandle(spark))
