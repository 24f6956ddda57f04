"""The loyalty-type rules as the manager set them on the Loyalty types page (read by that page
and by the board pack, so the pack scores customers as the page does)."""

from __future__ import annotations

import dataclasses

import streamlit as st

from loyalty.analysis.segments import MIN_ORDERS, TYPE_RULES


def rules_from_widgets() -> tuple[dict, int]:
    """The rules as the manager set them (the defaults until a slider moves)."""
    rules = {}
    for ty, rule in TYPE_RULES.items():
        sigs = []
        for s in rule.signals:
            picked = st.session_state.get(f"seg_{ty}_{s.name}")
            if picked is not None:
                lo, hi = picked
                s = dataclasses.replace(s, low=hi if s.low > s.high else lo,
                                        high=lo if s.low > s.high else hi)
            sigs.append(s)
        rules[ty] = dataclasses.replace(rule, signals=tuple(sigs))
    return rules, int(st.session_state.get("seg_min_orders", MIN_ORDERS))


def rules_changed() -> bool:
    """Whether any rule differs from its default."""
    rules, min_orders = rules_from_widgets()
    return rules != TYPE_RULES or min_orders != MIN_ORDERS
