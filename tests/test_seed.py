"""The seed article's rows, checked against the article by hand.

Each expectation below was written from reading seeds/000_bb5d0af167e4fb00.txt, not from
the pipeline's output: who speaks in each paragraph, the exact words of each statement,
the reporting word, and the dates and numbers as the article gives them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import ROOT, SEED

ARTICLE = SEED.read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    with open(ROOT / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# (speaker_id, speaker_text, cue, mode, exact text, date_start, date_text)
STATEMENTS = [
    ("antony-blinken", "U.S. Secretary of State Antony Blinken", "Said", "indirect",
     "The United States will do everything possible to stop the supply of weapons from Iran "
     "and North Korea to Russia", "2024-06-18", "on June 18"),
    ("antony-blinken", "he", "said", "direct",
     "We will continue to do everything we can to cut off the support that countries like "
     "Iran and North Korea are providing to Russia for the war against Ukraine", "2024-06-18", ""),
    ("antony-blinken", "Blinken", "noted", "indirect",
     "Russia is trying to strengthen relations with countries that can supply everything "
     "necessary to continue the war in Ukraine, particularly Iran and North Korea", "2024-06-18", ""),
    ("antony-blinken", "the American diplomat", "said", "direct",
     "We are very much concerned about this because this is what’s keeping the war going",
     "2024-06-18", ""),
    ("antony-blinken", "He", "added", "indirect",
     "the fastest way to end the war is to deprive Russian dictator Vladimir Putin of the idea "
     "that he can outlast Ukraine and all its allies", "2024-06-18", ""),
    ("antony-blinken", "Blinken", "added", "direct",
     "But also, if he knows that the fuel he needs for his war machine won’t be there anymore",
     "2024-06-18", ""),
    ("john-kirby", "White House spokesman John Kirby", "said", "indirect",
     "the United States is concerned about the deepening relations between Russia and North "
     "Korea, particularly the impact on the war in Ukraine and security on the Korean Peninsula",
     "", ""),
    ("john-kirby", "National Security Council representative John Kirby", "said", "indirect",
     "Russia launched strikes on Ukraine using North Korean ballistic missiles on Dec. 30, 2023, "
     "as well as on Jan. 2 and Jan. 6, 2024", "2024-01-01", "in early January"),
    ("hwang-joonkook", "South Korean representative to the UN Hwang Joonkook", "declared", "partial",
     "North Korea is using Ukraine as a “testing ground” for its ballistic missiles capable of "
     "carrying nuclear warheads", "", ""),
    ("andriy-kostin", "Ukrainian Prosecutor General Andriy Kostin", "announced", "indirect",
     "Evidence of the Russian army using North Korean missiles in Ukraine", "2024-01-11", "on Jan. 11"),
    ("north-korea", "North Korea", "dismissed", "partial",
     "the US accusations of providing ballistic missiles to Russia for use in the war against "
     "Ukraine as “groundless.”", "", ""),
    ("security-service-of-ukraine", "Ukrainian Security Service", "reported", "indirect",
     "documented evidence of Russian airstrikes on Ukrainian civilian infrastructure using North "
     "Korean weaponry", "2024-02-22", "on Feb. 22"),
    ("south-korea", "South Korea", "said", "indirect",
     "North Korea has sent about 7,000 containers of ammunition and other military equipment to "
     "Russia since last year", "", ""),
    ("prosecutor-generals-office-ukraine", "Prosecutor General’s Office", "said", "indirect",
     "Approximately half of the North Korean missiles launched by Russia at Ukraine from December "
     "2023 to February 2024 exploded in mid-air", "2024-05-07", "on May 7"),
]


def test_every_statement_of_the_article_and_nothing_else() -> None:
    rows = sorted(_rows("statements"), key=lambda r: int(r["start"]))
    got = [
        (r["speaker_id"], r["speaker_text"], r["cue"], r["mode"], r["text"], r["date_start"], r["date_text"])
        for r in rows
    ]
    assert got == STATEMENTS


def test_statement_texts_are_found_where_the_article_has_them() -> None:
    for expected in STATEMENTS:
        assert ARTICLE.count(expected[4]) == 1, expected[4]


def test_heading_and_furniture_are_not_rows() -> None:
    for name in ("statements", "events", "figures"):
        for r in _rows(name):
            assert "Views" not in r["text"]
            assert r["text"] != "North Korean weapons in Russia’s war against Ukraine"
    assert all(r["value"] != "12" for r in _rows("figures"))


def test_roles_as_the_article_gives_them() -> None:
    roles = {r["speaker_text"]: r["speaker_role"] for r in _rows("statements")}
    assert roles["White House spokesman John Kirby"] == "White House spokesman"
    assert roles["National Security Council representative John Kirby"] == "National Security Council representative"
    assert roles["South Korean representative to the UN Hwang Joonkook"] == "South Korean representative to the UN"
    assert roles["Ukrainian Prosecutor General Andriy Kostin"] == "Ukrainian Prosecutor General"
    assert roles["the American diplomat"] == "U.S. Secretary of State"
    assert roles["South Korea"] == ""


def test_denial_answers_the_us_accusation() -> None:
    rows = {r["statement_id"]: r for r in _rows("statements")}
    denial = next(r for r in rows.values() if r["cue"] == "dismissed")
    answered = rows[denial["responds_to_statement_id"]]
    assert answered["speaker_id"] == "john-kirby"
    assert "North Korean ballistic missiles" in answered["text"]


def test_inferred_years_are_marked() -> None:
    by_text = {r["date_text"]: r for r in _rows("statements") if r["date_text"]}
    assert by_text["on June 18"]["date_inferred"] == "true"
    assert by_text["on Jan. 11"]["date_end"] == "2024-01-11"
    assert by_text["in early January"]["date_end"] == "2024-01-31"
    assert by_text["in early January"]["date_precision"] == "month"


# (event_type, actor_id, target_id, instrument, origin, date_start, date_end, precision, claim_status)
EVENTS = [
    ("AID", "iran", "russia", "weapons", "", "", "", "unknown", "reported"),
    ("AID", "north-korea", "russia", "weapons", "", "", "", "unknown", "reported"),
    ("CONSULT", "antony-blinken", "jens-stoltenberg", "", "", "2024-06-18", "2024-06-18", "day", "reported"),
    # Kirby: "the deepening relations between Russia and North Korea" (codebook rule R: a relationship reported changing)
    ("COOPERATE", "russia", "north-korea", "", "", "", "", "unknown", "reported"),
    ("ASSAULT", "russia", "ukraine", "ballistic missiles", "north-korea", "2023-12-30", "2023-12-30", "day", "reported"),
    ("ASSAULT", "russia", "ukraine", "ballistic missiles", "north-korea", "2024-01-02", "2024-01-02", "day", "reported"),
    ("ASSAULT", "russia", "ukraine", "ballistic missiles", "north-korea", "2024-01-06", "2024-01-06", "day", "reported"),
    ("ASSAULT", "russian-armed-forces", "ukraine", "missiles", "north-korea", "", "", "unknown", "reported"),
    ("AID", "north-korea", "russia", "ballistic missiles", "", "", "", "unknown", "disputed"),
    ("ASSAULT", "russia", "ukraine", "weaponry", "north-korea", "", "", "unknown", "reported"),
    ("AID", "north-korea", "russia", "ammunition and other military equipment", "", "2023-01-01", "", "range", "reported"),
    ("ASSAULT", "russia", "ukraine", "missiles", "north-korea", "2023-12-01", "2024-02-29", "range", "reported"),
]


def test_every_event_with_its_participants_and_dates() -> None:
    rows = sorted(_rows("events"), key=lambda r: (int(r["start"]), r["date_start"], r["actor_id"]))
    got = [
        (r["event_type"], r["actor_id"], r["target_id"], r["instrument"], r["instrument_origin_id"],
         r["date_start"], r["date_end"], r["date_precision"], r["claim_status"])
        for r in rows
    ]
    assert got == EVENTS


def test_three_strike_dates_make_three_events_with_their_own_date_text() -> None:
    strikes = [r for r in _rows("events") if r["instrument"] == "ballistic missiles" and r["event_type"] == "ASSAULT"]
    assert sorted(r["date_text"] for r in strikes) == ["Jan. 6, 2024", "on Dec. 30, 2023", "on Jan. 2"]
    assert all(r["date_inferred"] == "false" for r in strikes)
    assert len({r["event_id"] for r in strikes}) == 3


def test_press_conference_is_in_the_articles_voice() -> None:
    conf = next(r for r in _rows("events") if r["event_type"] == "CONSULT")
    assert conf["text"] == "joint press conference with NATO Secretary General Jens Stoltenberg on June 18"
    assert conf["statement_id"] == ""
    assert conf["event_mode"] == "press conference"
    assert conf["date_text"] == "on June 18"


def test_no_event_takes_the_publication_date() -> None:
    assert all(r["date_start"] != "2024-06-21" for r in _rows("events"))


def test_figures() -> None:
    rows = sorted(_rows("figures"), key=lambda r: int(r["start"]))
    got = [(r["value"], r["unit"], r["comparator"], r["quantity"], r["text"]) for r in rows]
    assert got == [
        ("7000", "container", "approx", "containers of ammunition and other military equipment", "about 7,000 containers"),
        ("0.5", "fraction", "approx",
         "North Korean missiles launched by Russia at Ukraine from December 2023 to February 2024 exploded in mid-air",
         "Approximately half"),
    ]
    statements = {r["statement_id"]: r for r in _rows("statements")}
    events = {r["event_id"]: r for r in _rows("events")}
    assert statements[rows[0]["statement_id"]]["speaker_id"] == "south-korea"
    assert statements[rows[1]["statement_id"]]["speaker_id"] == "prosecutor-generals-office-ukraine"
    assert events[rows[0]["event_id"]]["event_type"] == "AID"
    assert (rows[1]["date_start"], rows[1]["date_end"]) == ("2023-12-01", "2024-02-29")


def test_actors_are_those_the_rows_use_with_article_stated_countries() -> None:
    actors = {r["actor_id"]: r for r in _rows("actors")}
    assert actors["antony-blinken"]["country"] == "USA"
    assert actors["john-kirby"]["country"] == "USA"
    assert actors["hwang-joonkook"]["country"] == "KOR"
    assert actors["andriy-kostin"]["country"] == "UKR"
    assert actors["jens-stoltenberg"]["country"] == ""
    assert actors["north-korea"]["country"] == "PRK"
    assert actors["security-service-of-ukraine"]["parent_actor_id"] == "ukraine"
    assert actors["prosecutor-generals-office-ukraine"]["kind"] == "government_body"
    assert "vladimir-putin" not in actors  # mentioned inside a statement, neither speaks nor acts


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")))
def test_seed_bytes_are_those_of_the_shared_seed(path: Path) -> None:
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    sources = {r["path"]: r for r in _rows("sources")}
    assert sources[f"seeds/{path.name}"]["sha256"] == digest
    if path.name == SEED.name:
        assert digest == "e92b4a28f515dec8ecdc4fcdac5f8b3d3a22ff923db409ab690b8267fc85bd6b"
        assert len(ARTICLE) == 2388 and ARTICLE.startswith("Views: 12") and not ARTICLE.endswith("\n")
