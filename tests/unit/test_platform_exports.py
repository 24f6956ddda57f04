"""Shop and till exports in each platform's own column layout load to the figures a manager works
out by hand.

The files live in tests/fixtures/exports/: headers exactly as the platform writes them, in its
order; the values are invented. Rules the figures follow (README, "Exports known to load"):

- one transaction per order; order-level columns may be filled on the order's first row only
  (Shopify) or repeated on every item row (WooCommerce): either way an order counts once;
- a refunded amount becomes a negative row on the order date (none of these exports has a refund
  date); a fully refunded order is still an order, with net revenue 0;
- cancelled / voided orders are left out: each of their rows is rejected (``cancelled_order``);
- till receipts of type Storno / Gutschrift / Retoure count negative;
- rows_read = rows_loaded + rows_rejected; item rows of a kept order count as loaded;
- orders = distinct order ids with a positive amount; customers = distinct customer ids, or
  e-mail addresses where the export has no customer number; no id, no customer.

Hand-worked figures, one block per file
---------------------------------------

shopify_orders_export.csv (Name = #1001 ..., Total/Refunded Amount on the order's first row)
  #1001 ann   2 rows  paid                Total 49.50 (55.00 - 5.50 SPRING10)        49.50
  #1002 bob   1 row   partially_refunded  Total 80.00, Refunded Amount 30.00         50.00
  #1003 ann   2 rows  refunded            Total 40.00, Refunded Amount 40.00          0.00
  #1004 carl  2 rows  voided, Cancelled at set                             rejected 2
  #1005 --    1 row   POS walk-in, no e-mail                                       12.00
  #1006 dana  3 rows  paid                Total 90.00 (100.00 - 10.00 WELCOME)       90.00
  rows_read 11 = loaded 9 + rejected 2; orders 5 (1001 1002 1003 1005 1006);
  customers 3 (ann bob dana; carl cancelled, walk-in anonymous);
  net revenue 49.50 + 50.00 + 0 + 12.00 + 90.00 = 201.50; 2025-03-01 .. 2025-03-20.

woocommerce_orders_one_row_per_item.csv (SkyVerge "One Row per Item": order columns repeated on
every item row; customer_id 0 = guest checkout, who is known only by billing_email)
  501 user 17 eva   2 rows completed  order_total 80.00 (discount 8.00)           80.00
  502 user 23 finn  2 rows completed  order_total 60.00, refunded_total 15.00     45.00
      (15.00 stands on both rows: it is refunded once)
  503 user 17 eva   1 row  refunded   order_total 30.00, refunded_total 30.00      0.00
  504 user 31 gus   2 rows cancelled                                       rejected 2
  505 guest 0, no e-mail  1 row processing (cash on delivery)                      9.00
  506 guest 0 ivan@  2 rows completed order_total 25.00 (18.00 + 7.00)            25.00
  507 guest 0 hanna@ 1 row  completed order_total 12.00                           12.00
  rows_read 11 = loaded 9 + rejected 2; orders 6 (501 502 503 505 506 507);
  customers 4 (17, 23, ivan@, hanna@: "0" is not one customer who placed every guest order,
  and the guest without e-mail is anonymous);
  net revenue 80 + 45 + 0 + 9 + 25 + 12 = 171.00; 2025-03-02 .. 2025-03-27.

woocommerce_advanced_order_export.csv ("Advanced Order Export For WooCommerce" default fields:
order columns repeated on every item row under names such as "Cart Discount Amount", "Order
Subtotal Amount", "Order Total Amount", "Order Total Tax Amount"; customers by billing e-mail)
  1201 eva   2 rows Completed   Order Total Amount 49.90 (50.00 - 5.00 + 4.90 shipping)  49.90
  1202 finn  1 row  Completed   Order Total Amount 30.00, Order Refund Amount 10.00      20.00
  1203 gus   1 row  Cancelled                                                 rejected 1
  1204 eva   1 row  Processing  Order Total Amount 15.00                                15.00
  rows_read 5 = loaded 4 + rejected 1; orders 3; customers 2 (eva finn);
  net revenue 49.90 + 20.00 + 15.00 = 84.90 (not the discount, subtotal or tax column);
  2025-04-02 .. 2025-04-09.

magento2_sales_order_grid.csv (one row per order; money as "€59.00"; Purchase Point spans three
lines inside quotes; Subtotal is before the discount, Grand Total after it)
  000000101 ann   Complete                                                      59.00
  000000102 ben   Complete, Total Refunded €20.00 (credit memo)   120.00 - 20 = 100.00
  000000103 ann   Closed, Total Refunded €35.00                     35.00 - 35 =   0.00
  000000104 cleo  Canceled                                                 rejected 1
  000000105 dirk  guest (NOT LOGGED IN), Grand Total €42.50 (Subtotal €50.00)   42.50
  000000106 ben   Complete                                                      19.90
  rows_read 6 = loaded 5 + rejected 1; orders 5; customers 3 (ann ben dirk by e-mail);
  net revenue 59 + 100 + 0 + 42.50 + 19.90 = 221.40; 2025-03-01 .. 2025-03-28.

square_item_sales_detail.csv (one row per item; every row carries Transaction ID, customer and
its own Net Sales; refunds are rows of Event Type "Refund" with negative money, on the day of
the refund; voided sales do not appear in this export)
  tXa1Lm01 Mia   03/01  Latte 9.00 + Croissant 3.50                             12.50
  tXb2Kp02 --    03/04  Espresso 3.00 + Muffin 3.25 - 0.50 discount              5.75
  tXc3Jn03 Noah  03/08  Beans 18.00 + Mug 12.00; 03/10 refund of the mug -12.00  18.00
  tXd4Hm04 Mia   03/15  Chai 4.00; refunded 20 minutes later -4.00               0.00
  tXe5Gq05 Olga  03/22  Cake 6.50 + Latte 4.50 - 1.00 discount                  10.00
  rows_read 11 = loaded 11 + rejected 0; orders 5; customers 3 (Mia Noah Olga);
  net revenue 12.50 + 5.75 + 18.00 + 0 + 10.00 = 46.25; 2025-03-01 .. 2025-03-22.

shopware6_default_orders_profile.csv (Shopware 6 import/export profile "Default orders": ";",
one row per order, line items packed into one cell, customers by e-mail, amount_total after
discounts, order_date_time ISO with offset; the order state is an id, so cancelled orders cannot
be told apart in this export)
  10001 anna  59.90;  10002 ben 120.00;  10003 anna 24.50;  10004 clara 312.45
  rows_read 4 = loaded 4; orders 4; customers 3; net revenue 516.85; 2025-05-02 .. 2025-05-28.

lightspeed_x_series_sales_history.csv (Lightspeed Retail X-Series / Vend sales history: each
receipt is a "Sale" row with its totals and customer, "Sale Line" rows with each item's own
total, and "Payment" rows; a return is a Sale with negative figures; VOIDED sales)
  1001 C-ANNA  Sale 40.00 = lines 30.00 + 10.00, paid 40.00                      40.00
  1002 --      walk-in, Sale 4.50                                                4.50
  1003 C-BEN   Sale 20.00 after a 5.00 discount (the line repeats the 5.00)      20.00
  1004 C-BEN   VOIDED, Sale + 1 line                                      rejected 2
  1005 C-ANNA  return of the cup, Sale -10.00                                  -10.00
  rows_read 15 = loaded 13 + rejected 2; orders 3 (1001 1002 1003); customers 2;
  net revenue 40.00 + 4.50 + 20.00 - 10.00 = 54.50 (the header's total once, not the lines
  again, nor the payments); 2025-06-02 .. 2025-06-20.

kassenexport_de.csv (Windows-1252, ";" and decimal comma; one row per receipt line; returns are
receipts of their own)
  1001 K-100 01.03.  3,60 + 8,99                                                12.59
  1002 --    01.03.  walk-in                                                     1.80
  1003 K-200 03.03.  24,50 + 1,20                                               25.70
  1004 K-200 05.03.  Gutschrift 24,50 (printed positive)                       -24.50
  1005 K-300 07.03.  17,98                                                      17.98
  1006 K-300 07.03.  Storno 17,98 (printed positive)                           -17.98
  1007 K-100 12.03.  10,00 + discount line -1,00                                 9.00
  1008 --    14.03.  walk-in                                                     3.40
  1009 K-100 15.03.  Retoure -3,40 (already negative: stays negative)           -3.40
  rows_read 12 = loaded 12 + rejected 0; orders 6 (1001 1002 1003 1005 1007 1008);
  customers 3 (K-100 K-200 K-300);
  net revenue 12.59 + 1.80 + 25.70 - 24.50 + 17.98 - 17.98 + 9.00 + 3.40 - 3.40 = 24.59;
  2025-03-01 .. 2025-03-15.
"""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "exports")

