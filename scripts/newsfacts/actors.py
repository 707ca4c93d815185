"""Actor mentions: gazetteer names, nationality adjectives, titled names, organisations,
pronouns and descriptions, and the article's record of the actors it has named."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from newsfacts.lexicon import gazetteer, grammar, lexicon, slug, word_set
from newsfacts.nouns import is_plural, singular
from newsfacts.text import Sentence, Token, tokenize

HONORIFICS = grammar("honorifics")
CONNECTORS = grammar("connectors")
NAME_APOSTROPHES = {"’", "'", "’s", "'s"}
"""Possessives inside a body's name ('Portuguese Nurses’ Union', 'People's Liberation Army')."""
DETERMINERS = grammar("determiners")
PREPOSITIONS = grammar("prepositions")


@dataclass(frozen=True, slots=True, init=False)
class Mention:
    """A span of tokens that refers to an actor."""

    start: int
    end: int
    text: str
    actor_id: str
    kind: str
    demonym: bool = False

    def __init__(self, start: int, end: int, text: str, actor_id: str, kind: str, demonym: bool = False) -> None:
        # dozens per sentence: the slots are set through their descriptors, a third faster
        # than the frozen dataclass's own __init__
        _M_START(self, start)
        _M_END(self, end)
        _M_TEXT(self, text)
        _M_ACTOR(self, actor_id)
        _M_KIND(self, kind)
        _M_DEMONYM(self, demonym)


_M_START, _M_END, _M_TEXT, _M_ACTOR, _M_KIND, _M_DEMONYM = (
    Mention.__dict__[name].__set__ for name in ("start", "end", "text", "actor_id", "kind", "demonym")
)


@dataclass
class ActorRecord:
    """What the article says about one actor."""

    actor_id: str
    name: str
    kind: str
    country: str | None = None
    parent_actor_id: str | None = None
    forms: set[str] = field(default_factory=set)
    role: str | None = None


@dataclass(frozen=True)
class Phrase:
    """A noun phrase analysed as a speaker or participant."""

    text: str
    start: int
    end: int
    kind: str
    """name, pronoun or description."""
    actor_id: str | None
    role: str | None = None


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Words that make up titles and roles ("Secretary", "spokesperson", "Gov.")."""
    return frozenset(lexicon()["role_words"])


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.replace(".", "").isupper()


def _key(tokens) -> tuple[str, ...]:
    """Lookup key of a token sequence: texts with typographic apostrophes made plain."""
    return tuple(t.text.replace("’", "'") for t in tokens)


@lru_cache(maxsize=1)
def _alias_tokens() -> dict[tuple[str, ...], tuple[str, bool]]:
    """Token sequence -> (actor_id, is_demonym), for every alias and demonym."""
    g = gazetteer()
    out: dict[tuple[str, ...], tuple[str, bool]] = {}
    for form, actor_id in g.demonyms.items():
        out[_key(tokenize(form))] = (actor_id, True)
    for form, actor_id in g.aliases.items():
        out[_key(tokenize(form))] = (actor_id, False)
    return out


@lru_cache(maxsize=1)
def _alias_tree() -> dict[str, _Node]:
    """The aliases that start with a capital (as a name does), as a tree of their words: the
    first word, as a token may write it (with either apostrophe) -> its node. A node holds
    what the words so far name, if they are a whole alias, and the nodes of the next words."""
    root: dict[str, _Node] = {}
    for key, (actor_id, demonym) in _alias_tokens().items():
        if not key[0][:1].isupper():
            continue
        node = root.setdefault(key[0], _Node())
        for word in key[1:]:
            node = node.next.setdefault(word, _Node())
        node.hit = (actor_id, demonym, gazetteer().entries[actor_id].kind)
    return {written: node for first, node in root.items() for written in _apostrophe_forms(first)}


class _Node:
    """One word of the alias tree."""

    __slots__ = ("hit", "next")

    def __init__(self) -> None:
        self.hit: tuple[str, bool, str] | None = None
        """(actor id, is a demonym, kind) of the alias that ends here."""
        self.next: dict[str, _Node] = {}


def _apostrophe_forms(word: str) -> set[str]:
    """Every way of writing `word` with a typographic apostrophe for any of its plain ones."""
    forms = {""}
    for ch in word:
        forms = {f + c for f in forms for c in ((ch, "’") if ch == "'" else (ch,))}
    return forms


def gazetteer_mentions(tokens: tuple[Token, ...] | list[Token], text: str) -> list[Mention]:
    """Longest gazetteer matches (names and nationality adjectives), left to right."""
    return [m for _, _, m in _gazetteer_runs(tokens, text)]


