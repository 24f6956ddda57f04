"""The board pack PDF on a hand-worked shop: it opens, has every section, and its text holds the
figures the Overview shows, formatted in the pack's language.

Hand-worked figures (period January 2026, previous period December 2025):

- customers with a purchase by 31 Jan: A, B, C = 3; by 31 Dec: A, B = 2; change +50 %
- net revenue January: 1,234.56 + 300.00 + 49.50 = 1,584.06; December: 100.00 + 50.00 = 150.00;
  change (1,584.06 - 150) / 150 = +956.0 %
- NPS January: answers 10, 9, 3: (2 promoters - 1 detractor) / 3 = 33.3; December: 10, 6: 0.0
"""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from loyalty.analysis.filters import Filters
from loyalty.presentation.board_pack import board_pack, build_pack
from loyalty.presentation.model import Chart
from loyalty.planning.scenarios import Scenario

TX = """customer_id,date,amount,order_id,channel
A,2025-12-01,100.00,O1,online
B,2025-12-10,50.00,O2,store
A,2026-01-10,1234.56,O3,online
C,2026-01-15,300.00,O4,store
B,2026-01-20,49.50,O5,store
"""
MEMBERS = "customer_id,tier,joined\nA,Gold,2025-11-01\n"
SURVEYS = ("date,score,customer_id\n2025-12-03,10,A\n2025-12-04,6,B\n"
           "2026-01-05,10,A\n2026-01-06,9,C\n2026-01-07,3,B\n")
JANUARY = Filters(start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 31))

SECTIONS = {
    "en": ["Headline figures", "Overview", "Loyalty types", "NPS", "Churn and retention",
           "Tiers and points", "Programme", "Saved what-if scenarios"],
    "de": ["Kennzahlen auf einen Blick", "Übersicht", "Treuetypen", "NPS",
           "Abwanderung und Bindung", "Stufen und Punkte", "Programm",
           "Gespeicherte Was-wäre-wenn-Szenarien"],
}


@pytest.fixture
def shop(write_file, dataset):
    dataset.load(write_file("kasse.csv", TX))
    dataset.load(write_file("mitglieder.csv", MEMBERS), table="members")
    dataset.load(write_file("umfrage.csv", SURVEYS), table="surveys")
    return dataset


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text())


@pytest.mark.parametrize("lang, rows, cover", [
    ("en", ["Customers 3 2 +50.0%", "Net revenue €1,584.06 €150.00 +956.0%",
            "NPS 33.3 0.0 +33.3"],
     ["1 Jan 2026 – 31 Jan 2026", "kasse.csv, mitglieder.csv, umfrage.csv",
      "Tier: All · Channel: online · Store: All"]),
    ("de", ["Kunden 3 2 +50,0 %", "Nettoumsatz 1.584,06 € 150,00 € +956,0 %",
            "NPS 33,3 0,0 +33,3"],
     ["01.01.2026 – 31.01.2026", "kasse.csv, mitglieder.csv, umfrage.csv",
      "Stufe: Alle · Kanal: online · Filiale: Alle"]),
])
def test_pack_sections_and_headline_figures(shop, lang, rows, cover):
    f = JANUARY
    pdf = board_pack(shop, f, lang, shop="Kasse Köln",
                     created=dt.datetime(2026, 2, 3, 9, 30))
    reader = PdfReader(io.BytesIO(pdf))
    assert [o.title for o in reader.outline] == SECTIONS[lang]
    # A cover, then each section from a page of its own.
    assert len(reader.pages) >= 1 + len(SECTIONS[lang])
    headline = _text(reader.pages[1])
    for row in rows:
        assert row in headline
    # A filtered pack names its filters on the cover.
    filtered = board_pack(shop, Filters(start=f.start, end=f.end, channels=("online",)), lang,
                          shop="Kasse Köln")
    first = _text(PdfReader(io.BytesIO(filtered)).pages[0])
    assert "Kasse Köln" in first
    for line in cover:
        assert line in first


def test_nps_reading_says_whether_the_change_is_real(shop):
    pack = build_pack(shop, JANUARY, "en")
    nps = next(s for s in pack.sections if s.key == "nps")
    # 3 answers against 2: far too few for a change of 33 points to be more than chance.
    assert "NPS went from 0.0 (1 Dec 2025 – 31 Dec 2025) to 33.3." in nps.blocks[0].text
    assert "not statistically meaningful" in nps.blocks[0].text


def test_charts_are_vector_and_their_labels_text(shop):
    reader = PdfReader(io.BytesIO(board_pack(shop, JANUARY, "de")))
    mark = next(o for o in reader.outline if o.title == "Übersicht")
    page = reader.pages[reader.get_destination_page_number(mark)]
    # The month axis of the revenue chart, as text drawn by the chart itself (German month).
    assert "Jan. 2026" in _text(page)
    xobjects = page["/Resources"].get("/XObject") or {}
    assert not [k for k, v in xobjects.items() if v.get_object().get("/Subtype") == "/Image"]


