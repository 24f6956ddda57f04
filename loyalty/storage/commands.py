"""``python -m loyalty workspace create|list|rename|delete|add|remove|files|export|import|
erase-customer``: workspaces from the command line (see :mod:`loyalty.storage`)."""

from __future__ import annotations

from loyalty.reading.sniff import sniff
from loyalty.storage import archive, erase
from loyalty.storage.opened import open_dataset
from loyalty.storage.workspaces import Workspaces, WorkspaceError, data_dir


def add_parser(sub) -> None:
    p = sub.add_parser("workspace", help="create, fill and move workspaces (data kept on disk)")
    p.add_argument("--dir", help=f"the workspaces' folder (default: $LOYALTY_WORKSPACE_DIR, "
                                 f"else {data_dir()})")
    actions = p.add_subparsers(dest="action", required=True)

    a = actions.add_parser("create", help="create an empty workspace")
    a.add_argument("name")
    a = actions.add_parser("list", help="list the workspaces")
    a = actions.add_parser("rename", help="rename a workspace")
    a.add_argument("name", help="its current name")
    a.add_argument("new_name")
    a = actions.add_parser("delete", help="delete a workspace and all its data (irreversible)")
    a.add_argument("name")
    a.add_argument("--yes", action="store_true", help="confirm")
    a = actions.add_parser("add", help="load export files into a workspace (orders already "
                                       "in it are skipped)")
    a.add_argument("files", nargs="+", metavar="FILE")
    _which(a)
    a.add_argument("--table", choices=("transactions", "members", "surveys", "interactions"))
    a = actions.add_parser("files", help="list the files loaded into a workspace")
    _which(a)
    a = actions.add_parser("remove", help="remove a loaded file (by its name or number)")
    a.add_argument("file")
    _which(a)
    a = actions.add_parser("export", help="write a workspace as one archive (Parquet + settings, "
                                          "zipped)")
    _which(a)
    a.add_argument("--out", required=True, help="the .zip file to write")
    a = actions.add_parser("import", help="create a workspace from an archive")
    a.add_argument("archive")
    a.add_argument("--name", help="name of the new workspace (default: the archive's)")
    a = actions.add_parser("erase-customer",
                           help="delete one customer's data from every table of a workspace "
                                "(irreversible)")
    a.add_argument("customer_id")
    _which(a)
    a.add_argument("--yes", action="store_true", help="confirm")
    p.set_defaults(func=run)


def _which(p) -> None:
    p.add_argument("-w", "--workspace", help="the workspace's name (needed when there are "
                                             "several)")


def _pick(spaces: Workspaces, name: str | None):
    if name:
        return spaces.find(name)
    found = spaces.list()
    if len(found) == 1:
        return found[0]
    raise WorkspaceError("which", "Name the workspace with --workspace "
                         f"({', '.join(w.name for w in found) or 'there is none yet'}).")


def run(args) -> int:
    spaces = Workspaces(args.dir or data_dir())
    action = args.action
    if action == "create":
        w = spaces.create(args.name)
        print(f"created {w.name} in {w.folder}")
    elif action == "list":
        for w in spaces.list():
            print(f"{w.name}\t{w.created}\t{w.folder}")
    elif action == "rename":
        w = spaces.rename(spaces.find(args.name).id, args.new_name)
        print(f"renamed to {w.name}")
    elif action == "delete":
        w = spaces.find(args.name)
        _confirm(args, f"delete workspace {w.name} and all its data")
        spaces.delete(w.id)
        print(f"deleted {w.name}")
    elif action == "import":
        manifest = archive.read_manifest(args.archive)
        w = spaces.create(args.name or manifest.get("name") or "Imported")
        ds = open_dataset(w)
        try:
            archive.restore(ds, args.archive)
        except BaseException:
            ds.close()
            spaces.delete(w.id)
            raise
        print(f"imported {len(ds.reports)} files into {w.name}")
        ds.close()
    else:
        w = _pick(spaces, args.workspace)
        ds = open_dataset(w)
        try:
            return _on_data(args, w, ds)
        finally:
            if not ds.closed:
                ds.close()
    return 0


def _on_data(args, w, ds) -> int:
    action = args.action
    if action == "add":
        for path in args.files:
            dialect = sniff(path)
            kept = _kept(ds, dialect.columns, args.table)
            # Sniffed once: the plan reads the file with the dialect found here.
            report = ds.load(path, dialect=dialect, **({"table": args.table} | kept))
            ds.keep_layout(report.plan)
            print(f"{report.filename}: {report.understood()}"
                  + (" (columns mapped as for the last file with this header)" if kept else ""))
            for kind, n in report.duplicates.items():
                print(f"  {kind.replace('_', ' ')}: {n}")
    elif action == "files":
        for r in ds.reports:
            print(f"{r.file_id}\t{r.filename}\t{r.table}\t{r.loaded_at}\tloaded {r.rows_loaded}"
                  f"\tskipped {r.rows_skipped}\trejected {r.rows_rejected}")
    elif action == "remove":
        match = [r for r in ds.reports if r.filename == args.file or str(r.file_id) == args.file]
        if len(match) != 1:
            raise WorkspaceError("no_file", f"{args.file!r} names no single loaded file of "
                                            f"{w.name}; see 'workspace files'.")
        gone = ds.remove_file(match[0].file_id)
        print(f"removed {gone.filename} ({gone.rows_loaded} rows)")
    elif action == "export":
        archive.export(ds, w.name, args.out)
        print(f"wrote {args.out}")
    elif action == "erase-customer":
        _confirm(args, f"erase customer {args.customer_id} from {w.name}")
        deleted = erase.erase_customer(ds, w.database, args.customer_id)
        total = sum(deleted.values())
        print(f"erased {args.customer_id}: " + (", ".join(f"{n} {t}" for t, n in
                                                           deleted.items()) if total else
                                                  "no rows held this customer"))
    return 0


def _kept(ds, columns: list[str], table: str | None) -> dict:
    """The mapping kept for files with this header (see loyalty.storage.keep)."""
    layout = ds.layout_for(columns)
    if layout is None or (table and layout["table"] != table):
        return {}
    return {"table": layout["table"], "mapping": layout["mapping"], "decimal": layout["decimal"]}


def _confirm(args, what: str) -> None:
    if not args.yes:
        raise WorkspaceError("confirm", f"This would {what}; it cannot be undone. "
                                        "Add --yes to confirm.")

