"""Orders that span several rows, refunds and cancellations (loyalty.reading.orders).

Every expected figure is worked out by hand from the tiny files below.
"""

import pytest

from loyalty.analysis.kpis import headline

SHOPIFY = (
    "Name,Email,Financial Status,Paid at,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem sku,Lineitem discount,Subtotal,Discount Amount,Total,"
    "Refunded Amount,Cancelled at,Source\n"
    # 1001: two lines, 30.00 less a 5.00 discount.
    "#1001,anna@example.com,paid,2025-03-01 10:05:00,2025-03-01 10:00:00,2,Mug,10.00,MUG-1,0,"
    "30.00,5.00,25.00,0.00,,web\n"
    "#1001,anna@example.com,,,,1,Tea,10.00,TEA-1,0,,,,,,\n"
    # 1002: 70.00, 15.00 of it refunded.
    "#1002,ben@example.com,partially_refunded,2025-03-02 11:05:00,2025-03-02 11:00:00,1,Pot,"
    "40.00,POT-1,0,70.00,0.00,70.00,15.00,,web\n"
    "#1002,ben@example.com,,,,3,Tea,10.00,TEA-1,0,,,,,,\n"
    # 1003: voided and cancelled: both rows left out.
    "#1003,carl@example.com,voided,,2025-03-03 12:00:00,1,Mug,10.00,MUG-1,0,20.00,0.00,20.00,"
    "0.00,2025-03-03 13:00:00,web\n"
    "#1003,carl@example.com,,,,1,Tea,10.00,TEA-1,0,,,,,,\n"
    # 1004: refunded, no refunded amount given: the whole 40.00 goes back.
    "#1004,anna@example.com,refunded,2025-03-04 09:05:00,2025-03-04 09:00:00,1,Pot,40.00,"
    "POT-1,0,40.00,0.00,40.00,,,web\n"
    # 1005: a walk-in at the till, no e-mail.
    "#1005,,paid,2025-03-05 15:00:00,2025-03-05 15:00:00,1,Mug,10.00,MUG-1,0,30.00,0.00,30.00,"
    "0.00,,pos\n"
    "#1005,,,,,2,Tea,10.00,TEA-1,0,,,,,,\n"
)


def test_shopify_orders_with_line_items(write_file, dataset):
    report = dataset.load(write_file("orders_export.csv", SHOPIFY))
    assert report.plan.mapping["order_id"] == "Name"
    assert report.plan.mapping["date"] == "Created at"
    assert report.layout == "line_items"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (9, 7, 2)
    assert report.reasons == {"cancelled_order": 2}
    assert (report.orders, report.cancelled_orders, report.refunded_orders) == (4, 1, 2)
    assert report.refund_total == 55.0
    assert report.warnings == []
    assert report.understood() == ("9 rows: 4 orders with their line items; "
                                   "2 refunds and returns (\u2212€55.00); 1 cancelled order left "
                                   "out.")
    assert report.understood("de") == ("9 Zeilen: 4 Bestellungen mit ihren Positionen; "
                                       "2 Erstattungen und Rückgaben (\u221255,00\u00a0€); "
                                       "1 stornierte Bestellung nicht berücksichtigt.")
    rejects = dataset.rejects()
    assert rejects.line.tolist() == [6, 7]
    assert rejects.reason[0] == "order #1003 was cancelled or voided: left out of revenue"
    h = headline(dataset)
    # 25 + 70 - 15 + 40 - 40 + 30; anna and ben (the walk-in has no customer).
    assert (h["customers"], h["orders"], h["net_revenue"]) == (2, 4, 110.0)
    assert (h["first_date"], h["last_date"]) == ("2025-03-01", "2025-03-05")
    rows = dataset.con.execute(
        "SELECT order_id, amount, quantity, discount, customer_id, channel FROM transactions "
        "ORDER BY order_id, amount DESC").fetchall()
    assert rows == [("#1001", 25.0, 3.0, 5.0, "anna@example.com", "web"),
                    ("#1002", 70.0, 4.0, 0.0, "ben@example.com", "web"),
                    ("#1002", -15.0, None, None, "ben@example.com", "web"),
                    ("#1004", 40.0, 1.0, 0.0, "anna@example.com", "web"),
                    ("#1004", -40.0, None, None, "anna@example.com", "web"),
                    ("#1005", 30.0, 3.0, 0.0, None, "pos")]


