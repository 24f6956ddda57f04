import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


@pytest.fixture
def write_file(tmp_path):
    """Write ``content`` (str or bytes) to a file in tmp_path and return its path."""
    def _write(name: str, content, encoding: str = "utf-8") -> str:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return str(path)
    return _write


@pytest.fixture
def dataset():
    from loyalty.storage.dataset import Dataset
    ds = Dataset()
    yield ds
    ds.close()


@pytest.fixture(autouse=True, scope="session")
def _workspaces_in_a_temporary_folder(tmp_path_factory):
    """No test writes workspaces into the checkout's own folder."""
    os.environ["LOYALTY_WORKSPACE_DIR"] = str(tmp_path_factory.mktemp("workspaces-default"))