def _gazetteer_runs(tokens: tuple[Token, ...] | list[Token], text: str) -> list[tuple[int, int, Mention]]:
    """gazetteer_mentions, each with the positions of its first token and past its last."""
    tree = _alias_tree()
    out: list[tuple[int, int, Mention]] = []
    after = 0  # mentions do not overlap: the next one starts after the latest
    for i in [k for k, t in enumerate(tokens) if t.text in tree]:  # where a name can start
        if i < after:
            continue
        node = tree[tokens[i].text]
        hit, n = node.hit, 1
        for k in range(i + 1, len(tokens)):  # down the tree while the words begin an alias
            node = node.next.get(tokens[k].text.replace("’", "'"))
            if node is None:
                break
            if node.hit is not None:
                hit, n = node.hit, k + 1 - i  # the longest alias so far
        if hit is None or (n == 1 and _in_caps_run(tokens, i)):
            continue
        actor_id, demonym, kind = hit
        start, end = tokens[i].start, tokens[i + n - 1].end
        out.append((i, i + n, Mention(start, end, text[start:end], actor_id, kind, demonym)))
        after = i + n
    return out


class SentenceNames:
    """The gazetteer's mentions in an article's sentences, each sentence read once: those of
    a run of a sentence's tokens (a clause, a phrase) are taken from its sentence's, the same
    as gazetteer_mentions would find in the run alone (read anew when a name crosses the
    run's edge or an edge word is in capitals: there the two readings could differ)."""

    def __init__(self, text: str, sentences: Iterable[Sentence] = ()) -> None:
        self.text = text
        self._sentences = [s.tokens for s in sentences]
        self._where = {id(t): (n, i) for n, tokens in enumerate(self._sentences) for i, t in enumerate(tokens)}
        self._found: dict[int, list[tuple[int, int, Mention]]] = {}

    def __call__(self, tokens: tuple[Token, ...] | list[Token]) -> list[Mention]:
        """gazetteer_mentions(tokens, text). `tokens` must be consecutive tokens of one
        sentence, as sliced from its `tokens` (every caller's), or tokens of no sentence
        (read anew); a list starting and ending with a sentence's tokens is taken for the
        run between them (only its ends are compared, to keep the lookup cheap)."""
        where = self._where.get(id(tokens[0])) if tokens else None
        if where is None:
            return gazetteer_mentions(tokens, self.text)
        n, a = where
        sentence = self._sentences[n]
        b = a + len(tokens)
        if b > len(sentence) or sentence[b - 1] is not tokens[-1]:  # not a run of one sentence's tokens
            return gazetteer_mentions(tokens, self.text)
        if (a > 0 and sentence[a].text.isupper() and _caps_word(sentence[a - 1])) or (
                b < len(sentence) and sentence[b - 1].text.isupper() and _caps_word(sentence[b])):
            return gazetteer_mentions(tokens, self.text)  # a neighbour outside the run puts a word in a caps run
        found = self._found.get(n)
        if found is None:
            found = self._found[n] = _gazetteer_runs(sentence, self.text)
        out = []
        for i, j, m in found:  # in order, one after another
            if j <= a:
                continue  # before the run
            if i >= b:
                break  # past the run, as are those after it
            if i < a or j > b:
                return gazetteer_mentions(tokens, self.text)  # a name across the edge: the run may hold a shorter one
            out.append(m)
        return out


def _in_caps_run(tokens: tuple[Token, ...] | list[Token], i: int) -> bool:
    """A one-word name in capitals inside an all-caps run ('WEAPONS IN US HANDS') is part
    of a heading, not a mention."""
    return tokens[i].text.isupper() and (
        (i > 0 and _caps_word(tokens[i - 1])) or (i + 1 < len(tokens) and _caps_word(tokens[i + 1])))


def _caps_word(token: Token) -> bool:
    """A word of two or more letters, all capitals."""
    return token.text.isalpha() and token.text.isupper() and len(token.text) > 1


def is_known_name(token: Token) -> bool:
    """True when the token alone is a gazetteer name, a nationality adjective or a role word."""
    word = token.text.replace("’", "'")
    return (word,) in _alias_tokens() or token.lower in role_words() or word in {"North", "South", "East", "West"}


_CONTRACTION = re.compile(r"[’'](?:ve|m|re|ll|d|s)$")


def _bare(word: str) -> str:
    """A pronoun without its contraction ('I’ve' -> 'i', 'we’re' -> 'we')."""
    lower = word.lower()
    return _CONTRACTION.sub("", lower) if "’" in lower or "'" in lower else lower


NAME_SUFFIXES = grammar("name_suffixes")


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _name_like(token: Token) -> bool:
    """A token that can be part of a personal name (initials and 'III' included)."""
    return _name_like_word(token.text)


