"""User text shown through Markdown comes out as the characters typed."""

import pytest

from loyalty.presentation.text import escape_markdown


@pytest.mark.parametrize("value,escaped", [
    ("![x](https://tracker.example/p.png)", r"\!\[x\]\(https\://tracker\.example/p\.png\)"),
    ("[click](http://x)", r"\[click\]\(http\://x\)"),
    ("**K1** _a_ `b` # c", r"\*\*K1\*\* \_a\_ \`b\` \# c"),
    ("<img src=x> & ~y~ $z$ |t| {u} +-", r"\<img src=x\> \& \~y\~ \$z\$ \|t\| \{u\} \+\-"),
    (":material/home: :red[x]", r"\:material/home\: \:red\[x\]"),
    ("a\\b", "a\\\\b"),
    ("K1\r\n# heading\nx\ry", r"K1 \# heading x y"),
    ("Kunde 4711 Köln", "Kunde 4711 Köln"),
    (4711, "4711"),
])
def test_escape_markdown(value, escaped):
    assert escape_markdown(value) == escaped
