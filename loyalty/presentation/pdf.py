"""Lay a :class:`~loyalty.presentation.model.Pack` out as an A4 PDF.

Text and tables are ReportLab flowables; charts are the SVG the export engine draws, converted
to ReportLab drawings (svglib), so they stay vector graphics and their labels stay text a reader
can search and copy. One embedded font (Bitstream Vera, shipped with ReportLab) covers German
letters, the euro sign and the minus sign Plotly writes, on every machine alike.
"""

from __future__ import annotations

import io
import os
import re
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate,
                                Spacer)
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from loyalty.presentation.chart_export import ChartUnavailable, SvgExporter
from loyalty.presentation.model import Chart, Note, Pack, Reading, Section, Table

FONT, BOLD = "LoyaltyLens", "LoyaltyLens-Bold"
MARGIN = 16 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN
# Charts are drawn this many CSS pixels wide and scaled to the frame: Plotly's 12 px labels then
# print at about 8.5 pt.
CHART_PX = 700
INK, MUTED, RULE = colors.HexColor("#1f2d3a"), colors.HexColor("#5b6b78"), colors.HexColor("#c9d3db")


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(FONT, os.path.join(folder, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, os.path.join(folder, "VeraBd.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    from svglib.fonts import register_font
    # Plotly names "Open Sans" first; mapping it keeps svglib from guessing a system font,
    # which would make the pack look different on every machine.
    for family in ("Open Sans", "verdana", "arial", "sans-serif"):
        register_font(family, rlgFontName=FONT)
        register_font(family, weight="bold", rlgFontName=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=INK,
                          alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=26, leading=32,
                                spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=14, leading=18, textColor=MUTED,
                                   spaceAfter=24),
        "h1": ParagraphStyle("h1", base, fontName=BOLD, fontSize=17, leading=22, spaceAfter=8),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=11.5, leading=15,
                             spaceBefore=10, spaceAfter=4),
        "reading": ParagraphStyle("reading", base, fontSize=10.5, leading=15, spaceAfter=6,
                                  leftIndent=8, borderPadding=(4, 6, 4, 6),
                                  backColor=colors.HexColor("#eef4f8")),
        "note": ParagraphStyle("note", base, fontSize=8.5, leading=11.5, textColor=MUTED,
                               spaceBefore=4, spaceAfter=4),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5),
        "cell_num": ParagraphStyle("cell_num", base, fontSize=9, leading=11.5, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle("cell_head", base, fontName=BOLD, fontSize=9, leading=11.5),
        "cell_head_num": ParagraphStyle("cell_head_num", base, fontName=BOLD, fontSize=9,
                                        leading=11.5, alignment=TA_RIGHT),
    }


_BOLD_MARK = re.compile(r"\*\*(.+?)\*\*")


def _markup(text: str) -> str:
    """Plain text (with the catalogue's **bold**) as ReportLab paragraph markup."""
    return _BOLD_MARK.sub(r"<b>\1</b>", escape(text)).replace("\n", "<br/>")


class _Bookmark(Flowable):
    """An invisible mark that makes the section a bookmark in the PDF's outline."""

    def __init__(self, key: str, title: str):
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


# Left and right padding of a cell (ReportLab's default 6 each) and 2 points to spare: a word
# exactly as wide as the room left was still wrapped by ReportLab ("Customer|s").
CELL_PAD = 14


def _words_width(text: str, font: str) -> float:
    return max((pdfmetrics.stringWidth(w, font, 9) for w in text.replace("**", "").split()),
               default=0.0)


def _widths(table: Table) -> list[float]:
    """Column widths from the content: no column narrower than its longest word (German
    headers such as "Bindungsquote" must not break inside the word) nor than its widest figure;
    the room left goes to the columns whose text would otherwise wrap, then evenly."""
    least, most = [], []
    for i, head in enumerate(table.header):
        cells = [str(row[i]) for row in table.rows if i < len(row)]
        # A figure stays on one line; a column of long figures may still wrap (at a space).
        numeric = i >= table.numeric_from and all(
            pdfmetrics.stringWidth(c, FONT, 9) < FRAME_WIDTH / 4 for c in cells)
        body = [pdfmetrics.stringWidth(c, FONT, 9) if numeric else _words_width(c, FONT)
                for c in cells]
        least.append(max([_words_width(head, BOLD), *body]) + CELL_PAD)
        most.append(max([pdfmetrics.stringWidth(head.replace("**", ""), BOLD, 9),
                         *(pdfmetrics.stringWidth(c, FONT, 9) for c in cells)]) + CELL_PAD)
    room = FRAME_WIDTH - sum(least)
    if room <= 0:
        return [w * FRAME_WIDTH / sum(least) for w in least]
    wanted = [m - w for m, w in zip(most, least)]
    if sum(wanted) >= room:
        return [w + x * room / sum(wanted) for w, x in zip(least, wanted)]
    spare = (room - sum(wanted)) / len(least)
    return [m + spare for m in most]


def _table(table: Table, st: dict) -> RLTable:
    head = [Paragraph(_markup(h), st["cell_head" if i < table.numeric_from else "cell_head_num"])
            for i, h in enumerate(table.header)]
    # Every cell a paragraph, so a long value (a list of loyalty types) wraps inside its column.
    body = [[Paragraph(_markup(v), st["cell" if i < table.numeric_from else "cell_num"])
             for i, v in enumerate(row)] for row in table.rows]
    out = RLTable([head, *body], colWidths=_widths(table), repeatRows=1)
    out.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (table.numeric_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return out


def _svg_text(svg: str) -> str:
    """SVG text as svglib reads it best: Plotly's narrow no-break space becomes a plain one."""
    return svg.replace("\u202f", "\u00a0")


def _chart(chart: Chart, exporter: SvgExporter, st: dict) -> list:
    from svglib.svglib import svg2rlg

    title = Paragraph(_markup(chart.title), st["h2"])
    try:
        svg = exporter.svg(chart.figure, CHART_PX, chart.height)
    except ChartUnavailable as exc:
        return [title, Paragraph(_markup(str(exc)), st["note"])]
    drawing = svg2rlg(io.BytesIO(_svg_text(svg).encode("utf-8")))
    scale = FRAME_WIDTH / drawing.width
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    return [KeepTogether([title, drawing, Spacer(1, 6)])]


def _section(section: Section, exporter: SvgExporter, st: dict) -> list:
    out: list = [_Bookmark(section.key, section.title), Paragraph(_markup(section.title), st["h1"])]
    for block in section.blocks:
        if isinstance(block, Reading):
            out.append(Paragraph(_markup(block.text), st["reading"]))
        elif isinstance(block, Note):
            out.append(Paragraph(_markup(block.text), st["note"]))
        elif isinstance(block, Table):
            out += [_table(block, st), Spacer(1, 8)]
        elif isinstance(block, Chart):
            out += _chart(block, exporter, st)
    return out


def _cover(pack: Pack, st: dict) -> list:
    rows = [[Paragraph(_markup(label), st["cell_head"]), Paragraph(_markup(value), st["cell"])]
            for label, value in pack.cover]
    table = RLTable(rows, colWidths=[FRAME_WIDTH * 0.28, FRAME_WIDTH * 0.72])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return [Spacer(1, 50 * mm), Paragraph(_markup(pack.title), st["title"]),
            Paragraph(_markup(pack.subtitle), st["subtitle"]), table]


def render_pdf(pack: Pack, exporter: SvgExporter | None = None) -> bytes:
    """The pack as PDF bytes: a cover, then each section from a new page."""
    _register_fonts()
    st = _styles()
    story = _cover(pack, st)
    own = exporter is None
    exporter = exporter or SvgExporter()
    try:
        for section in pack.sections:
            story += [PageBreak(), *_section(section, exporter, st)]
    finally:
        if own:
            exporter.close()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 9 * mm, pack.footer)
        canvas.drawRightString(A4[0] - MARGIN, 9 * mm, str(doc.page))
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=pack.title,
                            author="Loyalty Lens", subject=pack.subtitle, lang=pack.lang)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