@lru_cache(maxsize=4096)
def _name_like_word(word: str) -> bool:
    """_name_like of a token with this text (it depends on nothing else: asked once a word)."""
    if _is_initial(word) or word in NAME_SUFFIXES:
        return True
    if not word[:1].isupper():
        return False
    bare = _bare(word)
    hit = _alias_tokens().get((word.replace("’", "'"),))
    return (
        bare not in word_set("not_names")
        and bare not in lexicon()["number_words"]
        and not _is_acronym(word)
        and word.lower() not in role_words()
        and (word.isalpha() or not any(c.isdigit() for c in word))  # (no letter is a digit)
        and (hit is None or gazetteer().entries[hit[0]].kind == "person")
    )


def _people_of(word: str) -> str | None:
    """The state whose people a plural nationality word names ('Iranians' -> 'iran')."""
    if not is_plural(word):
        return None
    hit = _alias_tokens().get((word[:1] + singular(word)[1:],))  # 'Iranians' -> 'Iranian'
    return hit[0] if hit is not None and hit[1] else None


@lru_cache(maxsize=4096)
def _core_name(name: str) -> str:
    """The name without middle initials, used for ids ('Ferdinand R. Marcos Jr.' ->
    'Ferdinand Marcos Jr.'). A generational suffix stays: Jr. is not his father."""
    words = [w for w in name.split() if not _is_initial(w)]
    return " ".join(words) or name


@lru_cache(maxsize=4096)
def _surname(name: str) -> tuple[str, str | None]:
    """The surname and the generational suffix of a name ('Ferdinand Marcos Jr.' ->
    ('Marcos', 'Jr.'); 'Marcos' -> ('Marcos', None))."""
    words = name.split()
    suffix = words[-1] if len(words) > 1 and words[-1] in NAME_SUFFIXES else None
    if len(words) == 2 and not suffix and "-" in words[1] and words[1].split("-")[1][:1].islower():
        return words[0], None  # 'Park Seung-hoon', 'Kim Jong-un': family name first, given name hyphenated
    return (words[-2] if suffix else words[-1]), suffix


@lru_cache(maxsize=1)
def _quantities() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex["vague_numbers"]) | grammar("quantity_heads") | grammar("noun_determiners") | DETERMINERS


@lru_cache(maxsize=1)
def _not_modifiers() -> frozenset[str]:
    """Words that cannot stand between a quantity and a plural noun: pronouns, function
    words, prepositions."""
    lex = lexicon()
    return frozenset(lex["not_names"]) | frozenset(lex["pronouns"]) | grammar("prepositions") | CONNECTORS


def _is_number(word: str) -> bool:
    return word in lexicon()["number_words"] or word.replace(",", "").isdigit()


def _is_quantity(word: str) -> bool:
    """An article, a number or a quantifier before a noun ('the', 'two', '12', 'many', 'dozens')."""
    return word in _quantities() or _is_number(word)


@lru_cache(maxsize=4096)
def _people_plural(word: str) -> bool:
    """A plural noun for people: its singular a person noun ('critics', 'Bankers'), a
    collective source ('residents'), or a compound of one ('fishermen', 'spokespeople').
    (Asked again and again of the same words: the answers are kept.)"""
    lex = lexicon()
    lower = word.lower()
    if not is_plural(lower) or singular(lower) in word_set("not_names") or lower in word_set("source_nouns"):
        return False  # not 'others'; 'people familiar with the matter' is an unnamed source
    return (
        singular(lower) in word_set("person_nouns")
        or lower in word_set("collective_sources")
        or lower.endswith(tuple(lex["people_endings"]))
    )


def _surname_known(records: dict[str, ActorRecord], word: str) -> bool:
    return any(r.kind == "person" and _surname(r.name)[0] == word for r in records.values())


_GIVEN_NAMES = re.compile(r"(?<![\w’'-])((?:[^\W\d_][\w’'-]*\.? ){1,2})$")
"""The one or two words right before a surname ('Raúl ' before 'Benavides')."""


def _ministry_name(body: list[Token]) -> str | None:
    """A ministry's name in the form of the gazetteer's ('Algerian Foreign Ministry' ->
    'Algerian Ministry of Foreign Affairs', 'Finance Ministry' -> 'Ministry of Finance'), so
    that one ministry has one id however it is written; None for any other name."""
    if len(body) < 2 or body[-1].lower != "ministry":
        return None
    domains = lexicon()["ministry_domains"]
    words = [t.text for t in body[:-1] if t.text not in {"’s", "'s"}]
    for k in range(len(words)):
        key = " ".join(words[k:]).lower()
        if key in domains and all(w[:1].isupper() for w in words[:k]):
            state = " ".join(words[:k]).replace("’", "'").removesuffix("'s")
            g = gazetteer()
            country = g.aliases.get(state) or g.demonyms.get(state)  # 'Japan’s', 'Japanese': one ministry
            prefix = _demonym_of().get(country, state) if country else state
            return " ".join(w for w in (prefix, "Ministry of", domains[key]) if w)
    return None


