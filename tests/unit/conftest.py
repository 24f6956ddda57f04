"""The bundled demo data, loaded once per test module that asks for it."""

import os

import pytest

DEMO = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "data", "demo")


@pytest.fixture(scope="module")
def demo():
    from loyalty.storage.dataset import open_demo
    ds = open_demo(DEMO)
    yield ds
    ds.close()
