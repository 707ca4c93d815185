"""Find events (strikes, transfers, meetings, sanctions) in the article's clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsfacts.actors import ActorBook, Mention, is_known_name
from newsfacts.dates import UNKNOWN, DateMention, DateValue, in_dates
from newsfacts.lexicon import lexicon, word_set
from newsfacts.money import currency_words, iso_code
from newsfacts.nouns import singular
from newsfacts.statements import CLAIM_NOUNS
from newsfacts.text import Token, tokenize

PREPOSITIONS = {"to", "from", "in", "on", "at", "by", "for", "since", "with", "into", "against",
                "over", "during", "under", "after", "before", "between", "per", "across", "through", "of"}
STOPS = {".", ",", ";", ":", "“", "”", "\"", "(", ")", "—", "–"}
QUOTES = {"“", "”", "\""}


@dataclass(frozen=True)
class Trigger:
    """A word or phrase that reports an event, with its part of speech in this sentence."""

    index: int
    length: int
    words: str
    type: str
    mode: str | None
    kind: str
    pos: str
    needs: str | None = None


@dataclass(frozen=True)
class Event:
    """An event found in a region of a sentence."""

    type: str
    mode: str | None
    actor_id: str | None
    target_id: str | None
    instrument: str | None
    origin_id: str | None
    date: DateValue
    date_mention: DateMention | None
    start: int
    end: int
    statement: int | None
    disputed: bool
    anaphoric: bool = False  # named by a definite noun ('the meeting', 'these attacks'): maybe one told before


@lru_cache(maxsize=1)
def _trigger_table() -> dict[tuple[str, ...], tuple[tuple[dict, frozenset[str]], ...]]:
    """Trigger words -> each group of the lexicon that lists them, with the parts of speech
    they have there. A form listed both as a verb and as a noun ('attack', 'supply') is
    decided in context; a form in several groups ('released': hostages, or funds) is tried in
    each, and each group's `needs` (captives, material) decides which holds."""
    table: dict[tuple[str, ...], list[tuple[dict, set[str]]]] = {}
    for group in lexicon()["events"]:
        for pos, key in (("verb", "verbs"), ("noun", "nouns")):
            for words in group[key]:
                entries = table.setdefault(tuple(words.split()), [])
                entry = next((e for e in entries if e[0] is group), None)
                if entry is None:
                    entry = (group, set())
                    entries.append(entry)
                entry[1].add(pos)
    return {k: tuple((g, frozenset(p)) for g, p in v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """One-word verb triggers ('pledged', 'sent'): a second predicate after 'and'."""
    return frozenset(w for g in lexicon()["events"] for w in g["verbs"] if " " not in w)


@lru_cache(maxsize=1)
def _group_modes() -> dict[tuple[str, str, str | None, str], dict[str, str]]:
    """(type, kind, mode, trigger words) -> the `modes` of the first lexicon group of that
    type, kind and mode that lists the words as a verb or noun."""
    out: dict[tuple[str, str, str | None, str], dict[str, str]] = {}
    for g in lexicon()["events"]:
        for words in g["verbs"] + g["nouns"]:
            out.setdefault((g["type"], g["kind"], g["mode"], words), g.get("modes", {}))
    return out


@lru_cache(maxsize=None)
def _material_words(kind: str) -> frozenset[str]:
    return frozenset(lexicon()["material"][kind])


@lru_cache(maxsize=1)
def _generic_org_heads() -> frozenset[str]:
    return frozenset(lexicon()["generic_org_heads"]["words"])


@lru_cache(maxsize=1)
def _participles() -> frozenset[str]:
    return frozenset(lexicon()["passive_participles"]["words"])


@lru_cache(maxsize=1)
def _trigger_lengths() -> dict[str, tuple[int, ...]]:
    """First word of a trigger -> the word counts of the triggers it starts, longest first."""
    out: dict[str, set[int]] = {}
    for key in _trigger_table():
        out.setdefault(key[0], set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _trigger_firsts() -> frozenset[str]:
    return frozenset(key[0] for key in _trigger_table())


RELATIVES = {"that", "which", "who", "whom", "whose"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
               "those", "any", "no", "every", "each", "another", "new", "’s", "'s"}


def _part_of_speech(tokens: list[Token], i: int, n: int, parts: frozenset[str]) -> str:
    """'verb' or 'noun' for a trigger listed as both: a noun after a determiner, a possessive,
    a preposition, a number or an adjective, or before 'of'; a verb otherwise. A form listed
    as one only can be used as another here ('the renewed invasion', 'we deal with')."""
    prev = before = None  # the two nearest tokens before it that are no quotation mark ('a “massive strike”')
    for k in range(i - 1, -1, -1):
        if tokens[k].text not in QUOTES:
            if prev is not None:
                before = tokens[k]
                break
            prev = tokens[k]
    nxt = tokens[i + n].lower if i + n < len(tokens) else ""
    if len(parts) == 1:
        part = next(iter(parts))
        if part == "verb" and n == 1 and prev is not None and prev.lower in DETERMINERS and tokens[i].lower.endswith("ed") \
                and i + 1 < len(tokens) and tokens[i + 1].text.isalpha() and tokens[i + 1].text.islower():
            return "adjective"  # 'Russia’s renewed invasion', 'the signed agreement'
        if part == "noun" and prev is not None and prev.lower in {"we", "they", "i", "you"}:
            return "verb"  # 'how we deal with these acts'
        return part
    if prev is None:
        return "noun" if nxt in PREPOSITIONS or nxt in STOPS or not nxt else "verb"
    if prev.lower == "to":  # 'to attack Kyiv' (infinitive), 'responded to attacks on Kyiv'
        return "noun" if nxt in PREPOSITIONS or nxt in STOPS else "verb"
    if prev.lower in DETERMINERS or prev.lower in PREPOSITIONS or prev.text[:1].isdigit() or nxt == "of":
        return "noun"
    if before is not None and prev.text.replace("-", "").isalpha() and prev.text.islower() and prev.lower not in AUXILIARY \
            and (before.lower in DETERMINERS or before.lower in PREPOSITIONS or before.text[:1].isdigit()):
        return "noun"  # 'of relief supplies', 'the new sanctions', 'a five-year supply deal'
    return "verb"


def find_triggers(tokens: list[Token], unread: tuple[tuple[int, int], ...] = (),
                  lowers: list[str] | None = None) -> list[Trigger]:
    """Event words in a run of tokens, longest match first; one that starts inside an
    `unread` span [a, b) of offsets is not returned (but, found, it still covers the
    words it spans, as it would if returned). `lowers`: the tokens' lower-case words, if
    the caller has them."""
    table = _trigger_table()
    starts = _trigger_lengths()
    out: list[Trigger] = []
    after = 0  # triggers do not overlap: the next one starts after the latest
    if lowers is None:
        lowers = [t.lower for t in tokens]
    if _trigger_firsts().isdisjoint(lowers):
        return out  # (many clauses: no word starts a trigger)
    for i in [k for k, w in enumerate(lowers) if w in starts]:
        if i < after:
            continue
        for n in starts[lowers[i]]:
            key = tuple(lowers[i : i + n])
            if len(key) == n and key in table:
                skipped = bool(unread) and any(a <= tokens[i].start < b for a, b in unread)
                for g, parts in () if skipped else table[key]:
                    pos = _part_of_speech(tokens, i, n, parts)
                    if pos not in parts:
                        continue  # a verb used as an adjective, a noun used as a verb
                    out.append(Trigger(i, n, " ".join(key), g["type"], g["mode"], g["kind"], pos, g.get("needs")))
                after = i + n
                break
    return out


def _modifier(token: Token, mentions: list[Mention]) -> bool:
    """A word that can modify a weapon noun: 'ballistic', 'Cruise', 'Leopard' (not 'North Korean')."""
    if token.lower in PREPOSITIONS or token.lower in {"and", "the", "a", "an", "its", "their", "his", "her"}:
        return False
    if not token.text[:1].isalpha():
        return False
    for m in mentions:
        if m.start <= token.start < m.end:
            return False
    if (token.lower,) in _trigger_table():
        return False
    return token.text.islower() or not is_known_name(token)


def _weapon_phrase(
    tokens: list[Token], start: int, limit: int, mentions: list[Mention]
) -> tuple[int, int] | None:
    """Token range [a, b) of the first weapon noun phrase at or after `start`, before `limit`.

    Leading adjectives are included ('ballistic missiles'); nationality adjectives are not.
    """
    weapons = word_set("weapons")
    for k in range(start, min(limit, len(tokens))):
        if tokens[k].lower in weapons:
            a = k
            while a > start and _modifier(tokens[a - 1], mentions):
                a -= 1
            b = k + 1
            while b + 1 < len(tokens) and tokens[b].lower == "and":
                c = b + 1
                while c < len(tokens) and tokens[c].text.islower() and tokens[c].lower not in PREPOSITIONS:
                    c += 1
                if c > b + 1 and any(tokens[x].lower in weapons for x in range(b + 1, c)):
                    b = c
                else:
                    break
            return a, b
    return None


def nominal_start(tokens: list[Token], i: int) -> bool:
    """'a joint press conference': a lowercase modifier between a determiner and the trigger."""
    return (
        i >= 2
        and tokens[i - 1].text.isalpha()
        and tokens[i - 1].text.islower()
        and tokens[i - 1].lower not in PREPOSITIONS
        and tokens[i - 2].lower in {"a", "an", "the", "its", "their", "his", "her"}
    )


def _mention_at(mentions: list[Mention], tokens: list[Token], index: int) -> Mention | None:
    if index >= len(tokens):
        return None
    for m in mentions:
        if m.start == tokens[index].start:
            return m
    return None


def _partners(mentions: list[Mention], tokens: list[Token], index: int) -> list[Mention]:
    """'with Canada and Finland', 'with the leaders of NATO and the G7': the coordinated
    partners after a preposition, past 'the leaders of' and its kind."""
    k = index
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    if k + 1 < len(tokens) and tokens[k].lower in word_set("partner_heads") and tokens[k + 1].lower == "of":
        k += 2
    out = []
    while k < len(tokens):
        if tokens[k].lower == "the":
            k += 1
        found = _mention_list(mentions, tokens, k)
        if not found:
            break
        out += found
        k = next(i for i, t in enumerate(tokens) if t.end == found[-1].end) + 1
        if k < len(tokens) and tokens[k].lower in {"and", ","}:
            k += 1
        else:
            break
    return out


def _mention_list(mentions: list[Mention], tokens: list[Token], index: int) -> list[Mention]:
    """'Iran and North Korea': the mentions of a coordinated list starting at `index`."""
    out: list[Mention] = []
    while True:
        m = _mention_at(mentions, tokens, index)
        if m is None:
            return out
        out.append(m)
        index = next(k for k, t in enumerate(tokens) if t.end == m.end) + 1
        if index < len(tokens) and tokens[index].lower in {"and", ","}:
            index += 1
            if index < len(tokens) and tokens[index - 1].text == "," and tokens[index].lower == "and":
                index += 1  # 'Russia, Turkey, and Ukraine'
        else:
            return out


NEGATIONS = {"not", "no", "never", "neither", "nor", "without"}
RECEIVING = {"receiving", "received", "receive", "receives", "procurement", "acquired", "acquire", "acquiring"}
"""Transfers told from the receiver's side: the giver is after 'from', the subject receives."""
CLAUSE_JOINERS = {"and", "but", "while", "whereas", "although", "though"}
MODALS = {"will", "would", "could", "might", "may", "can", "should", "must", "’d", "'d", "to", "cannot",
          "wo", "won’t", "won't", "shall", "if", "unless", "whether"}
FINITE_MODALS = MODALS - {"to"}
AUXILIARY = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "’ve", "'ve", "’s", "'s",
             "’re", "'re", "also", "already", "just", "now", "not", "still", "then", "repeatedly", "reportedly",
             "actively", "never", "ever", "even", "again", "recently", "continue", "continues", "continued"}


def _figurative(tokens: list[Token], trigger: Trigger) -> bool:
    """A trigger noun that only modifies another ('Russia's war machine', 'attack helicopters')
    or is modified into a figure of speech ('a charm offensive', 'a trade war')."""
    if trigger.pos != "noun":
        return False
    after = trigger.index + trigger.length
    if after < len(tokens) and tokens[after].lower in word_set("compound_heads"):
        return True
    before = tokens[trigger.index - 1].lower if trigger.index > 0 else ""
    return before in word_set("figurative_modifiers") or before in word_set("habitual_modifiers") \
        or before in word_set("idiom_openers")  # 'a charm offensive', 'a daily meeting', 'a partner under attack'


def _not_done(tokens: list[Token], trigger: Trigger) -> bool:
    """The trigger names a kind of act that a verb keeps from happening or only wants done
    ('resolutions which prohibit the procurement of arms', 'to facilitate arms transfers',
    'We need the bill passed'): a noun, or a participle with no subject of its own."""
    if trigger.pos == "verb" and not tokens[trigger.index].lower.endswith("ed"):
        return False
    non_factive = word_set("non_factive_verbs")
    for k in range(trigger.index - 1, max(-1, trigger.index - 5), -1):
        t = tokens[k]
        if t.text in STOPS or t.lower in RELATIVES or t.lower in CLAUSE_JOINERS or t.lower in AUXILIARY:
            return False
        if t.lower in non_factive:
            return True
    return False


def _infinitive_before(tokens: list[Token], k: int) -> bool:
    """'urged allies to dig deep and ...': a 'to' shortly before `k` that an urging or
    intending verb governs (not 'moved to the border and ...', where 'to' is a preposition)."""
    window = range(max(0, k - 6), k)
    if any(tokens[j].text in STOPS for j in window):
        return False
    governs = word_set("intention_verbs") | word_set("urging_verbs")
    return any(tokens[j].lower == "to" and any(tokens[i].lower in governs for i in range(max(0, j - 4), j))
               for j in window)


def _unreal(tokens: list[Token], trigger: Trigger, lowers: list[str]) -> bool:
    """A trigger in an infinitive, after a modal or in a condition ('seeking to acquire',
    'would strike', 'if Putin attacks'), or a noun that is the object of a modal verb ('will
    provide a loan'): not an occurrence. `lowers`: the tokens' lower-case words."""
    if trigger.pos == "noun":
        unreal = word_set("unreal_modifiers")
        for t in tokens[max(0, trigger.index - 2) : trigger.index]:
            if t.lower in unreal:
                return True  # 'the potential transfer of Iranian missiles'
        for k in range(trigger.index - 1, max(-1, trigger.index - 6), -1):
            w = tokens[k].lower
            if tokens[k].text in STOPS or (w in PREPOSITIONS and w != "to"):
                break
            if w in MODALS and w != "to":
                return True  # ('to halt the delivery' presupposes a delivery: 'to' does not count)
    else:
        k = trigger.index - 1
        aspects = word_set("aspect_verbs")
        while k >= 0 and (tokens[k].lower in AUXILIARY or tokens[k].lower in aspects):
            k -= 1  # 'going to begin sending': past 'begin' to 'to'
        aspect = tokens[k].lower == "to" and k > 0 and tokens[k - 1].lower in aspects
        if k >= 0 and tokens[k].lower in MODALS and not aspect:
            return True  # ('he decided to invade', 'continues to kill': acts that happen)
        if k >= 0 and tokens[k].lower in {"and", "or"} and _infinitive_before(tokens, k):
            return True  # 'urged allies to dig deep and donate
    begin = trigger.index  # the clause's words before the trigger: back to a stop
    while begin > 0 and lowers[begin - 1] not in STOPS:  # (a mark's lower case is the mark)
        begin -= 1
    clause = lowers[begin : trigger.index]
    if "if" in clause or "unless" in clause or not NEGATIONS.isdisjoint(clause):
        return True  # a condition or a negation
    intending, presupposing = word_set("intention_verbs"), word_set("presupposing_verbs")
    for j in range(max(begin, trigger.index - 6), trigger.index - 1):  # an intending verb 2 to 6 words before
        if (lowers[j] in intending and lowers[j + 1] == "to" and lowers[j + 2] not in presupposing
                and PREPOSITIONS.isdisjoint(lowers[j + 3 : trigger.index])):
            return True  # 'threatened to call a strike', 'plans to visit' (not 'wants to halt the delivery',
            # nor 'wants to express condolences for the attack')
    joined = "".join(clause)  # a word ending in "n't" only where the words hold one at all (most clauses: none)
    return ("n’t" in joined or "n't" in joined) and any(w.endswith(("n’t", "n't")) for w in clause)


def _origin_subject(
    tokens: list[Token], mentions: list[Mention], index: int, weapon: tuple[int, int] | None
) -> str | None:
    """'Russian artillery shelled ...': a weapon with a nationality adjective as the subject
    of the trigger makes that state the actor."""
    if weapon is None or weapon[1] != index:
        return None
    return next(
        (m.actor_id for m in mentions if m.demonym and m.end <= tokens[weapon[0]].start
         and weapon[0] > 0 and m.end == tokens[weapon[0] - 1].end),
        None,
    )


def _used_before(tokens: list[Token], use: Trigger, mentions: list[Mention]) -> tuple[int, int] | None:
    """The weapon used, written before the verb: the antecedent of a relative ('drones,
    which Russia has been using to attack Ukraine') or a passive's subject ('North Korean
    missiles are still being used to hit Ukrainian targets')."""
    if _passive(tokens, use.index):
        return _weapon_ending(tokens, _skip_adverbs(tokens, use.index - 1, AUXILIARY) + 1, mentions)
    relative = next((j for j in range(use.index - 1, max(-1, use.index - 7), -1) if tokens[j].lower in {"which", "that"}), None)
    if relative is None or any(t.text in STOPS for t in tokens[relative:use.index]):
        return None
    return _weapon_ending(tokens, relative - 1 if relative > 0 and tokens[relative - 1].text == "," else relative, mentions)


def _weapon_ending(tokens: list[Token], end: int, mentions: list[Mention]) -> tuple[int, int] | None:
    """The weapon noun phrase that ends right before token `end`, if one does."""
    for start in range(max(0, end - 8), end):
        found = _weapon_phrase(tokens, start, end, mentions)
        if found is not None and found[1] == end:
            return found
    return None


def _assault_verb(token: Token) -> bool:
    """A verb that reports an attack on its own ('to attack', 'to hit', 'to strike')."""
    return token.lower in word_set("attack_verbs")


def _attack_context(tokens: list[Token], mentions: list[Mention], after: int) -> bool:
    """After 'using WEAPON', a target follows ('in Ukraine', 'against civilians', 'on Kyiv')
    or an infinitive of attack ('to attack Ukraine', 'to some effect to hit targets')."""
    for k in range(after, min(len(tokens), after + 5)):
        if tokens[k].lower == "to" and k + 1 < len(tokens) and _assault_verb(tokens[k + 1]):
            return True
        if tokens[k].lower in {"in", "on", "against", "at"}:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            return nxt is not None and (nxt.text[:1].isupper() or any(m.start == nxt.start for m in mentions)
                                        or nxt.lower in {"civilians", "civilian", "cities", "targets"})
        if tokens[k].text in STOPS:
            return False
    return False


SUBJECT_PRONOUNS = {"i", "we", "he", "she", "they", "it"}
THIRD_PERSON = {"he": "person", "she": "person", "his": "person", "her": "person",
                "they": "group", "it": "group", "its": "group", "their": "group"}
POSSESSIVE_PRONOUNS = {"my": "i", "our": "we", "his": "his", "her": "her", "its": "its", "their": "their"}


def _third_person(word: str, pronoun: Token, tokens: list[Token], book: ActorBook, speaker: str | None,
                  mentions: tuple[Mention, ...]) -> str | None:
    """He, she, they, it (and his, her, their, its): the speaker when of that kind ('the
    ministry said its forces struck'), else the person or group named last as a subject,
    earlier in the sentence or before it."""
    kind = THIRD_PERSON[word]
    if speaker in book.records and ("person" if book.records[speaker].kind == "person" else "group") == kind:
        return speaker
    after_preposition = {tokens[j + 1].start for j in range(len(tokens) - 1) if tokens[j].lower in PREPOSITIONS}
    earlier = [m for m in mentions if m.end <= pronoun.start and not m.demonym and m.start not in after_preposition
               and ("person" if m.kind == "person" else "group") == kind]
    return earlier[-1].actor_id if earlier else book.recent.get(kind)


def _pronoun_subject(
    tokens: list[Token], index: int, book: ActorBook, possessive: bool = False, speaker: str | None = None,
    mentions: tuple[Mention, ...] = (), nominal: bool = False,
) -> str | None:
    """'I signed', 'we’ve sent', 'they struck', 'its air defenses shot down', 'our sanctions':
    a pronoun subject (or a possessive on the subject or the trigger) is the person or group
    it stands for: the speaker of the turn for I/we, the latest person or group otherwise."""
    if possessive:
        word = POSSESSIVE_PRONOUNS.get(tokens[index - 1].lower, "we")
        if word in THIRD_PERSON:  # 'his sanctions': as 'he imposed sanctions'
            return _third_person(word, tokens[index - 1], tokens, book, speaker, mentions)
        phrase = book.phrase([Token(tokens[index - 1].start, tokens[index - 1].end, word)])
        if phrase and phrase.actor_id:
            return phrase.actor_id
        if word == "we" and speaker in book.records:
            return book.government(speaker) or speaker
        return speaker if word == "i" else None
    for k in range(index - 1, -1, -1):
        t = tokens[k]
        if t.text in QUOTES:
            continue  # 'carried out a “massive strike”'
        if t.text in STOPS:
            return None
        bare = t.lower
        if "’" in bare or "'" in bare:
            bare = bare.split("’")[0].split("'")[0]  # 'we’ve' -> 'we'
        owner = POSSESSIVE_PRONOUNS.get(bare) if index - k <= 8 else None
        if (bare in SUBJECT_PRONOUNS and not (nominal and bare in {"i", "we"} and not any(
                x.lower in word_set("light_verbs") for x in tokens[k + 1 : index]))) or (owner and all(
                (x.text.islower() or x.text in QUOTES) and x.lower not in PREPOSITIONS and x.lower not in CLAUSE_JOINERS
                for x in tokens[k + 1 : index])):  # not 'its energy needs and are working'

            if k > 0 and tokens[k - 1].lower in PREPOSITIONS:
                return None
            word = owner or bare
            if word in THIRD_PERSON:
                return _third_person(word, t, tokens, book, speaker, mentions)
            phrase = book.phrase([Token(t.start, t.end, word)])
            if phrase and phrase.actor_id:
                return phrase.actor_id
            if word == "we" and speaker in book.records:  # an official's 'we': the state they speak for
                return book.government(speaker) or speaker
            return speaker  # a quoted 'I': its speaker
    return None


ADJECTIVAL_HEADS = {"administration", "government", "officials", "official", "team", "forces", "military",
                    "army", "troops", "regime", "delegation", "side", "leadership"}
"""'the Biden administration', 'Iranian officials': the name modifies a noun, it is not the subject."""


def _list_before(mentions: list[Mention], tokens: list[Token], last: Mention) -> list[Mention]:
    """'Iran, North Korea, and China are providing': the coordinated subjects ending at `last`."""
    out = [last]
    while True:
        k = next(i for i, t in enumerate(tokens) if t.start == out[0].start)
        j = k - 1
        if j >= 0 and tokens[j].lower == "and":
            j -= 1
        if j >= 0 and tokens[j].text == ",":
            j -= 1
        if j == k - 1 or j < 0:
            return out
        prev = next((m for m in mentions if m.end == tokens[j].end and not m.demonym), None)
        if prev is None:
            return out
        out.insert(0, prev)


def _subject(mentions: list[Mention], tokens: list[Token], trigger: Trigger) -> Mention | None:
    """The nearest actor before a verbal trigger that is not the object of a preposition."""
    for m in reversed(mentions):
        if m.end > tokens[trigger.index].start:
            continue
        k = next(i for i, t in enumerate(tokens) if t.start == m.start)
        if k > 0 and tokens[k - 1].lower in PREPOSITIONS:
            continue
        after = tokens[k + len(m.text.split())] if k + len(m.text.split()) < len(tokens) else None
        if m.demonym or (after is not None and (after.lower in CLAIM_NOUNS or after.lower in ADJECTIVAL_HEADS)):
            continue
        if any(tokens[j].text in STOPS and tokens[j].text not in QUOTES for j in range(k, trigger.index)):
            return None
        return m
    return None


def clause_spans(tokens: list[Token], words: list[str]) -> list[tuple[int, int]]:
    """A region's clauses as token ranges [a, b), none empty: cut at ';' and at ', and' /
    ', but' / ', while' that open a new clause ('Russia attacked Kyiv on Monday, and Ukraine
    struck Belgorod on Tuesday'), and before 'that was' / 'which has'; the joiners that open
    a clause belong to neither. `words`: the tokens' lower-case words."""
    firsts = _trigger_firsts()
    n = len(tokens)
    out: list[tuple[int, int]] = []
    begin = 0  # where the clause being read begins
    for i in [k for k, w in enumerate(words) if w in CUT_WORDS]:
        word = words[i]
        if word == ";" or (  # a list of names ('Iran, North Korea, and China') is not a clause
                word == "," and i + 2 < n and words[i + 1] in CLAUSE_JOINERS and tokens[i + 2].text[:1].isupper()
                and not firsts.isdisjoint(words[begin:i]) and not _last_of_list(tokens, i + 2)):
            out.append((begin, i))  # the mark belongs to neither clause, nor do joiners opening the next
            begin = i + 1
            while begin < n and words[begin] in CLAUSE_JOINERS:
                begin += 1
        elif (word == "that" or word == "which") and i + 1 < n and words[i + 1] in AUXILIARY_OPENERS:
            out.append((begin, i))  # "the package that was passed by the House": a clause of its own
            begin = i
    out.append((begin, n))
    return [(a, b) for a, b in out if a < b]


CUT_WORDS = frozenset({";", ",", "that", "which"})
"""The words at which `clause_spans` may cut a region."""
AUXILIARY_OPENERS = frozenset({"was", "were", "has", "have", "had", "is", "are"})
"""Auxiliaries after 'that' or 'which' that open a relative clause of its own."""


def _last_of_list(tokens: list[Token], i: int) -> bool:
    """'..., Turkey, and Ukraine.': a name that ends the sentence or clause closes a list."""
    while i < len(tokens) and tokens[i].text[:1].isupper():
        i += 1
    return i >= len(tokens) or tokens[i].text in STOPS


def find_events(
    tokens: list[Token],
    text: str,
    book: ActorBook,
    dates: list[DateMention],
    statement: int | None,
    default_actor: str | None,
    disputed: bool,
    default_kinds: frozenset[str] | None = None,
    reported: tuple[tuple[int, int], ...] = (),
    speaker: str | None = None,
    asks: bool = False,
) -> list[Event]:
    """Events in one region (a statement's content, or a sentence in the article's voice).

    Triggers of the same type in a clause report one event; each date written after the
    trigger makes its own occurrence ('on Dec. 30, ... on Jan. 2 and Jan. 6'). Triggers inside
    `reported` spans (the contents of the sentence's statements, read on their own) are left
    out, while their words still serve as objects ('Canada announced a $400 million package').
    """
    out: list[Event] = []
    words = [t.lower for t in tokens]
    for a, b in clause_spans(tokens, words):
        clause = tokens[a:b]
        if asks:  # a question reports nothing ('Are they willing to stand aside while Iran deepens ...?')
            named = book.names(clause)
            for m in named:  # ... but its names serve later pronouns, so the book knows them
                book.known(m.actor_id, m.text)
            _remember(book, named, clause, words[a:b])
            continue
        lo, hi = clause[0].start, clause[-1].end
        inside = [d for d in dates if lo <= d.start and d.end <= hi]
        out += _clause_events(clause, words[a:b], text, book, inside, statement, default_actor, disputed, default_kinds,
                              reported, speaker)
    return out


def _clause_events(tokens, lowers, text, book, dates, statement, default_actor, disputed, default_kinds, reported,
                   speaker) -> list[Event]:
    mentions = book.names(tokens)
    for m in mentions:
        book.known(m.actor_id, m.text)
    out: list[Event] = []
    triggers = find_triggers(tokens, reported, lowers)  # those in reported spans are their statements'
    if triggers:  # (most clauses have none: then no events)
        out = _trigger_events(tokens, lowers, text, book, mentions, triggers, dates, statement, default_actor, disputed,
                              default_kinds, speaker)
    _remember(book, mentions, tokens, lowers)
    return out


def _trigger_events(tokens, lowers, text, book, mentions, triggers, dates, statement, default_actor, disputed,
                    default_kinds, speaker) -> list[Event]:
    """The events the clause's triggers report: triggers of one type make one event."""
    out: list[Event] = []
    seen: set[tuple[str, bool]] = set()
    triggers = [t for t in triggers
                if not in_dates(tokens[t.index], dates)  # 'March 3'
                and not (t.index > 0 and tokens[t.index].text[:1].isupper() and tokens[t.index].lower in word_set("months"))
                and not _unreal(tokens, t, lowers) and not _figurative(tokens, t) and not _not_done(tokens, t)]

    if not word_set("labour_words").isdisjoint(lowers):  # 'a 48-hour strike over pay': a walkout
        triggers = [_as_labour_strike(t) if t.words in {"strike", "strikes"} else t for t in triggers]
    triggers = [t for t in triggers if not (t.kind == "disaster" and _inside_a_name(tokens, t))]
    disaster = next((t for t in triggers if t.kind == "disaster"), None)
    if disaster is not None:  # 'the typhoon struck ..., killing 12': the disaster did it
        triggers = [t for t in triggers if t.type != "ASSAULT" or t.index < disaster.index]
    weapon = _weapon_phrase(tokens, 0, len(tokens), mentions) if triggers and not word_set("weapons").isdisjoint(lowers) \
        else None  # every _build's first weapon
    starts = {t.index for t in triggers}
    for trig in triggers:
        sort = (trig.type, trig.kind == "war")  # the war itself is never one of the clause's strikes
        if sort in seen:
            continue
        group = [t for t in triggers if (t.type, t.kind == "war") == sort and t.index >= trig.index
                 and (t is trig or t.needs != "projectile")]  # 'missiles launched ... exploded in mid-air': the launch
        others = tuple(t for t in triggers if t.type != trig.type and t.index > trig.index
                       and t.index + t.length not in starts and _own_event(tokens, trig, t))

        event = _build(tokens, text, book, mentions, group, dates, default_actor, default_kinds, weapon, speaker, others)
        if event is None:
            continue
        seen.add(sort)
        span_start, span_end, fields, actors = event
        event_dates = [d for d in dates if span_start <= d.start and d.end <= span_end] or [None]
        targets = fields["targets"] if len(fields.get("targets", [])) > 1 else [fields["target"]]
        for actor, target in [(a, t) for a in actors or [None] for t in targets]:
            for d in event_dates:
                if actor is None and d is None and not fields.get("standalone"):
                    continue  # an occurrence needs an actor or a date (a disaster: a name or a place)
                out.append(
                    Event(
                        fields["type"], fields["mode"], actor, target,
                        fields["instrument"], fields["origin"],
                        d.value if d else UNKNOWN, d, span_start, span_end, statement, disputed,
                        fields.get("anaphoric", False),
                    )
                )
    return out


def _remember(book: ActorBook, mentions: list[Mention], tokens: list[Token], lowers: list[str]) -> None:
    """Keep the latest person and group named, not after a preposition nor as a nationality
    ('launched missiles at Kyiv', 'killed Ukrainians'), for the pronouns of later clauses.
    `lowers`: the tokens' lower-case words."""
    named: list[tuple[int, str, str]] = [
        (m.start, "person" if m.kind == "person" else "group", m.actor_id) for m in mentions if not m.demonym]
    if tokens:  # people the statements named ('Park Seung-hoon'), written in this clause
        lo, hi = tokens[0].start, tokens[-1].end
        rfind = book.text.rfind
        for record in book.records.values():
            if record.kind == "person":
                at = -1  # where its latest form is written in the clause
                for form in record.forms:
                    if form:
                        found = rfind(form, lo, hi)
                        if found > at:
                            at = found
                if at >= 0:
                    named.append((at, "person", record.actor_id))
    if not named:
        return
    after_preposition = {t.start for w, t in zip(lowers, tokens[1:]) if w in PREPOSITIONS}  # (each token after one)
    for at, kind, actor_id in sorted(named):
        if at not in after_preposition:
            book.recent[kind] = actor_id


ANAPHORA_REACH = 400
"""Characters back (about two sentences) from a definite event noun ('the meeting') to the event it names again."""

ONGOING = {"war", "sharing"}
"""Modes of a state of affairs rather than an occurrence: reported again and again, it is one
row per side (its first mention for the war, its most informative one otherwise)."""


def merge_repeats(events: list[Event]) -> list[Event]:
    """One row per occurrence: an event of the same type, actor, target, dates and claim
    status reported again keeps only its most informative mention (most fields known, then
    first). Undated events are merged only when they are one mention (the same words), a
    state of affairs (`ONGOING`: the war, sharing; once per side) or a disaster named again
    (once per kind): without a date, two reports may be two occurrences. A mention with no
    actor, of the type and dates of an event reported with one, is that event again."""
    best: dict[tuple, int] = {}
    for i, e in enumerate(events):
        if e.actor_id is None:
            continue
        ongoing = e.mode in ONGOING  # the war, or sharing: once per side, whatever the mention
        where = None if e.date.start is not None or ongoing else e.start
        key = (e.type, e.mode if ongoing else None, e.actor_id, None if ongoing else e.target_id,
               e.date.start, e.date.end, e.disputed, where)
        have = best.get(key)
        if have is None or (e.mode != "war" and _known(e) > _known(events[have])):  # the war: its first mention
            best[key] = i
    keep = set(best.values())
    again = {i for i, e in enumerate(events) if e.anaphoric and any(
        events[j].type == e.type and e.date.start in {None, events[j].date.start}
        and (e.actor_id in {None, events[j].actor_id} or events[j].actor_id is None)
        and e.start - events[j].start <= ANAPHORA_REACH
        for j in range(i))}  # 'the meeting' shortly after a meeting told before is that meeting
    keep -= again
    dated = {(events[i].type, events[i].date.start, events[i].date.end) for i in keep if events[i].date.start is not None}
    families = lexicon()["disaster_families"]
    first_disaster: dict[str | None, int] = {}
    for i, e in enumerate(events):
        if e.type == "DISASTER":
            first_disaster.setdefault(families.get(e.mode or "", e.mode), i)
    return [
        e for i, e in enumerate(events)
        if (i in keep or (e.actor_id is None and i not in again
                          and (e.date.start is None or (e.type, e.date.start, e.date.end) not in dated)))
        and not (e.type == "DISASTER" and e.date.start is None
                 and first_disaster[families.get(e.mode or "", e.mode)] != i)
    ]  # an actorless mention of a dated event already reported ('the missile launched on the 30th') is that event;
    # an undated mention of a disaster after the first of its family ('the quake hit at 3:12 a.m.' after 'an
    # earthquake struck'; lexicon `disaster_families`) is that disaster


def _known(e: Event) -> int:
    return sum(v is not None for v in (e.target_id, e.instrument, e.origin_id, e.mode))


def _war_side(tokens: list[Token], mentions: list[Mention], war: Trigger) -> Mention | None:
    """The side that wages the war (rule W): its owner ('Russia’s brutal war') or the
    subject of a verb of waging whose object it is ('Putin started this war', 'Putin
    appears intent on continuing this war')."""
    k = war.index - 1
    while k > 0 and tokens[k].text.islower() and tokens[k].text.replace("-", "").isalpha() and war.index - k <= 3 \
            and tokens[k].lower not in word_set("war_verbs") and tokens[k].lower not in PREPOSITIONS:  # not 'Ukraine’s position in this war'
        k -= 1  # 'Russia’s brutal war', 'started this unprovoked war'
    if k > 0 and tokens[k].lower in {"’s", "'s"}:
        return next((x for x in mentions if x.end == tokens[k - 1].end), None)
    if k < 1 or tokens[k].lower not in word_set("war_verbs") or tokens[k - 1].lower == "to":
        return None  # not 'countries that can supply everything necessary to continue the war'
    side = _subject(mentions, tokens, Trigger(k, 1, tokens[k].lower, war.type, war.mode, war.kind, "verb"))
    if side is None or any(t.lower in RELATIVES and side.end <= t.start for t in tokens[:k]):
        return None
    return side


def _own_event(tokens: list[Token], trig: Trigger, later: Trigger) -> bool:
    """A later trigger of another type tells its own event and takes the dates after it:
    a verb, or a noun of its own phrase ('including the provision of aid since February');
    not a noun inside the first verb's object ('seized grain shipments at the port on Jan.
    12') nor its manner ('arrested three officials in raids on Monday')."""
    if later.pos == "verb":
        return True
    between = tokens[trig.index + trig.length : later.index]
    if _after_preposition(tokens, later.index, {"in", "during", "amid"}):
        return False
    return trig.pos == "noun" or any(t.text in STOPS or t.lower in PREPOSITIONS or t.lower == "including" for t in between)


def _build(tokens, text, book, mentions, group, dates, default_actor, default_kinds, weapon, speaker=None, others=()):
    """The event a group of triggers reports: its span, fields and actors; None when it is none.
    `weapon` is the clause's first weapon phrase (the same for every group of the clause)."""
    first, last = group[0], group[-1]
    kind = first.kind
    lex = lexicon()
    after_end = last.index + last.length
    if kind == "use":
        weapon = _weapon_phrase(tokens, after_end, after_end + 4, mentions)
        if weapon is None or any(tokens[k].text in STOPS for k in range(after_end, weapon[0])):
            weapon = _used_before(tokens, first, mentions)  # 'missiles, which Russia is using against ...'
            if weapon is None or not _attack_context(tokens, mentions, after_end):
                return None
        elif not _attack_context(tokens, mentions, weapon[1]):
            return None  # 'uses drones for reconnaissance' is not an attack
        elif any(not t.text[:1].isupper() for t in tokens[after_end:weapon[0]]):
            return None
    aid_mode = None
    if kind == "pledge" and any(t.lower == "that" for t in tokens[after_end : after_end + 3]):
        return None  # 'announced today that ... will provide a loan': a statement, its content is read apart
    if kind == "pledge" and after_end < len(tokens) and tokens[after_end].lower == "to":
        k = _skip_adverbs(tokens, first.index - 1)
        if k >= 0 and tokens[k].lower in word_set("copulas"):
            return None  # 'We are also committed to mitigating ...': a state, not a pledge made
    if first.needs == "material":
        material = _material(tokens, first, first.index + first.length)
        if material is None:
            return None  # 'the support that countries are providing', 'announced a plan'
        aid_mode = material[0]
        hi_object = tokens[material[1]].end  # 'announced a $400 million military aid package', 'donated 500 tents'
        weapon = _weapon_phrase(tokens, after_end, after_end + 10, mentions) if aid_mode == "military aid" else None
    following = tokens[first.index + first.length : first.index + first.length + 1]
    if not _needs_met(tokens, first):
        return None  # 'launched a satellite', 'blocked roads', 'won the match', 'released a report' ...
    if first.needs == "country" and not (following and any(m.start == following[0].start and m.kind == "country"
                                                           for m in mentions)):
        return None  # 'went to court', 'went to war': no country visited
    if first.needs == "change" and not _changing(tokens, first):
        return None  # a relationship only named ('the partnership between Russia and Iran')
    if kind == "war":
        side = _war_side(tokens, mentions, first)
        if side is None:
            return None  # 'the war', 'the war in Ukraine': no side named
        actors_war, lo_war = [side.actor_id], side.start
    # actor: "by X", a nationality adjective on the trigger, "from X", or the subject
    actors: list[str] = actors_war if kind == "war" else []
    between_more: list[str] = []
    between_target: str | None = None
    lo = lo_war if kind == "war" else tokens[first.index].start
    hi = tokens[last.index + last.length - 1].end
    if nominal_start(tokens, first.index):
        lo = tokens[first.index - 1].start
    trig_word = tokens[first.index].lower
    first_end = first.index + first.length
    nominal = first.pos == "noun"
    reach = 7 if nominal else 2
    by = None
    for k in range(first_end, min(len(tokens), first_end + reach)):
        if tokens[k].lower == "by":
            by = k
            break
        if tokens[k].text in STOPS or tokens[k].lower in _trigger_firsts():
            break  # not 'launched by' of another verb
    agent = None
    if by is not None:
        skip = 2 if by + 2 < len(tokens) and tokens[by + 1].lower == "the" else 1
        agent = _mention_at(mentions, tokens, by + skip)
    if agent is not None:
        actors = [agent.actor_id]
        hi = max(hi, agent.end)
    if not actors and first.index > 0:
        m = _mention_at(mentions, tokens, first.index - 1) or next(
            (x for x in mentions if x.end == tokens[first.index - 1].end), None
        )
        if m is not None and (m.demonym or m.kind == "armed_forces"):
            actors = [m.actor_id]
            lo = min(lo, m.start)
    owner_at = first.index - 1
    while owner_at > 1 and tokens[owner_at].text.isalpha() and tokens[owner_at].text.islower() and first.index - owner_at <= 2:
        owner_at -= 1  # "Russia’s relentless attacks"
    if not actors and owner_at > 0 and tokens[owner_at].lower in {"’s", "'s"}:
        m = next((x for x in mentions if x.end == tokens[owner_at - 1].end), None)
        if m is not None:  # "Russia's transfer", "Iran's provision"
            actors = [m.actor_id]
            lo = min(lo, m.start)
    if not actors and kind in {"cooperation", "meeting", "relation", "agreement"}:
        for k in range(after_end, min(len(tokens), after_end + 4)):
            if tokens[k].lower in {"between", "among"}:
                pair = _partners(mentions, tokens, k + 1)
                if len(pair) >= 2 and kind == "agreement":  # "the grain deal among Russia, Turkey, and Ukraine"
                    actors = [m.actor_id for m in pair]  # every party, one row each
                    hi = max(hi, pair[-1].end)
                elif len(pair) >= 2:  # "the partnership between Russia and Iran"; with more, one row per other party
                    actors = [pair[0].actor_id]
                    hi = max(hi, pair[-1].end)
                    between_target = pair[1].actor_id
                    between_more = [m.actor_id for m in pair[2:]]
                break
    if not actors and nominal:
        for k in range(after_end, min(len(tokens), after_end + 6)):
            if tokens[k].lower == "from":
                found = _mention_list(mentions, tokens, k + 1)
                if found:
                    actors = [m.actor_id for m in found]
                    hi = max(hi, found[-1].end)
                break
    if not actors and first.index > 0 and tokens[first.index - 1].lower in POSSESSIVE_PRONOUNS:
        subject = _pronoun_subject(tokens, first.index, book, possessive=True, speaker=speaker, mentions=tuple(mentions))
        if subject:
            actors = [subject]
    passive_subject = None
    passive = not nominal and _passive(tokens, first.index)
    if passive and kind in {"assault", "coercion", "sanction", "threat"}:
        m = _subject(mentions, tokens, first)
        if m is not None and m.actor_id not in actors:
            passive_subject = m  # 'Ukraine was attacked (by Russia)': the subject undergoes it
            lo = min(lo, m.start)
    guarded = nominal and _after_preposition(tokens, first.index, {"against", "from"})  # 'defend against the brazen
    # attack': the subject of the verb defends; the attack is someone else's
    if not actors and not passive and not guarded:
        m = _subject(mentions, tokens, first)
        if m is not None:
            listed = _list_before(mentions, tokens, m)
            actors = [x.actor_id for x in listed]
            if not nominal:  # a noun's agent is the subject of another verb: not in its words
                lo = min(lo, listed[0].start)
    origin_subject = _origin_subject(tokens, mentions, first.index, weapon)
    if not actors and first.index > 0 and not passive:
        subject = _pronoun_subject(tokens, first.index, book, speaker=speaker, mentions=tuple(mentions), nominal=nominal)
        if subject:
            actors = [subject]
            if not nominal:  # the pronoun is in the event's words: 'We voted', 'They’ve killed'
                k = first.index - 1
                while k > 0 and tokens[k].text not in STOPS and tokens[k].lower.split("’")[0].split("'")[0] not in SUBJECT_PRONOUNS:
                    k -= 1
                near = all(t.lower in AUXILIARY for t in tokens[k + 1 : first.index])  # 'We voted', 'They’ve killed'
                lo = min(lo, tokens[k].start) if tokens[k].text not in STOPS and near else lo
    if not actors and origin_subject is not None:
        actors = [origin_subject]
    light = _light_verb_before(tokens, first.index) if nominal else None  # 'Garnier had held unauthorised meetings'
    verb_at = light if light is not None else (None if nominal else first.index)
    if not actors and verb_at is not None and not _passive(tokens, verb_at) and kind != "disaster":
        subject = _forces_of(tokens, mentions, verb_at) or _phrase_subject(tokens, verb_at, book) \
            or _described_subject(tokens, verb_at, book, speaker)
        if subject:
            actors = [subject[0]]
            lo = min(lo, subject[1])  # 'South Korean Trade Minister Park Seung-hoon arrived
    if kind == "transfer" and trig_word in RECEIVING:
        receiver = actors[0] if actors else None
        givers = []
        for k in range(after_end, min(len(tokens), after_end + 12)):
            if tokens[k].lower == "from":
                givers = _mention_list(mentions, tokens, k + 1)
                break
            if tokens[k].text in STOPS:
                break
        if not givers:
            return None  # the giver is not named
        actors = [m.actor_id for m in givers]
        hi = max(hi, givers[-1].end)
        between_target = receiver
    if not actors and default_actor and (default_kinds is None or kind in default_kinds):
        actors = [default_actor]
    told_passive = not nominal and (first.type not in {"ASSAULT", "THREATEN"} or kind == "use") \
        and _told_in_passive(tokens, first)  # not 'two people were killed' (an attack's effect), 'is being threatened'
    told = told_passive or (not actors and verb_at is not None and not _passive(tokens, verb_at)
                            and _past(tokens, verb_at) and _subject_written(tokens, verb_at))
    if not actors and kind not in {"assault", "use", "disaster"} and not dates and not told:
        return None  # without an actor, only a dated occurrence ('a session on Wednesday') is an event
    # target: first actor after a preposition that suits the event
    target = between_target
    more_targets: list[str] = between_more
    preps = set(lex["target_preps"][kind])
    if kind in {"meeting", "agreement", "cooperation"} and target is None:
        ends_in_prep = tokens[first_end - 1].lower in preps or (  # 'in constant touch with Ukraine'
            kind == "meeting" and tokens[first_end - 1].lower in {"to", "in", "into"})  # 'went to North Korea'
        start = first_end if ends_in_prep else next(
            (k + 1 for k in range(first_end, min(len(tokens), first_end + 6)) if tokens[k].lower in preps), None)
        partners = _partners(mentions, tokens, start) if start is not None else []
        if (len(partners) > 1 or (partners and ends_in_prep)) and not any(m.actor_id in actors for m in partners):
            # 'met with the leaders of NATO and the G7', 'an initiative with Canada and Finland': one row per partner
            target, more_targets = partners[0].actor_id, [m.actor_id for m in partners[1:]]
            hi = max(hi, partners[-1].end)
    for k in range(first_end, len(tokens) if target is None else first_end):
        if tokens[k].lower in preps:
            m = _mention_at(mentions, tokens, k + 1) or (
                _mention_at(mentions, tokens, k + 2) if k + 1 < len(tokens) and tokens[k + 1].lower == "the" else None)
            if kind in {"meeting", "agreement"}:  # 'met with Peru’s president', 'a deal with Hanseol Semiconductor'
                j = k + 1
                while j < len(tokens) and tokens[j].text not in STOPS and tokens[j].lower not in PREPOSITIONS:
                    j += 1
                p = book.phrase(list(tokens[k + 1 : j]))
                if p and p.actor_id:
                    target = p.actor_id
                    hi = max(hi, p.end)
                    break
                continue
            if m is not None and m.actor_id not in actors:
                target = m.actor_id
                hi = max(hi, m.end)
                break
        if tokens[k].text in STOPS:
            break
    # instrument and its origin
    instrument = origin = None
    mode = aid_mode or first.mode
    if first.needs == "material":
        hi = max(hi, hi_object)
    if weapon is not None and kind in {"assault", "use", "transfer"}:
        a, b = weapon
        instrument = text[tokens[a].start : tokens[b - 1].end]
        lo_w, hi_w = tokens[a].start, tokens[b - 1].end
        m = next((x for x in mentions if x.demonym and x.end <= tokens[a].start
                  and not text[x.end : tokens[a].start].strip()), None)
        if m is not None:
            origin = m.actor_id
            lo_w = m.start
        if abs(a - first.index) <= 12:
            lo, hi = min(lo, lo_w), max(hi, hi_w)
        if kind != "transfer" and first.mode != "interception":
            mode = lex["instrument_modes"].get(tokens[b - 1].lower, mode)
    for t in group:
        mode = lex["assault_modes"].get(t.words, mode)  # (a trigger's words: its tokens' lower-case words)
    modes = _group_modes().get((first.type, first.kind, first.mode, first.words), {})
    mode = modes.get(first.words, mode)  # 'fined' -> fine, 'sentenced' -> sentence
    if kind == "use":
        mode = lex["instrument_modes"].get(tokens[weapon[1] - 1].lower, "attack")
    if kind == "meeting":
        mode = first.words
    if target is None and kind == "transfer":
        # "providing Russia with drones", "sent Russia ammunition": the recipient right after the verb
        m = _mention_at(mentions, tokens, after_end)
        if m is not None and not m.demonym and m.actor_id not in actors:
            target = m.actor_id
            hi = max(hi, m.end)
    if target is None and kind == "meeting" and not nominal and not _passive(tokens, first.index) \
            and tokens[first_end - 1].lower not in PREPOSITIONS:
        obj = _object_phrase(tokens, first_end, book, place_likely=True)  # 'hosted Russian Defense Minister Shoigu'
        if obj is None:
            m = _mention_at(mentions, tokens, first_end) or (  # 'briefed the Ukrainian government'
                _mention_at(mentions, tokens, first_end + 1) if first_end < len(tokens) and tokens[first_end].lower == "the" else None)
            obj = (m.actor_id, m.end) if m is not None else None
        if obj is not None and obj[0] not in actors:
            target, hi = obj[0], max(hi, obj[1])
    if target is None and kind == "coercion" and not _passive(tokens, first.index):
        obj = _object_phrase(tokens, after_end, book)  # 'sentenced Markus Feldhaus'
        if obj is not None and obj[0] not in actors:
            target, hi = obj[0], max(hi, obj[1])
    if target is None and kind == "assault":
        for k in range(first_end, len(tokens) - 1):
            if tokens[k].lower in preps:
                m = next((x for x in mentions if x.demonym and x.start >= tokens[k].start), None)
                if m is not None and m.actor_id not in actors and not (origin == m.actor_id):
                    target = m.actor_id
                    break
    infinitive = first_end if first.type == "THREATEN" and first_end + 1 < len(tokens) and tokens[first_end].lower == "to" \
        and not first.pos == "noun" and tokens[first_end + 1].text.isalpha() and tokens[first_end + 1].text.islower() \
        and tokens[first_end + 1].lower not in DETERMINERS else None  # a threat's dates after 'to' are the threatened act's
    # (a commitment's are its own: 'the G7 committed to loan Ukraine back in June')
    # dates after the trigger, in the same clause; else a date that opens the clause
    # ("Ten years ago, Putin occupied Crimea", "On Jan. 6, Russian forces launched ...")
    modal_end = min((t.end for t in tokens[first.index + 1 :] if t.text in FINITE_MODALS), default=None) if dates else None
    after = [d for d in dates if d.start >= tokens[first.index].start
             and not (modal_end is not None and modal_end <= d.start)  # '... storm and would leave next week'
             and not any(tokens[o.index].end <= d.start for o in others)  # '... including the provision of aid since February'
             and text[d.end : d.end + 2] not in {"’s", "'s"}  # 'This attack casts doubt on yesterday’s deal': the deal's
             and not (infinitive is not None and d.start >= tokens[infinitive].end)]  # 'threatened to strike in March'

    for d in after:
        hi = max(hi, d.end)
    if not after:
        trigger_start = tokens[first.index].start
        opening = [d for d in dates if d.end <= lo and _opens_clause(tokens, d)] or [
            d for d in dates if d.end <= trigger_start  # 'A German court on Wednesday sentenced'
            and all(t.lower in AUXILIARY for t in tokens if d.end <= t.start and t.end <= trigger_start)]
        if opening:
            lo = min(lo, opening[-1].start)
    if target is None and passive_subject is not None:
        target = passive_subject.actor_id
    if target in actors:
        target = None  # 'procurement of arms from North Korea': the giver is not also the receiver
    fields = {"type": first.type, "mode": mode, "target": target, "instrument": instrument, "origin": origin,
              "targets": [target, *more_targets],
              # '23 people had been arrested', 'missiles are being used to hit ...': a finite passive tells
              # an occurrence that stands without its agent or a date
              "standalone": told, "anaphoric": nominal and kind != "war" and _definite(tokens, first)}
    if kind == "disaster":
        return _disaster(tokens, mentions, group, lo, hi, fields)
    return lo, hi, fields, actors


def _as_labour_strike(trigger: Trigger) -> Trigger:
    """A strike among workers' words is a walkout (PROTEST), not an armed strike."""
    return Trigger(trigger.index, trigger.length, trigger.words, "PROTEST", "strike", "protest", trigger.pos)


def _phrase_subject(tokens: list[Token], index: int, book: ActorBook) -> tuple[str, int] | None:
    """The actor named by the noun phrase before a verb when the gazetteer knows none
    ('The union rejected', 'Calder agreed'): the words since the clause's last stop, cut
    before a preposition ('Canada on Wednesday announced'), read as a speaker would be."""
    k = index - 1
    while k >= 0 and tokens[k].lower in AUXILIARY:
        k -= 1
    start = k
    subordinators = word_set("subordinators")
    while start >= 0 and tokens[start].text not in STOPS and tokens[start].lower not in CLAUSE_JOINERS \
            and tokens[start].lower not in subordinators:  # '... after opposition lawmakers walked out'
        start -= 1
    if k > 0 and tokens[k].text == "," and start == k:  # 'Its foreign minister, Hélène Marchand, summoned'
        j = k - 1
        while j >= 0 and tokens[j].text[:1].isupper() and k - j <= 4:
            j -= 1
        if j >= 0 and j < k - 1 and tokens[j].text == ",":
            named = book.phrase(list(tokens[j + 1 : k]))
            if named is not None and named.kind == "name" and named.actor_id \
                    and book.records[named.actor_id].kind == "person":
                return named.actor_id, tokens[j + 1].start
    words = list(tokens[start + 1 : k + 1])
    cut = next((j for j, t in enumerate(words) if j > 0 and t.lower in PREPOSITIONS), len(words))
    words = words[:cut]
    if not words or len(words) > 6:
        return None
    if not any(t.text[:1].isupper() for t in words):  # only an unnamed group: '... after opposition lawmakers walked out'
        phrase = book.phrase(words)
        group = phrase is not None and phrase.kind == "description" and phrase.actor_id is not None \
            and book.records[phrase.actor_id].kind == "group"
        return (phrase.actor_id, words[0].start) if group else None
    after_stop = {id(tokens[j + 1]) for j in range(len(tokens) - 1) if tokens[j].text in STOPS}
    names = [t for t in words if t.text[:1].isupper() and t is not tokens[0] and id(t) not in after_stop]
    named_before = any(t.text[:1].isupper() and t.lower not in DETERMINERS and _named_inside_a_sentence(book.text, t)
                       for t in words)
    if not names and not named_before:  # a capital only because it opens the sentence: 'Something struck' ...
        phrase = book.phrase(words)  # ... unless the words name an unnamed group ('Protesters marched')
        group = phrase is not None and phrase.kind == "description" and phrase.actor_id is not None \
            and book.records[phrase.actor_id].kind == "group"
        shorter = phrase is not None and phrase.kind == "name" and phrase.actor_id in book.records \
            and book.records[phrase.actor_id].name != phrase.text  # or a short name: 'Calder' for 'Calder Microsystems'
        return (phrase.actor_id, words[0].start) if group or shorter else None
    phrase = book.phrase(words)
    return (phrase.actor_id, words[0].start) if phrase is not None and phrase.kind != "pronoun" and phrase.actor_id else None


def _forces_of(tokens: list[Token], mentions: list[Mention], index: int) -> tuple[str, int] | None:
    """'Israeli forces killed', 'Turkish troops entered': the state whose forces a
    nationality adjective names, where the gazetteer has no alias for them."""
    k = index - 1
    while k >= 0 and tokens[k].lower in AUXILIARY:
        k -= 1
    if k < 1 or (tokens[k].lower not in word_set("force_nouns") and tokens[k].lower not in word_set("armed_subjects")):
        return None
    m = next((x for x in mentions if x.demonym and x.end == tokens[k - 1].end), None)
    return (m.actor_id, m.start) if m is not None else None


def _before_modifiers(tokens: list[Token], index: int, stop: frozenset[str] = frozenset(), reach: int | None = 3) -> int:
    """The index of the word before the determiners and lower-case modifiers (at most `reach`
    words) that precede the noun at `index`; prepositions and the words of `stop` end them."""
    k = index - 1
    while k >= 0 and (reach is None or index - k <= reach) and (tokens[k].lower in DETERMINERS or (
            tokens[k].text.islower() and tokens[k].text.replace("-", "").isalpha() and tokens[k].lower not in PREPOSITIONS
            and tokens[k].lower not in stop)):
        k -= 1
    return k


def _after_preposition(tokens: list[Token], index: int, prepositions: set[str]) -> bool:
    """The noun at `index` is the object of one of these prepositions ('against the brazen attack')."""
    k = _before_modifiers(tokens, index)
    return k >= 0 and tokens[k].lower in prepositions


def _light_verb_before(tokens: list[Token], index: int) -> int | None:
    """The light verb whose object the event noun is ('held unauthorised meetings', 'ordered
    the confiscation')."""
    k = _before_modifiers(tokens, index, word_set("light_verbs"))
    return k if k >= 0 and tokens[k].lower in word_set("light_verbs") else None


def _subject_written(tokens: list[Token], index: int) -> bool:
    """A noun phrase opens the clause as the verb's subject, though it names no actor we
    know ('FIFA’s ethics committee has banned'): the occurrence is told with its agent,
    only unresolved."""
    k = index - 1
    while k >= 0 and tokens[k].lower in AUXILIARY:
        k -= 1
    start = k
    while start >= 0 and tokens[start].text not in STOPS and tokens[start].lower not in CLAUSE_JOINERS \
            and tokens[start].lower not in RELATIVES and tokens[start].lower not in PREPOSITIONS:
        start -= 1
    words = tokens[start + 1 : k + 1]
    if not 0 < len(words) <= 6 or not (start < 0 or tokens[start].text in STOPS or tokens[start].lower in word_set("subordinators")):
        return False
    head = words[-1].lower  # not a copula ('the coalition remains committed'), nor an event ('These
    # massive bombardments used drones': no agent)
    return words[-1].text[:1].isalpha() and head not in SUBJECT_PRONOUNS and head not in DETERMINERS \
        and not head.endswith("ly") and head not in word_set("copulas") and head not in word_set("indefinite_pronouns") \
        and (head,) not in _trigger_table() and (singular(head),) not in _trigger_table()


def _past(tokens: list[Token], index: int) -> bool:
    """The verb tells a past occurrence: a past form ('banned', 'sent') or a perfect ('has
    banned'); not a present that characterises ('This bill provides funding')."""
    word = tokens[index].lower
    return word.endswith("ed") or word in word_set("irregular_pasts") or (
        index > 0 and tokens[index - 1].lower in {"has", "have", "had", "’ve", "'ve"})


def _named_inside_a_sentence(text: str, token: Token) -> bool:
    """The capitalised word occurs elsewhere in the article where no sentence opens ('Calder
    Microsystems' inside a sentence), so its capital is a name's, not the sentence's."""
    at = text.find(token.text)
    while at >= 0:
        before = text[:at].rstrip()
        if at != token.start and before and before[-1] not in ".!?:\"“”—\n" \
                and not text[at + len(token.text) : at + len(token.text) + 1].isalpha() and not text[at - 1 : at].isalpha():
            return True
        at = text.find(token.text, at + 1)
    return False


def _described_subject(tokens: list[Token], index: int, book: ActorBook, speaker: str | None = None) -> tuple[str, int] | None:
    """'The court also fined', 'The union rejected': a definite description before the verb
    that names an actor the article has already named ('the Frankfurt Regional Court')."""
    k = index - 1
    while k >= 0 and tokens[k].lower in AUXILIARY:
        k -= 1
    start = k
    while start > 0 and tokens[start - 1].text.isalpha() and tokens[start - 1].text.islower() and k - start < 2:
        start -= 1
    if start < 1 or tokens[start - 1].lower != "the" or not (start - 1 == 0 or tokens[start - 2].text in STOPS):
        return None
    head = tokens[k].lower
    found = next((r.actor_id for r in reversed(list(book.records.values()))
                  if r.kind != "person" and head in r.name.lower().split()), None)
    if found is None and head in {"government", "administration"}:  # 'the government had offered': the speaker's
        found = book.government(speaker) if speaker in book.records else None
    if found is None and head in word_set("institution_heads"):  # 'The court': the court named before
        found = _named_before(book, head, tokens[start - 1].start)
    elif found is None and head in _generic_org_heads():  # 'The company agreed': the organisation named last
        found = book.last_organisation()
    return (found, tokens[start - 1].start) if found else None


def _named_before(book: ActorBook, head: str, before: int) -> str | None:
    """The last body named in full before `before` whose name ends in the head ('the
    Frankfurt Regional Court' for 'the court', 'the Electoral Commission of Zambia')."""
    word = head.capitalize()
    pattern = re.compile(rf"(?:[A-Z][\w’'-]*\s+){{0,4}}{word}(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w’'-]*)+)?")
    names = list(pattern.finditer(book.text, 0, before))
    for hit in reversed(names):
        tokens = list(tokenize(hit.group(), hit.start()))
        phrase = book.phrase(tokens) if len(tokens) > 1 else None
        if phrase is not None and phrase.actor_id and book.records.get(phrase.actor_id) is not None \
                and book.records[phrase.actor_id].kind != "person":
            return phrase.actor_id
    return None



def _object_phrase(tokens: list[Token], after: int, book: ActorBook, place_likely: bool = False) -> tuple[str, int] | None:
    """The person or body right after a verb ('sentenced Markus Feldhaus, ...', 'fined
    Velatrix'): a capitalised noun phrase read as a participant."""
    j = after
    while j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].text not in STOPS:
        j += 1
    if j == after:
        return None
    known = set(book.records)
    phrase = book.phrase(list(tokens[after:j]))
    if phrase is None or not phrase.actor_id:
        return None
    if place_likely and j - after == 1 and phrase.actor_id not in known:
        return None  # 'visited Borongan': one unknown capitalised word after a visit is a place as likely as a person
    return phrase.actor_id, tokens[j - 1].end


def _inside_a_name(tokens: list[Token], trigger: Trigger) -> bool:
    """'Activision Blizzard': a capitalised disaster noun after another name word is part of a
    name ('Typhoon Kalmaegi' puts the noun first)."""
    i = trigger.index
    return tokens[i].text[:1].isupper() and i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].text.isalpha() \
        and tokens[i - 1].lower not in DETERMINERS


