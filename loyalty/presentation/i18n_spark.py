"""Text for opening data that already lives in Spark from the Data page, in English and German
(merged into :data:`loyalty.presentation.i18n.CATALOGUE`)."""

TEXTS: dict[str, tuple[str, str]] = {
    "spark.title": ("Data already in Spark", "Daten, die schon in Spark liegen"),
    "spark.intro": ("Compute every figure where your data lives: name a Spark table "
                    "(sales.receipts) or a Parquet or Delta path for each table and check how "
                    "its columns are mapped. Nothing is copied; every page is then computed by "
                    "Spark.",
                    "Jede Kennzahl dort berechnen, wo Ihre Daten liegen: Nennen Sie je Tabelle "
                    "eine Spark-Tabelle (sales.receipts) oder einen Parquet- oder Delta-Pfad "
                    "und prüfen Sie die Zuordnung der Spalten. Nichts wird kopiert; jede Seite "
                    "wird dann von Spark berechnet."),
    "spark.connection": ("Spark", "Spark"),
    "spark.connection_help": ("A local session runs Spark on this dashboard's server (it needs "
                              "Java); a Spark Connect server is your cluster, e.g. open-source "
                              "Spark or Databricks.",
                              "Eine lokale Sitzung rechnet mit Spark auf dem Server dieses "
                              "Dashboards (sie braucht Java); ein Spark-Connect-Server ist Ihr "
                              "Cluster, etwa Open-Source-Spark oder Databricks."),
    "spark.local": ("Local session on this server", "Lokale Sitzung auf diesem Server"),
    "spark.remote": ("Spark Connect server", "Spark-Connect-Server"),
    "spark.address": ("Spark Connect address", "Spark-Connect-Adresse"),
    "spark.address_help": ("Written as sc://host:15002; Databricks: sc://<workspace host>:443/"
                           ";token=<access token>;x-databricks-cluster-id=<cluster id>.",
                           "In der Form sc://host:15002; Databricks: sc://<Workspace-Host>:443/"
                           ";token=<Zugriffstoken>;x-databricks-cluster-id=<Cluster-ID>."),
    "spark.address_needed": ("Enter the address of your Spark Connect server.",
                             "Geben Sie die Adresse Ihres Spark-Connect-Servers ein."),
    "spark.source": ("{table}: Spark table or Parquet/Delta path",
                     "{table}: Spark-Tabelle oder Parquet-/Delta-Pfad"),
    "spark.source_required": ("{table} (required): Spark table or Parquet/Delta path",
                              "{table} (Pflicht): Spark-Tabelle oder Parquet-/Delta-Pfad"),
    "spark.source_help": ("A table Spark's catalog knows (database.table), a Parquet file or "
                          "folder, or a Delta folder (also as delta:PATH), as the Spark server "
                          "sees it. Leave it empty when you have no such table.",
                          "Eine Tabelle aus Sparks Katalog (datenbank.tabelle), eine Parquet-"
                          "Datei oder ein Parquet-Ordner oder ein Delta-Ordner (auch als "
                          "delta:PFAD), so wie der Spark-Server ihn sieht. Leer lassen, wenn es "
                          "diese Tabelle nicht gibt."),
    "spark.reading": ("Reading the columns of {location} in Spark …",
                      "Spark liest die Spalten von {location} …"),
    "spark.source_header": ("{table} from {location}", "{table} aus {location}"),
    "spark.need_transactions": ("Name the table or path of the transactions: every figure "
                                "starts from purchases.",
                                "Nennen Sie die Tabelle oder den Pfad der Umsätze: jede "
                                "Kennzahl beruht auf Käufen."),
    "spark.open": ("Open in Spark", "In Spark öffnen"),
    "spark.opening": ("Opening the tables in Spark and counting their rows …",
                      "Spark öffnet die Tabellen und zählt ihre Zeilen …"),
    "spark.opened": ("Every page now shows figures computed by Spark.",
                     "Alle Seiten zeigen jetzt von Spark berechnete Kennzahlen."),
    "spark.result": ("{table} from {location}: {loaded} of {read} rows used, {rejected} left "
                     "out (a required field empty or not of its type).",
                     "{table} aus {location}: {loaded} von {read} Zeilen verwendet, {rejected} "
                     "ausgelassen (ein Pflichtfeld leer oder nicht von seinem Typ)."),
    "spark.err.spark_address": ("“{address}” is not a Spark Connect address: write it as "
                                "sc://host:15002.",
                                "„{address}“ ist keine Spark-Connect-Adresse: Schreiben Sie sie "
                                "als sc://host:15002."),
    "spark.err.spark_unreachable": ("No Spark Connect server answers at {host}:{port}: check "
                                    "the address and that the server is running.",
                                    "Unter {host}:{port} antwortet kein Spark-Connect-Server: "
                                    "Prüfen Sie die Adresse und ob der Server läuft."),
    "spark.err.spark_mixed": ("Spark lets one dashboard server use either a local session "
                              "or Spark Connect servers, not both, and this one already uses "
                              "the other kind: choose that kind again, or restart the "
                              "dashboard.",
                              "Spark erlaubt einem Dashboard-Server entweder eine lokale "
                              "Sitzung oder Spark-Connect-Server, nicht beides, und dieser nutzt "
                              "schon die andere Art: Wählen Sie diese wieder, oder starten Sie "
                              "das Dashboard neu."),
    "spark.err.no_java": ("A local Spark session needs Java on this server and none was found: "
                          "choose a Spark Connect server, or install Java 17.",
                          "Eine lokale Spark-Sitzung braucht Java auf diesem Server, und es "
                          "wurde keines gefunden: Wählen Sie einen Spark-Connect-Server oder "
                          "installieren Sie Java 17."),
    "spark.err.no_pyspark": ("Spark is not installed on this server (pip install -r "
                             "requirements-spark.txt).",
                             "Spark ist auf diesem Server nicht installiert (pip install -r "
                             "requirements-spark.txt)."),
    "spark.err.unknown_table": ("Spark knows no table {location}: check its name "
                                "(database.table).",
                                "Spark kennt keine Tabelle {location}: Prüfen Sie den Namen "
                                "(datenbank.tabelle)."),
    "spark.err.unknown_path": ("There is no Parquet or Delta data at {location}: check the path "
                               "as the Spark server sees it.",
                               "Unter {location} liegen keine Parquet- oder Delta-Daten: Prüfen "
                               "Sie den Pfad, so wie der Spark-Server ihn sieht."),
    "spark.err.unreadable_source": ("Spark could not read {location} ({detail}).",
                                    "Spark konnte {location} nicht lesen ({detail})."),
    "spark.err.unknown_column": ("{location} has no column {column} for {field}: choose another "
                                 "in the column mapping.",
                                 "{location} hat keine Spalte {column} für {field}: Wählen Sie "
                                 "in der Spaltenzuordnung eine andere."),
    "spark.err.required_missing": ("No column holds {fields}: choose it in the column mapping.",
                                   "Keine Spalte enthält {fields}: Wählen Sie sie in der "
                                   "Spaltenzuordnung."),
    "spark.err.failed": ("Spark could not open the tables ({detail}).",
                         "Spark konnte die Tabellen nicht öffnen ({detail})."),
}
