"""The ``sayso_paragraphs`` component: a blank line always starts a new sentence.

The parser otherwise runs an unpunctuated headline or dateline into the first sentence of
the body, and an attribution found there spans two paragraphs ("Union walks out, leader
says\\n\\nNov. 27 - ..."). It must run before the parser, which keeps preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("sayso_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after a blank line."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.whitespace_.count("\n") + prev.text.count("\n") >= 2 and (
            prev.is_space or "\n" in prev.whitespace_
        ):
            tok.is_sent_start = True
    return doc