def _disaster(tokens, mentions, group, lo, hi, fields):
    """A natural disaster: no actor; its mode is the disaster noun ('typhoon'); its target the
    place it struck ('made landfall in the Philippines', 'struck central Turkey'). It stands
    without a date when it is named ('Typhoon Kalmaegi'), said to strike, or placed."""
    nouns = [t for t in group if t.pos == "noun"]
    first = nouns[0] if nouns else group[0]
    fields["mode"] = first.words if nouns else None
    named = first.index + first.length < len(tokens) and tokens[first.index + first.length].text[:1].isupper() \
        and tokens[first.index].text[:1].isupper()
    verbs = word_set("disaster_verbs")
    struck = next((k for k in range(first.index + first.length, len(tokens))
                   if tokens[k].lower in verbs or " ".join(t.lower for t in tokens[k : k + 2]) in verbs), None)
    if struck is not None and fields["target"] is None:
        j = struck + 1
        while j < len(tokens) and (tokens[j].text.islower() and tokens[j].lower not in PREPOSITIONS or tokens[j].lower == "landfall"):
            j += 1  # 'struck central Turkey': past lower-case modifiers to the place
        m = next((x for x in mentions if x.start == tokens[j].start), None) if j < len(tokens) else None
        if m is not None:
            fields["target"] = m.actor_id
            hi = max(hi, m.end)
    if struck is not None:
        hi = max(hi, tokens[struck].end)
    fields["standalone"] = named or struck is not None or fields["target"] is not None
    return lo, hi, fields, []


