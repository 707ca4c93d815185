"""Events beyond one war: triggers by part of speech, types and modes, actors, dates, claimants.

Every article here is written for the test; the expected rows were read off the sentences by hand.
"""

from __future__ import annotations

import datetime as dt

from conftest import run


def _events(text: str, published: dt.date | None = dt.date(2025, 11, 5)) -> list[tuple]:
    return [(e["event_type"], e["event_mode"], e["actor_id"], e["target_id"], e["date_start"])
            for e in run(text, published).events]


# --- who asserts, who disputes ------------------------------------------------------

def test_a_disputed_event_keeps_its_claimant_and_names_the_denial() -> None:
    x = run(
        "State Department spokesman Matthew Miller said on Monday that Iran had supplied drones to Russia.\n"
        "Iran dismissed the US accusations of supplying drones to Russia as baseless."
    )
    claim, denial = x.statements
    assert (claim["speaker_id"], denial["speaker_id"], denial["speech_act"]) == ("matthew-miller", "iran", "deny")
    disputed = [e for e in x.events if e["claim_status"] == "disputed"]
    assert len(disputed) == 1
    assert disputed[0]["statement_id"] == claim["statement_id"]  # asserted by Miller
    assert disputed[0]["disputed_by_statement_id"] == denial["statement_id"]  # denied by Iran
    reported = [e for e in x.events if e["claim_status"] == "reported"]
    assert all(e["disputed_by_statement_id"] is None for e in reported)


def test_a_denial_of_an_unnamed_claim_asserts_nothing() -> None:
    x = run("Iran denied claims of supplying drones to Russia.")
    (e,) = x.events
    (denial,) = x.statements
    assert e["claim_status"] == "disputed" and e["statement_id"] is None
    assert e["disputed_by_statement_id"] == denial["statement_id"]


def test_the_seed_credits_the_missile_supply_to_the_us_claim_not_north_koreas_denial(seed_rows) -> None:
    (e,) = [e for e in seed_rows.events if e["claim_status"] == "disputed"]
    by_id = {s["statement_id"]: s for s in seed_rows.statements}
    assert by_id[e["disputed_by_statement_id"]]["speaker_id"] == "north-korea"
    assert by_id[e["statement_id"]]["speaker_id"] == "john-kirby"  # the latest US statement before the denial
