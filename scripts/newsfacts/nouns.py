"""Singular and plural of English nouns: singulars from the `inflect` library, not a rule
of our own ('crises' -> 'crisis', not 'crise')."""

from __future__ import annotations

import sys
import types
from functools import lru_cache

from newsfacts.lexicon import lexicon


def _typechecked(target=None, **_options):
    """Stand-in for typeguard's decorator: the function unchanged."""
    return target if target is not None else (lambda f: f)


@lru_cache(maxsize=1)
def _engine():
    """inflect's engine, imported without typeguard's run-time checks of its methods: typeguard
    instruments each decorated method at import by parsing and compiling inflect's whole module
    again, which makes the import take 1.5 s (jaraco/inflect#212, agronholm/typeguard#468); the
    checks only guard argument types, and ours are always one word (str). Should inflect need
    more of typeguard than the decorator, it is imported the ordinary way."""
    saved = sys.modules.get("typeguard")
    stub = types.ModuleType("typeguard")
    stub.typechecked = _typechecked  # type: ignore[attr-defined]
    sys.modules["typeguard"] = stub
    try:
        import inflect
    except ImportError:
        inflect = None
    finally:
        if saved is None:
            del sys.modules["typeguard"]
        else:
            sys.modules["typeguard"] = saved
    if inflect is None:
        import inflect
    return inflect.engine()


@lru_cache(maxsize=4096)
def _inflect_singular(word: str) -> str | None:
    found = _engine().singular_noun(word)
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
    return _engine().plural_noun(word)