def _needs_met(tokens: list[Token], trigger: Trigger) -> bool:
    """What the trigger's group needs from the words around it (lexicon `event_needs`): one
    word of a list within so many words after the trigger, or before it."""
    rule = lexicon()["event_needs"]["rules"].get(trigger.needs or "")
    if rule is None:
        return True
    after = trigger.index + trigger.length
    window = tokens[after : after + rule["after"]] + tokens[max(0, trigger.index - rule.get("before", 0)) : trigger.index]
    words = word_set(rule["words"])
    return any(t.lower in words for t in window)


MATERIAL_KINDS = ("military aid", "humanitarian aid", "financial aid", "aid")
"""The kinds of aid an object can name, in the order they are preferred."""


@lru_cache(maxsize=65536)
def _kinds_named(word: str) -> tuple[bool, bool, bool, bool]:
    """Whether the word (as written) names each kind of MATERIAL_KINDS; cached, as the
    objects of transfers and pledges repeat their words."""
    lower = word.lower()  # (a token's `lower`)
    weapons, weak, relief = word_set("weapons"), _material_words("weak"), _material_words("humanitarian aid")
    money = _material_words("financial aid")
    return (lower in weapons and lower not in weak, lower in relief,
            lower in money or word[:1] in money or lower in currency_words() or iso_code(word) is not None,  # 'reais', 'CHF'
            lower in weak)


