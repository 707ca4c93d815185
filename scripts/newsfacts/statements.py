"""Find attributed speech in sentences: who said what, with which cue, and when."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from newsfacts.actors import ActorBook, Phrase
from newsfacts.cues import Cue, cue_at, cue_forms
from newsfacts.dates import DateMention, DateValue, UNKNOWN, in_dates
from newsfacts.lexicon import grammar
from newsfacts.quotations import Quotation, overlapping, quotation_at, quotations
from newsfacts.spans import SpanIndex
from newsfacts.speakers import (
    ADJUNCT_STARTS, AUXILIARY_WORDS, BOUNDARIES, COORDINATORS, DETERMINERS, IRREGULAR_PAST, LEADING_ADVERBS, MAX_SPEAKER_TOKENS,
    MODALS, NOUN_DETERMINERS, NP_MARKS, OPENING_ADJUNCTS, PREPOSITIONS, PURPOSE_PREPOSITIONS,
    apposition_host, first_person, is_adverb, is_dash, main_subject, note_subject, object_before, phrase_end,
    skip_back, skip_lead, skip_recipient, source_as_written, speaker_phrase, subject_of_participle, subject_start,
    without_final_stop,
)
from newsfacts.text import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_CHARS, Sentence, Token, paragraphs

DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s[A-Z][\w.'’ -]{1,40})?(?:\s\([^)]{1,40}\))?\s[—–-]\s"
    r"|[A-Z][\w.'’ -]{1,30}\s[•|]\s)"
)
"""'KHARKIV, Ukraine (Reuters) — ': the place and agency that open a news story."""
DATELINE_REACH = 130
"""The longest text DATELINE matches (41 + 43 + 43 + 3 characters)."""
MIN_CONTENT_WORDS = 3
"""Reported content shorter than this ('And', 'In addition') is a parenthetical, not a statement."""
SPLIT_HALF_WORDS = 5
"""A quotation split around its attribution ('“...,” Reyes said, “and ...”') is two statements
when its first half is a clause of at least this many words ('“My hope,” he said, “is ...”' is not)."""
AUXILIARIES = grammar("auxiliaries")
TIME_SHIFTS = grammar("time_shifts")
PROGRESSIVE = grammar("progressive")
HYPOTHETICAL = grammar("hypothetical")
NEGATIONS = grammar("negations")
CONTENT_MARKERS = grammar("content_markers")
KEPT_MARKERS = grammar("kept_markers")
"""Markers that belong to the content ('asked whether ...'); 'that' and ':' do not."""
BE_FORMS = grammar("be_forms")
REFERRING_PRONOUNS = grammar("referring_pronouns")
SPEECH_NOUNS = grammar("speech_nouns")
HEARING_CUES = grammar("hearing_cues")
POSSESSIVE_PRONOUNS = grammar("possessive_pronouns")
FINITE_AUXILIARIES = grammar("finite_auxiliaries")
SUBJECT_PRONOUNS = grammar("subject_pronouns")
GERUND_PREPOSITIONS = grammar("gerund_prepositions")
CLOSE_QUOTES_SET = set(CLOSE_QUOTES)
REFERENCE_ENDS = ADJUNCT_STARTS | {"many", "often", "before", "repeatedly"}
"""Words after a pronoun that leave it all the content ('said it again', 'talked about this many times')."""
CLAUSE_ENDS = BOUNDARIES | CLOSE_QUOTES_SET
"""What a clause before an attribution ends with: a boundary or a closing quotation mark."""
CLAIM_NOUNS = grammar("claim_nouns")
SPEECH_OBJECTS = grammar("speech_objects")


@dataclass(frozen=True)
class Found:
    """A statement found in one sentence, before ids and dates are assigned."""

    sentence: Sentence | None
    """The sentence it was found in; None for a transcript paragraph."""
    start: int
    end: int
    mode: str
    cue: str
    speaker: Phrase
    attribution: tuple[tuple[int, int], ...]
    denial: bool
    coordinated: bool = False
    """The speaker is the subject of an earlier verb ('..., adding that ...')."""


@dataclass(frozen=True)
class Statement:
    """A statement with its resolved speaker, role and date."""

    found: Found
    speaker_id: str | None
    speaker_role: str | None
    date: DateValue
    date_mention: DateMention | None
    responds_to: int | None
    """Index of the earlier statement this one answers."""

    @property
    def start(self) -> int:
        return self.found.start

    @property
    def end(self) -> int:
        return self.found.end


_ALNUM = re.compile(r"[^\W_]")
"""A letter or digit (str.isalnum): a word character that is not '_'."""
_QUOTE_MARKS = re.compile(f"[{re.escape(''.join(sorted(QUOTE_CHARS)))}]")
_CLOSE_QUOTE_MARKS = re.compile(f"[{re.escape(''.join(sorted(set(CLOSE_QUOTES))))}]")
"""Any quotation mark, any closing one: a search for one scans the text without copying it."""


def _content_span(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Trim a content span and decide its mode (direct, partial, indirect)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    if end - start < 2:
        return None
    if text[start] in OPEN_QUOTES and text[end - 1] in CLOSE_QUOTES and not _QUOTE_MARKS.search(text, start + 1, end - 1):
        inner_start, inner_end = start + 1, end - 1
        while inner_end > inner_start and text[inner_end - 1] in ", ":
            inner_end -= 1
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        if inner_end <= inner_start:
            return None
        return inner_start, inner_end, "direct"
    if text[start] in OPEN_QUOTES and not _CLOSE_QUOTE_MARKS.search(text, start + 1, end):
        # the quotation runs on into the next sentence: "...: “Russia targets homes. Every ...”"
        return start + 1, end, "direct"
    if _QUOTE_MARKS.search(text, start, end):
        return start, end, "partial"
    return start, end, "indirect"


def _dateline(text: str) -> re.Match[str] | None:
    """DATELINE's match at the start of a sentence; most have no dash or bar near their
    start, which every dateline has, and are passed over without the pattern."""
    head = text[:DATELINE_REACH]
    if "—" in head or "–" in head or "-" in head or "•" in head or "|" in head:
        return DATELINE.match(text)
    return None


def _content_end(boundary: Token) -> int:
    """Where content ends before the attribution: after a closing quotation mark, before a comma."""
    return boundary.end if boundary.text in CLOSE_QUOTES else boundary.start


def _words(tokens: tuple[Token, ...]) -> int:
    return sum(1 for t in tokens if t.text[:1].isalnum())


def _only_adjuncts(tokens: tuple[Token, ...], dates: list[DateMention]) -> bool:
    """True when tokens (what follows a cue) hold no content: nothing, a date, or a phrase
    such as 'during a press conference'."""
    return (
        not tokens
        or tokens[0].lower in ADJUNCT_STARTS
        or is_adverb(tokens[0])
        or tokens[0].text in BOUNDARIES
        or in_dates(tokens[0], dates)
    )


def _resumes(token: Token) -> bool:
    """A word after '..., X said,' that carries on the sentence the attribution interrupted
    ('remains', 'limited') rather than adding to it ('who', 'adding', 'and', 'in')."""
    w = token.lower
    return token.text[:1].islower() and not (
        w.endswith("ing") or w in {"who", "which", "whose", "whom", "according", "to", "in", "on", "at", "during", "after", "before"}
    )


def _content_start(toks: tuple[Token, ...], h: int, dates: list[DateMention], to_marks: bool = True) -> tuple[int, bool]:
    """Where the content after a cue starts, and whether a marker ('that', ':', a quotation
    mark, 'whether', 'to') introduces it; adjuncts before a marker are skipped."""
    forms = cue_forms()
    for k in range(h, min(len(toks), h + 14)):
        t = toks[k]
        if (t.lower in CONTENT_MARKERS and (to_marks or t.lower != "to")) or t.text == ":" or t.text in OPEN_QUOTES:
            if any(toks[j].lower in forms and toks[j - 1].lower not in DETERMINERS for j in range(h, k)):
                break  # 'said as the heckler yelled: ...': the marker is the other cue's (not 'in a written statement')
            if k == h or _only_adjuncts(toks[h:k], dates) or toks[k - 1].text == ",":
                first = k if t.text in OPEN_QUOTES or t.lower in KEPT_MARKERS else k + 1
                return first, True
            break
        if t.text == "," and k + 1 < len(toks) and toks[k + 1].text in OPEN_QUOTES:
            continue
        if t.text in BOUNDARIES:
            break
    k = h
    while k < len(toks) and k - h < 4 and in_dates(toks[k], dates):
        k += 1  # 'announced Sunday she will resign'
    if k + 1 < len(toks) and toks[k].lower in SUBJECT_PRONOUNS and toks[k + 1].text[:1].islower():
        return k, True  # 'insist they will ...', 'has indicated she would ...'
    name_end = k
    while name_end < len(toks) and name_end - k < 4 and (toks[name_end].text[:1].isupper() or toks[name_end].text in NP_MARKS):
        name_end += 1
    if k < name_end < len(toks) and toks[name_end].lower in FINITE_AUXILIARIES:
        return k, True  # 'suggested Mr. Trump had ...'
    return h, h < len(toks) and toks[h].text in OPEN_QUOTES


def find_in_sentence(
    sentence: Sentence,
    text: str,
    book: ActorBook,
    dates: list[DateMention],
    quotes: list[Quotation],
) -> list[Found]:
    """Every statement a sentence makes, one per reporting cue."""
    toks = without_final_stop(sentence.tokens)
    dateline = _dateline(sentence.text)
    if dateline:
        toks = tuple(t for t in toks if t.start >= sentence.start + dateline.end())
    if not toks:
        return []
    lowers = [t.lower for t in toks]
    forms = cue_forms()
    if forms.isdisjoint(lowers):
        return []  # (many sentences: no word starts a cue)
    starts = [k for k, w in enumerate(lowers) if w in forms]  # where a cue can start (elsewhere cue_at says None)
    s_start, s_end = toks[0].start, toks[-1].end
    named = [(m.start, m.end) for m in book.names(toks)] + [(q.start, q.end) for q in overlapping(quotes, s_start, s_end)]
    out: list[Found] = []

    headline: list[bool] = []  # title_case's answer, once asked

    def title_case() -> bool:
        """A headline: 'Trump Says He Will Win'."""
        if not headline:
            letters = [c for c in [t.text[:1] for t in toks] if c.isalpha()]  # the words' initials
            headline.append(len([c for c in letters if c.isupper()]) > 0.6 * len(letters))
        return headline[0]

    def make(c_start: int, c_end: int, cue: str, act_cue, speaker: Phrase, attribution, coordinated=False, short_ok=False) -> None:
        if c_start < s_start or c_end > s_end:
            unit_span = (c_start, c_end)  # a quotation running over sentences
        else:
            unit_span = None
        unit = quotation_at(quotes, c_start)
        if unit is not None and unit.mark == c_start and unit.close == c_end and unit.end > unit.start:
            a, b = unit.start, unit.end
            while b > a and (text[b - 1] in ", " or text[b - 1].isspace()):
                b -= 1
            while a < b and text[a].isspace():
                a += 1
            span = (a, b, "direct") if b > a else None
        else:
            span = _content_span(text, c_start, c_end)
        if span is None or not _ALNUM.search(text, span[0], span[1]):
            return
        quoted = _QUOTE_MARKS.search(text, span[0], span[1]) is not None  # 'called Trump “unhinged”'
        if unit_span is None and span[2] != "direct" and not (short_ok or quoted) and not _has_words(text, span[0], span[1], MIN_CONTENT_WORDS):
            return
        content = text[span[0] : span[1]].split(None, 2)  # (its first two words are enough)
        if span[2] != "direct" and content[0].lower() in REFERRING_PRONOUNS and not quoted and (
            len(content) == 1 or content[1].lower().strip(".,") in REFERENCE_ENDS
        ):
            return  # 'talked about this many times', 'said it again': nothing reported but a reference
        out.append(Found(sentence, span[0], span[1], span[2], cue, speaker, tuple(attribution),
                         act_cue.act == "deny", coordinated))

    def quoted_before(boundary: int) -> tuple[int, int] | None:
        """The quotation closed by the mark at token `boundary`."""
        q = quotation_at(quotes, toks[boundary].start)
        return (q.mark, q.close) if q else None

    def quoted_after(k: int) -> tuple[int, int] | None:
        q = quotation_at(quotes, toks[k].start)
        return (q.mark, q.close) if q and q.mark == toks[k].start else None

    i = 0
    while (n := bisect_left(starts, i)) < len(starts):  # on to the next token where a cue can start
        i = starts[n]
        tok = toks[i]
        hit = cue_at(toks, i)
        if hit is not None and tok.text[:1].isupper() and i > 0 and toks[i - 1].text[:1].isupper():
            base = hit[0].lemma.split()[0]
            if tok.lower in {base, base + "s"} and not title_case():
                hit = None  # a name: 'Roll Call', 'The Washington Post' (but 'Blinken Said' is a verb)
        if hit is None or any([a <= tok.start < b for a, b in named]):
            i += 1
            continue
        cue, past = hit
        if cue.that_only and not (past < len(toks) and (lowers[past] == "that" or toks[past].text in OPEN_QUOTES)):
            i = past  # 'the four early nominating states: Iowa, ...': the noun
            continue
        if past + 1 < len(toks) and lowers[past] == "to" and lowers[past + 1] in cue_forms():
            i = past  # 'continued to deny': the verb after 'to' is the cue
            continue
        cue_text = text[tok.start : toks[past - 1].end]
        after_start = past
        about = False
        if cue.lemma in HEARING_CUES:
            after_start = skip_recipient(toks, past)  # 'told reporters that', 'asked Trump how'
            if past < after_start < len(toks) and lowers[after_start] == "about":
                after_start, about = after_start + 1, True  # 'asked Carson about his ties to the company'
        # "According to X, ..." and "..., according to X."
        if cue.pos == "preposition":
            lead = skip_lead(toks, 0, i)
            k = phrase_end(toks, past, dates)
            if lead == i:  # sentence-initial: the source runs to the comma ('According to a statement from the ministry,')
                k = next((x for x in range(past, min(len(toks), past + MAX_SPEAKER_TOKENS)) if toks[x].text == ","), k)
            speaker = speaker_phrase(book, toks[past:k]) or source_as_written(book, toks[past:k])
            if speaker is not None and lead == i and k < len(toks) and toks[k].text == ",":
                make(toks[k].end, s_end, cue_text, cue, speaker, [(s_start, toks[k].end)])
            elif (speaker is not None and i > 0 and toks[i - 1].text == "," and k < len(toks) and toks[k].text == ","
                  and _has_words(text, toks[k].end, s_end, MIN_CONTENT_WORDS)):
                # 'G4S receives, according to one report, $234 million ...': the sentence around it
                make(s_start, s_end, cue_text, cue, speaker, [(toks[i - 1].start, toks[k].end)])
            elif speaker is not None and i > 0 and toks[i - 1].text in BOUNDARIES:
                q = quoted_before(i - 1) if toks[i - 1].text in CLOSE_QUOTES else None
                c0 = q[0] if q else _clause_start(toks, i - 1, out)
                make(c0, q[1] if q else toks[i - 1].start, cue_text, cue, speaker, [(toks[i].start, s_end)])
            i = max(k, i + 1)
            continue
        if (i > 0 and lowers[i - 1] in NOUN_DETERMINERS) or (
            i > 1 and lowers[i - 2] in NOUN_DETERMINERS and tok.lower.endswith("s") and toks[i - 1].text[:1].isupper()
        ):
            owned = _owned_speech(book, toks, i, past, text)
            if owned is not None:
                # "Sanders's claim that he can still win", "Trump's promise to build a wall"
                owner, first = owned
                make(toks[first].start, s_end, cue_text, cue, owner, [(owner.start, toks[first].start)])
            i = past  # 'the claim', 'his statement': a noun, not a reporting verb
            continue
        if i > 0 and lowers[i - 1] in BE_FORMS and not tok.lower.endswith("ing") and not (past < len(toks) and lowers[past] == "by"):
            i = past  # 'Texas was called for Cruz', 'he was told': a passive names no speaker
            continue
        if i > 0 and tok.lower.endswith("ing") and lowers[i - 1] in {"most", "more", "less", "least", "very", "so", "too"}:
            i = past  # 'one of the most promising paths': an adjective
            continue
        negated = i > 0 and (lowers[i - 1] in NEGATIONS or lowers[i - 1].endswith(("n’t", "n't"))) or (i > 1 and lowers[i - 2] in NEGATIONS and lowers[i - 1] in AUXILIARY_WORDS)
        if negated:
            i = past
            continue
        if i <= 2 and toks[0].text[:1].isupper() and (tok.lower.endswith("ing") or lowers[i - 1] == "having") and (
            i == 0 or lowers[0] in OPENING_ADJUNCTS | {"having", "upon"}
        ):
            # 'Since announcing in October that he would not run, Mr. Biden has ...': the
            # opening clause's speaker is the main clause's subject
            comma = next((k for k in range(past, len(toks)) if toks[k].text == ","), None)
            subject = main_subject(book, toks, len(toks)) if comma is not None else None
            first_k, _ = _content_start(toks, past, dates, cue.act != "assert")
            if subject is not None and first_k < comma:
                make(toks[first_k].start, toks[comma].start, cue_text, cue, subject,
                     [(s_start, toks[first_k].start), (toks[comma].start, s_end)])
            i = past
            continue
        if i == 1 and lowers[0] == "as" and past < len(toks) and lowers[past] == "by":
            # 'As reported by Western Journalism, ...': the source before the comma, the content after
            comma = next((k for k in range(past + 1, min(len(toks), past + MAX_SPEAKER_TOKENS)) if toks[k].text == ","), None)
            source = speaker_phrase(book, toks[past + 1 : comma]) or source_as_written(book, toks[past + 1 : comma]) if comma else None
            if source is not None and _has_words(text, toks[comma].end, s_end, MIN_CONTENT_WORDS):
                make(toks[comma].end, s_end, cue_text, cue, source, [(s_start, toks[comma].end)])
            i = past
            continue
        # passive: "... was announced by X on Jan. 11."
        if cue.passive and i >= 2 and lowers[i - 1] in AUXILIARIES and past < len(toks) and lowers[past] == "by":
            k = phrase_end(toks, past + 1, dates)
            speaker = speaker_phrase(book, toks[past + 1 : k])
            if speaker is not None:
                make(_clause_start(toks, i - 1, out), toks[i - 1].start, cue_text, cue, speaker, [(toks[i - 1].start, s_end)], short_ok=True)
                i = k
                continue
        left = skip_back(toks, i - 1, 0, dates)
        if not MODALS.isdisjoint(lowers[left + 1 : i]):
            i = past  # 'will announce', 'could say': not said yet
            continue
        np_start = subject_start(toks, left + 1, 0)
        if np_start > 0 and lowers[np_start - 1] in HYPOTHETICAL:
            i = past  # 'if the Speaker called a vote'
            continue
        speaker: Phrase | None = None
        coordinated = False
        if left >= 1 and lowers[left] in {"who", "which"} and toks[left - 1].text == ",":
            # "Govs. Jeb Bush and Chris Christie, who say ...": the phrase before the comma
            s0 = subject_start(toks, left - 1, 0)
            speaker = speaker_phrase(book, toks[s0 : left - 1]) if s0 < left - 1 else None
            np_start = left
        elif np_start <= left:
            speaker = speaker_phrase(book, toks[np_start : left + 1])
        elif left >= 0 and (toks[left].text == "," or is_dash(toks, left)):
            # "Oleh Marchuk, spokesperson for the ..., said" / "X, who ..., said" / "X — who ... — said"
            host = apposition_host(toks, left)
            if host is not None:
                s0, c0 = host
                if s0 < c0:
                    speaker = speaker_phrase(book, toks[s0:c0])
                    if speaker is not None and speaker.kind == "description" and speaker.actor_id is None and not toks[s0].text[:1].isupper() and toks[s0].lower not in DETERMINERS | NOUN_DETERMINERS:
                        speaker = None
                    inner = book.phrase(list(toks[c0 + 1 : left])) if c0 + 1 < left and toks[c0 + 1].text[:1].isupper() else None
                    if (speaker is None or speaker.actor_id is None) and inner is not None and inner.kind == "name" and inner.actor_id \
                            and book.records[inner.actor_id].kind == "person":
                        speaker = inner  # 'One delegate not on the slate, Kelly Smith, told ...': the name
                    if speaker is not None:
                        np_start = s0
        elif left >= 0 and lowers[left] in COORDINATORS:
            speaker = out[-1].speaker if out else main_subject(book, toks, left)
            coordinated, np_start = True, left
        if i > 1 and lowers[i - 1] == "to" and tok.lower == cue.lemma.split()[0]:
            # an infinitive after an object: 'spoke with Kuleba to express ...' (the subject
            # speaks); 'urged allies to condemn ...' (not said yet)
            j = object_before(toks, i - 1)
            if j is not None and lowers[j] == "for":
                i = past  # 'easier for courts to dismiss cases': not said
                continue
            if j is not None and lowers[j] in PURPOSE_PREPOSITIONS:
                speaker = out[-1].speaker if out else main_subject(book, toks, j)
                coordinated, np_start = True, i - 1 if out else 0  # the clause before it dates it
            elif j is not None:
                i = past
                continue
        if tok.lower.endswith("ing") and i > 0 and lowers[i - 1] in GERUND_PREPOSITIONS:
            i = past  # 'a track record of accusing ...': a habit named, not a statement made
            continue
        if speaker is not None and speaker.kind == "pronoun" and speaker.text.lower() in {"he", "she"} and np_start > 1:
            known = set(book.records)  # a person named before ('Rice and drinking water would reach ..., he added': no one)
            subject = main_subject(book, toks, np_start)
            if subject is not None and subject.actor_id in known and book.records[subject.actor_id].kind == "person":
                # 'Trump has blasted the system, which he said ...': the person this sentence is about
                speaker = Phrase(speaker.text, speaker.start, speaker.end, "pronoun", subject.actor_id, subject.role)
        progressive = i > 0 and (lowers[i - 1] in PROGRESSIVE or lowers[i - 1].endswith(("’m", "'m", "’re", "'re")))
        if tok.lower.endswith("ing") and not progressive:
            # a participle: "..., adding that ...", "..., calling the plan a disgrace"; or one
            # with its own subject: "with Gov. Martin O'Malley calling Trump a fascist"
            own = subject_of_participle(book, toks, i)
            if own is not None:
                speaker, coordinated = own
            else:
                speaker = out[-1].speaker if out else main_subject(book, toks, i)
                coordinated, np_start = True, i if out else 0
        if speaker is not None and book.voice is not None and speaker.kind == "pronoun" and first_person(speaker.text) \
                and not (tok.lower.endswith("ed") or tok.lower in IRREGULAR_PAST):
            i = past  # 'I urge', 'we're calling on': the turn's own words, its paragraph is the statement
            continue
        content_first, marked = _content_start(toks, after_start, dates, cue.act != "assert")
        marked = marked or about
        second_half: tuple[int, int] | None = None
        before = np_start - 1  # the token before the speaker phrase
        rest_empty = not marked and (
            _no_content(toks, after_start, dates)
            or (not coordinated and before >= 0 and toks[before].text in CLOSE_QUOTES_SET)
        )
        if (speaker is None and before >= 0 and toks[i - 1].text in CLAUSE_ENDS and cue.inverted
                and past < len(toks) and lowers[past] not in PREPOSITIONS):
            # inverted: "..., said X." / "“...,” said X." (not '..., said in a statement')
            k = phrase_end(toks, past, dates)
            speaker = speaker_phrase(book, toks[past:k])
            resumed_quote = quoted_after(k + 1) if k + 1 < len(toks) and toks[k].text == "," else None
            if speaker is not None and resumed_quote is not None and resumed_quote[1] >= toks[-1].start:
                before, rest_empty = i - 1, True  # '“...,” said X, “and ...”': the quotation goes on after X
                second_half = resumed_quote
            elif speaker is not None and (k >= len(toks) or _only_adjuncts(toks[k:], dates)):
                before, rest_empty = i - 1, True
            else:
                speaker = None
        if speaker is None and out and i > 0 and toks[i - 1].text == "," and np_start >= i and not rest_empty:
            # '... talked about a strike on the 30th, talked about another on the 2nd': the same
            # speaker goes on, without 'and'
            speaker, coordinated = out[-1].speaker, True
        if speaker is None:
            i = past
            continue
        if rest_empty and cue.inverted and before >= 0 and toks[before].text in CLAUSE_ENDS and not coordinated:
            boundary = toks[before]
            q = quoted_before(before) if boundary.text in CLOSE_QUOTES else None
            if q and second_half is not None:
                make(q[0], q[1], cue_text, cue, speaker, [(boundary.end, second_half[0])])
                if _has_words(text, q[0], q[1], SPLIT_HALF_WORDS):
                    make(second_half[0], second_half[1], cue_text, cue, speaker, [(boundary.end, second_half[0])])
            elif q:
                make(q[0], q[1], cue_text, cue, speaker, [(boundary.end, s_end)])
            else:
                c0 = _clause_start(toks, before, out)
                resumed = next((k for k in range(past, len(toks)) if toks[k].text == ","), None)
                continued = (resumed is not None and resumed + 1 < len(toks) and _resumes(toks[resumed + 1])
                             and _has_words(text, toks[resumed].end, s_end, MIN_CONTENT_WORDS))
                short = not _has_words(text, c0, boundary.start, MIN_CONTENT_WORDS)
                if continued or short:
                    if continued or (resumed is not None and _has_words(text, toks[resumed].end, s_end, MIN_CONTENT_WORDS)):
                        # "Air defense, Austin said, remains the top priority", "In 1990, she said, when ...":
                        # the whole sentence
                        make(c0, s_end, cue_text, cue, speaker, [(toks[before + 1].start, toks[resumed].end)])
                else:
                    make(c0, _content_end(boundary), cue_text, cue, speaker, [(boundary.end, s_end)])
            i = past
            continue
        if np_start >= 1 and lowers[np_start - 1] == "as" and all(
            lowers[x] in LEADING_ADVERBS or toks[x].text == "," for x in range(np_start - 1)
        ):  # 'As Biden said, ...', 'And, as I said, ...'
            # "As President Biden said on Thursday when ..., a lasting peace must ...": after the comma
            comma = next((k for k in range(past, len(toks)) if toks[k].text == ","), None)
            nested = comma is not None and any(cue_at(toks, x) for x in range(comma + 1, min(len(toks), comma + 5)))
            if comma is None or comma + 1 >= len(toks) or lowers[past : past + 1] == ["to"] or nested:
                i = past  # not 'As Russia continues to ...'; 'As we've said, I've called this ...' is the inner report
                continue
            content_first, marked, rest_empty = comma + 1, True, False
        if content_first >= len(toks) or (cue.marked and not marked) or rest_empty or (
                cue.speech_object and not marked and not _names_speech(toks, content_first)):
            i = past
            continue
        first = toks[content_first]
        q = quoted_after(content_first) if first.text in OPEN_QUOTES else None
        a0 = toks[np_start].start if np_start < len(toks) else tok.start
        dated_opening = not out and not coordinated and 0 < np_start <= 24 and toks[np_start - 1].text == "," and any(in_dates(toks[x], dates) for x in range(np_start))
        if dated_opening or all(lowers[x] in LEADING_ADVERBS or toks[x].text == "," for x in range(np_start)):
            a0 = s_start  # 'Earlier, Rutte said ...', 'As of March 22, officials said': the opening belongs to the attribution
        attribution = [(a0, first.start)]
        c_end = s_end
        if not marked:
            # 'reported documented evidence of ... on Feb. 22': a closing date dates the report
            trailing = [d for d in dates if d.end == s_end and d.start > first.start and d.value.precision == "day"]
            if trailing:
                c_end = trailing[0].start
                attribution.append((trailing[0].start, s_end))
        if q and before >= 0 and toks[before].text in CLOSE_QUOTES_SET and not coordinated:
            first_half = quoted_before(before)  # '“The fire moved faster,” Reyes told reporters, “and ...”'
            if first_half is not None and first_half[1] <= toks[np_start].start \
                    and _has_words(text, first_half[0], first_half[1], SPLIT_HALF_WORDS):  # not '“My hope,” he said, “is ...”'
                make(first_half[0], first_half[1], cue_text, cue, speaker, [(toks[before].end, first.start)])
        if q and (q[1] >= s_end or q[1] > sentence.end):
            make(q[0], q[1], cue_text, cue, speaker, attribution, coordinated)
        else:
            make(first.start, c_end, cue_text, cue, speaker, attribution, coordinated)
        i = past
    return _cut_coordinated(out, text)




def _names_speech(toks: tuple[Token, ...], first: int) -> bool:
    """The object noun phrase starting at `first` names speech ('the allegations', 'Kyiv's
    claims', 'the report'): its head, before a preposition or a stop, is a speech noun; or
    the object is called something ('dismissed the sanctions as “illegal”')."""
    for k in range(first, min(len(toks), first + 8)):
        if toks[k].lower in SPEECH_NOUNS or toks[k].lower in CLAIM_NOUNS or toks[k].lower in SPEECH_OBJECTS \
                or (toks[k].lower == "as" and k > first):
            return True
        if toks[k].text in BOUNDARIES or toks[k].lower in PREPOSITIONS:
            return False
    return False


def _owned_speech(book: ActorBook, toks: tuple[Token, ...], i: int, past: int, text: str) -> tuple[Phrase, int] | None:
    """A speech noun owned by its speaker and followed by its content: 'Sanders's claim
    that ...', 'his promise to ...', "Clinton's call for ..."; the speaker and where the
    content starts."""
    if toks[i].lower not in SPEECH_NOUNS or past >= len(toks) or _lower_at(toks, past) not in {"that", "to", "for"}:
        return None
    if _lower_at(toks, past) == "for" and toks[i].lower not in {"call", "calls", "demand", "demands"}:
        return None
    if _lower_at(toks, i - 1) in {"’s", "'s"} and i >= 2:
        start = i - 1
        while start > 0 and toks[start - 1].text[:1].isupper() and i - start < 6:
            start -= 1  # the owner's name: 'Rubio', 'Hillary Clinton'
        owner = speaker_phrase(book, toks[start : i - 1]) if start < i - 1 else None
    elif _lower_at(toks, i - 1) in POSSESSIVE_PRONOUNS:
        start = i - 1
        owner = book.phrase([toks[i - 1]])
        subject = main_subject(book, toks, start) if owner is not None else None
        if subject is not None and subject.actor_id and owner.actor_id != subject.actor_id and toks[i - 1].lower in {"his", "her"} \
                and book.records[subject.actor_id].kind == "person":
            owner = Phrase(owner.text, owner.start, owner.end, "pronoun", subject.actor_id, subject.role)  # 'Hale repeated his promise'
    else:
        return None
    if owner is None or start == 0 or not toks[start - 1].text[:1].islower():
        return None  # "Sanders's claim that ... would depend on ...": as a subject, the content runs into its verb
    first = past + 1 if _lower_at(toks, past) == "that" else past
    return (owner, first) if first < len(toks) else None


def _lower_at(toks: tuple[Token, ...], k: int) -> str:
    return toks[k].lower if 0 <= k < len(toks) else ""


def _no_content(toks: tuple[Token, ...], k: int, dates: list[DateMention]) -> bool:
    """Nothing after a cue but adjuncts: 'said.', 'said on Tuesday.', 'said in a statement,
    adding ...', 'he said of Cruz' (and not 'said at least three people were hurt')."""
    if k >= len(toks) or toks[k].text in BOUNDARIES:
        return True
    end = next((x for x in range(k, len(toks)) if toks[x].text in BOUNDARIES), len(toks))
    first = toks[k]
    if first.lower == "at" and k + 1 < len(toks) and toks[k + 1].lower in {"least", "most"}:
        return False
    if first.lower == "to" and k + 1 < len(toks) and toks[k + 1].text.islower() and toks[k + 1].lower not in DETERMINERS:
        return False  # 'continue to fight': an infinitive, not 'said to reporters'
    if first.lower in {"this", "that", "these", "those", "last"} and not in_dates(first, dates):
        return False  # 'called this a sign of ...' (but 'said this week')
    starts = first.lower in ADJUNCT_STARTS or first.lower in {"of", "by"} or is_adverb(first) or in_dates(first, dates)
    return starts and end - k <= 16


def _has_words(text: str, start: int, end: int, n: int) -> bool:
    """At least n words between start and end: runs of non-spaces whose first or second
    character is a letter or digit ('said', '“Yes', not '—'). The first n runs are read
    first, and most often settle it."""
    runs = text[start:end].split(None, n)  # the first n runs, then the rest unsplit
    if len([w for w in runs[:n] if w[:1].isalnum() or w[1:2].isalnum()]) == n:
        return True
    if len(runs) <= n:
        return False  # no more runs
    return len([w for w in text[start:end].split() if w[:1].isalnum() or w[1:2].isalnum()]) >= n


def _clause_start(toks: tuple[Token, ...], boundary: int, earlier: list[Found]) -> int:
    """Where content that ends at token `boundary` starts: the sentence start, or the end of
    the previous statement's attribution in the same sentence."""
    start = toks[skip_lead(toks, 0, boundary)].start if boundary > 0 else toks[0].start
    for f in earlier:
        if f.end <= toks[boundary].start and f.attribution:
            start = max(start, f.attribution[-1][1], f.end)
    return start


def _cut_coordinated(found: list[Found], text: str) -> list[Found]:
    """A statement whose content runs into the next one's attribution ('X said A, and Y said B';
    'X said A, adding B') ends before it; a statement reported inside another is kept whole."""
    out = list(found)
    for k in range(len(out) - 1):
        cur, nxt = out[k], out[k + 1]
        a0 = nxt.attribution[0][0] if nxt.attribution else nxt.start
        if not (cur.start < a0 < cur.end):
            continue
        before = text[cur.start : a0].rstrip()
        word = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if not (nxt.coordinated or word in COORDINATORS or before.endswith((",", ";", "—"))):
            continue
        while word in COORDINATORS:
            before = before[: -len(word)].rstrip()
            word = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        span = _content_span(text, cur.start, cur.start + len(before))
        if span is None:
            continue
        out[k] = Found(cur.sentence, span[0], span[1], span[2], cur.cue, cur.speaker, cur.attribution, cur.denial, cur.coordinated)
    return out


def find_statements(
    sents: list[Sentence],
    text: str,
    book: ActorBook,
    dates: list[DateMention],
    skip: set[int],
    voices: dict[int, str | None] | None = None,
) -> list[Statement]:
    """Every statement of the article, in order, with speakers and dates resolved.

    `voices` gives, for sentences inside a transcript turn, who is speaking ('I', 'we')."""
    quotes = quotations(text, paragraphs(text))
    date_index = SpanIndex(dates)
    out: list[Statement] = []
    covered = 0  # end of the latest quotation taken whole
    skip = set(skip)
    introducer: Found | None = None  # 'X told reporters:' waiting for its quotation
    for index, sentence in enumerate(sents):
        if index in skip or sentence.end <= covered:
            continue
        book.voice = (voices or {}).get(index)
        inside = date_index.inside(sentence.start, sentence.end)
        found = [f for f in find_in_sentence(sentence, text, book, inside, quotes) if f.end > covered]
        if not found and index + 1 < len(sents) and index + 1 not in skip:
            after = _attribution_after(sentence, sents[index + 1], text, book, quotes)
            if after is not None:
                found = [after]
                skip.add(index + 1)
        if not found and introducer is not None:
            found = [f for f in [_introduced_quotation(sentence, text, quotes, introducer)] if f]
        introducer = None
        if not found:
            carried = _carried_quotation(sentence, text, quotes, out)
            found = [carried] if carried else []
        if not found:
            introducer = _introducer(sentence, text, book, inside)
            note_subject(book, sentence)
        for piece in found:
            covered = max(covered, piece.end if piece.end > sentence.end else 0)
            speaker_id = piece.speaker.actor_id
            book.note_speaker(speaker_id)
            if speaker_id is None and piece.speaker.kind == "description":
                book.last_person = None  # 'a senior official said ...; he added': not the earlier person
            role = piece.speaker.role or (book.records[speaker_id].role if speaker_id else None)
            date, mention = _statement_date(piece, text, inside, out, speaker_id)
            responds = _responds_to(piece, text, book, out) if piece.denial else None
            out.append(Statement(piece, speaker_id, role, date, mention, responds))
    return out


def _introducer(sentence: Sentence, text: str, book: ActorBook, dates: list[DateMention]) -> Found | None:
    """A sentence that only introduces a speaker ('President X told reporters:', 'Our
    correspondent Anna Lee reports.'): its speaker and cue, for the quotation after it."""
    lone = _lone_attribution(sentence, text, book, dates)
    return lone[1] if lone else None


def _lone_attribution(sentence: Sentence, text: str, book: ActorBook, dates: list[DateMention]) -> tuple[Cue, Found] | None:
    """A sentence that is nothing but a speaker, a cue, a hearer and adjuncts ('Trump asked
    reporters.', 'X told reporters:'): the cue and the attribution, with no content yet."""
    toks = without_final_stop(sentence.tokens)
    if toks and toks[-1].text == ":":
        toks = toks[:-1]
    forms = cue_forms()
    hit = next(((k, h) for k in range(1, min(len(toks), MAX_SPEAKER_TOKENS + 1))
                if toks[k].lower in forms and (h := cue_at(toks, k))), None)  # (cue_at is None for other words)
    if hit is None:
        return None
    k, (cue, past) = hit
    after = skip_recipient(toks, past) if cue.lemma in HEARING_CUES else past
    if not _no_content(toks, after, dates):
        return None
    who = speaker_phrase(book, toks[:k])
    if who is None:
        return None
    return cue, Found(sentence, sentence.start, sentence.start, "direct", text[toks[k].start : toks[past - 1].end], who,
                      ((sentence.start, sentence.end),), cue.act == "deny")


def _introduced_quotation(sentence: Sentence, text: str, quotes: list[Quotation], introducer: Found) -> Found | None:
    """The quotation that opens the sentence after its introducer ('X told reporters:
    “...”'), in the same paragraph or the next."""
    if introducer.sentence is None or sentence.paragraph > introducer.sentence.paragraph + 1:
        return None
    q = quotation_at(quotes, sentence.start)
    if q is None or q.mark != sentence.start:
        return None
    span = _content_span(text, q.mark, q.close)
    if span is None:
        return None
    return Found(sentence, span[0], span[1], "direct", introducer.cue, introducer.speaker, introducer.attribution,
                 introducer.denial)


def _last_char(text: str, end: int) -> str:
    """The last character before `end` that is not a space (text[:end].rstrip()[-1:],
    without copying the text before it)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[end - 1 : end] if end else ""


def _attribution_after(sentence: Sentence, following: Sentence, text: str, book: ActorBook, quotes: list[Quotation]) -> Found | None:
    """A quoted question or exclamation ends its sentence, and its attribution follows as a
    sentence of its own: '“Isn't that a bribe?” Trump asked.'"""
    q = quotation_at(quotes, sentence.start)
    if q is None or q.mark != sentence.start or q.close < sentence.end or following.paragraph != sentence.paragraph:
        return None
    if _last_char(text, q.end) not in {"?", "!"} or text[q.close : following.start].strip():
        return None
    lone = _lone_attribution(following, text, book, [])
    span = _content_span(text, q.mark, q.close)
    if lone is None or not lone[0].inverted or span is None:
        return None
    found = lone[1]
    return Found(sentence, span[0], span[1], "direct", found.cue, found.speaker, found.attribution, found.denial)


def _carried_quotation(sentence: Sentence, text: str, quotes: list[Quotation], earlier: list[Statement]) -> Found | None:
    """A quotation opening a sentence with no attribution of its own continues the latest
    speaker of the paragraph, or of the paragraph before ('“...,” he said. “...”')."""
    if not earlier or sentence.text[:1] not in OPEN_QUOTES:
        return None
    prev = earlier[-1].found
    if prev.sentence is None or prev.sentence.paragraph < sentence.paragraph - 1:
        return None
    q = quotation_at(quotes, sentence.start)
    if q is None or q.mark != sentence.start or not _has_words(text, q.start, q.end, MIN_CONTENT_WORDS):
        return None
    if q.close > q.end and _last_char(text, q.end) not in {".", "!", "?", "…"}:
        return None  # '“..., ” X said': the attribution follows
    span = _content_span(text, q.mark, q.close)
    if span is None:
        return None
    return Found(sentence, span[0], span[1], "direct", prev.cue, prev.speaker, (), False)


def _statement_date(
    found: Found, text: str, dates: list[DateMention], earlier: list[Statement], speaker_id: str | None
) -> tuple[DateValue, DateMention | None]:
    for a, b in found.attribution:
        for d in dates:
            if a <= d.start and d.end <= b and d.value.precision != "unknown":
                return d.value, d
    if earlier and speaker_id and earlier[-1].speaker_id == speaker_id and not any(
        w.strip(",").lower() in TIME_SHIFTS for a, b in found.attribution for w in text[a:b].split()
    ):  # the same speaker goes on, and no word ('earlier', 'previously') shifts the time
        prev = earlier[-1].date
        if prev.precision != "unknown":
            return DateValue(prev.start, prev.end, prev.precision, True), None
    return UNKNOWN, None


def _responds_to(found: Found, text: str, book: ActorBook, earlier: list[Statement]) -> int | None:
    """A denial of 'the US accusations' answers the latest statement by a US speaker."""
    content = [t for t in found.sentence.tokens if found.start <= t.start < found.end]
    for mention in book.names(content):
        following = [t for t in content if t.start >= mention.end][:2]
        if not any(t.lower in CLAIM_NOUNS for t in following):
            continue
        accused = book.known(mention.actor_id)
        country = accused.country
        for index in range(len(earlier) - 1, -1, -1):
            sid = earlier[index].speaker_id
            if sid and (sid == accused.actor_id or (country and book.records[sid].country == country)):
                return index
    return None
