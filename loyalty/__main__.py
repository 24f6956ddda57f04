"""Command line: ``python -m loyalty demo|inspect|kpis|customers|programme|report|workspace``."""

from __future__ import annotations

import argparse
import json
import sys

from loyalty.errors import UnusableFile
from loyalty.storage.archive import ArchiveError
from loyalty.storage.workspaces import WorkspaceError


def _mapping_args(items: list[str] | None) -> dict[str, dict[str, str | None]]:
    """``--map amount=Umsatz`` or ``--map members.tier=Stufe`` into {table: {field: column}}."""
    out: dict[str, dict[str, str | None]] = {}
    for item in items or []:
        if "=" not in item:
            raise SystemExit(f"--map expects FIELD=COLUMN, got {item!r}")
        key, column = item.split("=", 1)
        table, _, field = key.rpartition(".")
        out.setdefault(table or "transactions", {})[field] = column or None
    return out


def cmd_demo(args) -> int:
    from loyalty import demo
    paths = demo.write(args.out, customers=args.customers, seed=args.seed, dialect=args.dialect)
    if args.parquet:
        from loyalty.storage.dataset import open_demo
        from loyalty.storage.parquet import write_parquet
        ds = open_demo(args.out)
        paths.update({f"{name} (Parquet)": p for name, p in write_parquet(ds, args.out).items()})
        ds.close()
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def cmd_inspect(args) -> int:
    from loyalty.reading.ingest import count_records
    from loyalty.reading.plan import make_plan
    plan = make_plan(args.file, table=args.table)
    info = plan.to_dict()
    info["records"] = count_records(plan)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"File:        {info['file']}")
    print(f"Table:       {info['table']}")
    print(f"Encoding:    {info['encoding']}")
    print(f"Separator:   {info['delimiter']}")
    print(f"Decimal:     '{info['decimal_separator']}' (thousands '{info['thousands_separator']}')")
    print(f"Dates:       {info['date_format']}")
    print(f"Header:      {'line ' + str(info['header_line']) if info['header'] else 'none'}")
    print(f"Data starts: after {info['skipped_lines_before_data']} line(s)")
    print(f"Records:     {info['records']}")
    if info["table"] == "transactions":
        print(f"Layout:      {info['layout_label']}")
    print("Columns:")
    for c in info["columns"]:
        target = c["maps_to"] or "-"
        print(f"  {c['name']:<28} {c['type']:<8} -> {target:<16} e.g. {', '.join(c['samples'])}")
    if info["missing_required"]:
        print("Missing required fields: " + ", ".join(info["missing_required"]))
    for q in info["questions"]:
        print(f"Question: {q['message']}")
    return 0


def cmd_kpis(args) -> int:
    from loyalty.reading.currency import dataset_currency
    from loyalty.presentation.i18n import use_currency
    from loyalty.analysis.kpis import headline
    ds = _load_all(args)
    # The load summary names refunds in the shop's currency, as the Data page does.
    use_currency(dataset_currency(ds.reports))
    if args.rejects:
        if not hasattr(ds, "write_rejects_csv"):
            raise ValueError("--rejects: rows of an engine's tables are read, not loaded; "
                             "none is kept as a rejected record")
        ds.write_rejects_csv(args.rejects)
    figures = headline(ds)
    if args.json:
        figures["files"] = [{**r.summary(), "understood": r.understood()} for r in ds.reports]
        print(json.dumps(figures, ensure_ascii=False, indent=2, default=str))
    else:
        for r in ds.reports:
            print(f"{r.filename}: {r.understood()}")
        for key, value in figures.items():
            print(f"{key:<16} {value}")
    return 0


def _table_args(items: list[str] | None) -> dict[str, str]:
    """``--table transactions=sales.receipts`` into {table: location}."""
    out: dict[str, str] = {}
    for item in items or []:
        table, sep, location = item.partition("=")
        if not sep or not location:
            raise SystemExit(f"--table expects TABLE=TABLE_OR_PATH, got {item!r}")
        out[table] = location
    return out


def _open_mapped(args):
    """The canonical tables mapped onto existing tables or Parquet/Delta paths, on the chosen
    engine: nothing is loaded, every figure is computed where the data is."""
    from loyalty.storage.mapped import MappedDataset, Source
    maps = _mapping_args(args.map)
    tables = _table_args(args.table)
    if "transactions" not in tables:
        raise ValueError("--table transactions=TABLE_OR_PATH is needed")
    sources = [Source(t, loc, maps.get(t, {})) for t, loc in tables.items()]
    if args.engine == "spark":
        from loyalty.storage.spark import open_spark
        return open_spark(sources, remote=args.spark_remote, cores=args.spark_cores)
    import ibis
    return MappedDataset(ibis.duckdb.connect(), sources, "duckdb")


