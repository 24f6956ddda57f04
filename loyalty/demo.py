"""Seeded demo data: a shop with a loyalty programme, two years of history, six loyalty types.

Behaviour is drawn per customer around the means of their true type, with wide spread and with
some customers blending two types, so types overlap the way real customers do. The true type
goes to ``truth.csv`` and is used only to test segmentation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

TYPES = ("satisfied", "price_loyal", "programme_loyal", "convenience_loyal", "perk_loyal",
         "advocate")


@dataclass(frozen=True)
class Behaviour:
    share: float
    orders_per_month: float
    order_value: float
    promo_pull: float        # how much more they buy in promotion weeks (1 = not at all)
    discount_use: float      # chance of using a discount outside promotions
    member: float            # chance of joining the programme
    redeem: float            # chance of redeeming when enough points are saved
    channel_focus: float
    store_focus: float
    categories: int
    referrals_per_year: float
    reviews_per_year: float
    perks_per_month: float
    logins_per_month: float
    complaints_per_year: float
    nps_mean: float
    churn_per_month: float


BEHAVIOUR = {
    "satisfied": Behaviour(0.22, 1.4, 52, 1.2, 0.08, 0.45, 0.5, 0.5, 0.5, 3, 0.1, 0.6, 0.05,
                           0.3, 0.0, 8.0, 0.015),
    "price_loyal": Behaviour(0.18, 0.9, 38, 5.0, 0.55, 0.55, 0.6, 0.4, 0.3, 2, 0.05, 0.1, 0.05,
                             0.3, 0.8, 6.2, 0.04),
    "programme_loyal": Behaviour(0.15, 1.3, 45, 1.4, 0.12, 0.97, 0.95, 0.5, 0.4, 2, 0.1, 0.2,
                                 0.1, 4.0, 0.3, 7.2, 0.02),
    "convenience_loyal": Behaviour(0.18, 1.6, 40, 1.0, 0.04, 0.35, 0.4, 0.92, 0.92, 1, 0.05,
                                   0.1, 0.05, 0.5, 0.2, 7.3, 0.015),
    "perk_loyal": Behaviour(0.12, 0.35, 14, 1.3, 0.1, 0.5, 0.5, 0.5, 0.7, 1, 0.05, 0.2, 2.5,
                            0.6, 0.2, 6.8, 0.025),
    "advocate": Behaviour(0.15, 1.7, 62, 1.1, 0.06, 0.7, 0.6, 0.5, 0.5, 4, 2.0, 2.0, 0.1, 1.0,
                          0.0, 9.3, 0.008),
}

CHANNELS = ("store", "online", "app")
STORES = ("Berlin Mitte", "Hamburg Altona", "München Schwabing", "Köln Ehrenfeld", "Online-Shop")
CATEGORIES = ("Kaffee", "Backwaren", "Feinkost", "Haushalt", "Geschenke", "Tee")
REGIONS = ("Berlin", "Hamburg", "Bayern", "Nordrhein-Westfalen", "Hessen", "Sachsen")
TIERS = (("Bronze", 0.0), ("Silber", 300.0), ("Gold", 800.0))
COMMENTS = {
    "promoter": ("Tolle Auswahl, immer freundlich", "Great coffee, I tell all my friends",
                 "Bester Laden in der Stadt", "Love the rewards and the staff"),
    "passive": ("Ganz ok", "Good, but a bit pricey", "Lieferung dauerte etwas",
                "Fine, nothing special"),
    "detractor": ("Zu teuer ohne Rabatt", "Checkout was slow, again", "Bestellung kam beschädigt",
                  "Only came for the discount"),
}


# Purchase rate by month: a Christmas peak, a quiet January and February, a summer dip.
SEASON = {1: 0.8, 2: 0.8, 3: 0.95, 4: 1.0, 5: 1.0, 6: 0.9, 7: 0.85, 8: 0.9, 9: 1.0, 10: 1.05,
          11: 1.2, 12: 1.5}


def _promo(day: date) -> bool:
    # Promotion weeks: the first week of every month and Black Friday week.
    return day.day <= 7 or (day.month == 11 and 22 <= day.day <= 30)


def _at_noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0)


def _draw(rng, mean: float, spread: float = 0.5) -> float:
    return float(mean * rng.lognormal(0.0, spread))


def _mix(a: Behaviour, b: Behaviour, w: float) -> Behaviour:
    return Behaviour(*[(1 - w) * x + w * y if isinstance(x, float) else x
                       for x, y in zip(a.__dict__.values(), b.__dict__.values())])


def generate(customers: int = 5000, seed: int = 7, end: date = date(2026, 10, 31),
             days: int = 730) -> dict[str, pd.DataFrame]:
    """Frames ``transactions``, ``members``, ``surveys``, ``interactions`` and ``truth``."""
    rng = np.random.default_rng(seed)
    start = end - timedelta(days=days - 1)
    launch = start + timedelta(days=300)
    shares = np.array([BEHAVIOUR[t].share for t in TYPES])
    types = rng.choice(len(TYPES), size=customers, p=shares / shares.sum())
    ids = [f"K{100000 + i}" for i in range(customers)]
    acq = (rng.beta(1.0, 1.6, size=customers) * (days - 30)).astype(int)

    promo_days = np.array([_promo(start + timedelta(days=k)) for k in range(days)])
    season = np.array([SEASON[(start + timedelta(days=k)).month] for k in range(days)])
    tx, members, surveys, inter = [], [], [], []
    order_no = 1
    advocates_seen: list[tuple[str, int]] = []
    for i, cid in enumerate(ids):
        t = TYPES[types[i]]
        b = BEHAVIOUR[t]
        if rng.random() < 0.2:
            other = TYPES[rng.integers(len(TYPES))]
            b = _mix(b, BEHAVIOUR[other], float(rng.uniform(0.2, 0.45)))
        first = start + timedelta(days=int(acq[i]))
        life = rng.exponential(1.0 / max(b.churn_per_month, 1e-3)) * 30.4
        last = min(end, first + timedelta(days=int(life)))
        rate = _draw(rng, b.orders_per_month, 0.45) / 30.4
        value = _draw(rng, b.order_value, 0.3)
        home_channel = CHANNELS[rng.integers(3)]
        home_store = STORES[rng.integers(len(STORES) - 1)] if home_channel == "store" else STORES[-1]
        cats = list(rng.choice(CATEGORIES, size=max(1, min(len(CATEGORIES), b.categories
                                                          + int(rng.integers(-1, 2)))),
                               replace=False))
        is_member = rng.random() < b.member
        joined = None
        if is_member:
            joined = max(launch, first) + timedelta(days=int(rng.exponential(20)))
            if joined > end:
                is_member, joined = False, None
        referred_by = None
        if advocates_seen and rng.random() < 0.12:
            referrer, since = advocates_seen[rng.integers(len(advocates_seen))]
            if since < acq[i]:
                referred_by = referrer
                inter.append((referrer, _at_noon(first), "referral"))
        if t == "advocate":
            advocates_seen.append((cid, int(acq[i])))

        balance = 0.0
        spend_by_day = []
        lo, hi = (first - start).days, (last - start).days
        pull = np.where(promo_days[lo:hi + 1], b.promo_pull, 1.0 / max(1.0, 0.5 * b.promo_pull))
        hits = np.flatnonzero(rng.random(hi - lo + 1) < rate * pull * season[lo:hi + 1])
        for offset in sorted({0, *hits.tolist()}):
            day = first + timedelta(days=int(offset))
            promo = bool(promo_days[lo + offset])
            gross = round(max(2.0, rng.lognormal(np.log(value), 0.45)), 2)
            qty = int(rng.integers(1, 4))
            discount = 0.0
            if promo and rng.random() < min(0.95, 0.25 * b.promo_pull):
                discount = round(gross * 0.2, 2)
            elif rng.random() < b.discount_use:
                discount = round(gross * 0.1, 2)
            earned = redeemed = 0
            if is_member and joined is not None and day >= joined:
                if balance >= 500 and rng.random() < b.redeem:
                    redeemed = 500
                    balance -= 500
                    discount = round(discount + 5.0, 2)
                earned = int(gross - discount)
                balance += earned
            net = round(gross - discount, 2)
            channel = home_channel if rng.random() < b.channel_focus else CHANNELS[
                rng.integers(3)]
            store = (home_store if rng.random() < b.store_focus else
                     STORES[rng.integers(len(STORES))]) if channel == "store" else STORES[-1]
            when = datetime(day.year, day.month, day.day, int(rng.integers(8, 20)),
                            int(rng.integers(0, 60)))
            oid = f"B{order_no:07d}"
            order_no += 1
            category = cats[rng.integers(len(cats))]
            tx.append((cid, when, net, oid, discount, qty, round(gross / qty, 2), earned,
                       redeemed, channel, store, category))
            spend_by_day.append((day, net))
            if rng.random() < 0.03:
                back = day + timedelta(days=int(rng.integers(1, 15)))
                if back <= end:
                    tx.append((cid, datetime(back.year, back.month, back.day, 12, 0), -net,
                               oid + "-R", 0.0, -qty, round(gross / qty, 2), 0, 0, channel,
                               store, category))

        span_months = max(0.5, (last - first).days / 30.4)
        for kind, per_month in (("review", b.reviews_per_year / 12),
                                ("perk_use", b.perks_per_month),
                                ("complaint", b.complaints_per_year / 12),
                                ("social_follow", 0.02 if t in ("advocate", "satisfied") else 0.002)):
            for _ in range(rng.poisson(per_month * span_months * rng.lognormal(0, 0.4))):
                inter.append((cid, _at_noon(first + timedelta(
                    days=int(rng.integers(0, (last - first).days + 1)))), kind))
        if is_member:
            for _ in range(rng.poisson(b.logins_per_month * max(0.5, (last - joined).days / 30.4)
                                       if last >= joined else 0)):
                inter.append((cid, _at_noon(joined + timedelta(
                    days=int(rng.integers(0, max(1, (last - joined).days + 1))))), "app_login"))
        if rng.random() < (0.5 if t == "advocate" else 0.33):
            for _ in range(int(rng.integers(1, 4))):
                when = _at_noon(first + timedelta(days=int(rng.integers(0, (last - first).days + 1))))
                score = int(np.clip(round(rng.normal(b.nps_mean, 1.3)), 0, 10))
                rep = int(np.clip(round(score + rng.normal(0, 1.2)), 0, 10))
                other = int(np.clip(round(score - 1 + rng.normal(0, 1.5)), 0, 10))
                band = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
                comment = COMMENTS[band][rng.integers(4)] if rng.random() < 0.3 else ""
                surveys.append((when, score, cid, rep, other, comment))
        if is_member:
            year_ago = end - timedelta(days=365)
            spend = sum(v for d, v in spend_by_day if d > year_ago)
            tier = [name for name, floor in TIERS if spend >= floor][-1]
            born = date(int(rng.integers(1950, 2005)), int(rng.integers(1, 13)),
                        int(rng.integers(1, 29)))
            members.append((cid, joined, tier, born, REGIONS[rng.integers(len(REGIONS))],
                            referred_by or ""))

    # Anonymous till sales: revenue without a customer.
    n_anon = int(len(tx) * 0.08)
    for k in range(n_anon):
        d = start + timedelta(days=int(rng.integers(0, days)))
        amount = round(float(rng.lognormal(np.log(18), 0.5)), 2)
        tx.append(("", datetime(d.year, d.month, d.day, int(rng.integers(8, 20)), 0), amount,
                   f"A{k + 1:07d}", 0.0, 1, amount, 0, 0, "store",
                   STORES[rng.integers(len(STORES) - 1)], CATEGORIES[rng.integers(len(CATEGORIES))]))
    for _ in range(int(len(surveys) * 0.1)):
        d = start + timedelta(days=int(rng.integers(0, days)))
        surveys.append((datetime(d.year, d.month, d.day), int(rng.integers(3, 11)), "",
                        int(rng.integers(3, 11)), int(rng.integers(2, 10)), ""))

    frames = {
        "transactions": pd.DataFrame(tx, columns=[
            "customer_id", "date", "amount", "order_id", "discount", "quantity", "unit_price",
            "points_earned", "points_redeemed", "channel", "store", "category"]
        ).sort_values("date", kind="stable").reset_index(drop=True),
        "members": pd.DataFrame(members, columns=[
            "customer_id", "joined", "tier", "birth_date", "region", "referred_by"]),
        "surveys": pd.DataFrame(surveys, columns=[
            "date", "score", "customer_id", "repurchase_score", "try_other_score", "comment"]
        ).sort_values("date", kind="stable").reset_index(drop=True),
        "interactions": pd.DataFrame(inter, columns=["customer_id", "date", "kind"]
                                     ).sort_values("date", kind="stable").reset_index(drop=True),
        "truth": pd.DataFrame({"customer_id": ids, "true_type": [TYPES[k] for k in types]}),
    }
    frames["interactions"]["date"] = pd.to_datetime(frames["interactions"]["date"])
    return frames


GERMAN_HEADERS = {
    "transactions": {"customer_id": "Kundennummer", "date": "Datum", "amount": "Umsatz",
                     "order_id": "Bon-Nr", "discount": "Rabatt", "quantity": "Menge",
                     "unit_price": "Einzelpreis", "points_earned": "Punkte gesammelt",
                     "points_redeemed": "Punkte eingelöst", "channel": "Kanal",
                     "store": "Filiale", "category": "Warengruppe"},
    "members": {"customer_id": "Kundennummer", "joined": "Beitrittsdatum", "tier": "Stufe",
                "birth_date": "Geburtsdatum", "region": "Bundesland",
                "referred_by": "Geworben von"},
    "surveys": {"date": "Datum", "score": "Weiterempfehlung", "customer_id": "Kundennummer",
                "repurchase_score": "Wiederkauf", "try_other_score": "Andere Produkte",
                "comment": "Kommentar"},
    "interactions": {"customer_id": "Kundennummer", "date": "Datum", "kind": "Art"},
}
GERMAN_KINDS = {"review": "Bewertung", "referral": "Empfehlung", "perk_use": "Servicenutzung",
                "complaint": "Beschwerde", "social_follow": "Folgen", "app_login": "App-Login"}


def _german_number(x: float) -> str:
    s = f"{x:,.2f}"
    return s.replace(",", "\0").replace(".", ",").replace("\0", ".")


def write(out_dir: str, customers: int = 5000, seed: int = 7, dialect: str = "en") -> dict:
    """Write the demo CSVs (and ``truth.csv``) to ``out_dir``; return the paths."""
    frames = generate(customers=customers, seed=seed)
    os.makedirs(out_dir, exist_ok=True)
    paths = {}
    for name, df in frames.items():
        df = df.copy()
        path = os.path.join(out_dir, f"{name}.csv")
        if dialect == "de" and name != "truth":
            for col in df.columns:
                if col in ("amount", "discount", "unit_price"):
                    df[col] = [_german_number(v) for v in df[col]]
                elif pd.api.types.is_datetime64_any_dtype(df[col]):
                    fmt = "%d.%m.%Y %H:%M" if name == "transactions" else "%d.%m.%Y"
                    df[col] = df[col].dt.strftime(fmt)
                elif col in ("joined", "birth_date"):
                    df[col] = [v.strftime("%d.%m.%Y") if v else "" for v in df[col]]
            if name == "interactions":
                df["kind"] = df["kind"].map(lambda k: GERMAN_KINDS.get(k, k))
            df = df.rename(columns=GERMAN_HEADERS[name])
            df.to_csv(path, sep=";", index=False, encoding="cp1252")
        else:
            df.to_csv(path, index=False, date_format="%Y-%m-%d %H:%M:%S"
                      if name == "transactions" else "%Y-%m-%d")
        paths[name] = path
    return paths


def random_signals(n: int, seed: int = 1) -> pd.DataFrame:
    """A seeded table of ``n`` customers' segmentation signals with no structure at all: for
    invariant tests and speed measurements of the type rules, not for realism."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "orders": rng.integers(1, 40, n), "orders_per_month": rng.uniform(0, 3, n),
        "aov": rng.uniform(5, 120, n), "discount_share": rng.uniform(0, 1, n),
        "member": rng.integers(0, 2, n).astype(float), "logins_per_month": rng.uniform(0, 4, n),
        "redeem_share": rng.uniform(0, 0.3, n), "channel_share": rng.uniform(0.3, 1, n),
        "categories": rng.integers(1, 6, n).astype(float), "perks_per_month": rng.uniform(0, 3, n),
        "referrals": rng.integers(0, 3, n).astype(float), "reviews_per_year": rng.uniform(0, 3, n),
        "nps": rng.integers(0, 11, n).astype(float), "complaints": rng.integers(0, 2, n),
        "recency_days": rng.integers(0, 400, n), "tenure_days": rng.integers(0, 700, n),
    }, index=[f"C{i}" for i in range(n)])