def _material(tokens: list[Token], trigger: Trigger, after: int) -> tuple[str, int] | None:
    """The kind of aid a transfer or pledge moves, and the index of the object's last word,
    from its object (after the verb, or before it in a passive): 'military aid' (weapons),
    'humanitarian aid' (relief goods), 'financial aid' (money), 'aid' (aid of no stated kind);
    None when the object is nothing material ('support', 'a plan', 'their intent to')."""
    lex = lexicon()["material"]
    window: list[int] = []
    for k in range(after, min(len(tokens), after + 10)):
        if (tokens[k].text in STOPS and tokens[k].text != ",") or (
                tokens[k].lower in _verb_forms() and k > 0 and tokens[k - 1].lower in {"and", "but", "then"}):
            break  # '... sent rescue teams and pledged 3 million euros': the pledge's money is not sent
        window.append(k)
    if _passive(tokens, trigger.index) and trigger.kind == "transfer":  # 'weapons were delivered'
        window += range(max(0, trigger.index - 6), trigger.index)
    if any(tokens[k].lower in lex["not yet"] for k in window[:3]):
        return None
    given = trigger.words in lex["given by definition"]  # 'a donation of 100 locomotives': whatever is donated
    kinds = [_kinds_named(tokens[k].text) for k in window]  # per word; zip(*kinds): per kind, over the words
    found = next((kind for kind, named in zip(MATERIAL_KINDS, zip(*kinds)) if any(named)), None)  # the first kind named
    if found is None:
        if not given or not window:
            return None
        return ("aid" if trigger.mode == "military aid" else trigger.mode), window[-1]
    if found == "aid" and any(tokens[k].lower in _material_words("military adjectives") for k in window):
        found = "military aid"
    last = max(k for k, f in zip(window, kinds) if any(f))  # the object's last word that names a kind
    if trigger.type != "AID" or trigger.mode != "military aid":
        return trigger.mode, last  # a loan, a pledge: the trigger names it
    return found, last


