"""All user-facing text in English and German, and number/date formatting per language.

Every string the UI shows comes from :data:`CATALOGUE` through :func:`t`; a key missing in either
language fails the tests. Numbers, money and dates are formatted with Babel.
"""

from __future__ import annotations

import contextvars
import datetime as _dt
import decimal
import math

from babel.dates import format_date as _format_date
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from loyalty.presentation.i18n_plan import TEXTS as _PLAN_TEXTS
from loyalty.presentation.i18n_report import TEXTS as _REPORT_TEXTS
from loyalty.presentation.i18n_spark import TEXTS as _SPARK_TEXTS
from loyalty.presentation.i18n_views import TEXTS as _VIEW_TEXTS

LANGUAGES = {"en": "English", "de": "Deutsch"}
LOCALES = {"en": "en_GB", "de": "de_DE"}
# The shop's currency for this script run (a browser session sets it from its data on every run,
# so sessions with different currencies never mix); formatting and chart axes read it.
_CURRENCY: contextvars.ContextVar[str] = contextvars.ContextVar("currency", default="EUR")


def use_currency(code: str) -> None:
    """Name money in ``code`` (ISO 4217) from now on in this run."""
    _CURRENCY.set(code)


def currency() -> str:
    """The ISO code money is named in."""
    return _CURRENCY.get()


_SIGNS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}