WOOCOMMERCE = (
    "Order Number,Order Date,Order Status,Billing Email,Item Name,Quantity,Item Cost,"
    "Order Total,Order Refund\n"
    "70,2025-06-01 09:00,wc-completed,a@x.de,Shirt,1,20.00,35.00,0.00\n"
    "70,,,,Cap,1,15.00,,\n"
    "71,2025-06-02 10:00,wc-cancelled,b@x.de,Shirt,1,20.00,20.00,0.00\n"
    "72,2025-06-03 11:00,wc-refunded,b@x.de,Cap,2,15.00,30.00,\n"
    "73,,,,Cap,1,15.00,,\n"
    "74,2025-06-04 12:00,wc-completed,c@x.de,Shirt,1,20.00,20.00,0.00\n"
)


def test_woocommerce_cancelled_refunded_and_dateless_orders(write_file, dataset):
    report = dataset.load(write_file("orders.csv", WOOCOMMERCE))
    assert report.layout == "line_items"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (6, 4, 2)
    assert report.reasons == {"cancelled_order": 1, "order_without_date": 1}
    rejects = dataset.rejects()
    assert list(zip(rejects.line, rejects.code)) == [(4, "cancelled_order"),
                                                     (6, "order_without_date")]
    assert rejects.reason.tolist() == [
        "order #71 was cancelled or voided: left out of revenue",
        "order #73 has no date on any of its rows"]
    assert (report.orders, report.cancelled_orders, report.refunded_orders,
            report.refund_total) == (3, 1, 1, 30.0)
    h = headline(dataset)
    # 35 + (30 - 30) + 20; order 72's customer stays a customer.
    assert (h["customers"], h["orders"], h["net_revenue"]) == (3, 3, 55.0)
    assert (h["first_date"], h["last_date"]) == ("2025-06-01", "2025-06-04")


SQUARE = (
    "Date,Time,Category,Item,Qty,SKU,Gross Sales,Discounts,Net Sales,Transaction ID,"
    "Payment ID,Event Type,Location,Customer ID\n"
    "2025-04-01,09:15:00,Coffee,Latte,2,LAT,$9.00,$0.00,$9.00,T1,P1,Payment,Main St,C1\n"
    "2025-04-01,09:15:00,Bakery,Croissant,1,CRO,$3.50,-$0.50,$3.00,T1,P1,Payment,Main St,C1\n"
    "2025-04-01,10:00:00,Coffee,Espresso,1,ESP,$2.50,$0.00,$2.50,T2,P2,Payment,Main St,\n"
    "2025-04-02,11:00:00,Coffee,Latte,1,LAT,$4.50,$0.00,$4.50,T3,P3,Payment,Harbour,C2\n"
    "2025-04-03,12:00:00,Coffee,Latte,-1,LAT,-$4.50,$0.00,-$4.50,T3,R3,Refund,Harbour,C2\n"
)


def test_square_item_rows_with_a_refund_event(write_file, dataset):
    report = dataset.load(write_file("items-2025.csv", SQUARE))
    m = report.plan.mapping
    assert (m["order_id"], m["amount"], m["status"]) == ("Transaction ID", "Net Sales",
                                                         "Event Type")
    assert report.layout == "line_items"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (5, 5, 0)
    assert (report.orders, report.refunded_orders, report.refund_total) == (3, 1, 4.5)
    rows = dataset.con.execute(
        "SELECT order_id, category, amount, CAST(date AS DATE)::VARCHAR FROM transactions "
        "ORDER BY order_id, amount DESC").fetchall()
    # Net Sales differ per line: summed per category; the refund keeps its own day.
    assert rows == [("T1", "Coffee", 9.0, "2025-04-01"), ("T1", "Bakery", 3.0, "2025-04-01"),
                    ("T2", "Coffee", 2.5, "2025-04-01"), ("T3", "Coffee", 4.5, "2025-04-02"),
                    ("T3", "Coffee", -4.5, "2025-04-03")]
    h = headline(dataset)
    assert (h["customers"], h["orders"], h["net_revenue"]) == (2, 3, 14.5)
    assert (h["first_date"], h["last_date"]) == ("2025-04-01", "2025-04-03")


