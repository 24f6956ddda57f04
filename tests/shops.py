"""Hand-worked datasets shared by unit, page and browser tests.

PROGRAMME shop: launch 1 Jul 2025 (the first join date). Per month before -> after with two
months each side: M1 100 -> 150, M2 30 -> 50 (members); N1 80 -> 90, N2 20 -> 0 (non-members).
N3 first buys after the launch, M3 and Y buy outside the windows. Qualifying spend over the 12
months to 31 Aug 2025: M1 500, N3 500, N1 340, M2 160, N2 40, M3 10 (1,550 in all). Of Y and M1,
who bought from Sep 2023 to Aug 2024, only M1 bought again.
"""

PROGRAMME_TX = """customer_id,date,amount
M1,2024-06-01,30
Y,2024-03-01,70
M3,2025-01-01,10
M1,2025-05-10,100
M1,2025-06-10,100
M1,2025-07-05,150
M1,2025-08-05,150
M2,2025-05-15,60
M2,2025-07-20,100
N1,2025-05-01,80
N1,2025-06-01,80
N1,2025-07-01,90
N1,2025-08-31,90
N2,2025-06-30,40
N3,2025-07-10,500
"""
PROGRAMME_MEMBERS = """customer_id,joined
M1,2025-07-01
M2,2025-07-10
M3,2025-08-01
"""


# TRANSACTIONS-ONLY shop: customer, date, quantity, amount (like the CDNOW log), 1 Jan 2024 to
# 31 Aug 2025. The last purchase fixes the observation end.
# - ONCE: one order on 10 May 2024 (478 days before the end): a one-time buyer, not new.
# - TWICE: orders on 15 May and 1 Jul 2024 (473 days): occasional.
# - FRESH: one order on 11 Aug 2025 (20 days): too new to tell.
# - SMALL: 20 monthly orders of 12.00 from 1 Jan 2024 (608 days): small orders, the old rules
#   made this customer perk-loyal on order size alone.
# - TINY: 10 orders of 8.00 every other month from 3 Jan 2024.
# - BIG: 3 orders of 60.00 in 2024.


def _transactions_only_rows() -> list[tuple[str, str, int, float]]:
    rows = [("ONCE", "2024-05-10", 1, 15.0), ("TWICE", "2024-05-15", 1, 20.0),
            ("TWICE", "2024-07-01", 2, 30.0), ("FRESH", "2025-08-11", 1, 25.0)]
    rows += [("SMALL", f"{2024 + m // 12}-{m % 12 + 1:02d}-01", 1, 12.0) for m in range(20)]
    rows += [("TINY", f"{2024 + m // 12}-{m % 12 + 1:02d}-03", 1, 8.0) for m in range(0, 20, 2)]
    rows += [("BIG", d, 2, 60.0) for d in ("2024-02-10", "2024-06-10", "2024-10-10")]
    rows.append(("SMALL", "2025-08-31", 1, 12.0))       # the last day of the data
    return rows


def transactions_only(discounts: dict[str, float] | None = None) -> str:
    """The shop as CSV; ``discounts`` adds a discount column (amount per order per customer)."""
    head = "customer_id,date,quantity,amount" + (",discount" if discounts is not None else "")
    lines = [head]
    for cid, day, qty, amount in _transactions_only_rows():
        extra = f",{discounts.get(cid, 0.0):.2f}" if discounts is not None else ""
        lines.append(f"{cid},{day},{qty},{amount:.2f}{extra}")
    return "\n".join(lines) + "\n"
