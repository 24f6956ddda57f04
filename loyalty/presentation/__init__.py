"""Presentation: what the dashboard shows, put together for reading away from it (the PDF board
pack). Built from the same domain functions and charts the pages use; no Streamlit here."""
