"""The server's own settings: reachable from this machine only until sign-in is set up, and
its sign-in secrets never committed."""

import os
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_server_listens_on_this_machine_only():
    with open(os.path.join(ROOT, ".streamlit", "config.toml"), "rb") as fh:
        server = tomllib.load(fh)["server"]
    assert server["address"] == "127.0.0.1"


def test_secrets_stay_out_of_version_control():
    with open(os.path.join(ROOT, ".gitignore")) as fh:
        assert ".streamlit/secrets.toml" in fh.read().split()