def _load_all(args):
    from loyalty.storage.dataset import Dataset
    if getattr(args, "table", None) or getattr(args, "engine", "duckdb") == "spark":
        if args.transactions or args.members or args.surveys or args.interactions \
                or args.workspace:
            raise ValueError("--table names every source; --transactions, --members, "
                             "--surveys, --interactions and --workspace load CSV files "
                             "into DuckDB instead")
        return _open_mapped(args)
    if not (args.transactions or getattr(args, "workspace", None)):
        raise ValueError("give the transactions: --transactions FILE, --workspace NAME or "
                         "--table transactions=TABLE_OR_PATH")
    if getattr(args, "workspace", None):
        from loyalty.storage.opened import open_dataset
        from loyalty.storage.workspaces import Workspaces, data_dir
        return open_dataset(Workspaces(data_dir()).find(args.workspace))
    maps = _mapping_args(args.map)
    ds = Dataset()
    files = {"transactions": args.transactions, "members": args.members,
             "surveys": args.surveys, "interactions": args.interactions}
    overrides: dict = {}
    if args.day_first is not None:
        overrides["day_first"] = args.day_first
    for table, path in files.items():
        if path:
            ds.load(path, table=table, mapping=maps.get(table), **overrides)
    return ds


def cmd_customers(args) -> int:
    from loyalty.presentation.csvsafe import to_csv_bytes
    from loyalty.analysis.customers import customer_table, export_frame
    from loyalty.presentation.i18n import t
    ds = _load_all(args)
    table, missing, untellable = customer_table(ds)
    frame = export_frame(table, args.lang)
    with open(args.out, "wb") as fh:
        fh.write(to_csv_bytes(frame))
    counts = frame["loyalty_type"].value_counts()
    print(f"{len(frame)} customers written to {args.out}")
    for name, n in counts.items():
        print(f"  {name:<18} {n}")
    if missing:
        print("signals the data does not have: " + ", ".join(missing))
    for ty in untellable:
        print(f"cannot be told from this data: {t(f'type.{ty}', args.lang)}: "
              f"{t(f'needs.{ty}', args.lang)}")
    return 0


def cmd_programme(args) -> int:
    import datetime as dt

    from loyalty.analysis.programme import launch_date, launch_effect, programme_roi
    ds = _load_all(args)
    launch = dt.date.fromisoformat(args.launch) if args.launch else launch_date(ds)
    if launch is None:
        raise ValueError("no launch date: give --launch YYYY-MM-DD or a members file with "
                         "join dates")
    r = launch_effect(ds, launch, args.months)
    out = {"launch": launch.isoformat(), "months": args.months,
           "groups": r["table"].round(2).to_dict(orient="records"),
           "effect_per_member_month": r["effect"], "low": r["low"], "high": r["high"]}
    if r["effect"] is not None and args.cost is not None:
        out["roi"] = programme_roi(r["effect"], r["members"], args.months, args.margin,
                                   args.cost)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"Launch {out['launch']}, {args.months} months before and after")
    for g in out["groups"]:
        print(f"  {g['group']:<12} {g['customers']:>7} customers  per month before "
              f"{g['before']:>10.2f}  after {g['after']:>10.2f}  change {g['change']:>9.2f}")
    if r["effect"] is None:
        print("Not enough members and non-members who bought before the launch to compare.")
        return 0
    print(f"Effect per member and month {r['effect']:.2f} (95 % interval {r['low']:.2f} to "
          f"{r['high']:.2f})")
    if "roi" in out:
        roi = out["roi"]
        print(f"Extra revenue {roi['incremental_revenue']:.2f}, profit after cost "
              f"{roi['net']:.2f}, ROI " + ("n/a" if roi["roi"] is None else f"{roi['roi']:.1%}"))
    return 0


def _period_arg(text: str):
    """``START:END`` as ISO (2026-05-01:2026-10-31) or German (01.05.2026:31.10.2026) dates."""
    import datetime as dt
    parts = text.split(":")
    if len(parts) != 2:
        raise ValueError(f"--period expects START:END, got {text!r}")
    days = []
    for part in parts:
        part = part.strip()
        for layout in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                days.append(dt.datetime.strptime(part, layout).date())
                break
            except ValueError:
                pass
        else:
            raise ValueError(f"--period: {part!r} is not a date like 2026-05-01 or 01.05.2026")
    if days[0] > days[1]:
        raise ValueError("--period: the start is after the end")
    return tuple(days)


