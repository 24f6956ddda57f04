"""What a board pack holds, before it is laid out: plain text, formatted tables and figures.

Everything here is already in the reader's language and number format, so the layout step only
places it and a test can read the figures without rendering anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import plotly.graph_objects as go


@dataclass
class Reading:
    """A sentence or two saying in plain words what a section's figures mean."""

    text: str


@dataclass
class Note:
    """Small print: what a figure rests on, or why something is missing."""

    text: str


@dataclass
class Table:
    """A small table of formatted values; columns from ``numeric_from`` on are figures."""

    header: list[str]
    rows: list[list[str]]
    numeric_from: int = 1


@dataclass
class Chart:
    """A Plotly figure from the charts the pages show, drawn ``height`` CSS pixels high."""

    title: str
    figure: go.Figure
    height: int = 360


Block = Reading | Note | Table | Chart


@dataclass
class Section:
    """One page of the dashboard (or the headline figures), as a part of the pack."""

    key: str          # page name (overview, segments, nps, ...), for tests and bookmarks
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Pack:
    """A whole board pack: its cover lines, then the sections in order."""

    lang: str
    title: str
    subtitle: str
    cover: list[tuple[str, str]]
    sections: list[Section]
    footer: str = ""
