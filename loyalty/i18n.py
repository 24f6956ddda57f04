"""All user-facing text in English and German, and number/date formatting per language.

Every string the UI shows comes from :data:`CATALOGUE` through :func:`t`; a key missing in either
language fails the tests. Numbers, money and dates are formatted with Babel.
"""

from __future__ import annotations

import datetime as _dt
import math

from babel.dates import format_date as _format_date
from babel.numbers import (format_compact_currency, format_currency, format_decimal,
                           format_percent)

LANGUAGES = {"en": "English", "de": "Deutsch"}
LOCALES = {"en": "en_GB", "de": "de_DE"}
CURRENCY = "EUR"

CATALOGUE: dict[str, tuple[str, str]] = {
    # App shell
    "app.title": ("Loyalty Lens", "Loyalty Lens"),
    "app.language": ("Language", "Sprache"),
    "app.demo_note": ("You are looking at demo data (a made-up shop with {customers} customers). "
                      "Load your own exports on the Data page.",
                      "Sie sehen Demodaten (ein erfundener Laden mit {customers} Kunden). "
                      "Eigene Exporte laden Sie auf der Seite Daten."),
    "app.dataset": ("Dataset", "Datensatz"),
    "app.dataset_demo": ("Demo data", "Demodaten"),
    "app.dataset_own": ("Your data: {files}", "Ihre Daten: {files}"),
    "app.dataset_empty": ("No data loaded", "Keine Daten geladen"),
    "app.filters": ("Filters", "Filter"),
    "app.filter_dates": ("Period", "Zeitraum"),
    "app.filter_dates_help": ("Figures cover purchases in this period; changes compare with the "
                              "period of equal length just before it.",
                              "Kennzahlen beziehen sich auf Käufe in diesem Zeitraum; "
                              "Veränderungen vergleichen mit dem gleich langen Zeitraum davor."),
    "app.filter_tier": ("Tier", "Stufe"),
    "app.filter_channel": ("Channel", "Kanal"),
    "app.filter_store": ("Store", "Filiale"),
    "app.filter_all": ("All", "Alle"),
    "app.no_data": ("No transactions are loaded. Load a transactions export on the Data page.",
                    "Es sind keine Umsätze geladen. Laden Sie einen Umsatzexport auf der Seite "
                    "Daten."),
    "app.unexpected": ("Something went wrong while computing this page: {error}. Your data is "
                       "unchanged; try another filter or reload the data.",
                       "Beim Berechnen dieser Seite ist etwas schiefgegangen: {error}. Ihre Daten "
                       "sind unverändert; versuchen Sie einen anderen Filter oder laden Sie die "
                       "Daten neu."),
    "nav.overview": ("Overview", "Übersicht"),
    "nav.data": ("Data", "Daten"),

    # Data page
    "data.title": ("Your data", "Ihre Daten"),
    "data.intro": ("Upload CSV exports from your shop, till or loyalty platform: transactions "
                   "(required), and optionally members, NPS surveys and interactions. Check how "
                   "each file was read, correct anything that is off, then load.",
                   "Laden Sie CSV-Exporte aus Shop, Kasse oder Bonusprogramm hoch: Umsätze "
                   "(erforderlich) sowie optional Mitglieder, NPS-Umfragen und Interaktionen. "
                   "Prüfen Sie, wie jede Datei gelesen wurde, korrigieren Sie Abweichungen und "
                   "laden Sie dann."),
    "data.upload": ("CSV files (one or several)", "CSV-Dateien (eine oder mehrere)"),
    "data.upload_help": ("Separators , ; tab | or aligned columns; UTF-8, UTF-16, Windows-1252; "
                         "decimal comma or point. Up to 2 GB per file.",
                         "Trennzeichen , ; Tab | oder ausgerichtete Spalten; UTF-8, UTF-16, "
                         "Windows-1252; Dezimalkomma oder -punkt. Bis 2 GB pro Datei."),
    "data.file_header": ("{file}", "{file}"),
    "data.recognised": ("Recognised as", "Erkannt als"),
    "data.recognised_help": ("Which table this file holds. Change it if the guess is wrong.",
                             "Welche Tabelle diese Datei enthält. Ändern Sie dies, falls die "
                             "Erkennung falsch ist."),
    "data.read_as": ("Read as: {encoding}, separator {delimiter}, decimal '{decimal}', "
                     "dates {dates}, {header}.",
                     "Gelesen als: {encoding}, Trennzeichen {delimiter}, Dezimalzeichen "
                     "'{decimal}', Datumsformat {dates}, {header}."),
    "data.header_line": ("header in line {line}", "Kopfzeile in Zeile {line}"),
    "data.no_header": ("no header line", "ohne Kopfzeile"),
    "data.mapping": ("Column mapping", "Spaltenzuordnung"),
    "data.mapping_help": ("Which column of your file holds each field. Fields marked * are "
                          "required.",
                          "Welche Spalte Ihrer Datei welches Feld enthält. Mit * markierte "
                          "Felder sind Pflicht."),
    "data.field": ("Field", "Feld"),
    "data.column": ("Column in your file", "Spalte in Ihrer Datei"),
    "data.samples": ("Sample values", "Beispielwerte"),
    "data.not_mapped": ("— not in this file —", "— nicht in dieser Datei —"),
    "data.day_first": ("Date order", "Datumsreihenfolge"),
    "data.day_first_help": ("Dates like 03/04/2025 can be read day first (3 April) or month "
                            "first (4 March).",
                            "Datumsangaben wie 03/04/2025 können mit dem Tag zuerst (3. April) "
                            "oder dem Monat zuerst (4. März) gelesen werden."),
    "data.order_day": ("Day first (DD/MM)", "Tag zuerst (TT/MM)"),
    "data.order_month": ("Month first (MM/DD)", "Monat zuerst (MM/TT)"),
    "data.decimal": ("Decimal separator", "Dezimaltrennzeichen"),
    "data.decimal_help": ("Character between whole and fractional part of numbers.",
                          "Zeichen zwischen Ganzzahl und Nachkommastellen."),
    "data.decimal_comma": ("Comma: 1.234,56", "Komma: 1.234,56"),
    "data.decimal_point": ("Point: 1,234.56", "Punkt: 1,234.56"),
    "data.load": ("Load these files", "Diese Dateien laden"),
    "data.loading": ("Loading {file} …", "Lade {file} …"),
    "data.loaded_all": ("Loaded {n} file(s).", "{n} Datei(en) geladen."),
    "data.result": ("{file}: {loaded} of {read} rows loaded, {rejected} rejected.",
                    "{file}: {loaded} von {read} Zeilen geladen, {rejected} abgelehnt."),
    "data.reasons": ("Why rows were rejected", "Warum Zeilen abgelehnt wurden"),
    "data.reason": ("Reason", "Grund"),
    "data.rows": ("Rows", "Zeilen"),
    "data.example": ("Example", "Beispiel"),
    "data.rejected_rows": ("Rejected rows", "Abgelehnte Zeilen"),
    "data.download_rejects": ("Download rejected rows (CSV)", "Abgelehnte Zeilen herunterladen "
                                                              "(CSV)"),
    "data.duplicates": ("Duplicates found", "Gefundene Duplikate"),
    "data.dup_order_ids_reused": ("{n} order ids appear for different customers or on "
                                  "different days.",
                                  "{n} Bonnummern kommen bei verschiedenen Kunden oder an "
                                  "verschiedenen Tagen vor."),
    "data.dup_rows_exact_copies": ("{n} rows are exact copies of another row (loaded; check for "
                                   "a double export).",
                                   "{n} Zeilen sind exakte Kopien einer anderen Zeile (geladen; "
                                   "prüfen Sie auf einen doppelten Export)."),
    "data.unusable": ("{file}: {message}", "{file}: {message}"),
    "data.current": ("Currently loaded", "Aktuell geladen"),
    "data.use_demo": ("Back to demo data", "Zurück zu den Demodaten"),
    "data.clear": ("Clear my data", "Meine Daten löschen"),
    "data.cleared": ("Your data was removed from this session.",
                     "Ihre Daten wurden aus dieser Sitzung entfernt."),
    "data.need_transactions": ("Add a transactions file: every figure starts from purchases.",
                               "Fügen Sie eine Umsatzdatei hinzu: jede Kennzahl beruht auf "
                               "Käufen."),
    "data.question": ("Please check: {message}", "Bitte prüfen: {message}"),
    "data.col_file": ("File", "Datei"),
    "data.col_table": ("Table", "Tabelle"),
    "data.col_line": ("Line", "Zeile"),
    "data.col_text": ("Original text", "Originaltext"),

    # Tables
    "table.transactions": ("Transactions", "Umsätze"),
    "table.members": ("Members", "Mitglieder"),
    "table.surveys": ("NPS surveys", "NPS-Umfragen"),
    "table.interactions": ("Interactions", "Interaktionen"),

    # Fields
    "field.customer_id": ("Customer id", "Kundennummer"),
    "field.date": ("Date", "Datum"),
    "field.amount": ("Amount (net)", "Betrag (netto)"),
    "field.order_id": ("Order / receipt no.", "Bestell-/Bonnummer"),
    "field.discount": ("Discount", "Rabatt"),
    "field.quantity": ("Quantity", "Menge"),
    "field.unit_price": ("Unit price", "Einzelpreis"),
    "field.points_earned": ("Points earned", "Gesammelte Punkte"),
    "field.points_redeemed": ("Points redeemed", "Eingelöste Punkte"),
    "field.channel": ("Channel", "Kanal"),
    "field.store": ("Store", "Filiale"),
    "field.category": ("Product category", "Warengruppe"),
    "field.joined": ("Joined", "Beitrittsdatum"),
    "field.tier": ("Tier", "Stufe"),
    "field.birth_date": ("Birth date", "Geburtsdatum"),
    "field.region": ("Region", "Region"),
    "field.referred_by": ("Referred by", "Geworben von"),
    "field.score": ("Recommendation score (0-10)", "Weiterempfehlung (0-10)"),
    "field.repurchase_score": ("Buy-again score (0-10)", "Wiederkauf (0-10)"),
    "field.try_other_score": ("Try-other-products score (0-10)", "Andere Produkte (0-10)"),
    "field.comment": ("Comment", "Kommentar"),
    "field.kind": ("Interaction kind", "Art der Interaktion"),

    # Reject reasons (codes from loyalty.ingest)
    "reason.too_many_fields": ("More fields than the header", "Mehr Felder als die Kopfzeile"),
    "reason.too_few_fields": ("Fewer fields than the header", "Weniger Felder als die Kopfzeile"),
    "reason.wrong_field_count": ("Wrong number of fields", "Falsche Anzahl Felder"),
    "reason.unclosed_quote": ("Quoted field not closed", "Anführungszeichen nicht geschlossen"),
    "reason.line_too_long": ("Line too long", "Zeile zu lang"),
    "reason.invalid_encoding": ("Unreadable characters", "Unlesbare Zeichen"),
    "reason.invalid_value": ("Unreadable value", "Unlesbarer Wert"),
    "reason.unreadable_line": ("Unreadable line", "Unlesbare Zeile"),
    "reason.duplicate_member": ("Member listed twice", "Mitglied doppelt aufgeführt"),
    "reason.score_out_of_range": ("Score outside 0-10", "Wert außerhalb 0-10"),
    "reason.missing": ("{field} missing", "{field} fehlt"),
    "reason.invalid": ("{field} not readable", "{field} nicht lesbar"),

    # Unusable files (codes from loyalty.errors / sniff / plan)
    "err.empty_file": ("The file is empty: export it again and check that the export contains "
                       "rows.",
                       "Die Datei ist leer: Exportieren Sie erneut und prüfen Sie, dass der "
                       "Export Zeilen enthält."),
    "err.excel_file": ("This is an Excel workbook, not a CSV file: open it in Excel, choose "
                       "'Save as' > 'CSV UTF-8' and upload the CSV.",
                       "Das ist eine Excel-Arbeitsmappe, keine CSV-Datei: Öffnen Sie sie in "
                       "Excel, wählen Sie 'Speichern unter' > 'CSV UTF-8' und laden Sie die CSV "
                       "hoch."),
    "err.pdf_file": ("This is a PDF document, not a CSV export: export the data as CSV from "
                     "your shop or till system instead.",
                     "Das ist ein PDF-Dokument, kein CSV-Export: Exportieren Sie die Daten als "
                     "CSV aus Ihrem Shop- oder Kassensystem."),
    "err.archive_file": ("This is a compressed archive: unpack it and upload the CSV file "
                         "inside.",
                         "Das ist ein komprimiertes Archiv: Entpacken Sie es und laden Sie die "
                         "enthaltene CSV-Datei hoch."),
    "err.binary_file": ("This file holds binary data, not text: export the data as a CSV text "
                        "file and upload that.",
                        "Diese Datei enthält Binärdaten, keinen Text: Exportieren Sie die Daten "
                        "als CSV-Textdatei und laden Sie diese hoch."),
    "err.header_only": ("The file has a header line but no data rows: export it again with the "
                        "rows included.",
                        "Die Datei hat eine Kopfzeile, aber keine Datenzeilen: Exportieren Sie "
                        "erneut mit den Zeilen."),
    "err.no_columns": ("No columns found: the file needs one record per line with fields "
                       "separated by a comma, semicolon, tab or pipe.",
                       "Keine Spalten gefunden: Die Datei braucht einen Datensatz pro Zeile mit "
                       "Feldern, getrennt durch Komma, Semikolon, Tab oder senkrechten Strich."),
    "err.required_missing": ("No column holds {fields}: choose it in the column mapping, or "
                             "check that this is the right export.",
                             "Keine Spalte enthält {fields}: Wählen Sie sie in der "
                             "Spaltenzuordnung oder prüfen Sie, ob dies der richtige Export ist."),
    "err.unreadable": ("The file could not be read ({detail}). Check that it is a CSV export.",
                       "Die Datei konnte nicht gelesen werden ({detail}). Prüfen Sie, ob es ein "
                       "CSV-Export ist."),

    # Overview page
    "overview.title": ("Overview", "Übersicht"),
    "overview.period": ("{start} – {end}, compared with {pstart} – {pend}",
                        "{start} – {end}, verglichen mit {pstart} – {pend}"),
    "overview.revenue_chart": ("Net revenue and active customers by month",
                               "Nettoumsatz und aktive Kunden pro Monat"),
    "overview.revenue_chart_help": ("Bars: net revenue of the month (returns subtracted, "
                                    "anonymous sales included). Line: customers with at least one "
                                    "purchase in the month.",
                                    "Balken: Nettoumsatz des Monats (Retouren abgezogen, anonyme "
                                    "Verkäufe eingeschlossen). Linie: Kunden mit mindestens einem "
                                    "Kauf im Monat."),
    "overview.members_chart": ("Members and non-members", "Mitglieder und Nichtmitglieder"),
    "overview.members_chart_help": ("Net revenue by month from programme members, from "
                                    "identified customers who are not members, and from "
                                    "anonymous sales.",
                                    "Nettoumsatz pro Monat von Programmmitgliedern, von "
                                    "bekannten Kunden ohne Mitgliedschaft und aus anonymen "
                                    "Verkäufen."),
    "overview.members_table": ("Per customer in the period", "Pro Kunde im Zeitraum"),
    "overview.no_members": ("Load a members file to compare members with non-members.",
                            "Laden Sie eine Mitgliederdatei, um Mitglieder mit Nichtmitgliedern "
                            "zu vergleichen."),
    "chart.month": ("Month", "Monat"),
    "chart.revenue": ("Net revenue", "Nettoumsatz"),
    "chart.active": ("Active customers", "Aktive Kunden"),
    "chart.members": ("Members", "Mitglieder"),
    "chart.non_members": ("Non-members", "Nichtmitglieder"),
    "chart.anonymous": ("Anonymous sales", "Anonyme Verkäufe"),
    "chart.group": ("Group", "Gruppe"),
    "chart.spend_per_customer": ("Spend per customer", "Umsatz pro Kunde"),
    "chart.orders_per_customer": ("Orders per customer", "Bestellungen pro Kunde"),
    "chart.aov": ("Average order value", "Durchschnittlicher Bonwert"),
    "chart.customers": ("Customers", "Kunden"),

    # Metrics: label and one-line definition
    "metric.customers": ("Customers", "Kunden"),
    "metric.customers.help": ("Distinct identified customers with at least one purchase up to "
                              "the end of the period (anonymous sales not counted).",
                              "Verschiedene bekannte Kunden mit mindestens einem Kauf bis zum "
                              "Ende des Zeitraums (anonyme Verkäufe nicht gezählt)."),
    "metric.active_customers": ("Active customers", "Aktive Kunden"),
    "metric.active_customers.help": ("Distinct identified customers with at least one purchase "
                                     "in the period.",
                                     "Verschiedene bekannte Kunden mit mindestens einem Kauf im "
                                     "Zeitraum."),
    "metric.orders": ("Orders", "Bestellungen"),
    "metric.orders.help": ("Purchases in the period: distinct order numbers with a positive "
                           "amount (rows with a positive amount where there are no order "
                           "numbers). Returns are not orders.",
                           "Käufe im Zeitraum: verschiedene Bonnummern mit positivem Betrag "
                           "(Zeilen mit positivem Betrag, wenn es keine Bonnummern gibt). "
                           "Retouren zählen nicht."),
    "metric.net_revenue": ("Net revenue", "Nettoumsatz"),
    "metric.net_revenue.help": ("Sum of all amounts in the period: returns subtracted, "
                                "anonymous sales included.",
                                "Summe aller Beträge im Zeitraum: Retouren abgezogen, anonyme "
                                "Verkäufe eingeschlossen."),
    "metric.aov": ("Average order value", "Durchschn. Bonwert"),
    "metric.aov.help": ("Net revenue divided by orders in the period.",
                        "Nettoumsatz geteilt durch Bestellungen im Zeitraum."),
    "metric.repurchase_rate": ("Repurchase rate", "Wiederkaufrate"),
    "metric.repurchase_rate.help": ("Share of customers (up to the end of the period) who "
                                    "bought more than once.",
                                    "Anteil der Kunden (bis zum Ende des Zeitraums), die mehr als "
                                    "einmal gekauft haben."),
    "metric.churn_rate": ("Churn rate", "Abwanderungsrate"),
    "metric.churn_rate.help": ("Of the customers active at the start of the period (a purchase "
                               "in the {days} days before), the share with no purchase in the "
                               "{days} days before its end.",
                               "Von den zu Beginn des Zeitraums aktiven Kunden (ein Kauf in den "
                               "{days} Tagen davor) der Anteil ohne Kauf in den {days} Tagen vor "
                               "seinem Ende."),
    "metric.nps": ("NPS", "NPS"),
    "metric.nps.help": ("Net Promoter Score of survey answers in the period: % promoters (9-10) "
                        "minus % detractors (0-6), from -100 to +100.",
                        "Net Promoter Score der Umfrageantworten im Zeitraum: % Promotoren "
                        "(9-10) minus % Kritiker (0-6), von -100 bis +100."),
    "metric.member_revenue_share": ("Member share", "Anteil Mitglieder"),
    "metric.member_revenue_share.help": ("Members' share of revenue: net revenue from programme "
                                         "members divided by all net revenue in the period.",
                                         "Umsatzanteil der Mitglieder: Nettoumsatz von "
                                         "Programmmitgliedern geteilt durch den gesamten "
                                         "Nettoumsatz im Zeitraum."),
    "metric.upselling_ratio": ("Upselling ratio", "Upselling-Quote"),
    "metric.upselling_ratio.help": ("Customers who bought more than one product category in "
                                    "the period, divided by customers who bought only one.",
                                    "Kunden, die im Zeitraum mehr als eine Warengruppe gekauft "
                                    "haben, geteilt durch Kunden mit nur einer Warengruppe."),
    "metric.not_available": ("n/a", "k. A."),
}