@lru_cache(maxsize=1)
def _demonym_of() -> dict[str, str]:
    """Country actor id -> its first nationality adjective ('japan' -> 'Japanese')."""
    out: dict[str, str] = {}
    for form, actor_id in gazetteer().demonyms.items():
        out.setdefault(actor_id, form)
    return out


def _org_kind(head: str) -> str | None:
    if head in word_set("armed_heads"):
        return "armed_forces"
    if head in word_set("government_heads"):
        return "government_body"
    if head in word_set("org_heads"):
        return "organization"
    return None


class ActorBook:
    """The actors named so far in one article, and the rules that resolve references."""

    def __init__(self, source_text: str, sentences: Iterable[Sentence] = ()) -> None:
        self.text = source_text
        self.names = SentenceNames(source_text, sentences)
        """The gazetteer's mentions in any run of the sentences' tokens."""
        self.records: dict[str, ActorRecord] = {}
        self.role_country: dict[str, str] = {}
        self.last_person: str | None = None
        self.last_group: str | None = None
        self.voice: str | None = None
        """The speaker of the transcript turn being read ('I', 'we')."""
        self.home: str | None = None
        """The country of the publisher (a ministry, a White House page): the state an
        official of unknown country speaks for when saying 'we'."""
        self.recent: dict[str, str] = {}
        """The latest person and group named in the article's order ('person', 'group'), for
        the pronouns of events ('they struck', 'he decided to invade')."""
        self._title_hits: dict[str, list[tuple[int, int]]] = {}
        self._full_names: dict[tuple[str, str | None], str | None] = {}

    # -- records -----------------------------------------------------------------
    def known(self, actor_id: str, form: str | None = None) -> ActorRecord:
        """The record of a gazetteer actor, created on first use."""
        if actor_id not in self.records:
            e = gazetteer().entries[actor_id]
            self.records[actor_id] = ActorRecord(
                e.actor_id, e.name, e.kind, e.country, e.parent_actor_id
            )
        record = self.records[actor_id]
        if form:
            record.forms.add(form)
        return record

    def adopt(self, record: ActorRecord) -> None:
        """Take over a person found outside the text (in the document's title)."""
        have = self.records.get(record.actor_id)
        if have is None:
            self.records[record.actor_id] = ActorRecord(
                record.actor_id, record.name, record.kind, record.country, record.parent_actor_id,
                set(), record.role,
            )
        elif not have.role:
            have.role = record.role

    def note_speaker(self, actor_id: str | None) -> None:
        """Remember the latest speaker for pronouns and descriptions (not an unnamed group:
        'it' never means 'critics')."""
        if actor_id is None:
            return
        if self.records[actor_id].kind == "person":
            self.last_person = actor_id
        elif self.records[actor_id].kind != "group":
            self.last_group = actor_id

    def _person(self, name: str, role: str | None, country: str | None) -> str:
        core = _core_name(name)
        surname, suffix = _surname(core)
        alone = len(core.split()) == (2 if suffix else 1)  # 'Marcos', 'Marcos Jr.'
        known = gazetteer().aliases.get(name) or gazetteer().aliases.get(core)
        if known in self.records:
            return self._update_person(self.records[known], name, role, country)
        for record in reversed(list(self.records.values())):
            if record.kind != "person":
                continue
            other_role = role and record.role and not (role.lower() in record.role.lower() or record.role.lower() in role.lower())
            same_surname = _surname(record.name)[0] == surname and suffix in (None, _surname(record.name)[1])
            if record.name == core or (alone and same_surname and not other_role):
                return self._update_person(record, name, role, country)
        if known and gazetteer().entries[known].kind == "person":
            return self._update_person(self.known(known), name, role, country)
        if alone:  # 'Benavides denied' after 'FIFA has banned Raúl Benavides': the person named in the narrative
            core = self._full_name_written(surname, suffix) or core
        actor_id = slug(core)
        if actor_id in self.records:  # that full name has its record already: never a second one
            return self._update_person(self.records[actor_id], name, role, country)
        self.records[actor_id] = ActorRecord(actor_id, core, "person", country, None, {name}, role)
        return actor_id

    def _full_name_written(self, surname: str, suffix: str | None) -> str | None:
        """The one full name the article writes for a surname ('Raúl Benavides' for
        'Benavides'), given names before it and its suffix after; None when it writes none
        or several ('Joe Biden' and 'Jill Biden')."""
        key = (surname, suffix)
        if key not in self._full_names:
            self._full_names[key] = self._full_name_search(surname, suffix)
        return self._full_names[key]

    def _full_name_search(self, surname: str, suffix: str | None) -> str | None:
        found = set()
        text, n = self.text, len(surname)
        start = text.find(surname)
        while start >= 0:
            at, start = start, text.find(surname, start + n)
            if (at and (text[at - 1].isalnum() or text[at - 1] in "_’'-")) or (
                    at + n < len(text) and (text[at + n].isalnum() or text[at + n] in "_’'-")):
                continue  # inside a longer word
            hit = _GIVEN_NAMES.search(text, max(0, at - 80), at)
            if hit is None:
                continue
            given = [t for t in tokenize(hit.group(1), hit.start(1))]
            while given and not _name_like(given[0]):
                given.pop(0)  # 'President', 'Minister': a role, not a given name
            if not given or not all(_name_like(t) and t.text not in NAME_SUFFIXES for t in given):
                continue
            after = text[at + n : at + n + 5].split()
            written = after[0].rstrip(",;:") if after and after[0].rstrip(",;:") in NAME_SUFFIXES else None
            if suffix in (None, written):
                found.add(_core_name(" ".join([*(t.text for t in given), surname, *([written] if written else [])])))
        return found.pop() if len(found) == 1 else None

    def _update_person(self, record: ActorRecord, name: str, role: str | None, country: str | None) -> str:
        self.records[record.actor_id] = self.records.pop(record.actor_id)  # now the latest named
        if country and not record.country:
            record.country = country
        if role:
            record.role = role
        record.forms.add(name)
        return record.actor_id

    def _organisation(self, name: str, kind: str, country: str | None, from_context: bool) -> str:
        g = gazetteer()
        parent = g.country_actor.get(country) if country else None
        if from_context and country:
            actor_id = slug(f"{name} {g.entries[g.country_actor[country]].name}")
        else:
            actor_id = slug(name)
        if actor_id not in self.records:
            if parent:
                self.known(parent)
            self.records[actor_id] = ActorRecord(actor_id, name, kind, country, parent)
        self.records[actor_id].forms.add(name)
        return actor_id

    # -- analysis ------------------------------------------------------------------
    def _country_of(self, tokens: list[Token]) -> str | None:
        for m in self.names(tokens):
            country = gazetteer().entries[m.actor_id].country
            if country:
                return country
        return None

    def _remember_role(self, role_tokens: list[Token], country: str | None) -> None:
        if not country:
            return
        words = [t.text for t in role_tokens if t.text[:1].isupper() and (t.text,) not in _alias_tokens()]
        if words:
            self.role_country[" ".join(words)] = country

    def phrase(self, tokens: list[Token]) -> Phrase | None:
        """Analyse tokens as one noun phrase naming an actor; None when they are not one."""
        if not tokens:
            return None
        start, end = tokens[0].start, tokens[-1].end
        text = self.text[start:end]
        first_word, last_word = tokens[0].lower, tokens[-1].lower
        pronoun = lexicon()["pronouns"].get(_bare(first_word)) if len(tokens) == 1 else None
        if pronoun:
            if pronoun == "person":
                actor = self.last_person
            elif pronoun == "group":
                actor = self.last_group
            elif pronoun == "self":
                actor = self.voice
            else:
                actor = self.government(self.voice)
            return Phrase(text, start, end, "pronoun", actor, self._role(actor))
        body = tokens[1:] if first_word in DETERMINERS else tokens
        if not body:
            return None
        body_text = self.text[body[0].start : body[-1].end]
        if body[0].text[:1].isupper():
            fuller = self._fuller(body_text)
            if fuller is not None:
                return Phrase(body_text, body[0].start, end, "name", fuller)
        mentions = self.names(body)
        if len(mentions) == 1 and mentions[0].text == body_text and not mentions[0].demonym:
            record = self.known(mentions[0].actor_id, body_text)
            return Phrase(body_text, body[0].start, end, "name", record.actor_id)
        people_of = _people_of(body_text) if len(body) == 1 else None
        if people_of is not None:
            # 'the Iranians', 'Russians': the people of a state speak as the state
            return Phrase(text, start, end, "description", self.known(people_of).actor_id)
        group = self._group(tokens, body)
        if group is not None:
            return group
        if first_word in DETERMINERS and all(
            not t.text[:1].isupper() or (t.text,) in _alias_tokens()
            or ((t.lower in role_words() or t.lower in word_set("person_nouns")) and body[-1].lower in word_set("person_nouns"))
            for t in body
        ):
            return self._description(tokens, body, text)
        if last_word in word_set("collective_sources") and all(
            t.text.islower() or (t.text.replace("’", "'"),) in _alias_tokens() for t in tokens[1:]
        ):
            return self._collective(tokens, text)
        found = self._named(body)
        if found is not None and first_word == "the" and not found.role and found.actor_id \
                and self.records[found.actor_id].kind == "person" and len(self.records[found.actor_id].forms) <= 1 \
                and self.records[found.actor_id].name == found.text and found.actor_id not in gazetteer().entries:
            # 'The Hill', 'The Atlantic': a name after 'the' is a title, not a person
            del self.records[found.actor_id]
            return Phrase(found.text, found.start, found.end, "name", self._organisation(found.text, "organization", None, False))
        return found

    def _group(self, tokens: list[Token], body: list[Token]) -> Phrase | None:
        """'Critics', 'local residents', 'Ukrainian officials', 'White House officials': people
        named by a plural common noun are an unnamed group (kind `group`), never a person. Its
        name is the phrase without articles and quantities ('Two officials' -> 'officials'),
        its country and parent those of a nationality adjective or body before the noun. 'the
        two leaders' points back to people already named and is left alone. A phrase after
        the noun ('critics of the plan', 'officials in Mariupol') stays in the phrase's text;
        officials 'of' or 'from' a state or body speak for it."""
        after: list[Token] = []
        words = [t.lower for t in body]
        cut = None if PREPOSITIONS.isdisjoint(words[1:]) else next(k for k in range(1, len(body)) if words[k] in PREPOSITIONS)
        if cut is not None and _people_plural(body[cut - 1].text):
            body, after = body[:cut], body[cut:]
        head = body[-1]
        if len(body) > 1 and body[-2].text in {"’s", "'s"} or not _people_plural(head.text):
            return None
        if tokens[0].lower in lexicon()["joint_openers"] or (
            tokens[0].lower in DETERMINERS and len(body) > 1 and _is_number(body[0].lower)
        ):
            return None
        if not head.text.islower() and (len(body) > 1 or _surname_known(self.records, head.text)):
            return None  # 'Sanders', named earlier: a person; 'Fox News' is no group
        first = next((k for k, t in enumerate(body) if not _is_quantity(t.lower)), len(body) - 1)
        modifiers = body[first:-1]
        if any(_bare(t.lower) in _not_modifiers() for t in modifiers):
            return None  # 'I encourage voters', 'estimates from a variety of sources': no noun phrase
        mentions = self.names(modifiers)
        covered = {t.start for m in mentions for t in modifiers if m.start <= t.start < m.end}
        if any(not t.text.islower() and t.start not in covered and t is not tokens[0] for t in modifiers):
            return None  # a name inside: 'Kyiv Independent reporters' is not ours to split
        phrase_text = self.text[tokens[0].start : tokens[-1].end]
        if after and after[0].lower in lexicon()["official_prepositions"] and head.lower in word_set("official_nouns"):
            mentions = [m for m in self.names(after) if not m.demonym][:1] or mentions
        if mentions and head.lower in word_set("official_nouns"):
            # 'PRC officials', 'Iranian government officials': they speak for their state or body
            actor = self.known(mentions[0].actor_id, mentions[0].text).actor_id
            return Phrase(phrase_text, tokens[0].start, tokens[-1].end, "description", actor)
        name = self.text[body[first].start : head.end]
        if body[first] is tokens[0] and tokens[0].start not in covered and not _is_acronym(tokens[0].text):
            name = name[0].lower() + name[1:]  # capitalised only because it opens the sentence
        parent = next((m.actor_id for m in mentions), None)
        country = gazetteer().entries[parent].country if parent else None
        actor_id = slug(name)
        if actor_id not in self.records:
            if parent:
                self.known(parent)
            self.records[actor_id] = ActorRecord(actor_id, name, "group", country, parent)
        self.records[actor_id].forms.add(self.text[body[first].start : head.end])
        return Phrase(phrase_text, tokens[0].start, tokens[-1].end, "description", actor_id)

    def _fuller(self, short: str) -> str | None:
        """A body named earlier in full ('General Staff of the Armed Forces of Ukraine', 'Calder
        Microsystems') that a short name ('the General Staff', 'Calder') refers back to."""
        longer, of_short = short + " ", short + " of "
        for record in reversed(self.records.values()):
            if not record.name.startswith(longer):  # (what both tests below need)
                continue
            if record.kind != "person" and record.name.startswith(of_short):
                return record.actor_id
            if record.kind == "organization" and (short,) not in _alias_tokens():
                return record.actor_id
        return None

    def _collective(self, tokens: list[Token], text: str) -> Phrase:
        """'regional officials', 'Ukrainian officials', 'witnesses': no one person; the state
        when a nationality adjective names it."""
        mentions = [m for m in self.names(tokens) if m.demonym]
        actor = self.known(mentions[0].actor_id, mentions[0].text).actor_id if mentions else None
        return Phrase(text, tokens[0].start, tokens[-1].end, "description", actor)

    def last_organisation(self) -> str | None:
        """The organisation named last ('the company' after 'Calder Microsystems')."""
        return next((r.actor_id for r in reversed(list(self.records.values())) if r.kind == "organization"), None)

    def government(self, actor_id: str | None) -> str | None:
        """The state a person speaks for ('we' in an official's mouth)."""
        if actor_id is None:
            return None
        country = self.records[actor_id].country or self.home
        if country is None:
            return None
        actor = gazetteer().country_actor[country]
        self.known(actor)
        return actor

    def _role(self, actor_id: str | None) -> str | None:
        return self.records[actor_id].role if actor_id else None

    def _description(self, tokens: list[Token], body: list[Token], text: str) -> Phrase | None:
        lex = lexicon()
        head = next((t.lower for t in body if t.lower in word_set("person_nouns")), body[-1].lower)
        country = self._country_of(body)
        if head in word_set("person_nouns") and tokens[0].lower in {"a", "an"}:
            return Phrase(text, tokens[0].start, tokens[-1].end, "description", None)  # someone new, unnamed
        if head in word_set("person_nouns"):
            people = [r for r in reversed(list(self.records.values())) if r.kind == "person"]
            titled = [r.actor_id for r in people if r.role and head in r.role.lower()]
            if country is not None:
                titled += [r.actor_id for r in people if r.country == country]
            described = self.text[body[0].start : body[-1].end].lower()
            titled += [r.actor_id for r in people if any(f.lower().startswith(described) for f in r.forms)]
            for actor_id in titled:
                if country is None or self.records[actor_id].country == country:
                    return Phrase(text, tokens[0].start, tokens[-1].end, "description", actor_id, self._role(actor_id))
            earlier = self._titled_earlier(self.text[body[0].start : body[-1].end], tokens[0].start) if tokens[0].lower == "the" and country is None else None
            return Phrase(text, tokens[0].start, tokens[-1].end, "description", earlier, self._role(earlier))
        if head in {"administration", "government"} and self.home and any(
            (hit := _alias_tokens().get((t.text,))) is not None and gazetteer().entries[hit[0]].kind == "person"
            for t in body[:-1]
        ):
            # 'the Biden administration' on a White House page: the publisher's state
            return Phrase(text, tokens[0].start, tokens[-1].end, "description", self.known(gazetteer().country_actor[self.home]).actor_id)
        if head in word_set("group_nouns"):
            business = head in lex["generic_org_heads"]["words"]  # 'the company': a company, never the ministry named last
            fallback = self.last_organisation() if business else self.last_group
            actor_id = next(
                (r.actor_id for r in reversed(list(self.records.values()))
                 if r.kind != "person" and head in r.name.lower().split()),
                fallback,
            )
            return Phrase(text, tokens[0].start, tokens[-1].end, "description", actor_id)
        return None

    def set_home(self, publisher: str | None) -> None:
        """Take the publisher's country from the gazetteer ('U.S. Department of State'); None
        forgets it."""
        countries = [gazetteer().entries[m.actor_id].country for m in gazetteer_mentions(list(tokenize(publisher, 0)), publisher)] if publisher else []
        self.home = next((c for c in countries if c), None)

    def office(self, name: str) -> str | None:
        """An office named as a document's author ('Office of the Spokesperson'): an
        organisation when its first word heads one; None otherwise."""
        kind = _org_kind(name.split()[0]) if name.split() else None
        return self._organisation(name, kind, None, False) if kind else None

    def _titled_earlier(self, title: str, before: int) -> str | None:
        """The person last named with this title before `before` ('the Secretary' after
        'Secretary of State Antony J. Blinken', 'the president' after 'President Biden')."""
        key = title.lower()
        if key not in self._title_hits:  # every place the title is written, found once per article
            pattern = r"\s+".join(re.escape(w) for w in title.split())
            self._title_hits[key] = [m.span() for m in re.finditer(rf"\b{pattern}\b", self.text, re.IGNORECASE)]
        hits = [span for span in self._title_hits[key] if span[1] <= before]
        for m_start, m_end in reversed(hits[-5:]):
            line_start = max(self.text.rfind("\n", 0, m_start) + 1, m_start - 120)
            window = list(tokenize(self.text[line_start : m_end + 80], line_start))
            k = next((j for j, t in enumerate(window) if t.end == m_end), None)
            if k is None:
                continue
            first = next((j for j, t in enumerate(window) if t.start == m_start), k)
            while first > 0 and window[first - 1].text[:1].isupper() and window[first - 1].lower in role_words():
                first -= 1
            end = k + 1
            while end < len(window) and (window[end].text[:1].isupper() or window[end].lower in {"of", "the", "for"}):
                end += 1
            while end > k + 1 and window[end - 1].lower in {"of", "the", "for"}:
                end -= 1
            if end == k + 1:
                continue
            found = self.phrase(window[first:end])
            if found is not None and found.actor_id and self.records[found.actor_id].kind == "person":
                return found.actor_id
        return None

    def _head_of(self, body: list[Token]) -> str | None:
        """'General Staff of the Armed Forces of Ukraine', 'Council of the EU': a body named as
        HEAD of ..., ending in a known name (so 'Commander of the Army Oleksandr Syrskyi',
        which ends in a person's name, is not one)."""
        words = [t.lower for t in body]
        if "of" not in words or words[0] == "of":
            return None
        of = words.index("of")
        kind = next((_org_kind(t.text) for t in body[:of] if _org_kind(t.text)), None)
        ends_known = any(m.end == body[-1].end for m in self.names(body))
        names_body = any(_org_kind(t.text) for t in body[of + 1 :])
        field = all((t.text[:1].isupper() or t.lower in CONNECTORS) and t.lower not in word_set("person_nouns")
                    for t in body[of + 1 :])  # 'Office of Civil Defense', 'Directorate-General of Health'
        return kind if kind and (ends_known or names_body or (field and _org_kind(body[0].text))) else None

    def _named(self, body: list[Token]) -> Phrase | None:
        """A titled personal name ('White House spokesman John Kirby') or an organisation."""
        start, end = body[0].start, body[-1].end
        text = self.text[start:end]
        if len(body) > 1 and body[0].lower.rstrip(".") in HONORIFICS:
            found = self._named(body[1:])  # 'Mr. Biden': the honorific is neither name nor role
            return Phrase(text, start, end, found.kind, found.actor_id, found.role) if found else None
        head_kind = _org_kind(body[-1].text) or self._head_of(body)
        if head_kind and all(t.text[:1].isupper() or t.lower in CONNECTORS or t.text in NAME_APOSTROPHES for t in body):
            country = self._country_of(body)
            from_context = False
            if country is None:
                core = " ".join(t.text for t in body[:-1] if t.text[:1].isupper())
                country = self.role_country.get(core)
                from_context = country is not None
            return Phrase(text, start, end, "name", self._organisation(_ministry_name(body) or text, head_kind, country,
                                                                       from_context))
        if len(body) == 1 and _is_acronym(text) and text.isalpha() and len(text) <= 6:
            return Phrase(text, start, end, "name", self._organisation(text, "organization", None, False))  # 'FIFA said'
        if "and" in [t.lower for t in body[1:-1]] and all(
            t.text[:1].isupper() or t.lower in CONNECTORS or t.lower in role_words() for t in body
        ):
            # "President Joe Biden and Chancellor Olaf Scholz": one statement, several speakers
            return Phrase(text, start, end, "joint", None)
        name_start = len(body)
        if len(body) >= 2 and body[-1].text[:1].isupper() and body[-1].lower in role_words() and _name_like(body[-2]):
            name_start -= 1  # 'Pete King', 'Angus King': a surname that is also a title
        while name_start > 0 and _name_like(body[name_start - 1]):
            name_start -= 1
        while 0 < name_start < len(body) - 2 and body[name_start - 1].lower in CONNECTORS:
            name_start += 1  # 'Secretary of Health Lena Park': the office's name belongs to the role
        while name_start < len(body) - 1 and body[name_start].lower in word_set("person_nouns"):
            name_start += 1  # 'Rival Hillary Clinton', 'Judge Berman': a title, not a first name
        name_tokens = body[name_start:]
        role_tokens = body[:name_start]
        if not 1 <= len(name_tokens) <= 4:
            return None
        for t in role_tokens:
            if not (t.text[:1].isupper() or t.lower in role_words() or t.lower in CONNECTORS):
                return None
        if role_tokens and role_tokens[-1].lower in CONNECTORS:
            return None
        country = self._country_of(role_tokens) if role_tokens else None
        role = self.text[role_tokens[0].start : role_tokens[-1].end] if role_tokens else None
        self._remember_role(role_tokens, country)
        name = self.text[name_tokens[0].start : name_tokens[-1].end]
        return Phrase(text, start, end, "name", self._person(name, role, country), role or None)

    def surname_merges(self) -> dict[str, str]:
        """People first named by surname alone ('Ambassador Wood') and later in full ('U.S.
        Ambassador Robert Wood'): the surname-only id -> the full name's id. The records
        are merged; the caller re-points its rows."""
        people = [r for r in self.records.values() if r.kind == "person"]
        merges: dict[str, str] = {}
        for short in people:
            if " " in short.name:
                continue
            full = [r for r in people if r is not short and " " in r.name and _surname(r.name)[0] == short.name]
            if len(full) == 1:
                target = full[0]
                target.forms |= short.forms
                target.role = target.role or short.role
                target.country = target.country or short.country
                merges[short.actor_id] = target.actor_id
        for old in merges:
            del self.records[old]
        return merges

    # -- output --------------------------------------------------------------------
    def used(self, actor_ids: set[str]) -> list[ActorRecord]:
        """Records of the given actors and of every body they belong to."""
        wanted = set(actor_ids)
        frontier = list(actor_ids)
        while frontier:
            parent = self.records[frontier.pop()].parent_actor_id
            if parent and parent not in wanted:
                self.known(parent)
                wanted.add(parent)
                frontier.append(parent)
        return [self.records[a] for a in sorted(wanted)]