def test_saved_scenarios_are_in_the_pack(shop):
    saved = [Scenario("Gold ab 1000", {"margin": 0.4}, {"tier_margin": 1234.0}, {})]
    pack = build_pack(shop, JANUARY, "de", scenarios=saved)
    section = pack.sections[-1]
    assert section.key == "scenarios"
    assert any(isinstance(b, Chart) for b in section.blocks)
    text = " ".join(_text(p) for p in PdfReader(io.BytesIO(board_pack(
        shop, JANUARY, "de", scenarios=saved))).pages[-2:])
    assert "Gold ab 1000" in text and "1.234 €" in text


def test_without_scenarios_the_pack_says_why(shop):
    pack = build_pack(shop, JANUARY, "en", no_scenarios="pack.scenarios_cli")
    assert pack.sections[-1].blocks[0].text.startswith("No what-if scenarios: they are saved")


def test_the_pack_uses_and_names_the_settings_the_manager_set(shop):
    from loyalty.presentation.board_pack import PackSettings
    default = build_pack(shop, JANUARY, "en")
    assert dict(default.cover)["Settings"].startswith("Each page as it opens")
    pack = build_pack(shop, JANUARY, "en", settings=PackSettings(churn_window=90,
                                                                 tier_months=6, min_orders=2))
    settings = dict(pack.cover)["Settings"]
    assert "inactivity window 90 days" in settings and "over 6 months" in settings
    assert "your own loyalty-type rules (at least 2 orders)" in settings
    churn = next(s for s in pack.sections if s.key == "churn")
    assert "90" in churn.blocks[0].text
    tiers = next(s for s in pack.sections if s.key == "tiers")
    assert any("last 6 months" in getattr(b, "text", "") for b in tiers.blocks)


def test_churn_by_type_is_a_sentence_when_nobody_churned(write_file, dataset):
    # Two customers who bought this month: nobody can have churned by the 31st.
    dataset.load(write_file("t.csv", "customer_id,date,amount\nA,2026-01-02,10\nB,2026-01-05,20\n"))
    pack = build_pack(dataset, Filters(start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 31)), "en")
    churn = next(s for s in pack.sections if s.key == "churn")
    assert not any(isinstance(b, Chart) and "loyalty type" in b.title for b in churn.blocks)
    assert any("No customer has churned" in getattr(b, "text", "") for b in churn.blocks)


@pytest.mark.parametrize("key, n, lang, extra, expected", [
    ("pack.n_new", 1, "en", {}, "1 customer was new"),
    ("pack.n_new", 1200, "de", {}, "kamen 1.200 Kunden neu hinzu"),
    ("pack.n_back", 1, "de", {}, "1 kam zurück"),
    ("pack.n_near", 1, "en", {"within": "10%"}, "1 customer is within 10% of the next tier."),
    ("pack.n_near", 3, "de", {"within": "10\xa0%"},
     "3 Kunden fehlen höchstens 10\xa0% bis zur nächsten Stufe."),
])
def test_readings_count_in_singular_and_plural(key, n, lang, extra, expected):
    from loyalty.presentation.sections import _counted
    assert _counted(key, n, lang, **extra) == expected


def test_table_columns_are_never_narrower_than_their_longest_word():
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from loyalty.presentation.model import Table
    from loyalty.presentation.pdf import BOLD, FRAME_WIDTH, _register_fonts, _widths
    _register_fonts()
    # The Loyalty types section's table in German (its columns split at fixed shares broke
    # "Kundenan|teil").
    header = ["Treuetyp", "Kunden", "Kundenanteil", "Umsatzanteil", "Ø Umsatz", "Abgewandert"]
    widths = _widths(Table(header, [["Bequemlichkeitstreue", "960", "19,2\xa0%", "17,5\xa0%",
                                     "910,61\xa0€", "22,2\xa0%"]]))
    assert sum(widths) == pytest.approx(FRAME_WIDTH)
    for word, width in zip(header, widths):
        assert width >= stringWidth(word, BOLD, 9) + 12, word


@pytest.mark.parametrize("lang, column", [("en", "Before (no data)"),
                                          ("de", "Davor (keine Daten)")])
def test_a_period_with_nothing_before_it_says_so_in_the_column(shop, lang, column):
    # December 2025 is the first month of data: nothing before it to compare with.
    pack = build_pack(shop, Filters(start=dt.date(2025, 12, 1), end=dt.date(2025, 12, 31)), lang)
    headline = next(s for s in pack.sections if s.key == "headline")
    table = next(b for b in headline.blocks if hasattr(b, "header"))
    assert table.header[2] == column


def test_each_churn_figure_names_its_window(shop):
    # The loyalty-type table counts churn over the settings' default window (180 days); the
    # churn section over the window it states. A reader must be able to tell them apart.
    pack = build_pack(shop, JANUARY, "en")
    notes = {s.key: [b.text for b in s.blocks if type(b).__name__ == "Note"]
             for s in pack.sections}
    assert any("more than 180 days before the end of the period" in n
               for n in notes["segments"])
