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
