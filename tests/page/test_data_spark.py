"""The Data page's "Data already in Spark": a Spark Connect address is checked before anything
is tried, and a malformed one or a server that does not answer is one sentence."""

import os

import pytest
from streamlit.testing.v1 import AppTest

from loyalty.errors import UnusableFile
from loyalty.storage.spark import check_remote

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
APP = os.path.join(ROOT, "app.py")


def data_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if lang != "en":
        at.session_state["app_lang"] = lang
        at.session_state["app_lang_kept"] = lang
    at.switch_page("pages/data.py").run()
    assert not at.exception
    return at


def remote(at: AppTest, address: str, transactions: str = "") -> AppTest:
    lang = at.session_state["app_lang"] if "app_lang" in at.session_state else "en"
    at.radio(key=f"data_spark_connection@{lang}").set_value("remote").run()
    at.text_input(key="data_spark_address").input(address).run()
    if transactions:
        at.text_input(key="data_spark_source_transactions").input(transactions).run()
    assert not at.exception
    return at


def errors(at: AppTest) -> list[str]:
    """The error boxes as the manager reads them (Markdown escapes removed)."""
    return [e.value.replace("\\", "") for e in at.error]


@pytest.mark.parametrize("address", ["sc://spark-host:15002", "sc://spark-host",
                                     "sc://10.0.0.5:443/;token=abc;x-databricks-cluster-id=1"])
def test_good_addresses(address):
    assert check_remote(address)[0] in ("spark-host", "10.0.0.5")


@pytest.mark.parametrize("address", ["http://spark-host:15002", "spark-host:15002", "sc://",
                                     "sc://spark-host:99999", "sc://host:15002/db"])
def test_malformed_addresses(address):
    with pytest.raises(UnusableFile) as err:
        check_remote(address)
    assert err.value.code == "spark_address"


def test_the_section_asks_for_transactions_and_keeps_open_disabled():
    at = data_page()
    assert at.button(key="data_spark_open").disabled
    assert any("Name the table or path of the transactions" in i.value for i in at.info)


def test_a_malformed_address_is_one_sentence():
    at = remote(data_page(), "http://spark-host:15002", "sales.receipts")
    assert errors(at) == ["“http://spark-host:15002” is not a Spark Connect address: write it "
                          "as sc://host:15002."]
    assert at.button(key="data_spark_open").disabled


def test_a_server_that_does_not_answer_is_one_sentence_in_german():
    at = remote(data_page("de"), "sc://127.0.0.1:1", "sales.receipts")
    assert errors(at) == ["Unter 127.0.0.1:1 antwortet kein Spark-Connect-Server: Prüfen Sie "
                          "die Adresse und ob der Server läuft."]
    assert at.button(key="data_spark_open").disabled