# file: (rows_read, rows_loaded, rows_rejected, orders, customers, net_revenue, first, last)
EXPECTED = {
    "shopify_orders_export.csv": (11, 9, 2, 5, 3, 201.50, "2025-03-01", "2025-03-20"),
    "woocommerce_orders_one_row_per_item.csv": (11, 9, 2, 6, 4, 171.00, "2025-03-02", "2025-03-27"),
    "woocommerce_advanced_order_export.csv": (5, 4, 1, 3, 2, 84.90, "2025-04-02", "2025-04-09"),
    "magento2_sales_order_grid.csv": (6, 5, 1, 5, 3, 221.40, "2025-03-01", "2025-03-28"),
    "square_item_sales_detail.csv": (11, 11, 0, 5, 3, 46.25, "2025-03-01", "2025-03-22"),
    "shopware6_default_orders_profile.csv": (4, 4, 0, 4, 3, 516.85, "2025-05-02", "2025-05-28"),
    "lightspeed_x_series_sales_history.csv": (15, 13, 2, 3, 2, 54.50, "2025-06-02",
                                              "2025-06-20"),
    "kassenexport_de.csv": (12, 12, 0, 6, 3, 24.59, "2025-03-01", "2025-03-15"),
}
KEYS = ("rows_read", "rows_loaded", "rows_rejected", "orders", "customers", "net_revenue",
        "first_date", "last_date")
