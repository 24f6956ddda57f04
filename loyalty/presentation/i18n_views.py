"""Text for choosing what a period is compared with, in English and German (merged into
:data:`loyalty.presentation.i18n.CATALOGUE`)."""

TEXTS: dict[str, tuple[str, str]] = {
    "compare.label": ("Compare with", "Vergleichen mit"),
    "compare.help": ("What every change on every page is measured against: the period of equal "
                     "length just before the chosen one, the same dates one year earlier, or a "
                     "period you pick. Without data for it, no change is shown.",
                     "Womit jede Veränderung auf allen Seiten verglichen wird: mit dem gleich "
                     "langen Zeitraum direkt davor, mit denselben Tagen ein Jahr früher oder mit "
                     "einem Zeitraum Ihrer Wahl. Ohne Daten dafür wird keine Veränderung "
                     "gezeigt."),
    "compare.option.previous": ("Previous period", "Vorzeitraum"),
    "compare.option.year": ("Same period last year", "Vorjahreszeitraum"),
    "compare.option.custom": ("Custom period", "Eigener Zeitraum"),
    "compare.custom_dates": ("Comparison period", "Vergleichszeitraum"),
    "compare.custom_dates_help": ("The dates every change is measured against.",
                                  "Die Tage, mit denen jede Veränderung verglichen wird."),
    # What the period is compared with, inside a sentence.
    "compare.what.previous": ("the previous period", "dem Vorzeitraum"),
    "compare.what.year": ("the same period last year", "dem Vorjahreszeitraum"),
    "compare.what.custom": ("your comparison period", "Ihrem Vergleichszeitraum"),
    # The comparison period as a name (a chart line's legend).
    "compare.name.previous": ("previous period", "Vorzeitraum"),
    "compare.name.year": ("same period last year", "Vorjahreszeitraum"),
    "compare.name.custom": ("comparison period", "Vergleichszeitraum"),
    "compare.line": ("Net revenue, {name}", "Nettoumsatz, {name}"),
    "compare.period": ("{start} – {end}, compared with {what}: {pstart} – {pend}",
                       "{start} – {end}, verglichen mit {what}: {pstart} – {pend}"),
    "compare.uncovered": ("{start} – {end}. No comparison: your data ({first} – {last}) "
                          "does not cover {pstart} – {pend}, so no changes are shown.",
                          "{start} – {end}. Kein Vergleich: Ihre Daten ({first} – {last}) "
                          "decken {pstart} – {pend} nicht ab, daher werden keine Veränderungen "
                          "gezeigt."),
    "compare.empty": ("{start} – {end}. No comparison: there are no purchases in {pstart} – "
                      "{pend} for the chosen filters, so no changes are shown.",
                      "{start} – {end}. Kein Vergleich: Für die gewählten Filter gibt es keine "
                      "Käufe von {pstart} bis {pend}, daher werden keine Veränderungen gezeigt."),
    "compare.unset": ("{start} – {end}. No comparison: pick a comparison period in the sidebar.",
                      "{start} – {end}. Kein Vergleich: Wählen Sie links einen "
                      "Vergleichszeitraum."),
    "compare.nps_none": ("No comparison: {pstart} – {pend} has no survey answers.",
                         "Kein Vergleich: Von {pstart} bis {pend} gibt es keine "
                         "Umfrageantworten."),
    "compare.retention_none": ("Retention needs purchases in the comparison period; your data "
                               "does not cover it.",
                               "Die Bindungsquote braucht Käufe im Vergleichszeitraum; Ihre "
                               "Daten decken ihn nicht ab."),
}
