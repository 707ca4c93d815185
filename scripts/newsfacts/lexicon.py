"""Reference data shared by every extraction step: lexicons, country names, gazetteer.

Everything here describes the world or the language, never a particular article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry
from anyascii import anyascii

from newsfacts.csvio import from_csv


def _reference(name: str) -> str:
    return resources.files("newsfacts").joinpath("reference", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The lexicons of reporting verbs, roles, event triggers, numbers and dates."""
    return json.loads(_reference("lexicon.json"))


@lru_cache(maxsize=None)
def word_set(key: str) -> frozenset[str]:
    """A word list of the lexicon as a set, for membership tests (a list is searched word
    by word: 'head in lexicon()["org_heads"]' compared up to 126 strings)."""
    return frozenset(lexicon()[key])


@lru_cache(maxsize=None)
def grammar(name: str) -> frozenset[str]:
    """One word set of the statement grammar (lexicon key `grammar`: each set with its part
    of speech and what the grammar uses it for)."""
    return frozenset(lexicon()["grammar"][name]["words"])


def slug(name: str) -> str:
    """A readable id in any script: the name transliterated to ASCII by anyascii, lower case
    words joined by hyphens ("Antony Blinken" -> antony-blinken, "Łukasz Kowalski" ->
    lukasz-kowalski, "Владимир Путин" -> vladimir-putin)."""
    ascii_name = anyascii(name.replace("’", "").replace("'", ""))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "unnamed"


@dataclass(frozen=True)
class ActorEntry:
    """An actor known to the gazetteer."""

    actor_id: str
    name: str
    kind: str
    country: str | None
    parent_actor_id: str | None


@dataclass(frozen=True)
class Gazetteer:
    """Known actors and the surface forms that name them."""

    entries: dict[str, ActorEntry]
    aliases: dict[str, str]
    """Surface form (as written, case-sensitive) -> actor_id."""
    demonyms: dict[str, str]
    """Nationality adjective ("North Korean") -> actor_id of the country."""
    country_actor: dict[str, str]
    """ISO alpha-3 -> actor_id of that country."""


def _country_rows() -> dict[str, dict[str, str]]:
    rows = from_csv(_reference("countries.csv"))
    return {r["alpha_3"]: r for r in rows}


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Countries from ISO 3166 (pycountry) with our short names and aliases, plus bodies."""
    extra = _country_rows()
    entries: dict[str, ActorEntry] = {}
    aliases: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    country_actor: dict[str, str] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        row = extra.get(c.alpha_3, {})
        name = row.get("short_name") or getattr(c, "common_name", None) or c.name
        actor_id = slug(name)
        entries[actor_id] = ActorEntry(actor_id, name, "country", c.alpha_3, None)
        country_actor[c.alpha_3] = actor_id
        forms = {name, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}
        forms.update(_split(row.get("aliases")))
        for form in sorted(f for f in forms if f):
            aliases.setdefault(form, actor_id)
        for form in _split(row.get("demonyms")):
            demonyms.setdefault(form, actor_id)
    for row in from_csv(_reference("actors.csv")):
        entry = ActorEntry(
            row["actor_id"],
            row["name"],
            row["kind"],
            row["country"] or None,
            row["parent_actor_id"] or None,
        )
        entries[entry.actor_id] = entry
        for form in [entry.name, *_split(row["aliases"])]:
            aliases[form.removeprefix("the ")] = entry.actor_id
    return Gazetteer(entries, aliases, demonyms, country_actor)
