"""Dates and actors beyond one war's vocabulary (issue 9, points 3 and 4), on sentences
written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import SEED
from newsfacts.actors import ActorBook
from newsfacts.article import Article
from newsfacts.dates import find_dates
from newsfacts.lexicon import gazetteer
from newsfacts.nouns import is_plural, singular
from newsfacts.pipeline import extract
from newsfacts.schema import ACTOR_KINDS, DATE_PRECISIONS
from newsfacts.text import tokenize

WEDNESDAY = dt.date(2025, 11, 5)


def _dates(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str | None, str | None, str, bool]]:
    return [
        (m.text, m.value.start.isoformat() if m.value.start else None,
         m.value.end.isoformat() if m.value.end else None, m.value.precision, m.value.inferred)
        for m in find_dates(text, anchor)
    ]


@pytest.mark.parametrize(
    "text, day",
    [
        ("Ukraine must answer by Friday.", "2025-11-07"),
        ("The leaders will meet on Monday.", "2025-11-10"),
        ("We’ll know more on Thursday.", "2025-11-06"),
        ("Analysts expect the company to report its earnings Friday.", "2025-11-07"),
        ("The payment is due on Tuesday.", "2025-11-11"),
        ("The vote is scheduled for Sunday.", "2025-11-09"),
        ("He said on Monday that talks will resume on Friday.", "2025-11-07"),
        ("The bridge will be closed until Friday.", "2025-11-07"),
        ("Next Monday the court rules.", "2025-11-10"),
        ("The council is to vote on Wednesday.", "2025-11-05"),  # the day itself
    ],
)
def test_a_weekday_in_a_future_frame_looks_forward(text: str, day: str) -> None:
    last = _dates(text)[-1]
    assert last[1:] == (day, day, "day", True)


@pytest.mark.parametrize(
    "text, day",
    [
        ("The ministers met on Monday.", "2025-11-03"),
        ("Talks will resume, the minister said Friday.", "2025-10-31"),  # 'said' is nearer than 'will'
        ("The troops had withdrawn by Friday.", "2025-10-31"),
        ("The ministers, who will attend the summit, met on Monday.", "2025-11-03"),
        ("Last Monday the court ruled.", "2025-11-03"),
        ("He said on Monday that talks will resume on Friday.", "2025-11-03"),  # the first date
    ],
)
def test_a_weekday_in_a_past_frame_stays_back(text: str, day: str) -> None:
    first = _dates(text)[0]
    assert first[1:] == (day, day, "day", True)


def test_next_week_and_this_weekend_in_a_future_frame() -> None:
    assert _dates("The summit is scheduled for next week.") == [("next week", "2025-11-10", "2025-11-16", "week", True)]
    assert _dates("He will travel this weekend.") == [("this weekend", "2025-11-08", "2025-11-09", "range", True)]
    assert _dates("He travelled this weekend.") == [("this weekend", "2025-11-01", "2025-11-02", "range", True)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It happened on 2025-11-03.", [("on 2025-11-03", "2025-11-03", "2025-11-03", "day", False)]),
        ("It was signed on the 5th of November.", [("on the 5th of November", "2025-11-05", "2025-11-05", "day", True)]),
        ("It was signed on November 5th, 2024.", [("on November 5th, 2024", "2024-11-05", "2024-11-05", "day", False)]),
        ("A record 2025-13-40 is no date.", [("2025-13-40", None, None, "unknown", False)]),
    ],
)
def test_written_dates(text: str, expected: list) -> None:
    assert _dates(text) == expected


def test_numeric_dates_are_read_only_when_the_order_is_settled() -> None:
    # 11/05 could be 5 November (US) or 11 May (Europe): unknown, the text kept
    assert _dates("The deal was signed on 11/05/2025.") == [("on 11/05/2025", None, None, "unknown", False)]
    # a part above 12 is the day, whichever side it is on
    assert _dates("on 25/10/2025")[0][1] == "2025-10-25"
    assert _dates("on 10/25/2025")[0][1] == "2025-10-25"
    assert _dates("on 07/07/2025")[0][1:] == ("2025-07-07", "2025-07-07", "day", False)
    # the article's own unambiguous date settles the order of the others, inferred
    us = _dates("Filed on 10/25/2025 and heard on 11/05/2025.")
    assert us[1] == ("on 11/05/2025", "2025-11-05", "2025-11-05", "day", True)
    european = _dates("Filed on 25/10/2025 and heard on 11/05/2025.")
    assert european[1] == ("on 11/05/2025", "2025-05-11", "2025-05-11", "day", True)
    # dates that disagree settle nothing
    assert _dates("on 25/10/2025, 10/26/2025 and 11/05/2025")[2][3] == "unknown"
    assert _dates("on 02/30/2025")[0][3] == "unknown"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales rose in Q4 2025.", ("Q4 2025", "2025-10-01", "2025-12-31", "quarter", False)),
        ("Profit fell in the fourth quarter of 2024.", ("the fourth quarter of 2024", "2024-10-01", "2024-12-31", "quarter", False)),
        ("Its fourth-quarter 2024 results were weak.", ("fourth-quarter 2024", "2024-10-01", "2024-12-31", "quarter", False)),
        ("Its third-quarter results were weak.", ("third-quarter", "2025-07-01", "2025-09-30", "quarter", True)),
        ("Profit fell in the first quarter.", ("the first quarter", "2025-01-01", "2025-03-31", "quarter", True)),
        ("The firm expects growth in the first quarter.", ("the first quarter", "2026-01-01", "2026-03-31", "quarter", True)),
        ("Sales rose last quarter.", ("last quarter", "2025-07-01", "2025-09-30", "quarter", True)),
        ("Sales will rise next quarter.", ("next quarter", "2026-01-01", "2026-03-31", "quarter", True)),
        ("Revenue rose in the fiscal third quarter.", ("the fiscal third quarter", None, None, "unknown", False)),
        ("Revenue rose in Q2 of fiscal 2025.", ("Q2 of fiscal 2025", None, None, "unknown", False)),
    ],
)
def test_quarters_have_their_own_precision(text: str, expected: tuple) -> None:
    assert _dates(text) == [expected]
    assert "quarter" in DATE_PRECISIONS


def test_a_quarter_written_as_an_adjective_after_a_verb_opens_its_object() -> None:
    # 'reported third-quarter revenue': the statement grammar takes a date after a cue for an
    # adjunct ('said Tuesday'), so the adjective counts as a date only after a determiner
    assert _dates("Calder reported third-quarter revenue of $4.2 billion.") == []
    assert _dates("Calder’s fiscal third-quarter revenue rose.") == [("fiscal third-quarter", None, None, "unknown", False)]
    out = _rows("Calder Microsystems on Wednesday reported third-quarter revenue of $4.2 billion, up 18% from a year earlier.",
                dt.date(2025, 10, 30))
    assert [(s["speaker_id"], s["text"][:21]) for s in out.statements] == [("calder-microsystems", "third-quarter revenue")]


def test_a_fraction_is_no_quarter() -> None:
    assert _dates("A quarter of the budget and three quarters of the staff.") == []


def test_without_an_anchor_relative_dates_stay_unknown() -> None:
    assert [d[3] for d in _dates("They will meet on Monday in the third quarter.", None)] == ["unknown", "unknown"]


# -- actors ------------------------------------------------------------------------


def _rows(text: str, published: dt.date = WEDNESDAY):
    article = Article("t", Path("t.txt"), text.encode(), text, published=published)
    return extract(article, "t.txt")


def test_generational_suffixes_stay_in_names_and_ids() -> None:
    out = _rows(
        "Ferdinand Marcos Jr. said the economy grew. Ferdinand Marcos said in 1980 that the economy grew. "
        "President Ferdinand R. Marcos Jr. told reporters the talks went well. Marcos said the talks went well."
    )
    assert [s["speaker_id"] for s in out.statements] == [
        "ferdinand-marcos-jr", "ferdinand-marcos", "ferdinand-marcos-jr", "ferdinand-marcos-jr",
    ]
    names = {a["actor_id"]: a["name"] for a in out.actors}
    assert names == {"ferdinand-marcos-jr": "Ferdinand Marcos Jr.", "ferdinand-marcos": "Ferdinand Marcos"}


def test_a_suffix_after_a_surname_picks_the_person_with_it() -> None:
    out = _rows("Mayor John Smith III said the storm had passed over the town. John Smith said the storm had "
                "passed. Smith III added that the river was high.")
    assert [s["speaker_id"] for s in out.statements] == ["john-smith-iii", "john-smith", "john-smith-iii"]


def test_the_gazetteer_keeps_its_id_for_a_suffixed_form() -> None:
    assert gazetteer().aliases["Lloyd J. Austin III"] == "lloyd-austin"
    out = _rows("Lloyd J. Austin III said the talks went well.")
    assert [s["speaker_id"] for s in out.statements] == ["lloyd-austin"]


@pytest.mark.parametrize(
    "text, actor_id, name",
    [
        ("Critics said the plan was unfair.", "critics", "critics"),
        ("Local residents said the water was gone.", "local-residents", "local residents"),
        ("Bankers said rates would rise.", "bankers", "bankers"),
        ("Fishermen said the catch was poor.", "fishermen", "fishermen"),
        ("Two officials said the talks failed.", "officials", "officials"),
        ("Investors said the market was calm.", "investors", "investors"),
        ("The protesters chanted “Go home.”", "protesters", "protesters"),
    ],
)
def test_plural_common_nouns_are_unnamed_groups(text: str, actor_id: str, name: str) -> None:
    out = _rows(text)
    assert [s["speaker_id"] for s in out.statements] == [actor_id]
    (actor,) = [a for a in out.actors if a["actor_id"] == actor_id]
    assert (actor["kind"], actor["name"]) == ("group", name)
    assert not any(a["kind"] == "person" for a in out.actors)


@pytest.mark.parametrize("text", ["Two people familiar with the matter said the deal was close to being signed.",
                                  "Sources said the deal was close to being signed."])
def test_unnamed_sources_keep_an_empty_speaker(text: str) -> None:
    out = _rows(text)
    assert [s["speaker_id"] for s in out.statements] == [None] and out.actors == []


def test_a_group_takes_the_country_of_its_nationality_adjective() -> None:
    out = _rows("Ukrainian soldiers said the town fell.")
    (group,) = [a for a in out.actors if a["kind"] == "group"]
    assert (group["actor_id"], group["country"], group["parent_actor_id"]) == ("ukrainian-soldiers", "UKR", "ukraine")
    assert {a["actor_id"] for a in out.actors} == {"ukrainian-soldiers", "ukraine"}


def test_officials_of_a_state_or_body_speak_for_it() -> None:
    out = _rows("PRC officials said the claims were false. White House officials said the talks failed. "
                "Regional officials said the road was closed.")
    assert [s["speaker_id"] for s in out.statements] == ["china", "white-house", "regional-officials"]
    book = ActorBook("Officials from the Ministry of Defence of Ukraine spoke.")
    phrase = book.phrase(list(tokenize(book.text))[:8])
    assert phrase is not None and phrase.actor_id == "ukrainian-ministry-of-defence"


def test_a_phrase_after_the_plural_stays_in_the_text_not_the_name() -> None:
    book = ActorBook("Critics of the plan spoke.")
    phrase = book.phrase(list(tokenize(book.text))[:4])
    assert phrase is not None and (phrase.text, phrase.actor_id) == ("Critics of the plan", "critics")


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ana Ruiz met Mayor Tom Hale. The two leaders said they agreed.",
        "Governor Ana Ruiz met Mayor Tom Hale. Both leaders said they agreed.",
    ],
)
def test_the_two_leaders_point_back_and_make_no_group(text: str) -> None:
    out = _rows(text)
    assert not any(a["kind"] == "group" for a in out.actors)


def test_a_surname_named_earlier_is_no_group_and_groups_are_not_it() -> None:
    out = _rows("Senator Bernie Sanders spoke. Sanders said the bill was bad. "
                "NATO said the bill was bad. Critics said it was worse. It said the bill would pass.")
    assert [s["speaker_id"] for s in out.statements] == ["bernie-sanders", "nato", "critics", "nato"]


def test_group_is_an_actor_kind() -> None:
    assert "group" in ACTOR_KINDS


@pytest.mark.parametrize(
    "plural, one",
    [("crises", "crisis"), ("containers", "container"), ("people", "person"), ("casualties", "casualty"),
     ("analyses", "analysis"), ("women", "woman"), ("Fishermen", "fisherman"), ("lives", "life"), ("feet", "foot")],
)
def test_singulars_come_from_inflect(plural: str, one: str) -> None:
    assert is_plural(plural) and singular(plural) == one


@pytest.mark.parametrize("word", ["crisis", "status", "glass", "bus", "its", "his", "’s", "ammunition", "Chinese", "Hwasong-11"])
def test_words_that_are_not_plurals_stay_as_they_are(word: str) -> None:
    assert not is_plural(word) and singular(word) == word.lower()


def test_inflect_without_typeguard_answers_as_inflect_with_it() -> None:
    """nouns imports inflect without typeguard's instrumentation (for speed): the singulars
    must be the ones inflect gives when imported the ordinary way, and the real typeguard
    (or none) must be left in sys.modules."""
    import subprocess
    import sys

    from newsfacts.nouns import _inflect_singular

    words = ["crises", "people", "women", "feet", "men", "Chinese", "aircraft", "children", "data", "bus", "geese"]
    script = "import inflect, json, sys; e = inflect.engine(); print(json.dumps([e.singular_noun(w) for w in sys.argv[1:]]))"
    plain = json.loads(subprocess.run([sys.executable, "-c", script, *words], check=True, capture_output=True, text=True).stdout)
    assert [_inflect_singular(w) for w in words] == [p or None for p in plain]
    assert "typeguard" not in sys.modules or hasattr(sys.modules["typeguard"], "check_type")


def test_the_people_of_a_state_speak_as_the_state() -> None:
    out = _rows("The Iranians said the talks were over and would not resume this year.")
    assert [s["speaker_id"] for s in out.statements] == ["iran"]


def test_a_counted_crisis_is_a_crisis() -> None:
    out = _rows("The agency said it handled 3 crises this year.")
    assert [(f["value"], f["unit"]) for f in out.figures] == [(3, "crisis")]


def test_south_korean_is_an_alias_of_south_korea() -> None:
    assert gazetteer().demonyms["South Korean"] == "south-korea"
    root = Path(__file__).resolve().parent.parent
    rows = (root / "data" / "actors.csv").read_text(encoding="utf-8").splitlines()
    assert "south-korea,South Korea,country,KOR,,South Korean" in rows


def test_lexicon_keys_of_dates_and_actors_are_read_by_the_code() -> None:
    from newsfacts.lexicon import lexicon

    package = Path(__file__).resolve().parent.parent / "scripts" / "newsfacts"
    code = "".join(p.read_text(encoding="utf-8") for p in package.glob("*.py"))
    keys = ["date_frames", "quarters", "fiscal_words", "mass_nouns", "singular_endings", "people_endings",
            "joint_openers", "source_nouns", "official_nouns", "official_prepositions"]
    for key in keys:
        assert key in lexicon() and f'"{key}"' in code, key
    assert "irregular_plurals" not in lexicon()
    for name, entry in lexicon()["date_frames"].items():
        assert set(entry) == {"pos", "use", "words"} and entry["words"], name
        assert f'"{name}"' in code or f'frames["{name}"]' in code, name
    assert json.dumps(lexicon())  # plain data


def test_bodies_named_as_office_of_a_field_and_titles_of_several_words() -> None:
    import datetime as dt

    from conftest import run

    x = run(
        "The storm killed 12 people, the Office of Civil Defense said.\n"
        "Revenue rose 5% in the quarter, Chief Financial Officer Elena Marsh said.\n"
        "The verdict was fair and final, Presiding Judge Katrin Albers said.\n"
        "Cases rose sharply, the Department of Health Secretary Lena Park said.\n",
        dt.date(2025, 11, 5),
    )
    assert [s["speaker_id"] for s in x.statements] == [
        "office-of-civil-defense", "elena-marsh", "katrin-albers", "lena-park"]
    assert {a["actor_id"]: a["kind"] for a in x.actors}["office-of-civil-defense"] != "person"


def test_a_family_name_first_with_a_hyphenated_given_name() -> None:
    import datetime as dt

    from conftest import run

    x = run("South Korean Trade Minister Park Seung-hoon said talks went well.\nPark said the deal would be signed soon.\n"
            "Jean-Pierre Dupont said the talks went well.\nDupont said the deal would be signed.\n", dt.date(2025, 11, 5))
    assert [s["speaker_id"] for s in x.statements] == [
        "park-seung-hoon", "park-seung-hoon", "jean-pierre-dupont", "jean-pierre-dupont"]


def test_a_possessive_inside_a_bodys_name_and_its_description_later() -> None:
    import datetime as dt

    from conftest import run

    x = run("The Portuguese Nurses’ Union said 78% of its members joined the strike.\n"
            "The union said the offer of a raise was far too low.\n", dt.date(2025, 11, 5))
    assert [s["speaker_id"] for s in x.statements] == ["portuguese-nurses-union", "portuguese-nurses-union"]


def test_the_names_of_any_run_of_a_sentence_are_those_the_gazetteer_finds_in_the_run_alone() -> None:
    """SentenceNames reads each sentence once and answers for a clause or phrase from it;
    for every run of consecutive tokens (names crossing either edge, capitals runs beside
    an edge, runs of one token) it must give what gazetteer_mentions gives for the run."""
    from newsfacts.actors import SentenceNames, gazetteer_mentions
    from newsfacts.text import sentences

    text = ("WEAPONS IN US HANDS: the United States and North Korea met. "
            "Officials of the European Union said US officials and the United Nations agree. "
            "North Korean missiles hit Kharkiv, said Antony Blinken of the U.S. State Department. "
            "SANCTIONS ON NATO allies grew. The allies of NATO SUMMIT hosts met.\n"  # a capitals run on one side only
            + SEED.read_text(encoding="utf-8"))
    sents = sentences(text)
    names = SentenceNames(text, sents)
    runs = 0
    for s in sents:
        toks = s.tokens
        for a in range(len(toks)):
            for b in range(a + 1, min(len(toks), a + 12) + 1):
                expected = [(m.start, m.end, m.actor_id, m.demonym) for m in gazetteer_mentions(toks[a:b], text)]
                got = [(m.start, m.end, m.actor_id, m.demonym) for m in names(list(toks[a:b]))]
                assert got == expected, (s.text, a, b)
                runs += 1
    assert runs > 1000
    assert names([]) == []
