"""Storage: what keeps a manager's data between visits.

A workspace is one DuckDB database file holding the canonical tables, the history of the files
loaded into it, the column mappings of the file layouts it has seen, and the manager's settings
and saved scenarios (:mod:`.workspaces`, :mod:`.history`, :mod:`.keep`); it can be moved as one
archive (:mod:`.archive`) and a customer can be erased from it (:mod:`.erase`).
"""