TILL = (
    "Bon-Nr;Datum;Kundennummer;Belegart;Umsatz;Stufe;Punktestand\n"
    "B1;03.02.2025 10:00;K1;Verkauf;20,00;Silber;120\n"
    "B2;04.02.2025 11:00;K2;Verkauf;15,50;Bronze;15\n"
    "B3;05.02.2025 12:00;K1;Storno;5,00;Silber;115\n"
    "B4;10.02.2025 09:30;K1;Verkauf;30,00;Gold;145\n"
    "B5;11.02.2025 09:30;;Verkauf;8,00;;\n"
)


def test_german_till_with_storno_and_tiers(write_file, dataset):
    report = dataset.load(write_file("kasse.csv", TILL))
    m = report.plan.mapping
    assert (m["tier"], m["points_balance"], m["receipt_type"]) == ("Stufe", "Punktestand",
                                                                   "Belegart")
    assert report.layout == "rows"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (5, 5, 0)
    assert (report.refunded_orders, report.refund_total) == (1, 5.0)
    assert dataset.con.execute(
        "SELECT amount, tier, points_balance FROM transactions WHERE order_id = 'B3'"
    ).fetchall() == [(-5.0, "Silber", 115.0)]
    h = headline(dataset)
    # 20 + 15.50 - 5 + 30 + 8; the Storno is not an order.
    assert (h["customers"], h["orders"], h["net_revenue"]) == (2, 4, 68.5)
    assert (h["first_date"], h["last_date"]) == ("2025-02-03", "2025-02-11")
    # No members file: each customer's tier is the one on their latest receipt.
    assert dataset.has("members")
    assert dataset.fields("members") == {"customer_id", "tier"}
    assert dataset.con.execute(
        "SELECT customer_id, tier FROM members ORDER BY customer_id").fetchall() == [
        ("K1", "Gold"), ("K2", "Bronze")]


def test_members_file_wins_over_receipt_tiers(write_file, dataset):
    dataset.load(write_file("kasse.csv", TILL))
    dataset.load(write_file("mitglieder.csv", "Kundennummer;Stufe\nK1;Platin\n"),
                 table="members")
    assert dataset.con.execute(
        "SELECT customer_id, tier FROM members ORDER BY customer_id").fetchall() == [
        ("K1", "Platin"), ("K2", "Bronze")]


ORDER_TOTAL_ON_EVERY_LINE = (
    "Order Number,Order Date,Customer,Product,Category,Qty,Price,Order Total\n"
    "5001,2025-05-01,C1,Shirt,Clothing,1,20.00,27.00\n"
    "5001,2025-05-01,C1,Mug,Home,2,5.00,27.00\n"
    "5002,2025-05-02,C2,Vase,Home,1,12.00,12.00\n"
    "5003,2025-05-03,C1,Socks,Clothing,1,10.00,25.00\n"
    "5003,2025-05-03,C1,Belt,Clothing,1,10.00,25.00\n"
    "5003,2025-05-03,C1,Candle,Home,1,10.00,25.00\n"
)


def test_order_total_repeated_on_every_line_counts_once(write_file, dataset):
    report = dataset.load(write_file("orders.csv", ORDER_TOTAL_ON_EVERY_LINE))
    assert report.layout == "line_items"
    assert report.amount_level == "order"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected, report.orders) == (
        6, 6, 0, 3)
    rows = dataset.con.execute(
        "SELECT order_id, category, amount, quantity FROM transactions "
        "ORDER BY order_id, category").fetchall()
    # 27 split 20:10 over the categories; 25 split 20:10 and rounded so the rows add up to 25.
    assert rows == [("5001", "Clothing", 18.0, 1.0), ("5001", "Home", 9.0, 2.0),
                    ("5002", "Home", 12.0, 1.0),
                    ("5003", "Clothing", 16.67, 2.0), ("5003", "Home", 8.33, 1.0)]
    h = headline(dataset)
    assert (h["customers"], h["orders"], h["net_revenue"]) == (2, 3, 64.0)


