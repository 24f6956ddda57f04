"""The canonical tables: every field the product understands, in one place.

Each field has a name, a storage type, a one-line meaning and the header names (English and
German) that map to it. Loaders, the column mapper, the CLI and the UI all read this module;
nothing else lists fields.

Storage types (DuckDB):

- ``id``: VARCHAR, trimmed; empty means missing.
- ``timestamp``: TIMESTAMP; a date without a time is midnight.
- ``date``: DATE.
- ``money``: DOUBLE in the shop's currency (no currency conversion).
- ``number``: DOUBLE.
- ``score``: INTEGER 0-10 (survey answers).
- ``text``: VARCHAR, trimmed.
- ``kind``: VARCHAR, lower-case, German names translated (see ``INTERACTION_KINDS``).

Fields marked ``stage_only`` can be mapped and are read while loading (refunds, cancellations,
receipt kinds), but the canonical tables do not keep them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

DUCKDB_TYPES = {
    "id": "VARCHAR",
    "timestamp": "TIMESTAMP",
    "date": "DATE",
    "money": "DOUBLE",
    "number": "DOUBLE",
    "score": "INTEGER",
    "text": "VARCHAR",
    "kind": "VARCHAR",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    meaning: str
    required: bool = False
    synonyms: tuple[str, ...] = ()
    # Read while loading (refunds, cancellations, receipt kinds) but not kept in the canonical
    # table: the load turns these columns into rows and signs (see loyalty.reading.orders).
    stage_only: bool = False

    @property
    def sql_type(self) -> str:
        return DUCKDB_TYPES[self.kind]


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    fields: tuple[Field, ...]
    # Alternatives that can stand in for a required field: amount = quantity x unit price.
    substitutes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def required(self) -> list[str]:
        return [f.name for f in self.fields if f.required]

    @property
    def canonical_fields(self) -> tuple[Field, ...]:
        """The fields kept in the canonical table (``field_names`` also lists the input-only
        ones a file can map)."""
        return tuple(f for f in self.fields if not f.stage_only)

    @property
    def canonical_names(self) -> list[str]:
        return [f.name for f in self.canonical_fields]


_CUSTOMER = (
    "customer_id", "customer", "customer id", "customer no", "customer number", "customerid",
    "client", "client id", "member", "member id", "member no", "member number", "loyalty id",
    "card number", "card no", "user id", "account", "account id", "contact id",
    "kundennummer", "kunden nr", "kundennr", "kunde", "kunden id", "kundenid", "kd nr", "kdnr",
    "mitgliedsnummer", "mitglieds nr", "mitgliedsnr", "mitglied", "kartennummer", "karten nr",
    "kundenkarte", "kunden nummer",
)

TRANSACTIONS = Table(
    "transactions",
    "One row per sale, return or order line.",
    (
        Field("customer_id", "id", "Who bought; empty for an anonymous (non-member) sale, which "
              "counts in revenue but not in customer figures.", True, _CUSTOMER),
        Field("date", "timestamp", "When the sale happened (date, optionally with time).", True,
              ("date", "order date", "transaction date", "purchase date", "sale date", "created at",
               "created", "timestamp", "datetime", "time", "order time", "invoice date", "day",
               "datum", "kaufdatum", "belegdatum", "buchungsdatum", "bestelldatum", "rechnungsdatum",
               "umsatzdatum", "verkaufsdatum", "zeitpunkt", "zeitstempel", "datum uhrzeit", "tag")),
        Field("amount", "money", "Net amount of the sale; negative for returns and refunds.", True,
              ("amount", "net amount", "net", "total", "order total", "sales", "revenue", "value",
               "sale amount", "net sales", "order value", "total amount", "price total",
               "line total", "total spent", "spend", "gross", "gross amount", "grand total",
               "betrag", "umsatz", "nettobetrag", "netto", "nettoumsatz", "bruttobetrag", "brutto",
               "summe", "gesamt", "gesamtbetrag", "wert", "rechnungsbetrag", "bonbetrag",
               "umsatz netto", "betrag eur", "umsatz eur", "endbetrag")),
        Field("order_id", "id", "Order, receipt or invoice number; several rows may share one "
              "order.", False,
              ("order_id", "order", "order id", "order no", "order number", "receipt",
               "receipt no", "receipt number", "transaction id", "transaction", "invoice",
               "invoice no", "invoice number", "ticket", "basket id",
               "bon nr", "bonnr", "bonnummer", "bon", "belegnummer", "beleg nr", "belegnr", "beleg",
               "bestellnummer", "bestell nr", "rechnungsnummer", "rechnungs nr", "auftragsnummer",
               "vorgang", "vorgangsnummer", "transaktions id", "transaktion", "order #",
               "increment id", "order increment id", "sales order", "sale id", "receipt id",
               "belegnummer kasse", "auftrag", "auftrags nr", "bestellung")),
        Field("discount", "money", "Discount granted on the sale, as an amount (positive).", False,
              ("discount", "discount amount", "discounts", "coupon", "coupon value", "voucher",
               "markdown", "promo", "promotion", "rabatt", "rabattbetrag", "nachlass", "gutschein",
               "preisnachlass", "ermaessigung", "rabatt eur")),
        Field("quantity", "number", "Number of units sold.", False,
              ("quantity", "qty", "units", "items", "count", "menge", "anzahl", "stueck", "stk",
               "stueckzahl", "number of items", "number of units", "item count",
               "lineitem quantity", "item quantity", "qty ordered", "artikelanzahl",
               # "number of ..." headers (the CDNOW log's number_of_cds) count units too.
               "number of")),
        Field("unit_price", "money", "Price per unit; amount = quantity x unit price when no "
              "amount is given.", False,
              ("unit price", "price", "item price", "price each", "einzelpreis", "preis",
               "stueckpreis", "vk preis", "verkaufspreis")),
        Field("points_earned", "number", "Loyalty points credited for this sale.", False,
              ("points earned", "points", "earned points", "points awarded", "points credited",
               "punkte", "punkte gesammelt", "gesammelte punkte", "bonuspunkte",
               "punkte gutgeschrieben", "gutgeschriebene punkte", "erhaltene punkte")),
        Field("points_redeemed", "number", "Loyalty points spent on this sale.", False,
              ("points redeemed", "redeemed", "redeemed points", "points used", "points spent",
               "punkte eingeloest", "eingeloeste punkte", "punkte eingelost", "punkteeinloesung",
               "eingeloest")),
        Field("channel", "text", "Where the sale happened: online, store, app, phone ...", False,
              ("channel", "sales channel", "source", "order source", "platform", "kanal",
               "vertriebskanal", "verkaufskanal", "quelle")),
        Field("store", "text", "Store, branch or shop that made the sale.", False,
              ("store", "store id", "store name", "shop", "branch", "location", "outlet",
               "filiale", "filial nr", "filialnummer", "markt", "geschaeft", "standort", "laden",
               "kasse")),
        Field("category", "text", "Product category or product type.", False,
              ("category", "product category", "product type", "department", "product group",
               "kategorie", "warengruppe", "produktkategorie", "produktgruppe", "sortiment",
               "artikelgruppe")),
        Field("tier", "text", "The customer's programme tier printed on the receipt (e.g. "
              "Silver, Gold).", False,
              ("tier", "level", "status level", "customer tier", "loyalty tier", "tier name",
               "membership level", "member level", "loyalty level", "card level", "stufe",
               "kundenstufe", "kartenstufe", "mitgliedsstufe", "status stufe", "treuestufe",
               "bonusstufe", "kundenstatus")),
        Field("points_balance", "number", "The customer's points balance after the sale.", False,
              ("points balance", "point balance", "balance", "points total", "loyalty balance",
               "punktestand", "punkte saldo", "punktesaldo", "kontostand punkte",
               "punktekontostand", "punkte stand", "punkte gesamt")),
        Field("status", "text", "Order or payment status (paid, refunded, cancelled ...); used "
              "while loading, not kept.", False,
              ("status", "financial status", "order status", "payment status",
               "transaction status", "event type", "zahlungsstatus", "bestellstatus",
               "belegstatus", "auftragsstatus", "bezahlstatus"), stage_only=True),
        Field("refunded_amount", "money", "Amount refunded on the order; becomes a negative row "
              "(not kept as a column).", False,
              ("refunded amount", "order refund", "refund amount", "total refunded",
               "amount refunded", "refunded", "refund total", "refunds", "erstattet",
               "erstattungsbetrag", "rueckerstattung", "erstatteter betrag",
               "rueckerstattungsbetrag"), stage_only=True),
        Field("refund_date", "timestamp", "When the refund was made (the refund row's date).",
              False,
              ("refunded at", "refund date", "refunded on", "date refunded", "erstattungsdatum",
               "erstattet am", "rueckerstattungsdatum"), stage_only=True),
        Field("cancelled_at", "text", "Set when the order was cancelled or voided; such orders "
              "are left out.", False,
              ("cancelled at", "canceled at", "cancelled", "canceled", "cancelled on",
               "cancellation date", "storniert am", "stornodatum", "storniert", "storno datum"),
              stage_only=True),
        Field("customer_email", "id", "The buyer's e-mail address: identifies guests whose "
              "customer number is empty or 0 (web shops); used while loading, not kept.", False,
              ("email", "e mail", "email address", "e mail address", "customer email",
               "billing email", "buyer email", "kunden email", "kunden e mail", "e mail adresse",
               "emailadresse", "rechnungs email"), stage_only=True),
        Field("receipt_type", "text", "Kind of receipt: sale, or a return (Storno, Gutschrift, "
              "Retoure, Refund) whose amount counts negative.", False,
              ("receipt type", "transaction type", "line type", "sale type", "document type",
               "belegart", "buchungsart", "transaktionsart", "bonart", "vorgangsart", "art"),
              stage_only=True),
    ),
    substitutes={"amount": ("quantity", "unit_price")},
)

MEMBERS = Table(
    "members",
    "One row per loyalty-programme member.",
    (
        Field("customer_id", "id", "The member's customer number (same as in transactions).",
              True, _CUSTOMER),
        Field("joined", "date", "Date the customer joined the programme.", False,
              ("joined", "join date", "joined at", "joined on", "signup date", "sign up date",
               "signed up", "member since", "enrolled", "enrollment date", "enrolment date",
               "registration date", "registered", "created at", "beitritt", "beitrittsdatum",
               "mitglied seit", "anmeldedatum", "anmeldung", "registriert", "registrierungsdatum",
               "eintrittsdatum")),
        Field("tier", "text", "Programme tier or level (e.g. Bronze, Silver, Gold).", False,
              ("tier", "level", "status", "tier name", "membership level", "member level",
               "loyalty tier", "stufe", "mitgliedsstufe", "status stufe", "kartenstufe", "rang",
               "level name", "kundenstatus")),
        Field("birth_date", "date", "Member's date of birth.", False,
              ("birth date", "birthdate", "birthday", "date of birth", "dob", "geburtsdatum",
               "geburtstag")),
        Field("region", "text", "Region, state or city of the member.", False,
              ("region", "state", "city", "country", "area", "bundesland", "land", "ort", "stadt",
               "wohnort")),
        Field("referred_by", "id", "Customer number of the member who referred them.", False,
              ("referred by", "referrer", "referrer id", "referred by id", "geworben von",
               "empfohlen von", "werber", "werber nr")),
    ),
)

SURVEYS = Table(
    "surveys",
    "One row per survey response.",
    (
        Field("date", "timestamp", "When the response was given.", True,
              ("date", "response date", "submitted", "submitted at", "survey date", "created at",
               "timestamp", "datum", "antwortdatum", "umfragedatum", "zeitpunkt")),
        Field("score", "score", "Answer 0-10 to 'How likely are you to recommend us?'.", True,
              ("score", "nps", "nps score", "recommend", "likely to recommend",
               "likelihood to recommend", "recommendation", "how likely", "rating nps",
               "weiterempfehlung", "empfehlung", "nps wert", "weiterempfehlungsbereitschaft",
               "empfehlungsbereitschaft")),
        Field("customer_id", "id", "Who answered, when known.", False, _CUSTOMER),
        Field("repurchase_score", "score", "Answer 0-10 to 'How likely are you to buy from us "
              "again?' (for the Customer Loyalty Index).", False,
              ("repurchase", "repurchase score", "buy again", "likely to buy again",
               "purchase again", "wiederkauf", "wiederkaufabsicht", "erneut kaufen")),
        Field("try_other_score", "score", "Answer 0-10 to 'How likely are you to try our other "
              "products?' (for the Customer Loyalty Index).", False,
              ("try other", "try other products", "other products", "cross buy", "cross sell",
               "andere produkte", "weitere produkte", "andere produkte testen")),
        Field("comment", "text", "Free-text comment.", False,
              ("comment", "comments", "feedback", "verbatim", "remarks", "text", "reason",
               "kommentar", "anmerkung", "bemerkung", "freitext", "begruendung")),
    ),
)

INTERACTIONS = Table(
    "interactions",
    "One row per non-purchase interaction: review, referral, perk use, complaint ...",
    (
        Field("customer_id", "id", "Who interacted.", True, _CUSTOMER),
        Field("date", "timestamp", "When the interaction happened.", True,
              ("date", "event date", "timestamp", "created at", "time", "datum", "zeitpunkt")),
        Field("kind", "kind", "What kind of interaction: review, referral, social_follow, "
              "app_login, perk_use, complaint, ...", True,
              ("kind", "type", "interaction", "interaction type", "event", "event type",
               "activity", "action", "art", "typ", "aktion", "ereignis", "interaktion",
               "aktivitaet")),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (TRANSACTIONS, MEMBERS, SURVEYS, INTERACTIONS)}

# German and variant spellings of interaction kinds, mapped to the canonical English word.
INTERACTION_KINDS = {
    "review": "review", "bewertung": "review", "rezension": "review", "rating": "review",
    "referral": "referral", "empfehlung": "referral", "weiterempfehlung": "referral",
    "freundschaftswerbung": "referral", "refer": "referral",
    "social_follow": "social_follow", "social follow": "social_follow", "follow": "social_follow",
    "social": "social_follow", "folgen": "social_follow",
    "app_login": "app_login", "app login": "app_login", "login": "app_login", "app": "app_login",
    "perk_use": "perk_use", "perk use": "perk_use", "perk": "perk_use", "benefit": "perk_use",
    "service": "perk_use", "vorteil": "perk_use", "servicenutzung": "perk_use",
    "gratisleistung": "perk_use",
    "complaint": "complaint", "beschwerde": "complaint", "reklamation": "complaint",
    "feedback": "feedback", "survey": "feedback", "umfrage": "feedback",
    "newsletter_signup": "newsletter_signup", "newsletter": "newsletter_signup",
}

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise_header(text: str) -> str:
    """Lower-case a header, fold umlauts and accents, and keep only letters and digits.

    ``"Kunden-Nr."`` and ``"kunden nr"`` both become ``"kundennr"``.
    """
    text = text.strip().lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", text)


def field_docs() -> list[dict[str, str]]:
    """Every canonical field as rows (table, field, type, required, meaning) for docs and UI."""
    return [
        {"table": t.name, "field": f.name, "type": f.sql_type,
         "required": "yes" if f.required else "no", "meaning": f.meaning}
        for t in TABLES.values() for f in t.canonical_fields
    ]