def cmd_report(args) -> int:
    import os

    from loyalty.storage.dataset import open_demo
    from loyalty.analysis.filters import Filters
    from loyalty.presentation.i18n import fmt_date, t
    from loyalty.analysis.filters import data_range
    from loyalty.analysis.periods import default_period
    from loyalty.presentation.board_pack import board_pack
    if args.transactions or args.workspace or args.table:
        ds = _load_all(args)
        shop = args.shop or ", ".join(r.filename for r in ds.reports)
    else:
        demo = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "data", "demo")
        ds = open_demo(demo)
        shop = args.shop or t("app.dataset_demo", args.lang)
    first, last = data_range(ds)
    if first is None:
        raise ValueError("the transactions hold no usable row: nothing to report")
    start, end = _period_arg(args.period) if args.period else default_period(first, last)
    f = Filters(start=start, end=end, tiers=tuple(args.tier or ()),
                channels=tuple(args.channel or ()), stores=tuple(args.store or ()))
    from loyalty.analysis.periods import Comparison
    pdf = board_pack(ds, f, args.lang, shop=shop, no_scenarios="pack.scenarios_cli",
                     comparison=Comparison(args.compare))
    with open(args.out, "wb") as fh:
        fh.write(pdf)
    print(f"{args.out}: {t('pack.title', args.lang)}, {shop}, "
          f"{fmt_date(start, args.lang)} – {fmt_date(end, args.lang)}")
    return 0


def _add_load_args(p, required: bool = True) -> None:
    source = p.add_mutually_exclusive_group()
    source.add_argument("--transactions", help="the transactions export (CSV)" if required
                        else "transactions file (default: the demo data)")
    source.add_argument("--workspace", help="a workspace's name, instead of files (see "
                                            "'workspace'; its folder: $LOYALTY_WORKSPACE_DIR)")
    p.add_argument("--members")
    p.add_argument("--surveys")
    p.add_argument("--interactions")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                   help="map a field to a column; prefix the field with the table for other "
                        "files (members.tier=Stufe); repeatable")
    p.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb",
                   help="where the figures are computed (default duckdb); spark reads the "
                        "tables given with --table")
    p.add_argument("--spark-remote", metavar="sc://HOST:15002",
                   help="a Spark Connect server (default: a local Spark session)")
    p.add_argument("--spark-cores", type=int, default=2,
                   help="cores of a local Spark session (default 2)")
    p.add_argument("--table", action="append", metavar="TABLE=TABLE_OR_PATH",
                   help="a canonical table from an engine table (sales.receipts) or a "
                        "Parquet/Delta path, its columns mapped with --map; repeatable")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_true", default=None,
                       help="read ambiguous dates like 03/04/2025 as day/month")
    order.add_argument("--month-first", dest="day_first", action="store_false",
                       help="read ambiguous dates like 03/04/2025 as month/day")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loyalty",
                                     description="Loyalty Lens command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="write seeded demo CSVs for all four tables")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--customers", type=int, default=5000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--dialect", choices=("en", "de"), default="en",
                   help="en: comma, ISO dates, UTF-8; de: semicolon, decimal comma, "
                        "DD.MM.YYYY, Windows-1252")
    p.add_argument("--parquet", action="store_true",
                   help="also write the loaded tables as TABLE.parquet, for another engine "
                        "(kpis --engine spark --table transactions=OUT/transactions.parquet)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("inspect", help="show how a file would be read")
    p.add_argument("file")
    p.add_argument("--table", choices=("transactions", "members", "surveys", "interactions"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("kpis", help="load files and print the headline figures")
    _add_load_args(p)
    p.add_argument("--rejects", metavar="OUT.csv", help="write rejected rows to this file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_kpis)

    p = sub.add_parser("customers", help="write one row per customer: loyalty type, scores, "
                                         "reasons, lifecycle stage, RFM")
    _add_load_args(p)
    p.add_argument("--out", required=True, help="CSV file to write")
    p.add_argument("--lang", choices=("en", "de"), default="en", help="language of the reasons")
    p.set_defaults(func=cmd_customers)

    p = sub.add_parser("programme", help="members against non-members before and after the "
                                         "launch (difference in differences) and the ROI")
    _add_load_args(p)
    p.add_argument("--launch", help="launch date YYYY-MM-DD (default: first join date)")
    p.add_argument("--months", type=int, default=6, help="months before and after (default 6)")
    p.add_argument("--cost", type=float, help="programme cost over the months after the launch")
    p.add_argument("--margin", type=float, default=0.4, help="gross margin (default 0.4)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_programme)

    p = sub.add_parser("report", help="write the board pack (PDF): cover, headline figures and "
                                      "one section per page, on the demo data or given files")
    _add_load_args(p, required=False)
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--period", metavar="START:END",
                   help="e.g. 2026-05-01:2026-10-31 (default: the last six months when the data "
                        "covers more than a year, else all of it, as in the dashboard)")
    p.add_argument("--lang", choices=("en", "de"), default="en")
    p.add_argument("--compare", choices=("previous", "year"), default="previous",
                   help="compare with the previous period of equal length (default) or the "
                        "same period last year")
    p.add_argument("--shop", help="shop name on the cover (default: the files' names)")
    for name in ("tier", "channel", "store"):
        p.add_argument(f"--{name}", action="append", help=f"only this {name}; repeatable")
    p.set_defaults(func=cmd_report)

    from loyalty.storage import commands
    commands.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UnusableFile as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except (WorkspaceError, ArchiveError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"error: file not found: {exc.filename}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - one line for the user, never a traceback
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"error: the file could not be read ({first})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