@pytest.mark.parametrize("header,order,date", [
    ("Name,Email,Paid at,Created at,Total", "Name", "Created at"),
    ("Paid at,Name,Email,Created at,Total", "Name", "Created at"),
    ("Bestellnummer,Bezahlt am,E-Mail,Bestelldatum,Summe", "Bestellnummer", "Bestelldatum"),
])
def test_order_number_beats_a_payment_time(write_file, dataset, header, order, date):
    cols = header.split(",")
    values = {"Name": "#10{i}", "Bestellnummer": "10{i}", "Email": "c{i}@example.com",
              "E-Mail": "c{i}@example.com", "Paid at": "2025-12-1{i} 10:20:00 +0100",
              "Bezahlt am": "1{i}.12.2025 10:20", "Created at": "2025-12-1{i} 10:15:00 +0100",
              "Bestelldatum": "1{i}.12.2025", "Total": "1{i}.50", "Summe": "1{i},50"}
    sep = ";" if "Summe" in cols else ","
    rows = "\n".join(sep.join(values[c].format(i=i) for c in cols) for i in range(4))
    plan = dataset.plan(write_file("export.csv", sep.join(cols) + "\n" + rows + "\n"))
    assert plan.mapping["order_id"] == order
    assert plan.mapping["date"] == date


@pytest.mark.parametrize("header", ["Lineitem sku", "Item ID", "Payment ID", "SKU",
                                    "Artikelnummer"])
def test_line_item_ids_are_never_the_order(write_file, dataset, header):
    text = (f"Kunde,Datum,Betrag,{header}\n"
            "K1,2025-01-01,5.00,A-100\nK2,2025-01-02,6.00,A-101\nK1,2025-01-03,7.00,A-102\n")
    plan = dataset.plan(write_file("umsatz.csv", text))
    assert "order_id" not in plan.mapping


def test_status_on_orders_is_not_a_tier(write_file, dataset):
    text = ("Order ID,Date,Customer,Amount,Status\n"
            "1,2025-01-01,C1,5.00,paid\n2,2025-01-02,C2,6.00,refunded\n"
            "3,2025-01-03,C1,7.00,paid\n")
    report = dataset.load(write_file("orders.csv", text))
    assert report.plan.mapping["status"] == "Status"
    assert "tier" not in report.plan.mapping
    assert headline(dataset)["net_revenue"] == 12.0


def test_partial_refund_without_amount_is_a_warning(write_file, dataset):
    text = ("Order ID,Date,Customer,Amount,Status\n"
            "1,2025-01-01,C1,5.00,paid\n2,2025-01-02,C2,6.00,partially_refunded\n")
    report = dataset.load(write_file("orders.csv", text))
    assert report.rows_loaded == 2
    assert report.warnings[0] == (
        "1 order is partially refunded but the file has no refunded amount for it; it counts at "
        "full value. Export the refunded amount column to correct this.")
    assert headline(dataset)["net_revenue"] == 11.0


def test_plain_rows_keep_their_layout(write_file, dataset):
    text = "customer_id,date,amount,order_id\nC1,2025-01-01,5.00,O1\nC2,2025-01-02,-2.00,O2\n"
    report = dataset.load(write_file("orders.csv", text))
    assert (report.layout, report.orders, report.rows_loaded) == ("rows", None, 2)
    assert report.understood() == "2 rows: one sale per row; 1 refund or return (\u2212€2.00)."