def currency_symbol(lang: str = "en") -> str:
    """The currency's sign (€, $, £, ¥), or its ISO code where a sign would be ambiguous."""
    return _SIGNS.get(currency(), currency())

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
                              "period chosen under Compare with.",
                              "Kennzahlen beziehen sich auf Käufe in diesem Zeitraum; "
                              "Veränderungen vergleichen mit dem Zeitraum unter Vergleichen "
                              "mit."),
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
    "nav.segments": ("Loyalty types", "Treuetypen"),
    "nav.nps": ("NPS", "NPS"),
    "nav.tiers": ("Tiers and points", "Stufen und Punkte"),
    "tiers.title": ("Tiers and points", "Stufen und Punkte"),
    "tiers.intro": ("Tiers computed from each customer's qualifying spend (net revenue in a "
                    "rolling window) with the thresholds below, and the points balance of the "
                    "programme.",
                    "Stufen aus dem qualifizierenden Umsatz jedes Kunden (Nettoumsatz in einem "
                    "rollierenden Zeitraum) mit den Schwellen unten, und der Punktestand des "
                    "Programms."),
    "tiers.example_ladder": (
        "Your data has no tiers (no tier column in the transactions and no members file with "
        "one), so the ladder below is an example: Bronze from 0, Silver from 300, Gold from 800 "
        "of qualifying spend. The counts show what such a ladder would give; enter your "
        "programme's thresholds to see yours.",
        "Ihre Daten enthalten keine Stufen (keine Stufenspalte in den Umsätzen und keine "
        "Mitgliederdatei mit Stufen), daher ist die Leiter unten ein Beispiel: Bronze ab 0, "
        "Silber ab 300, Gold ab 800 qualifizierendem Umsatz. Die Zahlen zeigen, was eine solche "
        "Leiter ergäbe; tragen Sie die Schwellen Ihres Programms ein, um Ihre zu sehen."),
    "tiers.near_none": ("Nobody is this close to the next tier: widen the range above to see "
                        "who is nearest.",
                        "Niemand ist so nah an der nächsten Stufe: Erweitern Sie den Bereich "
                        "oben, um die Nächsten zu sehen."),
    "tiers.ladder": ("Tier thresholds", "Stufenschwellen"),
    "tiers.ladder_help": ("A customer reaches a tier when their qualifying spend reaches its "
                          "threshold.",
                          "Ein Kunde erreicht eine Stufe, wenn sein qualifizierender Umsatz die "
                          "Schwelle erreicht."),
    # A soft hyphen: in the narrow first column it breaks as "Qualifikations-/monate".
    "tiers.months": ("Qualifying months", "Qualifikations\u00admonate"),
    "tiers.months_help": ("Spend in this many months before a date counts towards the tier.",
                          "Umsatz in so vielen Monaten vor einem Stichtag zählt für die Stufe."),
    "tiers.threshold": ("{tier} from", "{tier} ab"),
    "tiers.distribution": ("Customers per tier", "Kunden pro Stufe"),
    "tiers.distribution_help": ("Customers and their qualifying spend over the last {months} "
                                "months, per tier, at the end of the period.",
                                "Kunden und ihr qualifizierender Umsatz der letzten {months} "
                                "Monate, pro Stufe, am Ende des Zeitraums."),
    "tiers.from_members": ("The last column counts the members the members file itself puts "
                           "in each tier (the platform's own rules and dates).",
                           "Die letzte Spalte zählt die Mitglieder, die die Mitgliederdatei "
                           "selbst in jeder Stufe führt (eigene Regeln und Stichtage der "
                           "Plattform)."),
    "tiers.by_spend": ("Each customer is in the tier their qualifying spend over the last "
                       "{months} months reaches on the ladder above. The What-if page starts "
                       "from the ladder as the data gives it; thresholds changed here apply to "
                       "this page only.",
                       "Jeder Kunde steht in der Stufe, die sein qualifizierender Umsatz der "
                       "letzten {months} Monate auf der Leiter oben erreicht. Die "
                       "Was-wäre-wenn-Seite geht von der Leiter aus, wie die Daten sie ergeben; "
                       "hier geänderte Schwellen gelten nur auf dieser Seite."),
    "tiers.in_members_file": ("In the members file", "Laut Mitgliederdatei"),
    "tiers.spend": ("Qualifying spend", "Qualifizierender Umsatz"),
    "tiers.movement": ("Tier movement in the period", "Stufenwechsel im Zeitraum"),
    "tiers.movement_help": ("Computed tiers on the day before the period starts against its "
                            "last day.",
                            "Berechnete Stufen am Tag vor Beginn des Zeitraums gegenüber seinem "
                            "letzten Tag."),
    "tiers.upgrades": ("Upgrades", "Aufstiege"),
    "tiers.downgrades": ("Downgrades", "Abstiege"),
    "tiers.stays": ("Stayed", "Geblieben"),
    "tiers.at_start": ("Tier at the start", "Stufe zu Beginn"),
    "tiers.at_end": ("Tier at the end", "Stufe am Ende"),
    "tiers.near": ("Close to the next tier", "Kurz vor der nächsten Stufe"),
    "tiers.near_help": ("The 'one more purchase to Gold' list: customers whose qualifying spend "
                        "is just below the next threshold.",
                        "Die Liste 'noch ein Einkauf bis Gold': Kunden knapp unter der nächsten "
                        "Schwelle."),
    "tiers.within": ("Within (% of the next threshold)", "Innerhalb (% der nächsten Schwelle)"),
    "tiers.within_help": ("10% lists customers missing at most 10% of the next threshold.",
                          "10 % listet Kunden, denen höchstens 10 % der nächsten Schwelle "
                          "fehlen."),
    "tiers.next": ("Next tier", "Nächste Stufe"),
    "tiers.missing": ("Still missing", "Fehlt noch"),
    "tiers.points_title": ("Points", "Punkte"),
    "tiers.points_help": ("Points earned and redeemed per month and the points still open at the "
                          "end of each month.",
                          "Gesammelte und eingelöste Punkte pro Monat und am Monatsende noch "
                          "offene Punkte."),
    "tiers.no_points": ("The transactions have no points columns.",
                        "Die Umsätze enthalten keine Punktespalten."),
    "tiers.points": ("Points", "Punkte"),
    "tiers.earned": ("Earned", "Gesammelt"),
    "tiers.redeemed": ("Redeemed", "Eingelöst"),
    "tiers.outstanding": ("Outstanding points", "Offene Punkte"),
    "tiers.point_value_shown": ("{value} per point", "{value} je Punkt"),
    "input.shown_as": ("= {value}", "= {value}"),
    "tiers.point_value": ("Value of one point", "Wert eines Punktes"),
    "tiers.point_value_help": ("What one point costs you when redeemed, in your currency.",
                               "Was Sie ein eingelöster Punkt kostet, in Ihrer Währung."),
    # A soft hyphen: in a narrow tile the word breaks as "Punkte-/verbindlichkeit".
    "tiers.liability": ("Points liability", "Punkte\u00adverbindlichkeit"),
    "tiers.liability_help": ("Outstanding points x the value of one point: what open points would "
                             "cost if all were redeemed (expiry is not in the data).",
                             "Offene Punkte x Wert eines Punktes: was offene Punkte kosten "
                             "würden, wenn alle eingelöst würden (Verfall ist nicht in den "
                             "Daten)."),
    "tiers.redemption_rate": ("Redemption rate", "Einlösequote"),
    "tiers.redemption_help": ("Points redeemed / points earned in the data; breakage is the "
                              "rest.",
                              "Eingelöste / gesammelte Punkte in den Daten; der Rest ist die "
                              "Verfallsquote."),
    "nav.churn": ("Churn and retention", "Abwanderung und Bindung"),
    "churn.title": ("Churn and retention", "Abwanderung und Bindung"),
    "churn.intro": ("In retail nobody cancels, so churn is inferred: a customer who has not bought "
                    "for longer than the inactivity window counts as churned. A probabilistic "
                    "model (BG/NBD) adds how likely each customer is still active.",
                    "Im Handel kündigt niemand, daher wird Abwanderung erschlossen: Wer länger als "
                    "das Inaktivitätsfenster nicht gekauft hat, gilt als abgewandert. Ein "
                    "Wahrscheinlichkeitsmodell (BG/NBD) ergänzt, wie wahrscheinlich jeder Kunde "
                    "noch aktiv ist."),
    "churn.window": ("Inactivity window (days)", "Inaktivitätsfenster (Tage)"),
    "churn.window_help": ("Days without a purchase after which a customer counts as churned.",
                          "Tage ohne Kauf, nach denen ein Kunde als abgewandert gilt."),
    "churn.window_reason": ("Suggested from your data: {share} of repeat purchases come within "
                            "{days} days of the previous one (median gap {median} days, from "
                            "{gaps} gaps), so a longer silence most likely means the customer "
                            "left.",
                            "Aus Ihren Daten vorgeschlagen: {share} der Wiederkäufe folgen "
                            "innerhalb von {days} Tagen auf den vorigen (Median {median} Tage, "
                            "aus {gaps} Abständen); längeres Schweigen heißt also sehr "
                            "wahrscheinlich, dass der Kunde weg ist."),
    "churn.tab_movements": ("Active base and churn", "Bestand und Abwanderung"),
    "churn.tab_cohorts": ("Cohorts", "Kohorten"),
    "churn.tab_risk": ("Who is about to leave", "Gefährdete Kunden"),
    "churn.tab_groups": ("Churn by group", "Nach Gruppe"),
    "churn.movements": ("New, reactivated and churned customers per month",
                        "Neue, reaktivierte und abgewanderte Kunden pro Monat"),
    "churn.movements_help": ("Churned: the month in which {days} days without a purchase were "
                             "reached. Monthly churn rate: churned / customers active at some "
                             "point in the month. The Overview's churn rate covers the whole "
                             "selected period, so it is higher than any one month's.",
                             "Abgewandert: der Monat, in dem {days} Tage ohne Kauf erreicht "
                             "wurden. Monatliche Abwanderungsrate: Abgewanderte / Kunden, die im "
                             "Monat zeitweise aktiv waren. Die Abwanderungsrate der Übersicht "
                             "gilt für den ganzen gewählten Zeitraum und ist daher höher als die "
                             "eines einzelnen Monats."),
    "churn.active": ("Active at month end", "Aktiv am Monatsende"),
    "churn.new": ("New", "Neu"),
    "churn.reactivated": ("Reactivated", "Reaktiviert"),
    "churn.churned": ("Churned", "Abgewandert"),
    "churn.cohort_value": ("Show", "Anzeigen"),
    "churn.retention": ("Customers retained", "Gehaltene Kunden"),
    "churn.revenue_retention": ("Revenue retained", "Gehaltener Umsatz"),
    "churn.retention_help": ("Row: customers by month of first purchase. Cell: share of them "
                             "buying in the k-th month after (100% in month 0).",
                             "Zeile: Kunden nach Monat des Erstkaufs. Zelle: Anteil, der im k-ten "
                             "Monat danach kauft (100 % im Monat 0)."),
    "churn.revenue_retention_help": ("Row: customers by month of first purchase. Cell: their "
                                     "revenue in the k-th month after, relative to month 0.",
                                     "Zeile: Kunden nach Monat des Erstkaufs. Zelle: ihr Umsatz "
                                     "im k-ten Monat danach, relativ zu Monat 0."),
    "churn.cohorts": ("Cohort retention", "Kohortenbindung"),
    "churn.months_since": ("Months since first purchase", "Monate seit Erstkauf"),
    "churn.retained": ("Still buying", "Kauft noch"),
    "churn.launch": ("Programme launch", "Programmstart"),
    "churn.launch_ask": ("Compare cohorts before and after a programme launch",
                         "Kohorten vor und nach einem Programmstart vergleichen"),
    "churn.launch_ask_help": ("Your data has no members file with join dates, so no launch is "
                              "known. Tick this and enter the day your programme started.",
                              "Ihre Daten enthalten keine Mitgliederdatei mit Beitrittsdaten, "
                              "daher ist kein Start bekannt. Kreuzen Sie dies an und geben Sie "
                              "den Tag ein, an dem Ihr Programm startete."),
    "churn.launch_help": ("Taken from the earliest join date in the members file; change it if "
                          "the programme started on another day.",
                          "Aus dem frühesten Beitrittsdatum der Mitgliederdatei; ändern Sie es, "
                          "falls das Programm an einem anderen Tag startete."),
    "churn.cohorts_before": ("Cohorts before the launch", "Kohorten vor dem Start"),
    "churn.cohorts_after": ("Cohorts after the launch", "Kohorten nach dem Start"),
    "churn.launch_caveat": ("A before/after comparison shows an association, not proof: "
                            "seasons, prices and the market changed too.",
                            "Ein Vorher/Nachher-Vergleich zeigt einen Zusammenhang, keinen "
                            "Beweis: Saison, Preise und Markt haben sich auch verändert."),
    "churn.no_model": ("Too few customers with repeat purchases to fit the model.",
                       "Zu wenige Kunden mit Wiederkäufen, um das Modell anzupassen."),
    "churn.p_alive_help": ("P(active) is the model's probability that a customer still buys from "
                           "you, from how often and how recently they bought. 30% means: of 10 "
                           "customers like this, about 3 are still customers and 7 have quietly "
                           "left.",
                           "P(aktiv) ist die Wahrscheinlichkeit des Modells, dass ein Kunde noch "
                           "bei Ihnen kauft, aus Häufigkeit und Aktualität seiner Käufe. 30 % "
                           "heißt: von 10 solchen Kunden sind etwa 3 noch Kunden, 7 sind still "
                           "gegangen."),
    "churn.small_sample": (
        "Only {n} customers: the chances below come from a model fitted on few purchase "
        "histories and are rough guesses (at least {minimum} customers make them steadier). "
        "Use them to sort, not as forecasts.",
        "Nur {n} Kunden: Die Wahrscheinlichkeiten unten stammen aus einem Modell, das auf wenigen "
        "Kaufhistorien beruht, und sind grobe Schätzungen (ab {minimum} Kunden werden sie "
        "stabiler). Nutzen Sie sie zum Sortieren, nicht als Prognose."),
    "churn.cut": ("At risk below P(active)", "Gefährdet unter P(aktiv)"),
    "churn.cut_help": ("30% is a common cut for 'at risk'.",
                       "30 % ist eine übliche Grenze für 'gefährdet'."),
    "churn.top_value": ("Among the top share by revenue", "Unter dem umsatzstärksten Anteil"),
    "churn.top_value_help": ("Only customers in this top share of revenue are listed: losing "
                             "them costs most.",
                             "Nur Kunden in diesem umsatzstärksten Anteil werden gelistet: ihr "
                             "Verlust kostet am meisten."),
    "churn.p_alive": ("P(active)", "P(aktiv)"),
    "churn.expected_90": ("Purchases in 90 days", "Käufe in 90 Tagen"),
    "churn.expected_90_help": ("How many purchases the model expects from this customer in the "
                               "next 90 days.",
                               "Wie viele Käufe das Modell von diesem Kunden in den nächsten "
                               "90 Tagen erwartet."),
    "churn.clv": ("Revenue in 12 months", "Umsatz in 12 Monaten"),
    "churn.clv_help": ("How much revenue the model expects from this customer in the next "
                       "12 months.",
                       "Wie viel Umsatz das Modell von diesem Kunden in den nächsten 12 Monaten "
                       "erwartet."),
    "churn.at_risk": ("At-risk customers: {n}", "Gefährdete Kunden: {n}"),
    "churn.download": ("Download the at-risk list (CSV for Excel)",
                       "Gefährdete Kunden herunterladen (CSV für Excel)"),
    "churn.by_help": ("Share of customers with no purchase for more than {days} days, per group.",
                      "Anteil der Kunden ohne Kauf seit über {days} Tagen, pro Gruppe."),
    "churn.by_loyalty_type": ("By loyalty type", "Nach Treuetyp"),
    "churn.by_tier": ("By tier", "Nach Stufe"),
    "churn.by_nps_category": ("By NPS category (latest answer)",
                              "Nach NPS-Kategorie (letzte Antwort)"),
    "churn.by_channel": ("By main channel", "Nach Hauptkanal"),
    "nps.title": ("Net Promoter Score", "Net Promoter Score"),
    "nps.intro": ("Survey answers from {start} to {end}. NPS = % promoters (9-10) minus % "
                  "detractors (0-6), from -100 to +100.",
                  "Umfrageantworten vom {start} bis {end}. NPS = % Promotoren (9-10) minus % "
                  "Kritiker (0-6), von -100 bis +100."),
    "nps.no_surveys": ("Load an NPS survey export on the Data page to see the Net Promoter Score.",
                       "Laden Sie auf der Seite Daten einen NPS-Umfrageexport, um den Net "
                       "Promoter Score zu sehen."),
    "nps.no_answers": ("No survey answers in the selected period.",
                       "Keine Umfrageantworten im gewählten Zeitraum."),
    "nps.tab_trend": ("Trend", "Verlauf"),
    "nps.tab_groups": ("Groups and periods", "Gruppen und Zeiträume"),
    "nps.tab_behaviour": ("NPS and behaviour", "NPS und Verhalten"),
    "nps.tab_index": ("Loyalty index and comments", "Loyalitätsindex und Kommentare"),
    "nps.unit": ("Per", "Pro"),
    "nps.unit_W": ("week", "Woche"),
    "nps.unit_M": ("month", "Monat"),
    "nps.unit_Q": ("quarter", "Quartal"),
    "nps.trend": ("NPS over time", "NPS im Zeitverlauf"),
    "nps.trend_help": ("The band is the 95% interval (adjusted Wald): with this many answers "
                       "the true NPS lies in it with 95% confidence. Hollow points: fewer than "
                       "{n} answers, too few to rely on.",
                       "Das Band ist das 95-%-Intervall (angepasstes Wald-Intervall): Bei so vielen "
                       "Antworten liegt der wahre NPS mit 95 % Sicherheit darin. Hohle Punkte: "
                       "weniger als {n} Antworten, zu wenige, um sich darauf zu verlassen."),
    "nps.unreliable": ("Some periods have fewer than {n} answers: their NPS can swing widely by "
                       "chance.",
                       "Einige Zeiträume haben weniger als {n} Antworten: Ihr NPS kann zufällig "
                       "stark schwanken."),
    "nps.period": ("Period starting", "Zeitraum ab"),
    "nps.answers": ("Answers", "Antworten"),
    "nps.interval": ("95% interval", "95-%-Intervall"),
    "nps.low": ("95% interval from", "95-%-Intervall von"),
    "nps.high": ("95% interval to", "95-%-Intervall bis"),
    "nps.reliable": ("Enough answers", "Genug Antworten"),
    "nps.yes": ("yes", "ja"),
    "nps.too_few": ("too few", "zu wenige"),
    "nps.shares": ("Promoters, passives, detractors", "Promotoren, Passive, Kritiker"),
    "nps.shares_help": ("Share of answers per period: promoters 9-10, passives 7-8, detractors "
                        "0-6.",
                        "Anteil der Antworten pro Zeitraum: Promotoren 9-10, Passive 7-8, "
                        "Kritiker 0-6."),
    "nps.distribution": ("Score distribution", "Verteilung der Antworten"),
    "nps.distribution_help": ("How many answers gave each score from 0 to 10 in the period.",
                              "Wie viele Antworten im Zeitraum welchen Wert von 0 bis 10 "
                              "gaben."),
    "nps.score": ("Score", "Wert"),
    "nps.promoters": ("Promoters", "Promotoren"),
    "nps.passives": ("Passives", "Passive"),
    "nps.detractors": ("Detractors", "Kritiker"),
    "nps.group_by": ("NPS by", "NPS nach"),
    "nps.by_tier": ("Tier", "Stufe"),
    "nps.by_loyalty_type": ("Loyalty type", "Treuetyp"),
    "nps.by_channel": ("Main channel", "Hauptkanal"),
    "nps.by_store": ("Main store", "Hauptfiliale"),
    "nps.no_group": ("Your data has no {group} for the customers who answered.",
                     "Ihre Daten enthalten keine Angabe zu {group} für die Befragten."),
    "nps.compare": ("This period against {what}", "Dieser Zeitraum gegenüber {what}"),
    "nps.compare_help": ("Difference of the two NPS values with its 95% interval; meaningful "
                         "when the interval does not include 0.",
                         "Differenz der beiden NPS-Werte mit 95-%-Intervall; aussagekräftig, "
                         "wenn das Intervall die 0 nicht einschließt."),
    "nps.compare_significant": ("NPS went from {before} ({pstart} – {pend}) to {now}. The change "
                                "is statistically meaningful: with 95% confidence it lies "
                                "between {low} and {high} points.",
                                "Der NPS ging von {before} ({pstart} – {pend}) auf {now}. Die "
                                "Veränderung ist statistisch aussagekräftig: mit 95 % Sicherheit "
                                "liegt sie zwischen {low} und {high} Punkten."),
    "nps.compare_noise": ("NPS went from {before} ({pstart} – {pend}) to {now}. This change is "
                          "not statistically meaningful: it could be chance (95% interval "
                          "{low} to {high} points).",
                          "Der NPS ging von {before} ({pstart} – {pend}) auf {now}. Diese "
                          "Veränderung ist statistisch nicht aussagekräftig: sie kann Zufall sein "
                          "(95-%-Intervall {low} bis {high} Punkte)."),
    "nps.compare_groups": ("Compare two groups", "Zwei Gruppen vergleichen"),
    "nps.group_a": ("Group", "Gruppe"),
    "nps.group_b": ("against", "gegen"),
    "nps.groups_significant": ("{a}: NPS {nps_a}; {b}: NPS {nps_b}. The difference is "
                               "statistically meaningful (95% interval {low} to {high} points).",
                               "{a}: NPS {nps_a}; {b}: NPS {nps_b}. Der Unterschied ist "
                               "statistisch aussagekräftig (95-%-Intervall {low} bis {high} "
                               "Punkte)."),
    "nps.groups_noise": ("{a}: NPS {nps_a}; {b}: NPS {nps_b}. The difference is not "
                         "statistically meaningful: it could be chance (95% interval {low} to "
                         "{high} points).",
                         "{a}: NPS {nps_a}; {b}: NPS {nps_b}. Der Unterschied ist statistisch "
                         "nicht aussagekräftig: er kann Zufall sein (95-%-Intervall {low} bis "
                         "{high} Punkte)."),
    "nps.compare_missing": ("One of the two periods has no answers.",
                            "Einer der beiden Zeiträume hat keine Antworten."),
    "nps.behaviour_help": ("Customers by their latest answer, and what they did: share churned by "
                           "the end of the period, net revenue per month as a customer, share who "
                           "referred someone. This is what makes NPS actionable.",
                           "Kunden nach ihrer letzten Antwort und was sie taten: Anteil "
                           "abgewandert bis Ende des Zeitraums, Nettoumsatz pro Kundenmonat, "
                           "Anteil mit Weiterempfehlung. So wird der NPS handlungsrelevant."),
    "nps.category": ("Category", "Kategorie"),
    "nps.churn_rate": ("Churned", "Abgewandert"),
    "nps.spend": ("Revenue per month", "Umsatz pro Monat"),
    "nps.referral_rate": ("Referred someone", "Hat jemanden geworben"),
    "nps.cli": ("Customer Loyalty Index", "Kundenloyalitätsindex"),
    "nps.cli_help": ("CLI = 10 x the mean of three answers (recommend, buy again, try other "
                     "products), 0-100. Below 40: below average; 40-75: average; over 75: above "
                     "average.",
                     "CLI = 10 x Mittelwert dreier Antworten (Weiterempfehlung, Wiederkauf, "
                     "andere Produkte), 0-100. Unter 40: unterdurchschnittlich; 40-75: "
                     "durchschnittlich; über 75: überdurchschnittlich."),
    "nps.cli_missing": ("The survey has no buy-again and try-other-products questions, so no "
                        "loyalty index.",
                        "Die Umfrage enthält keine Fragen zu Wiederkauf und anderen Produkten, "
                        "daher kein Loyalitätsindex."),
    "nps.band": ("Band", "Band"),
    "nps.band_below_average": ("Below average (under 40)", "Unterdurchschnittlich (unter 40)"),
    "nps.band_average": ("Average (40-75)", "Durchschnittlich (40-75)"),
    "nps.band_above_average": ("Above average (over 75)", "Überdurchschnittlich (über 75)"),
    "nps.mean_cli": ("Mean index", "Mittlerer Index"),
    "nps.share": ("Share of answers", "Anteil der Antworten"),
    "nps.comments": ("Comments", "Kommentare"),
    "nps.comments_help": ("Free-text comments, detractors first; type a word to search.",
                          "Freitext-Kommentare, Kritiker zuerst; geben Sie ein Wort zur Suche "
                          "ein."),
    "nps.no_comments": ("The survey export has no comment column.",
                        "Der Umfrageexport hat keine Kommentarspalte."),
    "nps.search": ("Search comments", "Kommentare durchsuchen"),

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
    "data.decimal": ("Decimal separator", "Dezimaltrennzeichen"),
    "data.decimal_help": ("Character between whole and fractional part of numbers.",
                          "Zeichen zwischen Ganzzahl und Nachkommastellen."),
    "data.decimal_comma": ("Comma: 1.234,56", "Komma: 1.234,56"),
    "data.decimal_point": ("Point: 1,234.56", "Punkt: 1,234.56"),
    "data.load": ("Load these files", "Diese Dateien laden"),
    "auth.intro": ("Sign in to see your loyalty programme's figures.",
                   "Melden Sie sich an, um die Zahlen Ihres Kundenbindungsprogramms zu sehen."),
    "auth.sign_in": ("Sign in", "Anmelden"),
    "auth.sign_out": ("Sign out", "Abmelden"),
    "auth.signed_in": ("Signed in as {user}", "Angemeldet als {user}"),
    "data.loading": ("Loading {file}: {stage} …", "Lade {file}: {stage} …"),
    "data.stage.prepare": ("preparing the file", "Datei wird vorbereitet"),
    "data.stage.read": ("reading and converting the rows", "Zeilen werden gelesen und umgewandelt"),
    "data.stage.check": ("checking rejected rows and duplicates",
                         "abgelehnte Zeilen und Duplikate werden geprüft"),
    "data.stage.orders": ("applying returns and refunds",
                          "Retouren und Erstattungen werden verrechnet"),
    "data.loaded_all": ("Loaded {n} file(s).", "{n} Datei(en) geladen."),
    "data.result": ("{file}: {loaded} of {read} rows loaded, {rejected} rejected.",
                    "{file}: {loaded} von {read} Zeilen geladen, {rejected} abgelehnt."),
    "data.result_skipped": ("{file}: {loaded} of {read} rows loaded, {skipped} already loaded "
                            "from an earlier file (skipped), {rejected} rejected.",
                            "{file}: {loaded} von {read} Zeilen geladen, {skipped} schon aus "
                            "einer früheren Datei geladen (übersprungen), {rejected} abgelehnt."),
    "data.reasons": ("Why rows were rejected", "Warum Zeilen abgelehnt wurden"),
    "data.reason": ("Reason", "Grund"),
    "data.rows": ("Rows", "Zeilen"),
    "data.example": ("Example", "Beispiel"),
    "data.rejected_rows": ("Rejected rows", "Abgelehnte Zeilen"),
    "data.download_rejects": ("Download rejected rows (CSV)", "Abgelehnte Zeilen herunterladen "
                                                              "(CSV)"),
    "data.notice_erased_customers": (
        "{n} rows belong to customers erased from this workspace on request: not loaded.",
        "{n} Zeilen gehören zu Kunden, die auf Anfrage aus diesem Arbeitsbereich gelöscht "
        "wurden: nicht geladen."),
    "data.notice_erased_customers_one": (
        "1 row belongs to a customer erased from this workspace on request: not loaded.",
        "1 Zeile gehört zu einem Kunden, der auf Anfrage aus diesem Arbeitsbereich gelöscht "
        "wurde: nicht geladen."),
    "data.notice_partial_refunds_without_amount": (
        "{n} orders are partially refunded, but the file has no refunded amount for them: they "
        "count at full value. Export the refunded amount column to correct this.",
        "{n} Bestellungen sind teilweise erstattet, die Datei nennt aber keinen erstatteten "
        "Betrag: Sie zählen voll. Exportieren Sie die Spalte mit dem erstatteten Betrag, um das "
        "zu korrigieren."),
    "data.notice_partial_refunds_without_amount_one": (
        "1 order is partially refunded, but the file has no refunded amount for it: it counts "
        "at full value. Export the refunded amount column to correct this.",
        "1 Bestellung ist teilweise erstattet, die Datei nennt aber keinen erstatteten Betrag: "
        "Sie zählt voll. Exportieren Sie die Spalte mit dem erstatteten Betrag, um das zu "
        "korrigieren."),
    "data.duplicates": ("Duplicates found", "Gefundene Duplikate"),
    "data.dup_order_ids_reused": ("{n} order ids appear for different customers or on "
                                  "different days.",
                                  "{n} Bonnummern kommen bei verschiedenen Kunden oder an "
                                  "verschiedenen Tagen vor."),
    "data.dup_rows_exact_copies": ("{n} rows are exact copies of another row (loaded; check for "
                                   "a double export).",
                                   "{n} Zeilen sind exakte Kopien einer anderen Zeile (geladen; "
                                   "prüfen Sie auf einen doppelten Export)."),
    "data.dup_orders_already_loaded": ("{n} orders of this file were already loaded from an "
                                       "earlier file: skipped, so they count once.",
                                       "{n} Bons dieser Datei waren schon aus einer früheren "
                                       "Datei geladen: übersprungen, sie zählen einmal."),
    "data.dup_rows_already_loaded": ("{n} rows of this file (same customer, time and amount, or "
                                     "the same answer) were already loaded from an earlier "
                                     "file: skipped, so they count once.",
                                     "{n} Zeilen dieser Datei (gleicher Kunde, Zeitpunkt und "
                                     "Betrag, oder dieselbe Antwort) waren schon aus einer "
                                     "früheren Datei geladen: übersprungen, sie zählen einmal."),
    "data.unusable": ("{file}: {message}", "{file}: {message}"),
    "data.current": ("Currently loaded", "Aktuell geladen"),
    "data.ids_count": ("{ids} customer ids in the transactions; {customers} of them count as "
                       "customers.",
                       "{ids} Kundennummern in den Umsätzen; {customers} davon zählen als "
                       "Kunden."),
    "data.ids_left_out": ("{n} are left out of customer figures because they have no purchase "
                          "above zero (only zero-value sales or returns).",
                          "{n} fehlen in den Kundenkennzahlen, weil sie keinen Kauf über null "
                          "haben (nur Nullbeträge oder Rückgaben)."),
    "data.ids_left_out_one": ("1 is left out of customer figures because it has no purchase "
                              "above zero (only zero-value sales or returns).",
                              "1 fehlt in den Kundenkennzahlen, weil sie keinen Kauf über null "
                              "hat (nur Nullbeträge oder Rückgaben)."),
    "data.rows_anonymous": ("{n} rows have no customer id and count in revenue only.",
                            "{n} Zeilen haben keine Kundennummer und zählen nur im Umsatz."),
    "data.rows_anonymous_one": ("1 row has no customer id and counts in revenue only.",
                                "1 Zeile hat keine Kundennummer und zählt nur im Umsatz."),
    "rejects.file": ("file", "Datei"),
    "rejects.line": ("line", "Zeile"),
    "rejects.reason": ("reason", "Grund"),
    "rejects.detail": ("detail", "Details (englisch)"),
    "rejects.code": ("code", "Code"),
    "rejects.raw": ("original text", "Originaltext"),
    "data.upload_button": ("Upload", "Hochladen"),
    "data.upload_limit": ("2 GB per file • CSV, TXT, TSV, TAB, DAT",
                          "2 GB pro Datei • CSV, TXT, TSV, TAB, DAT"),
    "data.currency": ("Currency of the amounts", "Währung der Beträge"),
    "data.currency_help": ("Read from the files (a currency column, signs such as $ or €, or "
                           "codes such as EUR in amounts and headers). Change it if it is wrong; "
                           "amounts are not converted, only named.",
                           "Aus den Dateien gelesen (eine Währungsspalte, Zeichen wie $ oder € "
                           "oder Codes wie EUR in Beträgen und Spaltennamen). Ändern Sie sie, "
                           "falls sie nicht stimmt; Beträge werden nicht umgerechnet, nur "
                           "benannt."),
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
    "data.how_read": ("How the file is read", "Wie die Datei gelesen wird"),
    "data.how_read_help": ("Everything here was detected from the file. If the preview looks "
                           "wrong (all text in one column, broken umlauts, a title line as "
                           "column names), choose the right setting; the preview and the column "
                           "mapping follow at once.",
                           "Alles hier wurde aus der Datei erkannt. Sieht die Vorschau falsch "
                           "aus (alles in einer Spalte, kaputte Umlaute, eine Titelzeile als "
                           "Spaltennamen), wählen Sie die richtige Einstellung; Vorschau und "
                           "Spaltenzuordnung folgen sofort."),
    "data.auto": ("Automatic ({value})", "Automatisch ({value})"),
    "data.auto_unknown": ("Automatic", "Automatisch"),
    "data.encoding": ("Encoding", "Zeichenkodierung"),
    "data.encoding_help": ("How characters are stored. Choose Windows-1252 if umlauts show as "
                           "Ã¤ or �.",
                           "Wie Zeichen gespeichert sind. Wählen Sie Windows-1252, wenn Umlaute "
                           "als Ã¤ oder � erscheinen."),
    "data.delimiter": ("Separator", "Trennzeichen"),
    "data.delimiter_help": ("The character between the fields of a line.",
                            "Das Zeichen zwischen den Feldern einer Zeile."),
    "data.quote": ("Quote character", "Anführungszeichen"),
    "data.quote_help": ("Fields that contain the separator are enclosed in this character.",
                        "Felder, die das Trennzeichen enthalten, stehen in diesem Zeichen."),
    "data.escape": ("Quote inside a field", "Anführungszeichen im Feld"),
    "data.escape_help": ("How a quote character inside a quoted field is written.",
                         "Wie ein Anführungszeichen innerhalb eines Feldes geschrieben ist."),
    "data.header_input": ("Header line", "Kopfzeile"),
    "data.header_input_help": ("Line number of the column names (1 = first line); 0 if the file "
                               "has no column names. Leave empty to detect it.",
                               "Zeilennummer der Spaltennamen (1 = erste Zeile); 0, wenn die "
                               "Datei keine Spaltennamen hat. Leer lassen zum Erkennen."),
    "data.header_auto": ("Automatic ({line})", "Automatisch ({line})"),
    "data.enc.utf8": ("UTF-8", "UTF-8"),
    "data.enc.utf8_bom": ("UTF-8 with BOM", "UTF-8 mit BOM"),
    "data.enc.utf16": ("UTF-16", "UTF-16"),
    "data.enc.utf16le": ("UTF-16 LE", "UTF-16 LE"),
    "data.enc.utf16be": ("UTF-16 BE", "UTF-16 BE"),
    "data.enc.cp1252": ("Windows-1252 (Excel, Western Europe)",
                        "Windows-1252 (Excel, Westeuropa)"),
    "data.enc.latin1": ("Latin-1 (ISO-8859-1)", "Latin-1 (ISO-8859-1)"),
    "data.enc.mixed": ("UTF-8, some lines Windows-1252", "UTF-8, einige Zeilen Windows-1252"),
    "data.delim.comma": ("comma (,)", "Komma (,)"),
    "data.delim.semicolon": ("semicolon (;)", "Semikolon (;)"),
    "data.delim.tab": ("tab", "Tabulator"),
    "data.delim.pipe": ("pipe (|)", "senkrechter Strich (|)"),
    "data.delim.space": ("single space", "einzelnes Leerzeichen"),
    "data.delim.whitespace": ("columns aligned with spaces", "mit Leerzeichen ausgerichtete "
                                                             "Spalten"),
    "data.quote.double": ('double quote (")', 'doppeltes Anführungszeichen (")'),
    "data.quote.single": ("single quote (')", "einfaches Anführungszeichen (')"),
    "data.quote.none": ("none", "keines"),
    "data.escape.doubled": ('written twice ("")', 'doppelt geschrieben ("")'),
    "data.escape.backslash": ('backslash (\\")', 'Backslash (\\")'),
    "data.escape.none": ("never inside a field", "nie innerhalb eines Feldes"),
    "data.escape.nul": ("NUL byte before the quote", "NUL-Byte vor dem Anführungszeichen"),
    "data.date_layout": ("Date layout: {field}", "Datumsformat: {field}"),
    "data.date_layout_help": ("How the dates of this column are written. Values that do not "
                              "fit are rejected with a reason.",
                              "Wie die Datumsangaben dieser Spalte geschrieben sind. Werte, die "
                              "nicht passen, werden mit Grund abgelehnt."),
    "data.datefmt.iso": ("YYYY-MM-DD (2025-12-31)", "JJJJ-MM-TT (2025-12-31)"),
    "data.datefmt.dmy_dot": ("DD.MM.YYYY (31.12.2025)", "TT.MM.JJJJ (31.12.2025)"),
    "data.datefmt.dmy_slash": ("DD/MM/YYYY (31/12/2025)", "TT/MM/JJJJ (31/12/2025)"),
    "data.datefmt.mdy_slash": ("MM/DD/YYYY (12/31/2025)", "MM/TT/JJJJ (12/31/2025)"),
    "data.datefmt.dmy_dash": ("DD-MM-YYYY (31-12-2025)", "TT-MM-JJJJ (31-12-2025)"),
    "data.datefmt.mdy_dash": ("MM-DD-YYYY (12-31-2025)", "MM-TT-JJJJ (12-31-2025)"),
    "data.datefmt.ymd_slash": ("YYYY/MM/DD (2025/12/31)", "JJJJ/MM/TT (2025/12/31)"),
    "data.datefmt.compact": ("YYYYMMDD (20251231)", "JJJJMMTT (20251231)"),
    "data.datefmt.d_mon_y": ("day month-name year (31 Dec 2025)",
                             "Tag Monatsname Jahr (31. Dez. 2025)"),
    "data.datefmt.mon_d_y": ("month-name day, year (Dec 31, 2025)",
                             "Monatsname Tag, Jahr (Dec 31, 2025)"),
    "data.preview": ("Preview: the first rows as they will be read",
                     "Vorschau: die ersten Zeilen, wie sie gelesen werden"),
    "data.preview_help": ("Each column here becomes one column of your file in the mapping "
                          "below. Extra fields of a line appear as +1, +2.",
                          "Jede Spalte hier ist eine Spalte Ihrer Datei in der Zuordnung "
                          "unten. Überzählige Felder einer Zeile erscheinen als +1, +2."),
    "data.converted": ("{n} lines were not valid UTF-8 and were read as Windows-1252.",
                       "{n} Zeilen waren kein gültiges UTF-8 und wurden als Windows-1252 "
                       "gelesen."),
    "data.same_file": ("This is the same file as {other} (identical content), so it is not "
                       "loaded a second time.",
                       "Dies ist dieselbe Datei wie {other} (identischer Inhalt); sie wird "
                       "nicht ein zweites Mal geladen."),
    "data.override_failed": ("The file cannot be read with these settings: choose others under "
                             "'How the file is read', or set them back to automatic.",
                             "Mit diesen Einstellungen lässt sich die Datei nicht lesen: "
                             "Wählen Sie unter 'Wie die Datei gelesen wird' andere oder stellen "
                             "Sie sie auf automatisch zurück."),
    "data.not_ready": ("The file could not be prepared for loading.",
                       "Die Datei konnte nicht zum Laden vorbereitet werden."),
    "data.not_loaded": ("{file}: not loaded. {message}", "{file}: nicht geladen. {message}"),
    "data.kept_previous": ("No transactions were loaded, so the dashboard still shows {previous}. "
                           "Why: {why}",
                           "Es wurden keine Umsätze geladen, daher zeigt das Dashboard weiterhin "
                           "{previous}. Grund: {why}"),
    "data.kept_zero": ("none of the {read} rows of {file} could be used (see the reasons below).",
                       "keine der {read} Zeilen von {file} war verwendbar (Gründe siehe unten)."),
    "data.kept_failed": ("the transactions file {files} could not be loaded.",
                         "die Umsatzdatei {files} konnte nicht geladen werden."),
    "data.kept_no_transactions": ("none of the files is a transactions file; every figure "
                                  "starts from purchases.",
                                  "keine der Dateien ist eine Umsatzdatei; jede Kennzahl beruht "
                                  "auf Käufen."),
    "data.previous_demo": ("the demo data", "die Demodaten"),
    "data.previous_own": ("your earlier data ({files})", "Ihre früheren Daten ({files})"),
    "data.previous_none": ("no data", "keine Daten"),
    "data.reasons_of": ("Why rows of {file} were rejected",
                        "Warum Zeilen von {file} abgelehnt wurden"),
    "data.first_n": ("the first {n}", "die ersten {n}"),
    "data.understood_rows": ("{rows} rows: one sale per row", "{rows} Zeilen: ein Verkauf je Zeile"),
    "data.understood_rows_one": ("1 row: one sale", "1 Zeile: ein Verkauf"),
    "data.understood_items": ("{rows} rows: {orders} orders with their line items",
                              "{rows} Zeilen: {orders} Bestellungen mit ihren Positionen"),
    "data.understood_refunds": ("{n} refunds and returns ({amount})",
                                "{n} Erstattungen und Rückgaben ({amount})"),
    "data.understood_refunds_one": ("1 refund or return ({amount})",
                                    "1 Erstattung oder Rückgabe ({amount})"),
    "data.understood_cancelled": ("{n} cancelled orders left out",
                                  "{n} stornierte Bestellungen nicht berücksichtigt"),
    "data.understood_cancelled_one": ("1 cancelled order left out",
                                      "1 stornierte Bestellung nicht berücksichtigt"),
    "data.understood_skipped": ("{n} rows already loaded from an earlier file skipped",
                                "{n} Zeilen schon aus einer früheren Datei geladen, "
                                "übersprungen"),
    "data.understood_skipped_one": ("1 row already loaded from an earlier file skipped",
                                    "1 Zeile schon aus einer früheren Datei geladen, "
                                    "übersprungen"),
    "data.understood_rejected": ("{n} rows rejected", "{n} Zeilen abgelehnt"),
    "data.understood_source": ("{loaded} of {read} rows used, {rejected} left out (a required "
                               "field empty or not of its type).",
                               "{loaded} von {read} Zeilen verwendet, {rejected} ausgelassen "
                               "(ein Pflichtfeld leer oder nicht von seinem Typ)."),
    "data.understood_other": ("{loaded} of {read} rows loaded, {skipped} already loaded before, "
                              "{rejected} rejected.",
                              "{loaded} von {read} Zeilen geladen, {skipped} schon zuvor "
                              "geladen, {rejected} abgelehnt."),
    "data.understood_rejected_one": ("1 row rejected", "1 Zeile abgelehnt"),

    # Workspaces
    "app.workspace": ("Workspace", "Arbeitsbereich"),
    "app.workspace_help": ("Your data, settings and saved scenarios are kept in this workspace "
                           "and are still there next time. Change it on the Data page.",
                           "Ihre Daten, Einstellungen und gespeicherten Szenarien bleiben in "
                           "diesem Arbeitsbereich erhalten. Wechseln auf der Seite Daten."),
    "ws.title": ("Workspace", "Arbeitsbereich"),
    "ws.help": ("A workspace keeps your loaded exports, the column mappings, the settings you "
                "tuned and your saved scenarios on the server's disk. Add next month's export "
                "to it: orders already in it count once.",
                "Ein Arbeitsbereich speichert Ihre geladenen Exporte, die Spaltenzuordnungen, "
                "Ihre Einstellungen und Szenarien auf dem Server. Fügen Sie den Export des "
                "nächsten Monats hinzu: Bons, die schon enthalten sind, zählen einmal."),
    "ws.open": ("Open", "Geöffnet"),
    "ws.open_help": ("Choose a workspace to work on; the demo shop is read-only.",
                     "Wählen Sie den Arbeitsbereich; der Demo-Shop ist schreibgeschützt."),
    "ws.demo": ("Demo shop (read-only)", "Demo-Shop (schreibgeschützt)"),
    "ws.session": ("Unsaved data of this session", "Nicht gespeicherte Daten dieser Sitzung"),
    "ws.demo_note": ("The demo shop cannot be changed. Create a workspace to keep your own "
                     "data.", "Der Demo-Shop lässt sich nicht ändern. Legen Sie einen "
                     "Arbeitsbereich an, um Ihre eigenen Daten zu behalten."),
    "ws.session_note": ("These data are lost when you close the browser. Create a workspace "
                        "and load the files into it to keep them.",
                        "Diese Daten gehen beim Schließen des Browsers verloren. Legen Sie "
                        "einen Arbeitsbereich an und laden Sie die Dateien dort, um sie zu "
                        "behalten."),
    "ws.where": ("Kept on the server in {folder}", "Gespeichert auf dem Server in {folder}"),
    "ws.new": ("New workspace or import", "Neuer Arbeitsbereich oder Import"),
    "ws.name": ("Name of the new workspace", "Name des neuen Arbeitsbereichs"),
    "ws.create": ("Create", "Anlegen"),
    "ws.import": ("Import a workspace", "Arbeitsbereich importieren"),
    "ws.import_help": ("A workspace exported from Loyalty Lens (a .zip file) becomes a new "
                       "workspace here.", "Ein aus Loyalty Lens exportierter Arbeitsbereich "
                       "(.zip-Datei) wird hier ein neuer Arbeitsbereich."),
    "ws.import_file": ("Workspace archive (.zip)", "Arbeitsbereich-Archiv (.zip)"),
    "ws.import_go": ("Import", "Importieren"),
    "ws.imported": ("Workspace {name} imported.", "Arbeitsbereich {name} importiert."),
    "ws.manage": ("Manage this workspace", "Diesen Arbeitsbereich verwalten"),
    "ws.rename": ("Name", "Name"),
    "ws.rename_go": ("Rename", "Umbenennen"),
    "ws.export": ("Export workspace (.zip)", "Arbeitsbereich exportieren (.zip)"),
    "ws.export_help": ("One file with the data (Parquet), the file history, the mappings, "
                       "settings and scenarios: import it on another installation.",
                       "Eine Datei mit den Daten (Parquet), der Dateihistorie, den "
                       "Zuordnungen, Einstellungen und Szenarien: auf einer anderen "
                       "Installation importieren."),
    "ws.erase": ("Erase one customer", "Einen Kunden löschen"),
    "ws.erase_help": ("For a data-protection request: deletes every row of this customer in "
                      "every table (and rejected rows naming them) and rewrites the "
                      "workspace's file so nothing of them remains. Cannot be undone.",
                      "Für eine Datenschutz-Anfrage: löscht jede Zeile dieses Kunden in allen "
                      "Tabellen (und abgelehnte Zeilen, die ihn nennen) und schreibt die Datei "
                      "des Arbeitsbereichs neu, sodass nichts von ihm bleibt. Nicht "
                      "umkehrbar."),
    "ws.erase_id": ("Customer number or e-mail", "Kundennummer oder E-Mail"),
    "ws.erase_confirm": ("I understand this cannot be undone", "Mir ist klar, dass dies nicht "
                         "rückgängig zu machen ist"),
    "ws.erase_go": ("Erase", "Löschen"),
    "ws.erased": ("Customer {id} erased: {n} rows deleted. A later export that still holds "
                  "them will not bring them back.",
                  "Kunde {id} gelöscht: {n} Zeilen entfernt. Ein späterer Export, der ihn "
                  "noch enthält, bringt ihn nicht zurück."),
    "ws.erased_one": ("Customer {id} erased: 1 row deleted. A later export that still holds "
                      "them will not bring them back.",
                      "Kunde {id} gelöscht: 1 Zeile entfernt. Ein späterer Export, der ihn "
                      "noch enthält, bringt ihn nicht zurück."),
    "ws.delete": ("Delete this workspace", "Diesen Arbeitsbereich löschen"),
    "ws.delete_help": ("Removes the workspace with all its data, settings and scenarios from "
                       "the server. Cannot be undone; export it first to keep a copy.",
                       "Entfernt den Arbeitsbereich mit allen Daten, Einstellungen und "
                       "Szenarien vom Server. Nicht umkehrbar; exportieren Sie ihn vorher, "
                       "um eine Kopie zu behalten."),
    "ws.delete_confirm": ("Delete {name} and everything in it", "{name} mit allem Inhalt löschen"),
    "ws.delete_go": ("Delete workspace", "Arbeitsbereich löschen"),
    "ws.gone": ("The workspace you had open was deleted (in another window); the demo shop is "
                "shown.", "Der geöffnete Arbeitsbereich wurde gelöscht (in einem anderen "
                "Fenster); der Demo-Shop wird gezeigt."),
    "ws.no_files": ("No files yet: add your first export above.",
                    "Noch keine Dateien: Laden Sie oben Ihren ersten Export."),
    "ws.col_when": ("Loaded on", "Geladen am"),
    "ws.col_loaded": ("Rows counted", "Gezählte Zeilen"),
    "ws.col_skipped": ("Already loaded before", "Schon zuvor geladen"),
    "ws.col_report": ("How it was read", "Wie gelesen"),
    "ws.remove": ("Remove a file from the workspace", "Eine Datei aus dem Arbeitsbereich "
                  "entfernen"),
    "ws.remove_help": ("Its rows leave every figure; rows a later file shared with it count "
                       "again from that file.",
                       "Ihre Zeilen verschwinden aus allen Kennzahlen; Zeilen, die eine spätere "
                       "Datei mit ihr teilte, zählen wieder aus jener Datei."),
    "ws.remove_go": ("Remove", "Entfernen"),
    "ws.remove_confirm": ("Remove this file's rows from every figure",
                          "Die Zeilen dieser Datei aus allen Kennzahlen entfernen"),
    "ws.removed": ("{file} removed from the workspace.", "{file} aus dem Arbeitsbereich entfernt."),
    "ws.err.busy": ("This workspace is in use by another program (for example a command-line "
                    "load); try again when it has finished.",
                    "Dieser Arbeitsbereich wird gerade von einem anderen Programm benutzt "
                    "(etwa einem Laden über die Kommandozeile); versuchen Sie es danach erneut."),
    "ws.err.name_empty": ("Give the workspace a name.", "Geben Sie dem Arbeitsbereich einen "
                          "Namen."),
    "ws.err.name_long": ("A workspace name has at most 80 characters.",
                         "Ein Name hat höchstens 80 Zeichen."),
    "ws.err.name_taken": ("A workspace with this name exists already.",
                          "Ein Arbeitsbereich mit diesem Namen existiert bereits."),
    "ws.err.not_found": ("There is no such workspace.", "Diesen Arbeitsbereich gibt es nicht."),
    "ws.err.archive": ("This file is not a Loyalty Lens workspace archive, or it is damaged.",
                       "Diese Datei ist kein Loyalty-Lens-Arbeitsbereich-Archiv oder sie ist "
                       "beschädigt."),
    "data.upload_add": ("Add exports to {name}", "Exporte zu {name} hinzufügen"),
    "data.layout_kept": ("Columns mapped as for your last export with this header.",
                         "Spalten zugeordnet wie bei Ihrem letzten Export mit diesen "
                         "Überschriften."),
    "data.layout_kept_help": ("The workspace remembers how each file layout was mapped; "
                              "change anything below if this export differs.",
                              "Der Arbeitsbereich merkt sich die Zuordnung jedes "
                              "Dateiaufbaus; ändern Sie unten, was bei diesem Export anders "
                              "ist."),

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
    "field.points_balance": ("Points balance", "Punktestand"),
    "field.status": ("Order status", "Bestellstatus"),
    "field.refunded_amount": ("Refunded amount", "Erstatteter Betrag"),
    "field.refund_date": ("Refund date", "Erstattungsdatum"),
    "field.cancelled_at": ("Cancelled at", "Storniert am"),
    "field.receipt_type": ("Receipt type", "Belegart"),
    "field.customer_email": ("Customer e-mail", "E-Mail des Kunden"),
    "field.birth_date": ("Birth date", "Geburtsdatum"),
    "field.region": ("Region", "Region"),
    "field.referred_by": ("Referred by", "Geworben von"),
    "field.score": ("Recommendation score (0-10)", "Weiterempfehlung (0-10)"),
    "field.repurchase_score": ("Buy-again score (0-10)", "Wiederkauf (0-10)"),
    "field.try_other_score": ("Try-other-products score (0-10)", "Andere Produkte (0-10)"),
    "field.comment": ("Comment", "Kommentar"),
    "field.kind": ("Interaction kind", "Art der Interaktion"),

    # Reject reasons (codes from loyalty.reading.ingest)
    "reason.too_many_fields": ("More fields than the header", "Mehr Felder als die Kopfzeile"),
    "reason.too_few_fields": ("Fewer fields than the header", "Weniger Felder als die Kopfzeile"),
    "reason.wrong_field_count": ("Wrong number of fields", "Falsche Anzahl Felder"),
    "reason.unclosed_quote": ("Quoted field not closed", "Anführungszeichen nicht geschlossen"),
    "reason.line_too_long": ("Line too long", "Zeile zu lang"),
    "reason.invalid_encoding": ("Unreadable characters", "Unlesbare Zeichen"),
    "reason.invalid_value": ("Unreadable value", "Unlesbarer Wert"),
    "reason.unreadable_line": ("Unreadable line", "Unlesbare Zeile"),
    "reason.duplicate_member": ("Member listed twice", "Mitglied doppelt aufgeführt"),
    "reason.cancelled_order": ("Cancelled or voided order, left out of revenue",
                               "Stornierte oder ungültige Bestellung, nicht im Umsatz"),
    "reason.order_without_date": ("Order has no date on any of its rows",
                                  "Bestellung hat in keiner ihrer Zeilen ein Datum"),
    "reason.order_without_amount": ("Order has no amount on any of its rows",
                                    "Bestellung hat in keiner ihrer Zeilen einen Betrag"),
    "reason.score_out_of_range": ("Score outside 0-10", "Wert außerhalb 0-10"),
    "reason.missing": ("{field} missing", "{field} fehlt"),
    "reason.invalid": ("{field} not readable", "{field} nicht lesbar"),
    "reason.invalid_expected": ("{field} not readable, expected {expected}",
                                "{field} nicht lesbar, erwartet: {expected}"),
    "reason.expect_comma": ("a decimal comma, as in 1.234,50", "Dezimalkomma wie in 1.234,50"),
    "reason.expect_point": ("a decimal point, as in 1,234.50", "Dezimalpunkt wie in 1,234.50"),

    # Unusable files (codes from loyalty.errors / sniff / plan)
    "err.unclosed_quotes": (
        "More than 20 lines open a quote (\") and never close it: in this file the quote "
        "character is probably an ordinary character. Choose \"none\" as the quote character "
        "under \"How the file is read\" and load it again.",
        "Mehr als 20 Zeilen öffnen ein Anführungszeichen (\") und schließen es nie: In dieser "
        "Datei ist es wohl ein gewöhnliches Zeichen. Wählen Sie unter \"Wie die Datei gelesen "
        "wird\" als Anführungszeichen \"keines\" und laden Sie erneut."),
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
    "err.too_many_columns": ("The file has more than {limit} columns, far more than any shop or "
                             "till export: check that it is the right file, or export only the "
                             "columns you need.",
                             "Die Datei hat mehr als {limit} Spalten, weit mehr als jeder Shop- "
                             "oder Kassenexport: Prüfen Sie, ob es die richtige Datei ist, oder "
                             "exportieren Sie nur die benötigten Spalten."),
    "err.out_of_memory": ("Loading this file needs more than the {limit} MB of memory a "
                          "session may use: load a shorter export (fewer months, or only the "
                          "columns you need), or ask whoever runs the dashboard to raise the "
                          "limit.",
                          "Das Laden dieser Datei braucht mehr als die {limit} MB Speicher, die "
                          "eine Sitzung nutzen darf: Laden Sie einen kürzeren Export (weniger "
                          "Monate oder nur die benötigten Spalten) oder bitten Sie den Betreiber "
                          "des Dashboards, die Grenze zu erhöhen."),
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
    "overview.period_alone": ("{start} – {end}. No comparison: your data starts on {first}, so "
                              "there is no full period of equal length before this one.",
                              "{start} – {end}. Kein Vergleich: Ihre Daten beginnen am {first}, "
                              "es gibt also keinen gleich langen Zeitraum davor."),
    "chart.partial_month": ("partial month: data for {share} of its days",
                            "angebrochener Monat: Daten für {share} seiner Tage"),
    "chart.partial_note": ("Lighter bars: months the period or the data covers only in part.",
                           "Hellere Balken: Monate, die Zeitraum oder Daten nur teilweise "
                           "abdecken."),
    "overview.revenue_chart": ("Net revenue and active customers by month",
                               "Nettoumsatz und aktive Kunden pro Monat"),
    "overview.revenue_chart_help": ("Bars: net revenue of the month (returns subtracted, "
                                    "anonymous sales included). Line: customers with at least one "
                                    "purchase in the month. Dashed line: net revenue of the same "
                                    "month in the comparison period, drawn when its months line "
                                    "up with these (as a year earlier).",
                                    "Balken: Nettoumsatz des Monats (Retouren abgezogen, anonyme "
                                    "Verkäufe eingeschlossen). Linie: Kunden mit mindestens einem "
                                    "Kauf im Monat. Gestrichelt: Nettoumsatz des entsprechenden "
                                    "Monats im Vergleichszeitraum, gezeichnet, wenn dessen Monate "
                                    "zu diesen passen (wie ein Jahr zuvor)."),
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
    "chart.aov": ("Average order value", "Durchschn. Bonwert"),
    "chart.customers": ("Customers", "Kunden"),
    "chart.stage_before": ("Stage at the start", "Phase zu Beginn"),
    "chart.stage_after": ("Stage at the end", "Phase am Ende"),
    "chart.frequency_score": ("Frequency score (5 = most orders)",
                              "Frequenz-Wert (5 = meiste Bestellungen)"),
    "chart.recency_score": ("Recency score (5 = most recent)", "Aktualitäts-Wert (5 = zuletzt)"),
    "chart.amount": ("Amount", "Betrag"),
    "chart.score": ("Score (0-1)", "Wert (0-1)"),
    "signal.discount_share": ("Orders with discount", "Bestellungen mit Rabatt"),
    "signal.logins_per_month": ("App logins / month", "App-Logins / Monat"),
    "signal.redeem_share": ("Orders redeeming points", "Bestellungen mit Punkteeinlösung"),
    "signal.channel_share": ("Orders in main channel", "Bestellungen im Hauptkanal"),
    "signal.store_share": ("Orders in main store", "Bestellungen in der Hauptfiliale"),
    "signal.categories": ("Product categories", "Warengruppen"),
    "signal.perks_per_month": ("Perk uses / month", "Gratisleistungen / Monat"),
    "signal.aov": ("Average order", "Durchschn. Bon"),
    "signal.referrals": ("Referrals", "Empfehlungen"),
    "signal.reviews_per_year": ("Reviews / year", "Bewertungen / Jahr"),
    "signal.nps": ("NPS answer", "NPS-Antwort"),
    "signal.orders_per_month": ("Orders / month", "Bestellungen / Monat"),
    "signal.member": ("Programme member", "Programmmitglied"),
    "signal.complaints": ("Complaints", "Beschwerden"),

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
    "metric.churn_rate": ("Churn rate (period)", "Abwanderungsrate (Zeitraum)"),
    "metric.churn_rate.help": ("Of the customers active at the start of the period (a purchase "
                               "in the {days} days before), the share with no purchase in the "
                               "{days} days before its end. The Churn page shows the monthly "
                               "rate (churned in a month / active in it): over a period of "
                               "several months more customers leave than in any one month, so "
                               "this figure is higher.",
                               "Von den zu Beginn des Zeitraums aktiven Kunden (ein Kauf in den "
                               "{days} Tagen davor) der Anteil ohne Kauf in den {days} Tagen vor "
                               "seinem Ende. Die Seite „Abwanderung und Bindung“ zeigt die monatliche Rate "
                               "(in einem Monat Abgewanderte / in ihm Aktive): über mehrere "
                               "Monate gehen mehr Kunden als in einem einzelnen Monat, daher "
                               "ist diese Zahl höher."),
    "churn.monthly_rate": ("Monthly churn rate", "Monatliche Abwanderungsrate"),
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
    "unit.pp": ("pp", "Pp."),
    # A slider's printf format: English writes 30%, German 30 %.
    "unit.pct_format": ("%d%%", "%d %%"),
    "glossary.button": ("Terms explained", "Begriffe erklärt"),
    "glossary.pp": ("pp (percentage points)", "Pp. (Prozentpunkte)"),
    "glossary.pp.text": ("The difference between two percentages: from 10% to 12% is 2 pp "
                         "more (but 20% more in relative terms).",
                         "Der Abstand zwischen zwei Prozentwerten: von 10 % auf 12 % sind 2 Pp. "
                         "mehr (relativ aber 20 % mehr)."),
    "glossary.nps": ("NPS (Net Promoter Score)", "NPS (Net Promoter Score)"),
    "glossary.nps.text": ("Customers answer 0-10 how likely they are to recommend you. Share of "
                          "9-10 answers minus share of 0-6 answers, from -100 to +100.",
                          "Kunden antworten 0-10, wie wahrscheinlich sie Sie weiterempfehlen. "
                          "Anteil der Antworten 9-10 minus Anteil der Antworten 0-6, von -100 "
                          "bis +100."),
    "glossary.interval": ("95% interval", "95-%-Intervall"),
    "glossary.interval.text": ("The range in which the true value lies with 95% certainty, given "
                               "how many answered or bought. Two figures whose ranges overlap "
                               "widely may not really differ.",
                               "Der Bereich, in dem der wahre Wert mit 95 % Sicherheit liegt, je "
                               "nachdem wie viele geantwortet oder gekauft haben. Zahlen, deren "
                               "Bereiche sich stark überlappen, unterscheiden sich vielleicht "
                               "nicht wirklich."),
    "glossary.churn": ("Churn", "Abwanderung"),
    "glossary.churn.text": ("A customer counts as gone when they have not bought for the "
                            "inactivity window (set on the Churn and retention page). Retail has no "
                            "cancellation, so churn is inferred from customers no longer buying.",
                            "Ein Kunde gilt als abgewandert, wenn er im Inaktivitätsfenster "
                            "(einstellbar auf der Seite „Abwanderung und Bindung“) nicht gekauft hat. "
                            "Im Handel gibt es keine Kündigung: Abwanderung wird daraus "
                            "abgeleitet, dass ein Kunde nicht mehr kauft."),
    "glossary.cohort": ("Cohort", "Kohorte"),
    "glossary.cohort.text": ("All customers whose first purchase fell in the same month; "
                             "followed month by month to see how many keep buying.",
                             "Alle Kunden, deren Erstkauf im selben Monat lag; Monat für Monat "
                             "verfolgt, um zu sehen, wie viele weiter kaufen."),
    "glossary.bgnbd": ("BG/NBD model", "BG/NBD-Modell"),
    "glossary.bgnbd.text": ("A published statistical model (Fader, Hardie & Lee 2005) that "
                            "learns from how often and how recently each customer bought "
                            "whether they are probably still a customer, and how often they "
                            "will buy.",
                            "Ein veröffentlichtes statistisches Modell (Fader, Hardie & Lee 2005), "
                            "das aus Häufigkeit und Zeitpunkt der Käufe jedes Kunden schätzt, ob "
                            "er wahrscheinlich noch Kunde ist und wie oft er kaufen wird."),
    "glossary.p_alive": ("P(active)", "P(aktiv)"),
    "glossary.p_alive.text": ("The model's probability that a customer still buys from you. "
                              "Under about 30% is a common cut for 'at risk'.",
                              "Die Wahrscheinlichkeit laut Modell, dass ein Kunde noch bei "
                              "Ihnen kauft. Kunden unter etwa 30 % gelten oft als „gefährdet“."),
    "glossary.clv": ("CLV (customer lifetime value)", "CLV (Kundenwert)"),
    "glossary.clv.text": ("Here the revenue a customer is expected to bring in the next 12 "
                          "months: the first year of their lifetime value, which is easier to "
                          "act on than a lifetime estimate.",
                          "Hier der Umsatz, den ein Kunde in den nächsten 12 Monaten "
                          "voraussichtlich bringt: das erste Jahr seines Kundenwerts, greifbarer "
                          "als eine Schätzung über die ganze Kundenbeziehung."),
    "glossary.rfm": ("RFM", "RFM"),
    "glossary.rfm.text": ("Recency, frequency, monetary value: customers scored 1-5 on how "
                          "recently they bought, how often and how much.",
                          "Recency, Frequency, Monetary (Aktualität, Häufigkeit, Umsatz): Kunden "
                          "werden mit 1-5 danach bewertet, wie kürzlich, wie oft und wie viel sie "
                          "gekauft haben."),
    "glossary.breakage": ("Breakage", "Verfallsquote (Breakage)"),
    "glossary.breakage.text": ("The share of points earned that are never redeemed: 1 minus "
                               "the redemption rate.",
                               "Der Anteil gesammelter Punkte, die nie eingelöst werden: 1 minus "
                               "Einlösequote."),
    "glossary.liability": ("Points liability", "Punkteverbindlichkeit"),
    "glossary.liability.text": ("What the outstanding points would cost you if all were "
                                "redeemed, at the value per point you set.",
                                "Was die offenen Punkte kosten würden, wenn alle eingelöst "
                                "würden, zum eingestellten Wert pro Punkt."),
    "glossary.goal_gradient": ("Goal gradient", "Zielgradient"),
    "glossary.goal_gradient.text": ("Customers speed up as they near a reward (Kivetz et al. "
                                    "2006): a tier threshold within reach can make them buy "
                                    "more.",
                                    "Kunden kaufen häufiger, je näher eine Belohnung rückt "
                                    "(Kivetz u. a. 2006): eine erreichbare Stufenschwelle kann "
                                    "sie mehr kaufen lassen."),
    "glossary.did": ("Difference in differences", "Differenz der Differenzen"),
    "glossary.did.text": ("How much more members' spend changed after the launch than "
                          "non-members' spend did over the same months; the non-members show "
                          "what would have happened anyway.",
                          "Um wie viel sich die Ausgaben der Mitglieder nach dem Start stärker "
                          "änderten als die der Nichtmitglieder in denselben Monaten; die "
                          "Nichtmitglieder zeigen, was ohnehin passiert wäre."),
    "glossary.cli": ("Customer Loyalty Index", "Kundenloyalitätsindex"),
    "glossary.cli.text": ("The mean of three 0-10 answers (recommend, buy again, try other "
                          "products) on a 0-100 scale.",
                          "Der Mittelwert dreier Antworten 0-10 (weiterempfehlen, wieder "
                          "kaufen, andere Produkte testen) auf einer Skala von 0-100."),

    # Loyalty types and lifecycle
    "type.satisfied": ("Satisfied", "Zufriedene"),
    "type.price_loyal": ("Price-loyal", "Preistreue"),
    "type.programme_loyal": ("Programme-loyal", "Programmtreue"),
    "type.convenience_loyal": ("Convenience-loyal", "Bequemlichkeitstreue"),
    "type.perk_loyal": ("Perk-loyal", "Gratistreue"),
    "type.advocate": ("True advocate", "Fürsprecher"),
    "type.too_new": ("Too new to tell", "Noch zu neu"),
    "type.one_time": ("One-time buyers", "Einmalkäufer"),
    "type.occasional": ("Occasional buyers", "Gelegenheitskäufer"),
    "action.satisfied": ("Raise switching barriers: personal recognition, surprise rewards, a "
                         "tier worth reaching.",
                         "Wechselhürden erhöhen: persönliche Anerkennung, Überraschungsprämien, "
                         "eine erreichbare Stufe."),
    "action.price_loyal": ("Careful with deep discounts: they keep these customers, at a high "
                           "price. Target offers and test smaller ones.",
                           "Vorsicht mit hohen Rabatten: Sie halten diese Kunden, aber teuer. "
                           "Gezielte Angebote, kleinere Rabatte testen."),
    "action.programme_loyal": ("Watch redemption and any change to rewards: they stay while your "
                               "rewards beat the competition.",
                               "Einlösungen und jede Prämienänderung beobachten: Sie bleiben, "
                               "solange Ihre Prämien besser sind als die der Konkurrenz."),
    "action.convenience_loyal": ("Protect convenience (availability, quick checkout, delivery); "
                                 "price moves them little.",
                                 "Bequemlichkeit sichern (Verfügbarkeit, schneller Kauf, "
                                 "Lieferung); der Preis bewegt sie kaum."),
    "action.perk_loyal": ("Keep perks cheap to run and nudge perk users towards purchases; they "
                          "contribute little revenue.",
                          "Gratisleistungen günstig halten und Nutzer zum Kauf anregen; sie "
                          "tragen wenig Umsatz bei."),
    "action.advocate": ("Nurture them: referral programme, early access, ask for reviews.",
                        "Pflegen: Empfehlungsprogramm, früher Zugang, um Bewertungen bitten."),
    "action.too_new": ("Welcome series: help them to a second and third purchase.",
                       "Willkommensstrecke: zum zweiten und dritten Kauf verhelfen."),
    "action.one_time": ("Bought once and never came back: send one win-back offer or a reminder "
                        "of what they bought, and ask why they stayed away. Keep the cost per "
                        "customer low.",
                        "Einmal gekauft und nie wiedergekommen: ein Rückgewinnungsangebot oder "
                        "eine Erinnerung an den Kauf schicken und fragen, warum sie wegblieben. "
                        "Wenig pro Kunde ausgeben."),
    "action.occasional": ("Buy now and then: remind them around the time they usually buy and "
                          "give them a reason for the next purchase (a stamp card, a reward "
                          "within reach).",
                          "Kaufen ab und zu: um die Zeit erinnern, zu der sie sonst kaufen, und "
                          "einen Grund für den nächsten Kauf geben (Stempelkarte, eine Prämie in "
                          "Reichweite)."),
    "needs.satisfied": ("needs repeat purchases: transactions with customer numbers",
                        "braucht Wiederkäufe: Transaktionen mit Kundennummern"),
    "needs.price_loyal": ("needs discounts, e.g. a discount column in the transactions export",
                          "braucht Rabatte, z. B. eine Rabattspalte im Transaktionsexport"),
    "needs.programme_loyal": ("needs programme use: app logins or point redemptions, e.g. an "
                              "interactions export with app_login events or a points-redeemed "
                              "column on the receipts (a members file or a tier on the receipts "
                              "says who is a member)",
                              "braucht Programmnutzung: App-Logins oder Punkteeinlösungen, z. B. "
                              "einen Interaktionen-Export mit app_login-Ereignissen oder eine "
                              "Spalte für eingelöste Punkte auf den Bons (eine Mitgliederdatei "
                              "oder eine Stufe auf den Bons zeigt, wer Mitglied ist)"),
    "needs.convenience_loyal": ("needs more than one channel or store, e.g. a channel or store "
                                "column in the transactions export",
                                "braucht mehr als einen Kanal oder eine Filiale, z. B. eine "
                                "Kanal- oder Filialspalte im Transaktionsexport"),
    "needs.perk_loyal": ("needs perk use, e.g. an interactions export with perk_use events",
                         "braucht die Nutzung von Gratisleistungen, z. B. einen "
                         "Interaktionen-Export mit perk_use-Ereignissen"),
    "needs.advocate": ("needs referrals, reviews or NPS answers, e.g. an interactions export "
                       "with referral or review events, a members file naming who referred "
                       "whom, or an NPS survey export",
                       "braucht Empfehlungen, Bewertungen oder NPS-Antworten, z. B. einen "
                       "Interaktionen-Export mit referral- oder review-Ereignissen, eine "
                       "Mitgliederdatei mit dem Werber oder einen NPS-Umfrageexport"),
    "rule.price_loyal": ("Price-loyal customers buy when it is cheap: most of their orders carry "
                         "a discount.",
                         "Preistreue kaufen, wenn es günstig ist: die meisten ihrer Bestellungen "
                         "haben einen Rabatt."),
    "rule.programme_loyal": ("Loyal to the rewards, not the brand: members who use the programme "
                             "app and redeem points often.",
                             "Treu zum Bonusprogramm, nicht zur Marke: Mitglieder, die oft die "
                             "App nutzen und Punkte einlösen."),
    "rule.convenience_loyal": ("They stay because buying is easy: nearly always the same "
                               "channel, the same few products.",
                               "Sie bleiben, weil der Kauf bequem ist: fast immer derselbe "
                               "Kanal, dieselben wenigen Produkte."),
    "rule.perk_loyal": ("They come for the free extras: frequent perk use, small and sporadic "
                        "purchases.",
                        "Sie kommen wegen der Gratisleistungen: häufige Nutzung, kleine und "
                        "seltene Käufe."),
    "rule.advocate": ("True loyalty is attitude plus repeat buying: they recommend you "
                      "(referrals, reviews, high NPS).",
                      "Echte Treue ist Einstellung plus Wiederkauf: Diese Kunden empfehlen Sie "
                      "weiter (Empfehlungen, Bewertungen, hoher NPS)."),
    "rule.satisfied": ("Happy repeat buyers who never complained but have no strong bond: easy "
                       "to poach. The default when no other driver stands out (score capped at "
                       "{cap}).",
                       "Zufriedene Wiederkäufer ohne Beschwerden, aber ohne feste Bindung: "
                       "leicht abzuwerben. Der Normalfall, wenn kein anderer Treiber hervorsticht "
                       "(Wert höchstens {cap})."),
    "seg.title": ("Loyalty types", "Treuetypen"),
    "seg.intro": ("Why your customers stay: each customer with enough history gets one of six "
                  "loyalty types from their behaviour and survey answers, with the reasons, as "
                  "far as your data can tell them. Customers with too few orders are one-time "
                  "or occasional buyers, or too new to tell. Figures are as of the end of the "
                  "selected period.",
                  "Warum Ihre Kunden bleiben: Jeder Kunde mit genug Historie erhält aus Verhalten "
                  "und Umfrageantworten einen von sechs Treuetypen, mit Begründung, soweit Ihre "
                  "Daten sie erkennen lassen. Kunden mit zu wenigen Bestellungen sind Einmal- "
                  "oder Gelegenheitskäufer oder noch zu neu. Stand: Ende des gewählten "
                  "Zeitraums."),
    "seg.can_tell": ("What your data can tell: for every customer the lifecycle stage "
                     "(Lifecycle tab), RFM scores (RFM tab) and how often and how much they buy "
                     "(table below). Loyalty types it can tell: {types}.",
                     "Was Ihre Daten zeigen: für jeden Kunden die Lebenszyklusphase (Reiter "
                     "Lebenszyklus), RFM-Werte (Reiter RFM) und wie oft und wie viel er kauft "
                     "(Tabelle unten). Erkennbare Treuetypen: {types}."),
    "seg.no_typed": ("No customer has enough orders for a loyalty type yet.",
                     "Noch hat kein Kunde genug Bestellungen für einen Treuetyp."),
    "seg.cannot_tell": ("Cannot be told from this data", "Aus diesen Daten nicht erkennbar"),
    "seg.cannot_tell_help": ("Nobody is given these types: your data holds nothing that shows "
                             "them. Load the export named to add a type.",
                             "Niemand erhält diese Typen: Ihre Daten enthalten nichts, was sie "
                             "zeigt. Laden Sie den genannten Export, um einen Typ zu ergänzen."),
    "seg.satisfied_orders_only": ("Without survey answers or complaints, 'Satisfied' here means "
                                  "repeat buyers with no other driver in the data: how happy "
                                  "they are is not known.",
                                  "Ohne Umfrageantworten oder Beschwerden heißt 'Zufriedene' "
                                  "hier: Wiederkäufer ohne anderen erkennbaren Treiber. Wie "
                                  "zufrieden sie sind, ist nicht bekannt."),
    "seg.rules": ("Rules and thresholds", "Regeln und Schwellen"),
    "seg.rules_help": ("Each type adds up weighted signals. A signal scores 0 at the lower end of "
                       "its range and 1 at the upper end (reversed where marked); the type with "
                       "the highest score wins. Move a range and every customer is re-scored.",
                       "Jeder Typ summiert gewichtete Signale. Ein Signal zählt 0 am unteren und "
                       "1 am oberen Ende seines Bereichs (umgekehrt, wo vermerkt); der Typ mit "
                       "dem höchsten Wert gewinnt. Verschieben Sie einen Bereich, werden alle "
                       "Kunden neu bewertet."),
    "seg.min_orders": ("Orders needed before a type is given",
                       "Nötige Bestellungen für eine Einordnung"),
    "seg.min_orders_help": ("Customers with fewer orders are one-time buyers (one order) or "
                            "occasional buyers rather than guessed; anyone whose first purchase "
                            "is under 60 days ago is 'too new to tell'.",
                            "Kunden mit weniger Bestellungen sind Einmalkäufer (eine Bestellung) "
                            "oder Gelegenheitskäufer, statt geraten zu werden; wer vor weniger "
                            "als 60 Tagen zum ersten Mal kaufte, gilt als 'noch zu neu'."),
    "seg.weight": ("weight", "Gewicht"),
    "seg.ramp": ("Scores 0 at the left end of the range, 1 at the right end.",
                 "Zählt 0 am linken Ende des Bereichs, 1 am rechten."),
    "seg.reversed": ("Reversed: scores 1 at the left end of the range, 0 at the right end.",
                     "Umgekehrt: zählt 1 am linken Ende des Bereichs, 0 am rechten."),
    "seg.reset": ("Back to the default rules", "Zurück zu den Standardregeln"),
    "seg.tab_types": ("Loyalty types", "Treuetypen"),
    "seg.tab_mix": ("Over time", "Im Zeitverlauf"),
    "seg.mix_none": ("No quarter has ended within the data yet: the mix over time needs at "
                     "least one.",
                     "In den Daten ist noch kein Quartal abgeschlossen: der Verlauf braucht "
                     "mindestens eines."),
    "seg.tab_lifecycle": ("Lifecycle", "Lebenszyklus"),
    "seg.tab_rfm": ("RFM", "RFM"),
    "seg.tab_customer": ("Customer", "Kunde"),
    "seg.tab_export": ("Export", "Export"),
    "seg.col_type": ("Loyalty type", "Treuetyp"),
    "seg.col_customers": ("Customers", "Kunden"),
    "seg.col_share": ("Customer %", "Kundenanteil"),
    "seg.col_revenue_share": ("Revenue %", "Umsatzanteil"),
    "seg.col_spend": ("Revenue / customer", "Ø Umsatz"),
    "seg.col_frequency": ("Orders / month", "Bestellungen / Monat"),
    "seg.col_nps": ("NPS", "NPS"),
    "seg.col_churn": ("Churned", "Abgewandert"),
    "seg.col_action": ("What to do", "Was tun"),
    "seg.col_revenue": ("Revenue", "Umsatz"),
    "seg.summary_help": ("Revenue / customer: net revenue up to the end of the period. NPS: "
                         "from each customer's latest answer. Churned: share whose last purchase "
                         "is more than {days} days before the end of the period.",
                         "Ø Umsatz: Nettoumsatz pro Kunde bis zum Ende des Zeitraums. NPS: aus der "
                         "letzten Antwort jedes Kunden. Abgewandert: Anteil mit letztem Kauf mehr "
                         "als {days} Tage vor dem Ende des Zeitraums."),
    "seg.missing": ("Not in your data: {signals}. Rules that use these work with the other "
                    "signals.",
                    "Nicht in Ihren Daten: {signals}. Regeln, die diese Signale nutzen, arbeiten "
                    "mit den übrigen."),
    "seg.profile": ("How the types differ", "Wie sich die Typen unterscheiden"),
    "seg.profile_help": ("Average of each signal per type; the darker, the higher compared with "
                         "the other types.",
                         "Durchschnitt jedes Signals pro Typ; je dunkler, desto höher im "
                         "Vergleich zu den anderen Typen."),
    "seg.mix": ("Type mix by quarter", "Typenmix pro Quartal"),
    "seg.mix_help": ("Customers by loyalty type at each quarter end, with today's rules.",
                     "Kunden nach Treuetyp an jedem Quartalsende, mit den aktuellen Regeln."),
    "seg.flows": ("Movement between lifecycle stages since {start}",
                  "Wechsel zwischen Lebenszyklusphasen seit {start}"),
    "seg.flows_help": ("Rows: stage on the day before the period starts; columns: stage at its "
                       "end.",
                       "Zeilen: Phase am Tag vor Beginn des Zeitraums; Spalten: Phase an seinem "
                       "Ende."),
    "seg.rfm_help": ("RFM scores each customer 1-5 on recency (R, 5 = bought most recently), "
                     "frequency (F, 5 = most orders) and monetary value (M, 5 = most revenue), by "
                     "quintile. Top right: your best customers; bottom right: good customers "
                     "slipping away.",
                     "RFM bewertet jeden Kunden mit 1-5 nach Aktualität (R, 5 = zuletzt gekauft), "
                     "Häufigkeit (F, 5 = meiste Bestellungen) und Umsatz (M, 5 = meister "
                     "Umsatz), nach Quintilen. Oben rechts: Ihre besten Kunden; unten rechts: "
                     "gute Kunden, die abwandern."),
    "seg.search": ("Customer id", "Kundennummer"),
    "seg.search_placeholder": ("e.g. {example}", "z. B. {example}"),
    "seg.not_found": ("No customer {customer} in the selected data.",
                      "Kein Kunde {customer} in den gewählten Daten."),
    "seg.did_you_mean": ("Similar ids: {ids}", "Ähnliche Nummern: {ids}"),
    "seg.why": ("Why", "Warum"),
    "seg.untyped_why": ("A loyalty type is given from {days} days after the first purchase and "
                        "with at least {orders} orders: before that, a few purchases say too "
                        "little about why someone buys.",
                        "Ein Treuetyp wird ab {days} Tagen nach dem ersten Kauf und ab {orders} "
                        "Bestellungen vergeben: Vorher sagen wenige Käufe zu wenig darüber, "
                        "warum jemand kauft."),
    "seg.lifecycle": ("Lifecycle stage", "Lebenszyklusphase"),
    "seg.figure": ("Figure", "Kennzahl"),
    "seg.value": ("Value", "Wert"),
    "seg.export_by": ("Export customers by", "Kunden exportieren nach"),
    "seg.export_type": ("Loyalty type", "Treuetyp"),
    "seg.export_lifecycle": ("Lifecycle stage", "Lebenszyklusphase"),
    "seg.export_rfm": ("RFM cell", "RFM-Feld"),
    "seg.export_count": ("{n} customers in this list.", "{n} Kunden in dieser Liste."),
    "seg.download": ("Download the list (CSV for Excel)", "Liste herunterladen (CSV für Excel)"),
    "stage_help.new": ("First purchase within the last 90 days.",
                       "Erster Kauf in den letzten 90 Tagen."),
    "stage_help.active": ("Buying at their usual pace.", "Kauft im gewohnten Rhythmus."),
    "stage_help.reactivated": ("Came back in the last 90 days after more than {days} days away.",
                               "In den letzten 90 Tagen zurückgekehrt, nach über {days} Tagen "
                               "Pause."),
    "stage_help.declining": ("Fewer than half their usual orders in the last 90 days.",
                             "Weniger als die Hälfte der üblichen Bestellungen in den letzten 90 "
                             "Tagen."),
    "stage_help.at_risk": ("No purchase for more than twice their usual gap (at least 45 days).",
                           "Kein Kauf seit mehr als dem Doppelten ihres üblichen Abstands "
                           "(mindestens 45 Tage)."),
    "stage_help.churned": ("No purchase for more than {days} days.",
                           "Seit über {days} Tagen kein Kauf."),
    "stage.new": ("New", "Neu"),
    "stage.active": ("Active", "Aktiv"),
    "stage.reactivated": ("Reactivated", "Reaktiviert"),
    "stage.declining": ("Declining", "Nachlassend"),
    "stage.at_risk": ("At risk", "Gefährdet"),
    "stage.churned": ("Churned", "Abgewandert"),
    "stage.not_yet": ("Not a customer yet", "Noch kein Kunde"),
    "reason.sig.discount_share": ("{value} of orders used a discount",
                                  "{value} der Bestellungen mit Rabatt"),
    "reason.sig.logins_per_month": ("{value} app logins a month", "{value} App-Logins pro Monat"),
    "reason.sig.redeem_share": ("redeemed points on {value} of orders",
                                "Punkte bei {value} der Bestellungen eingelöst"),
    "reason.sig.store_share": ("{value} of orders in one store",
                               "{value} der Bestellungen in einer Filiale"),
    "reason.sig.one_order": ("a single order", "eine einzige Bestellung"),
    "reason.sig.tenure_days": ("first purchase {value} days ago",
                               "erster Kauf vor {value} Tagen"),
    "reason.sig.channel_share": ("{value} of orders through one channel",
                                 "{value} der Bestellungen über einen Kanal"),
    "reason.sig.categories": ("product categories bought: {value}",
                              "gekaufte Warengruppen: {value}"),
    "reason.sig.perks_per_month": ("used perks {value} times a month",
                                   "nutzt Gratisleistungen {value}-mal pro Monat"),
    "reason.sig.aov": ("average order {value}", "durchschnittlicher Bon {value}"),
    "reason.sig.referrals": ("referred {value} friends", "hat {value} Freunde geworben"),
    "reason.sig.referrals_one": ("referred 1 friend", "hat 1 Freund geworben"),
    "reason.sig.reviews_per_year": ("{value} reviews a year", "{value} Bewertungen pro Jahr"),
    "reason.sig.nps": ("NPS answer {value}", "NPS-Antwort {value}"),
    "reason.sig.orders_per_month": ("{value} orders a month", "{value} Bestellungen pro Monat"),
    "reason.sig.complaints": ("never complained", "nie beschwert"),
    "reason.sig.orders": ("only {value} orders so far", "bisher erst {value} Bestellungen"),
}

