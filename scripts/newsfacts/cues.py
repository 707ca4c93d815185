"""Reporting cues: the words that attribute speech, with their frames and speech acts.

Every cue is one entry of `reporting_cues` in the lexicon: its lemma, part of speech,
every written form, the speech act it performs, and its frame (whether its content must
be marked by 'that', 'whether', 'to', a colon or a quotation mark, or by 'that' or a
quotation only, whether it can follow
its content, whether it has a passive, and a particle it needs: 'call for', 'point out').
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsfacts.lexicon import lexicon
from newsfacts.text import Token



@dataclass(frozen=True)
class Cue:
    """One reporting cue of the lexicon."""

    lemma: str
    pos: str
    act: str
    marked: bool
    """Its content must start with a marker (that, whether, to, a colon, a quotation)."""
    that_only: bool
    """Only 'that' or a quotation marks its content (the verb 'state', not the noun in
    'the early states: Iowa, ...')."""
    speech_object: bool
    """Unmarked content must be speech named by a noun ('rejected the allegations', not
    'rejected the offer': rejecting an offer is an act, a REJECT event)."""
    inverted: bool
    """It can follow its content ('..., the minister said')."""
    passive: bool
    particle: str | None


@lru_cache(maxsize=1)
def _by_form() -> dict[str, tuple[Cue, ...]]:
    out: dict[str, list[Cue]] = {}
    for entry in lexicon()["reporting_cues"]:
        cue = Cue(
            entry["lemma"],
            entry["pos"],
            entry["act"],
            entry["complement"] in {"marked", "that"},
            entry["complement"] == "that",
            entry["complement"] == "speech",
            entry["inverted"],
            entry["passive"],
            entry.get("particle"),
        )
        for form in entry["forms"]:
            out.setdefault(form, []).append(cue)
    # entries with a particle first: 'called for' before 'called'
    return {form: tuple(sorted(cues, key=lambda c: c.particle is None)) for form, cues in out.items()}


@lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """Every written form of every reporting cue (lower case)."""
    return frozenset(_by_form())


def cue_at(tokens: tuple[Token, ...] | list[Token], i: int) -> tuple[Cue, int] | None:
    """The cue starting at token i and the index just past it (past its particle)."""
    cues = _by_form().get(tokens[i].lower)
    if not cues:
        return None
    for cue in cues:
        if cue.particle is None:
            return cue, i + 1
        if i + 1 < len(tokens) and tokens[i + 1].lower == cue.particle:
            return cue, i + 2
    return None


def speech_act(cue: str, denial: bool = False) -> str:
    """The speech act of a statement from its cue as written ('called for' -> demand)."""
    if denial:
        return "deny"
    words = cue.lower().split()
    for k, word in enumerate(words):
        for c in _by_form().get(word, ()):
            if c.particle is None or (k + 1 < len(words) and words[k + 1] == c.particle):
                return c.act
    return "assert" if cue else "other"
