"""Singular and plural of English nouns: singulars from the `inflect` library, not a rule
of our own ('crises' -> 'crisis', not 'crise')."""

from __future__ import annotations

from functools import lru_cache

import inflect

from newsfacts.lexicon import lexicon

_ENGINE = inflect.engine()


@lru_cache(maxsize=4096)
def _inflect_singular(word: str) -> str | None:
    found = _ENGINE.singular_noun(word)
    return found if isinstance(found, str) and found else None


def is_plural(word: str) -> bool:
    """True when the word reads as a plural noun: a word of letters ending in 's' but not in
    an ending of singulars ('crisis', 'status', 'glass'; lexicon `singular_endings`), or a
    plural inflect knows without an 's' whose singular differs ('people', 'children', 'men';
    not 'Chinese' or 'aircraft', the same in both). inflect alone cannot tell: it takes any
    word for a plural ('bus' -> 'bu')."""
    w = word.lower()
    if not w.replace("-", "").isalpha():
        return False
    if w.endswith("s"):
        return len(w) > 3 and not w.endswith(tuple(lexicon()["singular_endings"]))  # not 'its', 'gas'
    return _inflect_singular(w) not in (None, w)


def singular(word: str) -> str:
    """The singular of a plural noun, in lower case as units are ('containers' ->
    'container', 'crises' -> 'crisis', 'people' -> 'person', 'Fishermen' -> 'fisherman');
    any other word in lower case, unchanged."""
    w = word.lower()
    return (_inflect_singular(w) or w) if is_plural(w) else w


@lru_cache(maxsize=4096)
def plural(word: str) -> str:
    """The plural of a noun, from inflect ('shilling' -> 'shillings', 'kwacha' -> 'kwachas')."""
    return _ENGINE.plural_noun(word)
