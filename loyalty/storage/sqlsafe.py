"""The one place where names become SQL.

Values always travel as query parameters. Identifiers cannot be parameters, so every table or
column name that reaches SQL passes through :func:`ident`, which validates and quotes it.
"""

from __future__ import annotations

import re

_SAFE_INTERNAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class UnsafeIdentifier(ValueError):
    """A name that must not be used as an SQL identifier."""


def ident(name: str) -> str:
    """Return ``name`` as a double-quoted SQL identifier.

    Any printable text is allowed (CSV headers are often German, with spaces and umlauts);
    control characters, empty names and over-long names are refused.
    """
    if not isinstance(name, str) or not name or len(name) > 255:
        raise UnsafeIdentifier(f"not a usable column or table name: {name!r}")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise UnsafeIdentifier(f"name contains control characters: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def internal_name(name: str) -> str:
    """Validate a name the program made itself (tables, staging columns) and quote it."""
    if not _SAFE_INTERNAL.match(name):
        raise UnsafeIdentifier(f"internal name {name!r} is not a plain identifier")
    return ident(name)
