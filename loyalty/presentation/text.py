"""User-provided text (customer ids, file names, sample values, tier and scenario names) made safe
to put into a message that Streamlit renders as Markdown.

Markdown would turn an id like ``![x](https://tracker.example/p.png)`` into an image fetched from
someone else's server, and ``[x](http://...)`` into a link. Escaping every Markdown character
makes the text show exactly as it was typed.
"""

from __future__ import annotations

# CommonMark lets any ASCII punctuation be escaped with a backslash and then shows it as it is.
# Beyond Markdown's own characters: ":" starts Streamlit's :icon: and :colour[...] directives
# and emoji short codes, "$" its formulas, "&" HTML entities.
MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>~$:&")


def escape_markdown(value) -> str:
    """``value`` as text that Markdown shows literally: special characters escaped, line breaks
    turned into spaces (a new line could start a heading, list or code block)."""
    text = str(value).replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in text)
