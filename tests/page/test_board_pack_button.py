"""The sidebar's board pack button: on every page, built only when clicked, and the PDF holds
the figures the Overview page shows."""

import io
import os
import re

from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")


def test_button_on_every_page_builds_the_pack_on_click(monkeypatch):
    # Streamlit runs a download's callable when the browser asks for the file; here the test
    # plays the browser and runs it.
    made = []
    register = MediaFileManager.add_deferred

    def remember(self, fn, *args, **kwargs):
        made.append((kwargs.get("file_name"), fn))
        return register(self, fn, *args, **kwargs)

    built = []
    import ui.board_pack as widget
    real = widget.board_pack

    def counting(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", remember)
    monkeypatch.setattr(widget, "board_pack", counting)
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception
    customers = next(m.value for m in at.metric if m.label == "Customers")
    nps = next(m.value for m in at.metric if m.label == "NPS")
    for page in ("pages/nps.py", "pages/overview.py"):
        at.switch_page(page).run()
        assert not at.exception
        [button] = [b for b in at.sidebar.get("download_button")
                    if b.proto.label == "Board pack (PDF)"]
    # Placing the button on a rerun builds nothing.
    assert built == []
    name, make = [m for m in made if m[0].endswith(".pdf")][-1]
    assert re.fullmatch(r"loyalty-lens-board-pack-\d{8}-\d{8}\.pdf", name)
    pdf = make()
    assert built == [1]
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.outline) == 8
    headline = re.sub(r"\s+", " ", reader.pages[1].extract_text())
    assert f"Customers {customers} " in headline
    assert f"NPS {nps} " in headline
