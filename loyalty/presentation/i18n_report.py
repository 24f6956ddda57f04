"""English and German text of the board pack (PDF) and its button (merged into
:data:`loyalty.presentation.i18n.CATALOGUE`)."""

TEXTS: dict[str, tuple[str, str]] = {
    "pack.prepare": ("Board pack (PDF)", "Management-Bericht (PDF)"),
    "pack.prepare_help": ("Puts every page's figures, charts and a short reading of each into one "
                          "PDF for a meeting, in the language, period and filters chosen here, "
                          "with the what-if scenarios saved in this session. Takes a few "
                          "seconds.",
                          "Fasst die Kennzahlen, Diagramme und eine kurze Einordnung jeder Seite "
                          "in einem PDF für eine Besprechung zusammen, in der hier gewählten "
                          "Sprache, mit Zeitraum und Filtern sowie den in dieser Sitzung "
                          "gespeicherten Was-wäre-wenn-Szenarien. Dauert einige Sekunden."),
    "pack.failed": ("The board pack could not be made: {reason}",
                    "Der Management-Bericht konnte nicht erstellt werden: {reason}"),
    "pack.title": ("Board pack", "Management-Bericht"),
    "pack.period": ("{start} – {end}", "{start} – {end}"),
    "pack.compared": ("compared with {start} – {end}", "verglichen mit {start} – {end}"),
    "pack.not_compared": ("no comparison: the data does not cover the period before",
                          "kein Vergleich: die Daten reichen nicht in den Zeitraum davor"),
    "pack.cover_shop": ("Shop / dataset", "Shop / Datensatz"),
    "pack.cover_period": ("Period", "Zeitraum"),
    "pack.cover_filters": ("Filters", "Filter"),
    "pack.cover_sources": ("Data sources", "Datenquellen"),
    "pack.cover_created": ("Created", "Erstellt"),
    "pack.cover_settings": ("Settings", "Einstellungen"),
    "pack.settings_text": ("Each page as it opens: the inactivity window the data suggests, the "
                           "tier ladder the members file implies, six months before and after "
                           "the programme launch, the default loyalty-type rules.",
                           "Jede Seite so, wie sie sich öffnet: das Inaktivitätsfenster, das die "
                           "Daten nahelegen, die Stufen, die die Mitgliederdatei ergibt, sechs "
                           "Monate vor und nach dem Programmstart, die voreingestellten Regeln "
                           "der Treuetypen."),
    "pack.settings_used": ("As set in the dashboard: {window}; tiers by qualifying spend over "
                           "{months} months; {rules}; six months before and after the programme "
                           "launch.",
                           "Wie im Dashboard eingestellt: {window}; Stufen nach qualifizierendem "
                           "Umsatz der letzten {months} Monate; {rules}; sechs Monate vor und "
                           "nach dem Programmstart."),
    "pack.settings_window": ("inactivity window {days} days", "Inaktivitätsfenster {days} Tage"),
    "pack.settings_window_suggested": ("the inactivity window the data suggests",
                                       "das Inaktivitätsfenster, das die Daten nahelegen"),
    "pack.settings_rules_default": ("the default loyalty-type rules",
                                    "die voreingestellten Regeln der Treuetypen"),
    "pack.settings_rules_changed": ("your own loyalty-type rules (at least {n} orders)",
                                    "Ihre eigenen Regeln der Treuetypen (mindestens {n} "
                                    "Bestellungen)"),
    "pack.churn_none_by_type": ("No customer has churned at the period's end, in any loyalty "
                                "type.",
                                "Am Ende des Zeitraums ist in keinem Treuetyp ein Kunde "
                                "abgewandert."),
    "pack.headline": ("Headline figures", "Kennzahlen auf einen Blick"),
    "pack.col_figure": ("Figure", "Kennzahl"),
    "pack.col_now": ("{start} – {end}", "{start} – {end}"),
    "pack.col_before": ("Before: {start} – {end}", "Davor: {start} – {end}"),
    "pack.col_before_none": ("Before (no data)", "Davor (keine Daten)"),
    "pack.col_change": ("Change", "Veränderung"),
    "pack.headline_note": ("The same figures as the Overview page's tiles. Changes of shares are "
                           "in percentage points (pp), of NPS in points, of amounts in percent.",
                           "Dieselben Kennzahlen wie auf der Übersicht. Veränderungen von "
                           "Anteilen in Prozentpunkten (Pp.), des NPS in Punkten, von Beträgen "
                           "in Prozent."),
    "pack.no_comparison": ("No changes: the data does not cover the period of equal length "
                           "before this one.",
                           "Keine Veränderungen: die Daten reichen nicht in den gleich langen "
                           "Zeitraum davor."),
    "pack.rose": ("{label}: up {change} to {now}.", "{label}: um {change} gestiegen auf {now}."),
    "pack.fell": ("{label}: down {change} to {now}.", "{label}: um {change} gesunken auf {now}."),
    "pack.unchanged": ("{label}: unchanged at {now}.", "{label}: unverändert bei {now}."),
    "pack.value_only": ("{label}: {now}.", "{label}: {now}."),
    "pack.points": ("points", "Punkte"),
    "pack.nps_real": ("That is more than chance: with 95% confidence the change lies between "
                      "{low} and {high} points.",
                      "Das ist mehr als Zufall: mit 95 % Sicherheit liegt die Veränderung "
                      "zwischen {low} und {high} Punkten."),
    "pack.nps_noise": ("That is within the 95% interval ({low} to {high} points): not yet a "
                       "real change.",
                       "Das liegt im 95-%-Intervall ({low} bis {high} Punkte): noch keine "
                       "echte Veränderung."),
    "pack.overview_best_month": ("The strongest month was {month} with {revenue} net revenue.",
                                 "Der stärkste Monat war {month} mit {revenue} Nettoumsatz."),
    "pack.overview_members": ("Members brought {share} of the period's net revenue.",
                              "Mitglieder brachten {share} des Nettoumsatzes im Zeitraum."),
    "pack.types_largest": ("The largest loyalty type is {type}: {customers} customers ({share}) "
                           "with {revenue} of revenue.",
                           "Der größte Treuetyp ist {type}: {customers} Kunden ({share}) mit "
                           "{revenue} des Umsatzes."),
    "pack.types_richest": ("{type} customers spend the most: {spend} each on average.",
                           "Kunden vom Typ {type} geben am meisten aus: im Schnitt {spend}."),
    # The readings are put together from counted phrases, each with its singular.
    "pack.churn_reading": ("In the period {new}, {reactivated} and {churned} (no purchase for "
                           "{days} days); on average {rate} of the active customers churned "
                           "each month.",
                           "Im Zeitraum {new}, {reactivated} und {churned} (seit {days} Tagen "
                           "kein Kauf); im Schnitt wanderten pro Monat {rate} der aktiven Kunden "
                           "ab."),
    "pack.n_new": ("{n} customers were new", "kamen {n} Kunden neu hinzu"),
    "pack.n_new_one": ("1 customer was new", "kam 1 Kunde neu hinzu"),
    "pack.n_back": ("{n} came back", "{n} kamen zurück"),
    "pack.n_back_one": ("1 came back", "1 kam zurück"),
    "pack.n_churned": ("{n} churned", "{n} wanderten ab"),
    "pack.n_churned_one": ("1 churned", "1 wanderte ab"),
    "pack.tiers_reading": ("Between {start} and {end}, {up}, {down} and {stay}. {near}",
                           "Zwischen {start} und {end} {up}, {down} und {stay}. {near}"),
    "pack.n_up": ("{n} customers moved up a tier", "stiegen {n} Kunden eine Stufe auf"),
    "pack.n_up_one": ("1 customer moved up a tier", "stieg 1 Kunde eine Stufe auf"),
    "pack.n_down": ("{n} moved down", "{n} stiegen ab"),
    "pack.n_down_one": ("1 moved down", "1 stieg ab"),
    "pack.n_stay": ("{n} stayed", "{n} blieben"),
    "pack.n_stay_one": ("1 stayed", "1 blieb"),
    "pack.n_near": ("{n} customers are within {within} of the next tier.",
                    "{n} Kunden fehlen höchstens {within} bis zur nächsten Stufe."),
    "pack.n_near_one": ("1 customer is within {within} of the next tier.",
                        "1 Kunde fehlt höchstens {within} bis zur nächsten Stufe."),
    "pack.tier_from": ("From (qualifying spend)", "Ab (qualifizierender Umsatz)"),
    "pack.points_reading": ("Points outstanding at the end: {outstanding}, a liability of "
                            "{liability} at {value} a point.",
                            "Offene Punkte am Ende: {outstanding}, eine Verbindlichkeit von "
                            "{liability} bei {value} je Punkt."),
    "pack.programme_reading": ("Around the launch on {launch} ({months} months before and "
                               "after), members' spend per month changed by {effect} more than "
                               "non-members' (95% interval {low} to {high}).",
                               "Um den Start am {launch} ({months} Monate davor und danach) "
                               "änderte sich der Monatsumsatz der Mitglieder um {effect} mehr "
                               "als der der Nichtmitglieder (95-%-Intervall {low} bis {high})."),
    "pack.scenarios": ("Saved what-if scenarios", "Gespeicherte Was-wäre-wenn-Szenarien"),
    "pack.scenarios_reading": ("Scenarios saved on the What-if page: {n}. Their results side by "
                               "side, then the assumptions each rests on and its charts.",
                               "Auf der Seite Was-wäre-wenn gespeicherte Szenarien: {n}. Ihre "
                               "Ergebnisse im Vergleich, dann die Annahmen jedes Szenarios und "
                               "seine Diagramme."),
    "pack.scenarios_none": ("No what-if scenarios saved in this session. Save them on the "
                            "What-if page (Scenarios tab) to include them here.",
                            "In dieser Sitzung sind keine Was-wäre-wenn-Szenarien gespeichert. "
                            "Speichern Sie sie auf der Seite Was-wäre-wenn (Reiter Szenarien), "
                            "um sie hier aufzunehmen."),
    "pack.scenarios_cli": ("No what-if scenarios: they are saved in a dashboard session, so a "
                           "pack made on the command line has none.",
                           "Keine Was-wäre-wenn-Szenarien: sie werden in einer Sitzung des "
                           "Dashboards gespeichert, ein Bericht von der Kommandozeile hat daher "
                           "keine."),
}
