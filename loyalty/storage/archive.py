"""A workspace as one file, to move it to another machine: a zip archive of

- ``manifest.json``: the format, the workspace's name, the loaded files' history, the kept
  file layouts and settings;
- ``<table>.parquet`` for each canonical table (transactions, members, surveys, interactions)
  with every loaded row and two bookkeeping columns: ``_file_id`` (the file it came from) and
  ``_known`` (a row an earlier file already held, see :mod:`loyalty.reading.overlap`);
- ``rejects.parquet``: the rejected records with their reasons.

Importing builds the same workspace: the same files, counts, history, settings and figures.
An archive is read as data only (JSON and Parquet, no code), and its parts are read by name,
never extracted by the paths the archive gives.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile

from loyalty.storage.db import run, stored_select
from loyalty.reading.ingest import REJECTS_TABLE
from loyalty.reading.overlap import KNOWN
from loyalty.reading.schema import TABLES
from loyalty.storage.sqlsafe import ident, internal_name
from loyalty.storage import history, keep

FORMAT = "loyalty-lens-workspace"
VERSION = 1
_MAX_MANIFEST = 50 * 2**20


class ArchiveError(ValueError):
    """The file is not a workspace archive this version can read."""


def export(ds, name: str, out_path: str, work_dir: str | None = None) -> str:
    """Write dataset ``ds`` (a workspace's data) as an archive to ``out_path``; ``work_dir``
    holds the Parquet files while the archive is written (a locked engine writes only where it
    is allowed to)."""
    con = ds.con
    with tempfile.TemporaryDirectory(prefix="loyalty-export-", dir=work_dir) as tmp:
        parts = {}
        for table, spec in TABLES.items():
            files = [r for r in ds.reports if r.table == table]
            if not files:
                continue
            union = " UNION ALL ".join(
                f"SELECT {stored_select(con, r.storage_table, spec.canonical_fields)}, "
                f"CAST($f{i} AS INTEGER) AS _file_id, "
                f"{'coalesce(' + KNOWN + ', false)' if r.rows_skipped else 'false'} AS _known "
                f"FROM {internal_name(r.storage_table)}" for i, r in enumerate(files))
            path = os.path.join(tmp, f"{table}.parquet")
            params = {f"f{i}": r.file_id for i, r in enumerate(files)}
            params["out"] = path
            run(con, f"COPY ({union}) TO $out (FORMAT parquet)", params)
            parts[f"{table}.parquet"] = path
        rejects = os.path.join(tmp, "rejects.parquet")
        run(con, f"COPY (SELECT * FROM {REJECTS_TABLE} ORDER BY file_id, line) TO $out "
                 "(FORMAT parquet)", {"out": rejects})
        parts["rejects.parquet"] = rejects
        manifest = {"format": FORMAT, "version": VERSION, "name": name,
                    "files": [history.to_record(r) for r in ds.reports],
                    "layouts": keep.layouts(con),
                    "erased": keep.erased(con),
                    "settings": {k: keep.encode(v) for k, v in keep.settings(con).items()}}
        with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            for arcname, path in parts.items():
                z.write(path, arcname)
    return out_path


def read_manifest(path: str) -> dict:
    """The archive's manifest, checked; raises :class:`ArchiveError` for anything else."""
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("manifest.json")
            if info.file_size > _MAX_MANIFEST:
                raise ArchiveError("The archive's manifest is too large.")
            manifest = json.loads(z.read(info).decode("utf-8"))
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError, OSError):
        raise ArchiveError("This file is not a Loyalty Lens workspace archive.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError("This file is not a Loyalty Lens workspace archive.")
    if manifest.get("version") != VERSION:
        raise ArchiveError("This workspace archive was written by another version of "
                           "Loyalty Lens and cannot be read here.")
    return manifest


def restore(ds, path: str, work_dir: str | None = None) -> dict:
    """Fill the empty dataset ``ds`` from the archive at ``path`` (in one transaction);
    returns the manifest."""
    manifest = read_manifest(path)
    if ds.reports:
        raise ArchiveError("A workspace archive is imported into a new, empty workspace.")
    try:
        records = [history.from_record(r) for r in manifest["files"]]
    except (KeyError, TypeError, ValueError):
        raise ArchiveError("The archive's list of files is damaged.") from None
    if any(r.table not in TABLES for r in records):
        raise ArchiveError("The archive names a table this version does not know.")
    con = ds.con
    with tempfile.TemporaryDirectory(prefix="loyalty-import-", dir=work_dir) as tmp:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            local = {}
            for part in [f"{t}.parquet" for t in TABLES] + ["rejects.parquet"]:
                if part in names:
                    local[part] = os.path.join(tmp, part)
                    with z.open(part) as src, open(local[part], "wb") as dst:
                        while chunk := src.read(2**20):
                            dst.write(chunk)
        with ds._write:
            run(con, "BEGIN TRANSACTION")
            try:
                for r in records:
                    part = local.get(f"{r.table}.parquet")
                    if part is None:
                        raise ArchiveError(f"The archive has no rows for {r.filename}.")
                    fields = TABLES[r.table].canonical_fields
                    cols = ", ".join(f"CAST({ident(f.name)} AS {f.sql_type}) AS {ident(f.name)}"
                                     for f in fields)
                    run(con, f"CREATE TABLE {internal_name(r.storage_table)} AS SELECT {cols}, "
                             "false AS _bad, CAST(NULL AS VARCHAR[]) AS _fields, "
                             f"CAST(NULL AS BIGINT) AS _o, "
                             f"CASE WHEN _known THEN true END AS {KNOWN} "
                             "FROM read_parquet($p) WHERE _file_id = $f",
                        {"p": part, "f": r.file_id})
                    history.save(con, r)
                if "rejects.parquet" in local:
                    run(con, f"INSERT INTO {REJECTS_TABLE} SELECT CAST(file_id AS INTEGER), "
                             "CAST(file AS VARCHAR), CAST(line AS BIGINT), CAST(code AS VARCHAR), "
                             "CAST(reason AS VARCHAR), CAST(raw AS VARCHAR), "
                             "CAST(ordinal AS BIGINT) FROM read_parquet($p)",
                        {"p": local["rejects.parquet"]})
                for layout in manifest.get("layouts", []):
                    keep.remember_layout(con, layout["columns"], layout["table"],
                                         layout["mapping"], layout["decimal"],
                                         layout.get("date_layouts", {}))
                keep.remember_erased(con, [(str(h), str(d)) for h, d in
                                           manifest.get("erased", [])])
                keep.put(con, {k: keep.decode(v)
                               for k, v in manifest.get("settings", {}).items()})
                ds.reports[:] = records
                ds._refresh_views()
                run(con, "COMMIT")
            except BaseException:
                ds.reports.clear()
                ds._rollback()
                raise
            ds.version += 1
    return manifest