def t(key: str, lang: str = "en", **kwargs) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    en, de = CATALOGUE[key]
    text = de if lang == "de" else en
    return text.format(**kwargs) if kwargs else text


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value, lang: str = "en", decimals: int = 0) -> str:
    if _missing(value):
        return t("metric.not_available", lang)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def fmt_money(value, lang: str = "en", decimals: int = 2) -> str:
    if _missing(value):
        return t("metric.not_available", lang)
    number = "#,##0" + ("." + "0" * decimals if decimals else "")
    pattern = f"{number}\u00a0¤" if lang == "de" else f"¤{number}"
    return format_currency(value, CURRENCY, format=pattern, locale=LOCALES[lang],
                           currency_digits=False)


def fmt_money_short(value, lang: str = "en") -> str:
    """Money for a narrow tile: whole units below a million, then compact (€1.85M, 1,85 Mio. €)."""
    if _missing(value):
        return t("metric.not_available", lang)
    if abs(value) < 1_000_000:
        return fmt_money(value, lang, 0 if abs(value) >= 1000 else 2)
    return format_compact_currency(value, CURRENCY, locale=LOCALES[lang], fraction_digits=2)


def fmt_percent(value, lang: str = "en", decimals: int = 1) -> str:
    if _missing(value):
        return t("metric.not_available", lang)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    if lang == "en":
        pattern = pattern.replace("\u00a0%", "%")
    return format_percent(value, format=pattern, locale=LOCALES[lang])


def fmt_date(value, lang: str = "en") -> str:
    if _missing(value):
        return t("metric.not_available", lang)
    if isinstance(value, _dt.datetime):
        value = value.date()
    return _format_date(value, format="medium", locale=LOCALES[lang])