@pytest.mark.parametrize("values,field", [
    (("Gold", "Silver", "Gold"), "tier"),
    (("paid", "refunded", "paid"), "status"),
])
def test_a_status_column_is_a_tier_or_an_order_status_by_its_values(write_file, dataset,
                                                                    values, field):
    rows = "\n".join(f"{i},2025-01-0{i},C{i},5.00,{v}" for i, v in enumerate(values, 1))
    plan = dataset.plan(write_file("sales.csv", f"Bon,Date,Customer,Amount,Status\n{rows}\n"))
    assert plan.mapping[field] == "Status"
    assert {"tier", "status"} - {field} & plan.mapping.keys() == set()


@pytest.mark.parametrize("header", ["increment_id", "Order #", "ordernumber", "Beleg-Nr"])
def test_order_number_headers(write_file, dataset, header):
    text = f"{header},Date,Customer,Amount\n100001,2025-01-01,C1,5.00\n100002,2025-01-02,C1,6.00\n"
    assert dataset.plan(write_file("export.csv", text)).mapping["order_id"] == header


def test_one_row_per_order_with_refund_dates_and_cancellations(write_file, dataset):
    text = ("Bestellnummer;Bestelldatum;Kundennummer;Gesamtbetrag;Erstattungsbetrag;"
            "Erstattungsdatum;Bestellstatus\n"
            "9001;02.01.2025;K1;100,00;;;abgeschlossen\n"
            "9002;03.01.2025;K2;50,00;20,00;15.01.2025;teilweise erstattet\n"
            "9003;04.01.2025;K1;80,00;;;storniert\n")
    report = dataset.load(write_file("bestellungen.csv", text))
    assert report.layout == "rows"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (3, 2, 1)
    assert dataset.rejects().reason.tolist() == [
        "order #9003 was cancelled or voided: left out of revenue"]
    assert dataset.rejects().raw.tolist() == ["9003;04.01.2025;K1;80,00;;;storniert"]
    assert dataset.con.execute(
        "SELECT CAST(date AS DATE)::VARCHAR, amount FROM transactions WHERE amount < 0"
    ).fetchall() == [("2025-01-15", -20.0)]
    h = headline(dataset)
    assert (h["customers"], h["orders"], h["net_revenue"], h["last_date"]) == (
        2, 2, 130.0, "2025-01-15")
    assert report.understood() == ("3 rows: one sale per row; 1 refund or return (\u2212€20.00); "
                                   "1 cancelled order left out.")


@pytest.mark.parametrize("header,amount,discount", [
    ("Cart Discount Amount,Order Subtotal Amount,Order Total Amount,Order Total Tax Amount",
     "Order Total Amount", "Cart Discount Amount"),
    ("Order Total Tax Amount,Cart Discount Amount,Order Total Amount",
     "Order Total Amount", "Cart Discount Amount"),
    ("Subtotal,Shipping and Handling,Grand Total (Base)", "Grand Total (Base)", None),
    ("Rabattbetrag,Versandkosten,Umsatz inkl. MwSt.", "Umsatz inkl. MwSt.", "Rabattbetrag"),
    ("Discount,Shipping,Taxes,Total", "Total", "Discount"),
])
def test_discount_tax_and_shipping_columns_are_never_the_amount(write_file, dataset, header,
                                                                 amount, discount):
    cols = header.split(",")
    sep = ";" if "Umsatz inkl. MwSt." in cols else ","
    money = ["5,00", "50,00", "45,00", "7,00"] if sep == ";" else ["5.00", "50.00", "45.00",
                                                                    "7.00"]
    rows = "\n".join(sep.join([f"10{i}", f"2025-03-0{i + 1}", f"c{i}@example.com"]
                              + money[:len(cols)]) for i in range(4))
    head = sep.join(["Order Number", "Order Date", "Email"] + cols)
    plan = dataset.plan(write_file("orders.csv", head + "\n" + rows + "\n"))
    assert plan.mapping["amount"] == amount
    assert plan.mapping.get("discount") == discount


def test_magento_allocated_sources_are_no_sales_channel(dataset):
    import os
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "fixtures", "exports",
                        "magento2_sales_order_grid.csv")
    assert "channel" not in dataset.plan(path).mapping
