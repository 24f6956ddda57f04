"""English and German text of the Programme and What-if pages and the scenario report
(merged into :data:`loyalty.presentation.i18n.CATALOGUE`)."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.programme": ("Programme", "Programm"),
    "nav.whatif": ("What-if", "Was-wäre-wenn"),
    "tier.bronze": ("Bronze", "Bronze"),
    "tier.silver": ("Silver", "Silber"),
    "tier.gold": ("Gold", "Gold"),

    "tiers.outstanding_help": ("All points earned minus all points redeemed so far. Expired "
                               "points are not in the data, so this is an upper bound.",
                               "Alle gesammelten minus alle eingelösten Punkte bisher. Verfallene "
                               "Punkte sind nicht in den Daten, daher ist dies eine Obergrenze."),
    "tiers.upgrades_help": ("Customers with a tier at both dates whose tier at the period's end "
                            "is higher than the day before it started.",
                            "Kunden mit Stufe an beiden Tagen, deren Stufe am Ende des Zeitraums "
                            "höher ist als am Tag vor seinem Beginn."),
    "tiers.downgrades_help": ("Customers whose tier at the period's end is lower than the day "
                              "before it started.",
                              "Kunden, deren Stufe am Ende des Zeitraums niedriger ist als am "
                              "Tag vor seinem Beginn."),
    "tiers.stays_help": ("Customers in the same tier at both dates.",
                         "Kunden mit derselben Stufe an beiden Tagen."),
    "tiers.breakage": ("Breakage", "Verfallsquote"),
    "tiers.breakage_help": ("1 - redemption rate: the share of earned points not redeemed "
                            "(yet).",
                            "1 - Einlösequote: Anteil der gesammelten Punkte, die (noch) nicht "
                            "eingelöst wurden."),

    # Programme page
    "prog.title": ("Programme results", "Programmerfolg"),
    "prog.intro": ("Members against non-members in the period, the change around the programme's "
                   "launch, and what the programme returns on its cost.",
                   "Mitglieder gegenüber Nichtmitgliedern im Zeitraum, die Veränderung um den "
                   "Programmstart und was das Programm im Verhältnis zu seinen Kosten einbringt."),
    "prog.compare": ("Members and non-members", "Mitglieder und Nichtmitglieder"),
    "prog.compare_help": ("Identified customers who bought in the period. Members are the "
                          "customers listed in the members file.",
                          "Bekannte Kunden mit Kauf im Zeitraum. Mitglieder sind die Kunden aus "
                          "der Mitgliederdatei."),
    "prog.retention": ("Retention", "Bindungsquote"),
    "prog.retention_help": ("Retention: of the customers who bought in the comparison period "
                            "(under Compare with), the share who bought again in this one.",
                            "Bindungsquote: Anteil der Kunden mit Kauf im Vergleichszeitraum "
                            "(unter Vergleichen mit), die in diesem Zeitraum wieder gekauft "
                            "haben."),
    "prog.launch": ("Before and after the launch", "Vor und nach dem Start"),
    "prog.launch_help": ("Difference in differences: the change in members' monthly spend from "
                         "before to after the launch, minus the change for non-members over the "
                         "same months. Only customers who bought before the launch are compared.",
                         "Differenz der Differenzen: Veränderung des Monatsumsatzes der "
                         "Mitglieder von vor zu nach dem Start, abzüglich der Veränderung bei "
                         "Nichtmitgliedern in denselben Monaten. Verglichen werden nur Kunden, "
                         "die schon vor dem Start gekauft haben."),
    "prog.launch_date": ("Programme launch", "Programmstart"),
    "prog.launch_date_help": ("Taken from the earliest join date in the members file; change it "
                              "if the programme started on another day.",
                              "Aus dem frühesten Beitrittsdatum der Mitgliederdatei; ändern Sie "
                              "es, wenn das Programm an einem anderen Tag begann."),
    "prog.launch_found": ("The members file's earliest join date is {date}.",
                          "Das früheste Beitrittsdatum in der Mitgliederdatei ist der {date}."),
    "prog.months": ("Months before and after", "Monate davor und danach"),
    "prog.months_help": ("How many months on each side of the launch are compared.",
                         "Wie viele Monate vor und nach dem Start verglichen werden."),
    "prog.window_outside": ("The comparison runs from {start} to {end}, but the data covers "
                            "{first} to {last}: months without data count as no spend. Choose "
                            "fewer months or another launch date.",
                            "Der Vergleich läuft vom {start} bis {end}, die Daten reichen vom "
                            "{first} bis {last}: Monate ohne Daten zählen als kein Umsatz. "
                            "Wählen Sie weniger Monate oder ein anderes Startdatum."),
    "prog.no_groups": ("The comparison needs at least two members and two non-members who bought "
                       "before the launch.",
                       "Für den Vergleich braucht es mindestens zwei Mitglieder und zwei "
                       "Nichtmitglieder mit Kauf vor dem Start."),
    "prog.panel": ("Compared: {members} members and {non_members} non-members who bought in the "
                   "{months} months before the launch; spend from {start} to {end}.",
                   "Verglichen: {members} Mitglieder und {non_members} Nichtmitglieder mit Kauf "
                   "in den {months} Monaten vor dem Start; Umsatz vom {start} bis {end}."),
    "prog.before": ("Before the launch", "Vor dem Start"),
    "prog.after": ("After the launch", "Nach dem Start"),
    "prog.counterfactual": ("Members, had they changed like non-members",
                            "Mitglieder, hätten sie sich wie Nichtmitglieder entwickelt"),
    "prog.spend_month": ("Spend per customer and month", "Umsatz pro Kunde und Monat"),
    "prog.effect": ("Programme effect per member and month",
                    "Programmeffekt pro Mitglied und Monat"),
    "prog.effect_help": ("Members' change in monthly spend minus non-members' change.",
                         "Veränderung des Monatsumsatzes der Mitglieder minus die der "
                         "Nichtmitglieder."),
    "prog.interval": ("95% interval", "95-%-Intervall"),
    "prog.interval_help": ("Effect plus and minus 1.96 standard errors: the range that is "
                           "consistent with the data.",
                           "Effekt plus und minus 1,96 Standardfehler: der Bereich, der mit den "
                           "Daten vereinbar ist."),
    "prog.significant": ("The interval does not include zero: members' spend changed differently "
                         "from non-members'.",
                         "Das Intervall enthält nicht die Null: Der Umsatz der Mitglieder hat "
                         "sich anders entwickelt als der der Nichtmitglieder."),
    "prog.not_significant": ("The interval includes zero: the data cannot tell the programme's "
                             "effect apart from chance.",
                             "Das Intervall enthält die Null: Die Daten können einen "
                             "Programmeffekt nicht vom Zufall unterscheiden."),
    "prog.roi": ("Return on the programme", "Rendite des Programms"),
    "prog.roi_help": ("Incremental profit = effect x members compared x months x gross margin; "
                      "ROI = (incremental profit - cost) / cost.",
                      "Zusatzgewinn = Effekt x verglichene Mitglieder x Monate x Bruttomarge; "
                      "Rendite = (Zusatzgewinn - Kosten) / Kosten."),
    "prog.cost": ("Programme cost over the {months} months after the launch",
                  "Programmkosten in den {months} Monaten nach dem Start"),
    "prog.cost_help": ("Everything the programme cost in those months: rewards, discounts, "
                       "software, staff, marketing.",
                       "Alles, was das Programm in diesen Monaten gekostet hat: Prämien, "
                       "Rabatte, Software, Personal, Werbung."),
    "prog.incremental_revenue": ("Extra revenue from members", "Zusatzumsatz durch Mitglieder"),
    "prog.incremental_revenue_help": ("Effect per member and month x members compared x months.",
                                      "Effekt pro Mitglied und Monat x verglichene Mitglieder "
                                      "x Monate."),
    "prog.net": ("Extra profit after cost", "Zusatzgewinn nach Kosten"),
    "prog.net_help": ("Extra revenue x gross margin - programme cost.",
                      "Zusatzumsatz x Bruttomarge - Programmkosten."),
    "prog.roi_value": ("Programme ROI", "Programmrendite"),
    "prog.roi_value_help": ("(Extra profit - cost) / cost. Above 0% the programme earns more "
                            "than it costs.",
                            "(Zusatzgewinn - Kosten) / Kosten. Über 0 % bringt das Programm mehr "
                            "ein, als es kostet."),
    "prog.enter_cost": ("enter the cost", "Kosten eingeben"),
    "prog.roi_range": ("ROI at the ends of the effect's 95% interval: {low} to {high}.",
                       "Rendite an den Enden des 95-%-Intervalls des Effekts: {low} bis {high}."),
    "prog.caveats_title": ("What this comparison can and cannot prove",
                           "Was dieser Vergleich zeigen kann und was nicht"),
    "prog.caveats": (
        "- It **can** show whether members' spending changed differently from non-members' after "
        "the launch, with the season and general trends taken out by the non-members.\n"
        "- It **cannot** prove the programme caused the difference. Customers choose to join; "
        "keener customers join more often and might have spent more anyway, so the effect tends "
        "to be overstated.\n"
        "- Members who joined late count as members throughout, which understates the effect for "
        "those who joined early.\n"
        "- Non-members who noticed the programme (in-store signs, offers) may have changed too.\n"
        "- A trial in some stores only, or a random group offered the programme later, would give "
        "a cleaner answer.",
        "- Er **kann** zeigen, ob sich die Umsätze der Mitglieder nach dem Start anders entwickelt "
        "haben als die der Nichtmitglieder; Saison und allgemeine Trends werden über die "
        "Nichtmitglieder herausgerechnet.\n"
        "- Er **kann nicht** beweisen, dass das Programm den Unterschied verursacht hat. Kunden "
        "treten freiwillig bei; engagiertere Kunden treten häufiger bei und hätten vielleicht "
        "ohnehin mehr ausgegeben, daher wird der Effekt eher überschätzt.\n"
        "- Spät beigetretene Mitglieder zählen durchgehend als Mitglieder; das unterschätzt den "
        "Effekt bei früh Beigetretenen.\n"
        "- Auch Nichtmitglieder, die das Programm bemerkt haben (Aufsteller, Angebote), können "
        "sich verändert haben.\n"
        "- Ein Test nur in einigen Filialen oder eine zufällige Gruppe, der das Programm später "
        "angeboten wird, gäbe eine sauberere Antwort."),

    # What-if page
    "plan.title": ("What-if planning", "Was-wäre-wenn-Planung"),
    "plan.intro": ("Change tier thresholds and benefits, the discount depth or churn and see the "
                   "effect on customers, revenue and margin before you change anything. Figures "
                   "are per year, based on the last 12 months; every assumption can be edited.",
                   "Ändern Sie Stufenschwellen und Vorteile, die Rabatthöhe oder die Abwanderung "
                   "und sehen Sie die Wirkung auf Kunden, Umsatz und Marge, bevor Sie etwas "
                   "ändern. Werte pro Jahr, auf Basis der letzten 12 Monate; jede Annahme ist "
                   "änderbar."),
    "plan.margin": ("Gross margin", "Bruttomarge"),
    "plan.margin_help": ("Your gross margin at full price: (price - cost of goods) / price.",
                         "Ihre Bruttomarge zum vollen Preis: (Preis - Wareneinsatz) / Preis."),
    "plan.tiers_tab": ("Tier thresholds", "Stufenschwellen"),
    "plan.discount_tab": ("Discount depth", "Rabatthöhe"),
    "plan.retention_tab": ("Retention", "Kundenbindung"),
    "plan.scenarios_tab": ("Scenarios", "Szenarien"),
    "plan.ladder_members": ("Today's thresholds are read from the members file: where its tiers "
                            "separate best by qualifying spend over the last 12 months.",
                            "Die heutigen Schwellen stammen aus der Mitgliederdatei: dort, wo "
                            "sich ihre Stufen nach dem qualifizierenden Umsatz der letzten 12 "
                            "Monate am besten trennen."),
    "plan.ladder_default": ("No tiers in the data: today's thresholds are the defaults (0, 300, "
                            "800 of qualifying spend over the last 12 months).",
                            "Keine Stufen in den Daten: Die heutigen Schwellen sind die "
                            "Vorgaben (0, 300, 800 qualifizierender Umsatz der letzten 12 "
                            "Monate)."),
    "plan.new_thresholds": ("Planned thresholds", "Geplante Schwellen"),
    "plan.new_thresholds_help": ("Qualifying spend over 12 months from which a customer reaches "
                                 "each tier under the plan.",
                                 "Qualifizierender Umsatz über 12 Monate, ab dem ein Kunde nach "
                                 "dem Plan die jeweilige Stufe erreicht."),
    "plan.today_from": ("Today: from {value}.", "Heute: ab {value}."),
    "plan.thresholds_order": ("Each tier's threshold must be higher than the one below it.",
                              "Jede Schwelle muss höher sein als die der Stufe darunter."),
    "plan.benefits_today": ("Today's benefits per tier", "Heutige Vorteile pro Stufe"),
    "plan.benefits_new": ("Planned benefits per tier", "Geplante Vorteile pro Stufe"),
    "plan.benefits_help": ("What each tier gets under the plan; start from today's benefits "
                           "(above) and change what you plan to change.",
                           "Was jede Stufe nach dem Plan erhält; ausgehend von den heutigen "
                           "Vorteilen (oben)."),
    "plan.discount_pct": ("Discount %", "Rabatt %"),
    "plan.discount_pct_help": ("Share of the member's spend given back as a discount.",
                               "Anteil des Umsatzes, der als Rabatt zurückgegeben wird."),
    "plan.multiplier": ("Points multiplier", "Punkte-Multiplikator"),
    "plan.multiplier_help": ("2 means double points.", "2 bedeutet doppelte Punkte."),
    "plan.fixed_cost": ("Fixed cost per member and year", "Fixkosten pro Mitglied und Jahr"),
    "plan.fixed_cost_help": ("Cards, gifts, free delivery, events: what a member of the tier "
                             "costs regardless of spend.",
                             "Karten, Geschenke, Gratisversand, Events: was ein Mitglied der "
                             "Stufe unabhängig vom Umsatz kostet."),
    "plan.tier_assumptions": ("Assumptions: points, goal gradient and demotion",
                              "Annahmen: Punkte, Zielgradient und Abstufung"),
    "plan.points_per_unit": ("Points per euro", "Punkte pro Euro"),
    "plan.points_per_unit_help": ("Points a customer earns per euro at multiplier 1.",
                                  "Punkte pro Euro Umsatz bei Multiplikator 1."),
    "plan.zone": ("Stretch zone", "Ansporn-Zone"),
    "plan.zone_help": ("Customers short of a threshold by at most this share of it may stretch "
                       "to reach it (goal gradient, Kivetz et al. 2006).",
                       "Kunden, denen höchstens dieser Anteil der Schwelle fehlt, strengen sich "
                       "eventuell an, sie zu erreichen (Zielgradient, Kivetz u. a. 2006)."),
    "plan.stretch": ("Chance of stretching right below a threshold",
                     "Chance des Anstrengens knapp unter der Schwelle"),
    "plan.stretch_help": ("Falls to zero at the edge of the zone. An assumption: check it against "
                          "your own campaigns. Low and high use half and 1.5 times this value.",
                          "Fällt bis zum Rand der Zone auf null. Eine Annahme: prüfen Sie sie an "
                          "eigenen Aktionen. Niedrig und hoch verwenden die Hälfte und das "
                          "1,5-Fache."),
    "plan.moving_up": ("Customers moving up", "Kunden steigen auf"),
    "plan.moving_up_help": ("Customers whose tier is higher under the planned thresholds than "
                            "today, before anyone stretches.",
                            "Kunden, deren Stufe mit den geplanten Schwellen höher ist als heute, "
                            "bevor sich jemand anstrengt."),
    "plan.moving_down": ("Customers moving down", "Kunden steigen ab"),
    "plan.moving_down_help": ("Customers whose tier is lower under the planned thresholds, "
                              "before anyone stretches.",
                              "Kunden, deren Stufe mit den geplanten Schwellen niedriger ist, "
                              "bevor sich jemand anstrengt."),
    "plan.lost_spend": ("Lost spend from demoted customers", "Umsatzverlust durch Abstufung"),
    "plan.lost_spend_help": ("Demoted customers' yearly spend x the share they lose (under "
                             "Assumptions). Low and high use 1.5 times and half the share.",
                             "Jahresumsatz der abgestuften Kunden x der Anteil, den sie verlieren "
                             "(unter Annahmen). Vorsichtig und optimistisch verwenden das "
                             "1,5-Fache und die Hälfte."),
    "plan.demotion_loss": ("Spend lost by a demoted customer", "Umsatzverlust bei Abstufung"),
    "plan.demotion_loss_help": ("Customers moved down a tier lower their loyalty and spending, "
                                "by more than a promotion raises them (Wagner, Hennig-Thurau & "
                                "Rudolph 2009, Journal of Marketing). 15% of their yearly spend "
                                "is our assumption, not a figure from the paper.",
                                "Abgestufte Kunden werden weniger treu und kaufen weniger, "
                                "stärker als eine Höherstufung sie steigert (Wagner, "
                                "Hennig-Thurau & Rudolph 2009, Journal of Marketing). 15 % ihres "
                                "Jahresumsatzes sind unsere Annahme, keine Zahl aus der Studie."),
    "plan.cost_change": ("Change in benefit cost", "Veränderung der Vorteilskosten"),
    "plan.cost_change_help": ("Planned minus today's yearly cost of discounts, points (at the "
                              "point value) and fixed benefits, including stretchers.",
                              "Geplante minus heutige jährliche Kosten für Rabatte, Punkte (zum "
                              "Punktwert) und feste Vorteile, einschließlich der Anstrengenden."),
    "plan.stretch_spend": ("Extra spend from stretching", "Mehrumsatz durch Anstrengen"),
    "plan.stretch_spend_help": ("Expected extra spend of customers who get a new threshold "
                                "within reach under the plan and stretch to it. What today's "
                                "thresholds make customers do is already in the data.",
                                "Erwarteter Mehrumsatz der Kunden, die nach dem Plan eine neue "
                                "Schwelle in Reichweite haben und sich dafür anstrengen. Was die "
                                "heutigen Schwellen bewirken, steckt schon in den Daten."),
    "plan.margin_change": ("Change in margin", "Veränderung der Marge"),
    "plan.margin_change_help": ("(Extra spend - lost spend) x gross margin - change in benefit "
                                "cost, per year.",
                                "(Mehrumsatz - Umsatzverlust) x Bruttomarge - Veränderung der "
                                "Vorteilskosten, pro Jahr."),
    "plan.band_caption": ("Low to high assumptions: {range}.",
                          "Vorsichtige bis optimistische Annahmen: {range}."),
    "plan.range": ("{low} to {high}", "{low} bis {high}"),
    "plan.today": ("Today", "Heute"),
    "plan.planned": ("Planned", "Geplant"),
    "plan.tier_today": ("Tier today", "Stufe heute"),
    "plan.tier_planned": ("Tier planned", "Stufe geplant"),
    "plan.customers_today": ("Customers today", "Kunden heute"),
    "plan.customers_planned": ("Customers planned", "Kunden geplant"),
    "plan.cost_today": ("Benefit cost today", "Vorteilskosten heute"),
    "plan.cost_planned": ("Benefit cost planned", "Vorteilskosten geplant"),
    "plan.no_customers": ("No identified customers bought in the last 12 months.",
                          "In den letzten 12 Monaten hat kein bekannter Kunde gekauft."),
    "plan.estimated": ("Response estimated from your data ({days} days): on days with an average "
                       "discount of {depth}, orders were {uplift} higher than on comparable days "
                       "of the same month (95% interval {low} to {high}). This includes orders "
                       "pulled forward; only the incremental share below counts as new.",
                       "Reaktion aus Ihren Daten geschätzt ({days} Tage): An Tagen mit "
                       "durchschnittlich {depth} Rabatt gab es {uplift} mehr Bestellungen als an "
                       "vergleichbaren Tagen desselben Monats (95-%-Intervall {low} bis {high}). "
                       "Darin sind vorgezogene Käufe enthalten; nur der unten eingestellte "
                       "zusätzliche Anteil zählt als neu."),
    "plan.literature": ("Response from published defaults, not from your data ({reason}): "
                        "S-shaped in the depth (Gupta & Cooper 1992), never more than published "
                        "price elasticities allow, about a third of the extra orders truly new "
                        "(Bijmolt et al. 2005). Adjust them under Assumptions.",
                        "Reaktion aus Literaturwerten, nicht aus Ihren Daten ({reason}): "
                        "S-förmig in der Rabatthöhe (Gupta & Cooper 1992), nie mehr als "
                        "veröffentlichte Preiselastizitäten erlauben, etwa ein Drittel der "
                        "zusätzlichen Bestellungen wirklich neu (Bijmolt u. a. 2005). Anpassen "
                        "unter Annahmen."),
    "plan.reason_few_days": ("too few days with discounts", "zu wenige Tage mit Rabatt"),
    "plan.reason_no_variation": ("discounts hardly vary", "Rabatte variieren kaum"),
    "plan.reason_no_column": ("no discount column", "keine Rabattspalte"),
    "plan.offer_to": ("Offer the discount to", "Rabatt anbieten an"),
    "plan.offer_to_help": ("Loyalty types that get the discount on every order.",
                           "Treuetypen, die den Rabatt auf jede Bestellung erhalten."),
    "plan.pick_types": ("Pick at least one loyalty type.", "Wählen Sie mindestens einen Treuetyp."),
    "plan.depth": ("Discount depth", "Rabatthöhe"),
    "plan.depth_help": ("Discount on every order of the chosen customers for a year.",
                        "Rabatt auf jede Bestellung der gewählten Kunden für ein Jahr."),
    "plan.warn_devalues": ("Discounts this deep make the product look less valuable and train "
                           "customers to wait for the next offer.",
                           "So hohe Rabatte lassen das Produkt weniger wert erscheinen und "
                           "erziehen Kunden, auf das nächste Angebot zu warten."),
    "plan.warn_too_small": ("Discounts this small rarely change behaviour: customers take them "
                            "without buying more. Below the threshold set under Assumptions the "
                            "model therefore counts no extra orders; the discount only costs.",
                            "So kleine Rabatte ändern das Verhalten kaum: Kunden nehmen sie mit, "
                            "ohne mehr zu kaufen. Unter der bei den Annahmen eingestellten "
                            "Schwelle rechnet das Modell daher mit keinen zusätzlichen "
                            "Bestellungen; der Rabatt kostet nur."),
    "plan.discount_assumptions": ("Assumptions: response to discounts",
                                  "Annahmen: Reaktion auf Rabatte"),
    "plan.discount_assumptions_help": ("Largest extra share of orders a deep discount brings, per "
                                       "loyalty type (in %), before the incremental share.",
                                       "Größter zusätzlicher Anteil an Bestellungen durch einen "
                                       "hohen Rabatt, pro Treuetyp (in %), vor dem zusätzlichen "
                                       "Anteil."),
    "plan.cap_help": ("At deep discounts this type orders up to this share more often.",
                      "Bei hohen Rabatten bestellt dieser Typ bis zu diesem Anteil häufiger."),
    "plan.threshold": ("Depth where the response is half way", "Rabatt bei halber Wirkung"),
    "plan.threshold_help": ("Below it little happens, above it the response saturates "
                            "(S-shaped response).",
                            "Darunter passiert wenig, darüber sättigt die Wirkung (S-förmige "
                            "Reaktion)."),
    "plan.width": ("Steepness around it", "Steilheit um diesen Punkt"),
    "plan.width_help": ("How many percentage points around the half-way depth the response "
                        "needs to rise: small = a sharp threshold, large = a gradual rise.",
                        "Wie viele Prozentpunkte um den Halbwegspunkt die Reaktion zum Anstieg "
                        "braucht: klein = scharfe Schwelle, groß = allmählicher Anstieg."),
    "plan.too_small": ("Threshold: no effect below depth", "Schwelle: keine Wirkung unter Rabatt"),
    "plan.too_small_help": ("Discounts below this depth change nothing (the threshold of the "
                            "S-shaped response, Gupta & Cooper 1992): the response starts from "
                            "zero here and the page warns below it.",
                            "Rabatte unter dieser Höhe ändern nichts (die Schwelle der "
                            "S-förmigen Reaktion, Gupta & Cooper 1992): die Reaktion beginnt hier "
                            "bei null, darunter warnt die Seite."),
    "plan.saturation": ("Bound stops growing at depth", "Obergrenze wächst bis Rabatt"),
    "plan.saturation_help": ("Saturation: deeper discounts than this bring no more orders than "
                             "the bound at this depth allows.",
                             "Sättigung: tiefere Rabatte bringen nicht mehr Bestellungen, als die "
                             "Obergrenze bei dieser Höhe erlaubt."),
    "plan.bound_help": ("Bound from published price elasticities (Bijmolt, van Heerde & Pieters "
                        "2005, 1,851 estimates): at depth d a loyalty type's orders rise by at "
                        "most |elasticity| x d (d at most the saturation depth), before the share "
                        "that is new. The mean elasticity -2.62 bounds the low and base case, the "
                        "short-term promotional elasticity -3.6 the high case. It applies to the "
                        "response sizes above and to a response estimated from your data.",
                        "Obergrenze aus veröffentlichten Preiselastizitäten (Bijmolt, van Heerde "
                        "& Pieters 2005, 1.851 Schätzungen): bei Rabatt d steigen die "
                        "Bestellungen eines Treuetyps um höchstens |Elastizität| x d (d höchstens "
                        "bis zur Sättigung), vor dem wirklich neuen Anteil. Die mittlere "
                        "Elastizität -2,62 begrenzt den vorsichtigen und mittleren Fall, die "
                        "kurzfristige Aktionselastizität -3,6 den optimistischen. Sie gilt für "
                        "die Reaktionsgrößen oben und für eine aus Ihren Daten geschätzte "
                        "Reaktion."),
    "plan.elasticity_base": ("Price elasticity (low and base)",
                             "Preiselastizität (vorsichtig und mittel)"),
    "plan.elasticity_base_help": ("Mean of 1,851 published estimates: -2.62 (Bijmolt et al. "
                                  "2005). 1% off raises orders by at most this many percent.",
                                  "Mittel aus 1.851 veröffentlichten Schätzungen: -2,62 (Bijmolt "
                                  "u. a. 2005). 1 % Rabatt steigert die Bestellungen um "
                                  "höchstens so viele Prozent."),
    "plan.elasticity_high": ("Price elasticity (high)", "Preiselastizität (optimistisch)"),
    "plan.elasticity_high_help": ("Short-term promotional elasticity, about -3.6 (Bijmolt et al. "
                                  "2005).",
                                  "Kurzfristige Aktionselastizität, etwa -3,6 (Bijmolt u. a. "
                                  "2005)."),
    "plan.estimate_clipped": (" This is more than published price elasticities allow at this "
                              "depth (at most {bound} more orders); the model uses that bound.",
                              " Das ist mehr, als veröffentlichte Preiselastizitäten bei dieser "
                              "Höhe erlauben (höchstens {bound} mehr Bestellungen); das Modell "
                              "verwendet diese Obergrenze."),
    "plan.bounded": ("The response was capped at what published price elasticities allow: at "
                     "{depth} a loyalty type orders at most {bound} more (before the share that "
                     "is new). The cap removed {removed} extra orders.",
                     "Die Reaktion wurde auf das begrenzt, was veröffentlichte "
                     "Preiselastizitäten erlauben: bei {depth} bestellt ein Treuetyp höchstens "
                     "{bound} mehr (vor dem wirklich neuen Anteil). Die Grenze strich {removed} "
                     "zusätzliche Bestellungen."),
    "plan.customers_offered": ("Customers offered the discount", "Kunden mit Rabattangebot"),
    "plan.customers_offered_help": ("Customers of the chosen loyalty types who bought in the last "
                                    "12 months.",
                                    "Kunden der gewählten Treuetypen, die in den letzten 12 "
                                    "Monaten gekauft haben."),
    "plan.orders_per_customer": ("Orders per customer and year today",
                                 "Bestellungen pro Kunde und Jahr heute"),
    "plan.orders_per_customer_help": ("Their orders in the last 12 months / these customers.",
                                      "Ihre Bestellungen der letzten 12 Monate / diese Kunden."),
    "plan.extra_per_customer": ("Extra orders per customer and year",
                                "Zusatzbestellungen pro Kunde und Jahr"),
    "plan.extra_per_customer_help": ("Extra orders per year / customers offered the discount. "
                                     "Compare it with today's orders per customer: it is what "
                                     "each of them would have to do differently.",
                                     "Zusatzbestellungen pro Jahr / Kunden mit Rabattangebot. "
                                     "Vergleichen Sie sie mit den heutigen Bestellungen pro "
                                     "Kunde: so viel müsste jeder anders machen."),
    "plan.incremental": ("Share of extra orders that are new", "Anteil wirklich neuer Bestellungen"),
    "plan.incremental_help": ("The rest is pulled forward or stockpiled. Published average: about "
                              "a third.",
                              "Der Rest ist vorgezogen oder bevorratet. Veröffentlichter "
                              "Durchschnitt: etwa ein Drittel."),
    "plan.devalue": ("Warn from depth", "Warnen ab Rabatt"),
    "plan.devalue_help": ("From this depth on the page warns that the product loses value in "
                          "customers' eyes (around 50% in the literature).",
                          "Ab dieser Höhe warnt die Seite, dass das Produkt an Wert verliert "
                          "(in der Literatur um 50 %)."),
    # A soft hyphen: in a narrow tile the word breaks as "Zusatz-/bestellungen".
    "plan.extra_orders": ("Extra orders per year", "Zusatz\u00adbestellungen pro Jahr"),
    "plan.extra_orders_help": ("Truly new orders: today's orders x response (at most the "
                               "published-elasticity bound) x share that is new.",
                               "Wirklich neue Bestellungen: heutige Bestellungen x Reaktion "
                               "(höchstens die Obergrenze aus Elastizitäten) x neuer Anteil."),
    "plan.revenue_change": ("Change in revenue", "Veränderung des Umsatzes"),
    "plan.revenue_change_help": ("Revenue after discount minus today's full-price revenue of the "
                                 "chosen customers.",
                                 "Umsatz nach Rabatt minus heutiger Umsatz zum vollen Preis der "
                                 "gewählten Kunden."),
    "plan.discount_cost": ("Discount cost", "Rabattkosten"),
    "plan.discount_cost_help": ("Discount given on all orders, the extra ones included.",
                                "Gewährter Rabatt auf alle Bestellungen, einschließlich der "
                                "zusätzlichen."),
    "plan.profit_change": ("Change in gross profit", "Veränderung des Rohertrags"),
    "plan.profit_change_help": ("Orders x full-price order value x (margin - depth), minus "
                                "today's orders x order value x margin.",
                                "Bestellungen x Bonwert zum vollen Preis x (Marge - Rabatt), "
                                "minus heutige Bestellungen x Bonwert x Marge."),
    "plan.best_depth": ("Best depth for gross profit (base assumptions): **{depth}**, "
                        "{profit} a year.",
                        "Beste Rabatthöhe für den Rohertrag (mittlere Annahmen): **{depth}**, "
                        "{profit} pro Jahr."),
    "plan.no_depth_pays": ("Under these assumptions no discount for these customers pays for "
                           "itself: the discount on orders they would place anyway costs more "
                           "than the extra orders bring. Try offering it only to the types "
                           "that respond most.",
                           "Unter diesen Annahmen rechnet sich für diese Kunden kein Rabatt: Der "
                           "Rabatt auf Bestellungen, die ohnehin kämen, kostet mehr, als die "
                           "zusätzlichen Bestellungen bringen. Bieten Sie ihn nur den "
                           "Treuetypen an, die am stärksten reagieren."),
    "plan.depth_axis": ("Discount depth", "Rabatthöhe"),
    "plan.band": ("Low to high", "Vorsichtig bis optimistisch"),
    "plan.low": ("Low", "Vorsichtig"),
    "plan.base": ("Base", "Mittel"),
    "plan.high": ("High", "Optimistisch"),
    "plan.best": ("Best", "Bester"),
    "plan.type": ("Loyalty type", "Treuetyp"),
    "plan.orders_year": ("Orders in the last 12 months", "Bestellungen der letzten 12 Monate"),
    "plan.aov_full": ("Order value at full price", "Bonwert zum vollen Preis"),
    "plan.short_year": ("Your data covers only {months} of the 12 months before the last year: "
                        "the churn rate counts only customers who bought in those months and is "
                        "likely lower than your real yearly churn. Enter the rate you expect.",
                        "Ihre Daten decken nur {months} der 12 Monate vor dem letzten Jahr ab: "
                        "die Abwanderungsrate zählt nur Kunden, die in diesen Monaten gekauft "
                        "haben, und ist wahrscheinlich niedriger als Ihre tatsächliche "
                        "jährliche Abwanderung. Geben Sie die erwartete Rate ein."),
    "plan.no_churn": ("With a yearly churn of 0% there is no churn to cut: enter the rate you "
                      "expect above to see what keeping more customers brings.",
                      "Bei einer jährlichen Abwanderung von 0 % gibt es nichts zu senken: "
                      "Geben Sie oben die erwartete Rate ein, um zu sehen, was gehaltene Kunden "
                      "bringen."),
    "plan.no_year": ("Retention needs more than a year of purchases.",
                     "Für die Kundenbindung braucht es Käufe aus mehr als einem Jahr."),
    "plan.retention_from_data": ("From your data: of {customers} customers who bought in the year "
                                 "before last, {churn} did not buy in the last 12 months; "
                                 "identified customers spent {revenue} in the last 12 months.",
                                 "Aus Ihren Daten: Von {customers} Kunden mit Kauf im vorletzten "
                                 "Jahr haben {churn} in den letzten 12 Monaten nicht gekauft; "
                                 "bekannte Kunden gaben in den letzten 12 Monaten {revenue} aus."),
    "plan.churn_rate": ("Yearly churn today (%)", "Jährliche Abwanderung heute (%)"),
    "plan.churn_rate_help": ("Share of customers lost in a year.",
                             "Anteil der Kunden, die in einem Jahr verloren gehen."),
    "plan.revenue_year": ("Revenue per year today", "Umsatz pro Jahr heute"),
    "plan.revenue_year_help": ("Identified customers' net revenue in the last 12 months.",
                               "Nettoumsatz bekannter Kunden in den letzten 12 Monaten."),
    "plan.retention_cost": ("Cost of the effort per year", "Kosten der Maßnahme pro Jahr"),
    "plan.retention_cost_help": ("What reducing churn costs you a year (campaigns, service).",
                                 "Was die Senkung der Abwanderung pro Jahr kostet (Aktionen, "
                                 "Service)."),
    "plan.churn_cut": ("Reduce churn by (percentage points)",
                       "Abwanderung senken um (Prozentpunkte)"),
    "plan.churn_cut_help": ("2 pp turns a churn rate of 20% into 18%.",
                            "2 Prozentpunkte machen aus 20 % Abwanderung 18 %."),
    "plan.years": ("Years", "Jahre"),
    "plan.years_help": ("How many years after the change to add up; the customer base is not "
                        "replenished by new customers.",
                        "Wie viele Jahre nach der Änderung summiert werden; neue Kunden kommen "
                        "nicht hinzu."),
    "plan.extra_revenue": ("Extra revenue", "Zusatzumsatz"),
    "plan.extra_revenue_help": ("Revenue kept over {years} year(s) because fewer customers leave.",
                                "In {years} Jahr(en) gehaltener Umsatz, weil weniger Kunden "
                                "gehen."),
    "plan.extra_profit": ("Extra profit after cost", "Zusatzgewinn nach Kosten"),
    "plan.extra_profit_help": ("Extra revenue x gross margin - cost of the effort, over {years} "
                               "year(s). Low and high: half and 1.5 times the cut achieved.",
                               "Zusatzumsatz x Bruttomarge - Kosten der Maßnahme, über {years} "
                               "Jahr(e). Vorsichtig und optimistisch: die Hälfte und das 1,5-Fache "
                               "der Senkung."),
    "plan.year_n": ("Year {n}", "Jahr {n}"),
    "plan.tier_margin": ("Tier plan", "Stufenplan"),
    "plan.discount_profit": ("Discount", "Rabatt"),
    "plan.retention_profit": ("Retention", "Kundenbindung"),

    # Scenarios
    "scen.intro": ("Save the settings of the levers you choose under a name, then compare "
                   "scenarios side by side and download them.",
                   "Speichern Sie die Einstellungen der gewählten Hebel unter einem Namen, "
                   "vergleichen Sie Szenarien nebeneinander und laden Sie sie herunter."),
    "scen.levers": ("Levers in this scenario", "Hebel in diesem Szenario"),
    "scen.levers_help": ("Only the chosen levers are saved, with their settings and results; "
                         "the others read 'n/a' in the comparison. A scenario about tier "
                         "thresholds alone leaves out the discount and retention tabs.",
                         "Nur die gewählten Hebel werden gespeichert, mit ihren Einstellungen "
                         "und Ergebnissen; die anderen stehen im Vergleich als „k. A.“. Ein "
                         "Szenario nur über Stufenschwellen lässt Rabatt und Kundenbindung weg."),
    "scen.no_levers": ("Choose at least one lever to save a scenario.",
                       "Wählen Sie mindestens einen Hebel, um ein Szenario zu speichern."),
    "scen.name": ("Scenario name", "Name des Szenarios"),
    "scen.name_placeholder": ("Scenario {n}", "Szenario {n}"),
    "scen.save": ("Save scenario", "Szenario speichern"),
    "scen.saved": ("Saved '{name}'.", "'{name}' gespeichert."),
    "scen.replaced": ("Replaced '{name}' with the current settings.",
                      "'{name}' durch die aktuellen Einstellungen ersetzt."),
    "scen.none": ("No scenarios saved yet. They are kept until you close the browser tab.",
                  "Noch keine Szenarien gespeichert. Sie bleiben erhalten, bis Sie den "
                  "Browser-Tab schließen."),
    "scen.none_workspace": ("No scenarios saved yet. Saved scenarios are kept in this workspace.",
                            "Noch keine Szenarien gespeichert. Gespeicherte Szenarien bleiben in "
                            "diesem Arbeitsbereich erhalten."),
    "scen.compare": ("Scenarios compared", "Szenarien im Vergleich"),
    "scen.csv": ("Download CSV", "CSV herunterladen"),
    "scen.html": ("Download report (HTML)", "Bericht herunterladen (HTML)"),
    "scen.clear": ("Delete all scenarios", "Alle Szenarien löschen"),
    "scen.report_title": ("Loyalty Lens: what-if scenarios", "Loyalty Lens: Was-wäre-wenn-Szenarien"),
    "scen.report_note": ("Estimates under the stated assumptions, per year, based on the last 12 "
                         "months of data. Low and high show the range of the assumptions.",
                         "Schätzungen unter den genannten Annahmen, pro Jahr, auf Basis der "
                         "letzten 12 Monate. Vorsichtig und optimistisch zeigen die Spanne der "
                         "Annahmen."),
    "scen.assumptions": ("Assumptions", "Annahmen"),
    "scen.tier_up": ("Tiers: customers moving up", "Stufen: Kunden steigen auf"),
    "scen.tier_down": ("Tiers: customers moving down", "Stufen: Kunden steigen ab"),
    "scen.tier_cost_change": ("Tiers: change in benefit cost", "Stufen: Veränderung Vorteilskosten"),
    "scen.tier_extra_spend": ("Tiers: extra spend from stretching",
                              "Stufen: Mehrumsatz durch Anstrengen"),
    "scen.tier_lost_spend": ("Tiers: lost spend from demoted customers",
                             "Stufen: Umsatzverlust durch Abstufung"),
    "scen.tier_margin_low": ("Tiers: margin change, low", "Stufen: Margenänderung, vorsichtig"),
    "scen.tier_margin": ("Tiers: margin change", "Stufen: Margenänderung"),
    "scen.tier_margin_high": ("Tiers: margin change, high", "Stufen: Margenänderung, optimistisch"),
    "scen.discount_depth": ("Discount: depth", "Rabatt: Höhe"),
    "scen.discount_extra_orders": ("Discount: extra orders", "Rabatt: zusätzliche Bestellungen"),
    "scen.discount_extra_per_customer": ("Discount: extra orders per customer",
                                         "Rabatt: Zusatzbestellungen pro Kunde"),
    "scen.discount_revenue_change": ("Discount: change in revenue",
                                     "Rabatt: Veränderung des Umsatzes"),
    "scen.discount_cost": ("Discount: discount cost", "Rabatt: Rabattkosten"),
    "scen.discount_profit_low": ("Discount: profit change, low",
                                 "Rabatt: Rohertragsänderung, vorsichtig"),
    "scen.discount_profit": ("Discount: profit change", "Rabatt: Rohertragsänderung"),
    "scen.discount_profit_high": ("Discount: profit change, high",
                                  "Rabatt: Rohertragsänderung, optimistisch"),
    "scen.retention_cut": ("Retention: churn cut", "Bindung: Senkung der Abwanderung"),
    "scen.retention_years": ("Retention: years", "Bindung: Jahre"),
    "scen.retention_extra_revenue": ("Retention: extra revenue", "Bindung: Zusatzumsatz"),
    "scen.retention_profit_low": ("Retention: extra profit, low",
                                  "Bindung: Zusatzgewinn, vorsichtig"),
    "scen.retention_profit": ("Retention: extra profit", "Bindung: Zusatzgewinn"),
    "scen.retention_profit_high": ("Retention: extra profit, high",
                                   "Bindung: Zusatzgewinn, optimistisch"),

    # Assumption labels in the scenario report
    "assume.gross_margin": ("Gross margin", "Bruttomarge"),
    "assume.tiers": ("Tiers", "Stufen"),
    "assume.thresholds_today": ("Thresholds today", "Schwellen heute"),
    "assume.thresholds_planned": ("Thresholds planned", "Schwellen geplant"),
    "assume.benefits_today": ("Benefits today, per tier", "Vorteile heute, je Stufe"),
    "assume.benefits_planned": ("Benefits planned, per tier", "Vorteile geplant, je Stufe"),
    "assume.points_per_unit": ("Points per euro", "Punkte pro Euro"),
    "assume.point_value": ("Value of one point", "Wert eines Punktes"),
    "assume.stretch_zone": ("Stretch zone", "Ansporn-Zone"),
    "assume.stretch_max": ("Chance of stretching right below a threshold",
                           "Chance des Anstrengens knapp unter der Schwelle"),
    "assume.discount_offered_to": ("Discount offered to", "Rabatt angeboten an"),
    "assume.discount_depth": ("Discount depth", "Rabatthöhe"),
    "assume.response_source": ("Response to discounts from", "Reaktion auf Rabatte aus"),
    "assume.source_data": ("your data", "Ihren Daten"),
    "assume.source_literature": ("published studies", "veröffentlichten Studien"),
    "assume.response_scales": ("Response scales", "Reaktionsfaktoren"),
    "assume.benefit": ("{discount} discount, {multiplier}× points, {fixed} a year",
                       "{discount} Rabatt, {multiplier}× Punkte, {fixed} im Jahr"),
    "assume.max_uplift": ("Largest extra share of orders per loyalty type",
                          "Größter zusätzlicher Bestellanteil pro Treuetyp"),
    "assume.response_threshold": ("Depth where the response is half way",
                                  "Rabatt bei halber Wirkung"),
    "assume.response_width": ("Steepness of the response", "Steilheit der Reaktion"),
    "assume.warn_below": ("Threshold: no effect below depth",
                          "Schwelle: keine Wirkung unter Rabatt"),
    "assume.elasticity_base": ("Price elasticity bounding low and base",
                               "Preiselastizität als Grenze, vorsichtig und mittel"),
    "assume.elasticity_high": ("Price elasticity bounding high",
                               "Preiselastizität als Grenze, optimistisch"),
    "assume.saturation_depth": ("Bound stops growing at depth", "Obergrenze wächst bis Rabatt"),
    "assume.demotion_loss": ("Spend lost by a demoted customer", "Umsatzverlust bei Abstufung"),
    "assume.warn_from": ("Warn from depth", "Warnen ab Rabatt"),
    "assume.incremental_share": ("Share of extra orders that are new",
                                 "Anteil wirklich neuer Bestellungen"),
    "assume.churn_rate": ("Yearly churn today", "Jährliche Abwanderung heute"),
    "assume.revenue_per_year": ("Revenue per year today", "Umsatz pro Jahr heute"),
    "assume.retention_cost_per_year": ("Cost of the retention effort per year",
                                       "Kosten der Bindungsmaßnahme pro Jahr"),
    "assume.churn_cut": ("Churn cut", "Senkung der Abwanderung"),
    "assume.years": ("Years", "Jahre"),
}
