"""Reading: how an export is understood (dialect, formats, mapping, plan) and loaded into
the canonical tables, every row accounted for."""