CANCELLED_ROWS = {"shopify_orders_export.csv": 2, "woocommerce_orders_one_row_per_item.csv": 2,
                  "magento2_sales_order_grid.csv": 1, "woocommerce_advanced_order_export.csv": 1,
                  "lightspeed_x_series_sales_history.csv": 2}


def _figures(k: dict) -> dict:
    return {key: k[key] for key in KEYS}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_export_loads_to_hand_worked_figures(name, dataset):
    from loyalty.analysis.kpis import headline
    dataset.load(os.path.join(FIXTURES, name))
    assert _figures(headline(dataset)) == dict(zip(KEYS, EXPECTED[name]))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_record_is_accounted_for(name, dataset):
    """The file's own record count (header excluded; Magento's quoted line breaks are one record)
    equals what the load read, and every rejected record says why."""
    import csv
    path = os.path.join(FIXTURES, name)
    encoding = "cp1252" if name.startswith("kassen") else "utf-8"
    semicolons = name.startswith(("kassen", "shopware"))
    with open(path, newline="", encoding=encoding) as f:
        records = sum(1 for _ in csv.reader(f, delimiter=";" if semicolons else ",")) - 1
    report = dataset.load(path)
    assert records == EXPECTED[name][0]
    assert report.rows_loaded + report.rows_rejected == records


@pytest.mark.parametrize("name", sorted(CANCELLED_ROWS))
def test_cancelled_orders_are_rejected_with_their_code(name, dataset):
    report = dataset.load(os.path.join(FIXTURES, name))
    rejects = dataset.rejects(report.file_id)
    assert list(rejects["code"]) == ["cancelled_order"] * CANCELLED_ROWS[name]
    assert rejects["raw"].str.len().min() > 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_prints_the_same_figures(name):
    out = subprocess.run([sys.executable, "-m", "loyalty", "kpis", "--transactions",
                          os.path.join(FIXTURES, name), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert _figures(json.loads(out.stdout)) == dict(zip(KEYS, EXPECTED[name]))


# Discounts granted, as positive amounts, cancelled orders left out. Shopify: 5.50 (#1001) +
# 10.00 (#1006) on the first rows; WooCommerce: discount_total 8.00 of order 501, repeated on its
# two item rows; WooCommerce (Advanced Order Export): Cart Discount Amount 5.00 of order 1201,
# repeated on its two item rows; Square: "-$0.50" on the muffin and "-$1.00" on the latte, per item row.
DISCOUNTS = {"shopify_orders_export.csv": 15.50, "woocommerce_orders_one_row_per_item.csv": 8.00,
             "woocommerce_advanced_order_export.csv": 5.00,
             "lightspeed_x_series_sales_history.csv": 5.00,
             "square_item_sales_detail.csv": 1.50}


@pytest.mark.parametrize("name", sorted(DISCOUNTS))
def test_discounts_are_counted_once_and_positive(name, dataset):
    dataset.load(os.path.join(FIXTURES, name))
    total = dataset.table("transactions").discount.sum().execute()
    assert round(float(total), 2) == DISCOUNTS[name]


def test_square_discount_stays_with_the_item_it_was_given_on(dataset):
    """The muffin (Bakery) and the second latte (Coffee) carried the discounts."""
    dataset.load(os.path.join(FIXTURES, "square_item_sales_detail.csv"))
    tx = dataset.table("transactions")
    by_cat = tx.group_by("category").aggregate(d=tx.discount.sum()).execute()
    got = {c: round(float(d or 0), 2) for c, d in zip(by_cat["category"], by_cat["d"])}
    assert got == {"Coffee": 1.00, "Bakery": 0.50, "Retail": 0.00, "Tea": 0.00}
