"""clause_spans() cuts a region at ';', at ', and' before a new clause, and before 'that was':
pinned on the edge cases of its cuts (joiners dropped after a cut, empty clauses, lists of
names)."""

from __future__ import annotations

import pytest

from newsfacts.events import clause_spans
from newsfacts.text import sentences


@pytest.mark.parametrize("text, expected", [
    ("Russia attacked Kyiv on Monday, and Ukraine struck Belgorod on Tuesday.",
     ["Russia attacked Kyiv on Monday", "Ukraine struck Belgorod on Tuesday ."]),
    ("Iran, North Korea, and China sent drones.", ["Iran , North Korea , and China sent drones ."]),
    ("The sanctions hit Iran; and they worked; ; but Kyiv waited.",
     ["The sanctions hit Iran", "they worked", "Kyiv waited ."]),
    ("It was the package that was passed by the House, and Russia said so.",
     ["It was the package", "that was passed by the House", "Russia said so ."]),
    ("; And Russia struck Kyiv.", ["Russia struck Kyiv ."]),
    ("The talks, and Russia agreed, but Ukraine, and Poland.",
     ["The talks", "Russia agreed , but Ukraine , and Poland ."]),
])
def test_clauses_cut_where_a_new_clause_opens(text: str, expected: list[str]) -> None:
    tokens = list(next(iter(sentences(text))).tokens)
    spans = clause_spans(tokens, [t.lower for t in tokens])
    assert [" ".join(t.text for t in tokens[a:b]) for a, b in spans] == expected
    assert clause_spans([], []) == []
