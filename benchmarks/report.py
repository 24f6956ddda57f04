"""Where the benchmarks put their tables: printed, and kept in benchmarks/out/ for the README."""

import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")


def publish(lines: list[str], name: str) -> None:
    """Write the table to benchmarks/out/``name``.md and print it."""
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, f"{name}.md"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print("\n".join(lines))