def _changing(tokens: list[Token], trigger: Trigger) -> bool:
    """'the deepening relations', 'closer ties', 'forged a new alliance': a relationship
    reported as changing; not an intention ('trying to strengthen relations')."""
    for k in range(trigger.index - 1, max(-1, trigger.index - 4), -1):
        if tokens[k].lower in word_set("change_words"):
            return not (k > 0 and (tokens[k - 1].lower in MODALS))
        if tokens[k].text in STOPS:
            break
    after = trigger.index + trigger.length  # 'patterns of cooperation deepen between ...'
    return after < len(tokens) and tokens[after].lower in word_set("change_words") and tokens[after].lower != "new"


ADVERBS = frozenset({"also", "already", "reportedly", "allegedly", "not", "just", "later", "still", "now", "very"})


def _skip_adverbs(tokens: list[Token], k: int, also: frozenset[str] | set[str] = frozenset(), manner: bool = True) -> int:
    """From token k leftwards past adverbs ('are still being used', with `manner` also those
    in -ly: 'were senselessly killed') and the words of `also`: the index of the first other
    token (-1 if none)."""
    while k >= 0 and (tokens[k].lower in ADVERBS or tokens[k].lower in also
                      or (manner and tokens[k].lower.endswith("ly") and tokens[k].text.isalpha())):
        k -= 1
    return k