# The planning pages, the board pack, the comparison choice and Spark sources keep their text
# in their own files; a key defined twice would be a mistake.
for _texts in (_PLAN_TEXTS, _REPORT_TEXTS, _VIEW_TEXTS, _SPARK_TEXTS):
    if CATALOGUE.keys() & _texts.keys():
        raise RuntimeError(f"text defined twice: {sorted(CATALOGUE.keys() & _texts.keys())}")
    CATALOGUE.update(_texts)


def t(key: str, lang: str = "en", **kwargs) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    en, de = CATALOGUE[key]
    text = de if lang == "de" else en
    return text.format(**kwargs) if kwargs else text


def t_n(key: str, count: int, lang: str = "en", **kwargs) -> str:
    """Like :func:`t`, with the singular ``key + "_one"`` when ``count`` is 1 and the catalogue
    has one ("1 refund", not "1 refunds")."""
    if count == 1 and key + "_one" in CATALOGUE:
        key += "_one"
    return t(key, lang, **kwargs)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# Both locales group by thousands and differ only in which of "," and "." does what.
_SEPARATORS = {"en": None, "de": str.maketrans(",.", ".,")}


def _grouped(value, lang: str, decimals: int, scale: int = 0) -> str | None:
    """``value`` as Babel writes it with the pattern ``#,##0.00`` (its shortest decimal form,
    rounded half to even), by Python's formatter: Babel took 50 microseconds a number, and a
    table of a thousand amounts is drawn again on each rerun. None for a value it cannot write
    (infinite, or a language of other separators): Babel then writes it."""
    if lang not in _SEPARATORS:
        return None
    try:
        number = decimal.Decimal(str(value)).scaleb(scale)
    except (decimal.InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    text = format(number, f",.{decimals}f")
    return text.translate(_SEPARATORS[lang]) if _SEPARATORS[lang] else text


def fmt_number(value, lang: str = "en", decimals: int = 0) -> str:
    if _missing(value):
        return t("metric.not_available", lang)
    if (text := _grouped(value, lang, decimals)) is not None:
        return text
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def fmt_money(value, lang: str = "en", decimals: int = 2) -> str:
    if _missing(value):
        return t("metric.not_available", lang)
    return _with_sign(value, fmt_number(abs(value), lang, decimals), lang)


def _with_sign(value, digits: str, lang: str) -> str:
    """``digits`` (an absolute amount already formatted) with the currency sign and a minus."""
    sign = currency_symbol(lang)
    minus = "-" if value < 0 and digits.strip("0.,") else ""
    if lang == "de":
        return f"{minus}{digits}\u00a0{sign}"
    return f"{minus}{sign}{'' if len(sign) == 1 else chr(160)}{digits}"


def fmt_money_short(value, lang: str = "en") -> str:
    """Money for a narrow tile: with cents below 100,000 (a till total can be checked to the
    cent), whole units below a million, then compact (€1.85M, 1,85 Mio. €)."""
    if _missing(value):
        return t("metric.not_available", lang)
    if abs(value) < 1_000_000:
        return fmt_money(value, lang, 0 if abs(value) >= 100_000 else 2)
    return _with_sign(value, format_compact_decimal(abs(value), locale=LOCALES[lang],
                                                    fraction_digits=2), lang)


def fmt_percent(value, lang: str = "en", decimals: int = 1) -> str:
    if _missing(value):
        return t("metric.not_available", lang)
    if (text := _grouped(value, lang, decimals, scale=2)) is not None:
        return text + ("%" if lang == "en" else "\u00a0%")
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
