"""Plotly figures as SVG (vector) text, drawn by Plotly's static export engine.

Kaleido 0.2.1 is used through its own API: its wheel carries a headless Chromium and fonts, so
``pip install`` alone makes charts drawable (later Kaleido versions need a Chrome installed or
downloaded separately). Plotly.js itself comes from the installed plotly package, so the charts
are drawn by the same Plotly.js version the browser gets.
"""

from __future__ import annotations

import os

import plotly
import plotly.graph_objects as go

_PLOTLY_JS = os.path.join(os.path.dirname(plotly.__file__), "package_data", "plotly.min.js")


class ChartUnavailable(RuntimeError):
    """The export engine is missing or failed; the message says which, in one line."""


class SvgExporter:
    """Turns figures into SVG; one engine process serves every chart of a pack.

    Use as a context manager so the engine stops when the pack is done.
    """

    def __init__(self):
        self._scope = None

    def __enter__(self) -> "SvgExporter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _engine(self):
        if self._scope is None:
            try:
                from kaleido.scopes.plotly import PlotlyScope
            except ImportError as exc:
                raise ChartUnavailable("the chart engine (kaleido) is not installed; run "
                                       "pip install -r requirements.txt") from exc
            # No MathJax: the charts have no formulas, and loading it slows every start.
            self._scope = PlotlyScope(plotlyjs=_PLOTLY_JS, mathjax=False)
        return self._scope

    def svg(self, fig: go.Figure, width: int, height: int) -> str:
        """``fig`` drawn at ``width`` x ``height`` CSS pixels, as SVG text."""
        try:
            data = self._engine().transform(fig.to_dict(), format="svg", width=width,
                                            height=height)
        except ChartUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - any engine failure becomes one clear line
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ChartUnavailable(f"the chart could not be drawn ({first})") from exc
        return data.decode("utf-8") if isinstance(data, bytes) else data

    def close(self) -> None:
        if self._scope is not None:
            try:
                self._scope._shutdown_kaleido()
            except Exception:  # noqa: BLE001 - an engine already gone needs no stopping
                pass
            self._scope = None