def _passive(tokens: list[Token], index: int) -> bool:
    """'was arrested', 'were delivered', 'has been sanctioned': a form of 'be' before the verb."""
    k = _skip_adverbs(tokens, index - 1)
    return (k >= 0 and tokens[k].lower in {"was", "were", "been", "being", "is", "are", "be", "got"}
            and tokens[index].lower in _participles())


def _definite(tokens: list[Token], trigger: Trigger) -> bool:
    """The trigger noun is definite: 'the meeting', 'these brutal attacks', 'today’s
    meeting', 'the meeting’s conclusion' (not 'a meeting', 'Russia’s attacks')."""
    k = trigger.index - 1
    while k > 0 and tokens[k].text.islower() and tokens[k].text.replace("-", "").isalpha() \
            and tokens[k].lower not in DETERMINERS and trigger.index - k <= 2:
        k -= 1  # 'these brutal attacks'
    if k < 0:
        return False
    if tokens[k].lower in {"’s", "'s"}:
        return k > 0 and tokens[k - 1].lower in {"today", "yesterday", "tonight"}
    return tokens[k].lower in {"the", "this", "that", "these", "those"}


def _told_in_passive(tokens: list[Token], trigger: Trigger) -> bool:
    """A finite passive with its undergoer before it: 'were arrested', 'are being used'
    after a subject (not 'to be arrested', not a participle alone)."""
    be = _skip_adverbs(tokens, trigger.index - 1, manner=False)  # not 'were mistakenly charged fees', 'constantly trained'
    if be < 1 or tokens[be].lower not in {"was", "were", "been", "being", "is", "are"} \
            or tokens[trigger.index].lower not in _participles():
        return False
    k = _skip_adverbs(tokens, trigger.index - 1, AUXILIARY)
    return k >= 0 and tokens[k].text not in STOPS and tokens[k].lower not in {"to", "which", "that", "who"} | MODALS


def _opens_clause(tokens: list[Token], date: DateMention) -> bool:
    """A date at the start of the clause, before its subject and set off by a comma or
    leading straight into it ('Ten years ago, Putin ...', 'Earlier this week, ...')."""
    before = [t for t in tokens if t.end <= date.start]
    return len(before) <= 1 and all(t.lower in {"and", "but", "so", "then", "earlier", "just"} or t.text == "," for t in before)
