"""Streamlit-side helpers shared by app.py and the pages: session data, caching, widgets."""
