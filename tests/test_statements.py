"""Statement forms reporters use, on sentences written for these tests (not PolNeAR's)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import run
from newsfacts.cues import cue_at, speech_act
from newsfacts.lexicon import lexicon
from newsfacts.schema import SPEECH_ACTS
from newsfacts.text import tokenize


def _rows(text: str) -> list[tuple]:
    return [(s["speaker_text"], s["speaker_id"], s["mode"], s["cue"], s["text"]) for s in run(text).statements]


def test_two_speakers_in_one_sentence_make_two_statements() -> None:
    got = _rows("The mayor spoke.\nGovernor Ana Ruiz said the bridge would reopen, but Senator Tom Hale said repairs would take a year.")
    assert got == [
        ("Governor Ana Ruiz", "ana-ruiz", "indirect", "said", "the bridge would reopen"),
        ("Senator Tom Hale", "tom-hale", "indirect", "said", "repairs would take a year"),
    ]


def test_a_participle_and_a_coordinated_verb_keep_the_speaker() -> None:
    got = _rows(
        "The mayor spoke.\nThe ministry said in a statement that the talks had failed and urged both sides to return, "
        "adding that a ceasefire was still possible."
    )
    assert [(g[3], g[4]) for g in got] == [
        ("said", "the talks had failed"),
        ("urged", "both sides to return"),
        ("adding", "a ceasefire was still possible"),
    ]
    assert {g[0] for g in got} == {"The ministry"}


def test_a_quotation_left_open_continues_in_the_next_paragraph() -> None:
    text = "The mayor spoke.\nPaulo Reis said: “The water came at night.\n“We lost everything in an hour.”\nOfficials said 40 homes were flooded."
    x = run(text)
    first = x.statements[0]
    assert (first["speaker_id"], first["mode"]) == ("paulo-reis", "direct")
    assert first["text"] == "The water came at night.\n“We lost everything in an hour."
    assert x.statements[1]["speaker_text"] == "Officials"


def test_a_quotation_after_its_speaker_and_a_continued_one() -> None:
    got = _rows("The mayor spoke.\n“We are not leaving,” Maria Lopez told reporters on Tuesday. “This is our home.”")
    assert got == [
        ("Maria Lopez", "maria-lopez", "direct", "told", "We are not leaving"),
        ("Maria Lopez", "maria-lopez", "direct", "told", "This is our home."),
    ]


def test_unresolved_speakers_are_kept_as_written_without_an_id() -> None:
    got = _rows("The mayor spoke.\nA campaign aide says the governor will not run again.")
    assert got == [("A campaign aide", None, "indirect", "says", "the governor will not run again")]


def test_people_named_by_a_plural_noun_speak_as_an_unnamed_group() -> None:
    got = _rows("The mayor spoke.\nCampaign aides say the governor will not run again.")
    assert got == [("Campaign aides", "campaign-aides", "indirect", "say", "the governor will not run again")]


def test_a_document_speaks_for_its_author() -> None:
    x = run("The Ministry of Health of Peru said cases rose sharply in May.\nAccording to a statement from the ministry, 300 people were treated.")
    s = x.statements[1]
    assert (s["cue"], s["speaker_text"], s["text"]) == ("According to", "a statement from the ministry", "300 people were treated")
    assert s["speaker_id"] == x.statements[0]["speaker_id"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If the senator called a vote, it would pass.",  # hypothetical
        "The ministry will announce new rules next week.",  # not said yet
        "The governor did not say whether the plan would go ahead.",  # negated
        "The claim could not be independently verified.",  # a noun, not a verb
        "The group continues to fight for the farmers.",  # 'continue to' is not reported speech
    ],
)
def test_what_is_not_a_statement(sentence: str) -> None:
    assert run("The mayor spoke.\n" + sentence).statements == []


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("Opposition leaders accused the government of fraud.", "accuse"),
        ("The union called for a general strike.", "demand"),
        ("Doctors warned that the clinics would close.", "warn"),
        ("The company pledged to repay every customer.", "commit"),
        ("Police confirmed that two people were arrested.", "confirm"),
        ("The embassy expressed concern about the arrests.", "concern"),
        ("The council condemned the attack on the school.", "condemn"),
        ("The minister denied that the files were lost.", "deny"),
        ("The agency announced a new vaccine programme.", "announce"),
        ("The mayor said the roads were clear.", "assert"),
        ("Reporters asked whether the talks would resume.", "other"),
    ],
)
def test_speech_acts_come_from_the_cue_and_its_frame(sentence: str, act: str) -> None:
    (s,) = run("The mayor spoke.\n" + sentence).statements
    assert s["speech_act"] == act


def test_the_lexicon_gives_each_cue_form_a_known_act_and_frame() -> None:
    entries = lexicon()["reporting_cues"]
    seen = set()
    for e in entries:
        assert e["act"] in SPEECH_ACTS and e["pos"] in {"verb", "preposition"} and e["complement"] in {"any", "marked", "that", "speech"}
        for form in e["forms"]:
            key = (form, e.get("particle"))
            assert key not in seen, key  # each word set once
            seen.add(key)
    called_for = tokenize("called for")
    assert cue_at(called_for, 0)[0].act == "demand" and speech_act("called for") == "demand"
    assert speech_act("called") == "other" and speech_act("MR. KIRBY") == "assert"
    assert speech_act("said", denial=True) == "deny"


def test_a_byline_in_the_sidecar_makes_the_body_the_authors(tmp_path) -> None:
    from newsfacts.article import read_article
    from newsfacts.pipeline import extract

    path = tmp_path / "press.txt"
    path.write_text("The United States welcomes the agreement reached today in Geneva.\nWe urge all parties to respect it.\n", encoding="utf-8")
    (tmp_path / "press.json").write_text(json.dumps({"byline": "Jane Example, Secretary of State", "published": "2022-05-16"}), encoding="utf-8")
    rows = extract(read_article(path), "seeds/press.txt").statements
    body = [(r["speaker_id"], r["speaker_role"], r["cue"]) for r in rows if r["mode"] == "direct"]
    assert body == [("jane-example", "Secretary of State", "Jane Example, Secretary of State")] * 2


@pytest.mark.parametrize(
    ("text", "speaker", "actor"),
    [
        # an opening participle or prepositional clause is not the subject
        ("Speaking at a fair in Dayton, Lena Ortiz toured the plant, calling it “a fine start.”", "Lena Ortiz", "lena-ortiz"),
        ("In a letter sent on Friday, Rep. Dan Moss backed the bill, saying it would cut costs.", "Rep. Dan Moss", "dan-moss"),
        # a description whose head is a lower-case noun, with or without a place in it
        ("The Ohio senator closed his campaign, saying the party had lost its way.", "The Ohio senator", None),
        ("The spokesman declined to comment on the visit but said the talks had gone well.", "The spokesman", None),
        ("The city released a statement saying the bridge would reopen in May.", "The city", None),
        # a role before a name
        ("Band member Rico Vance shared the news, writing that the tour had sold out.", "Band member Rico Vance", "rico-vance"),
    ],
)
def test_the_subject_of_a_main_clause_speaks_through_its_participle(text: str, speaker: str, actor: str | None) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [(g[0], g[1]) for g in got] == [(speaker, actor)]


def test_words_that_are_not_names_make_no_actor() -> None:
    """A participle, a number or a title abbreviation never becomes a person of its own."""
    x = run(
        "The mayor spoke.\nTwo neighbours, Eva Lind and Tom Berg, filed a complaint, arguing that the fence was illegal.\n"
        "“We were never asked,” said Rev. Paul Ekker, a pastor in the town."
    )
    ids = {a["actor_id"] for a in x.actors}
    assert not ids & {"two", "rev", "speaking"}
    assert x.statements[-1]["speaker_id"] == "paul-ekker"


def test_the_people_of_a_state_speak_as_the_state() -> None:
    got = _rows("The mayor spoke.\nThe Iranians are clearly indicating that they will ship the missiles.")
    assert [(g[0], g[1]) for g in got] == [("The Iranians", "iran")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dana Ruiz, a 44-year-old nurse from Akron, Ohio, says the clinic will close.", "Dana Ruiz"),
        ("Omar Haddad, 61, who runs a bakery near the square, said prices had doubled.", "Omar Haddad"),
        ("“We were wrong to wait,” Ines Varga, 58, told Reuters in an interview.", "Ines Varga"),
    ],
)
def test_an_age_a_place_or_a_description_between_commas_leaves_the_name_speaking(text: str, speaker: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [g[0] for g in got] == [speaker]


def test_an_opening_adverb_or_an_unbounded_adjunct_is_not_a_subject() -> None:
    got = _rows("The mayor spoke.\nRecently, the council issued a paper welcoming the plan to widen the road.\n"
                "On May 2 the board published a note announcing that the vote would be delayed.")
    assert [(g[0], g[3]) for g in got] == [("the council", "welcoming")]


def test_a_gerund_after_a_preposition_names_a_habit_not_a_statement() -> None:
    got = _rows("The mayor spoke.\nThe council has a long record of accusing its critics of lying about the budget.")
    assert got == []


def _official(text: str, **meta: str) -> list[dict]:
    import datetime as dt
    from pathlib import Path

    from newsfacts.article import Article
    from newsfacts.pipeline import extract

    article = Article("t", Path("t.txt"), text.encode("utf-8"), text, published=dt.date(2023, 5, 10), **meta)
    return extract(article, "seeds/t.txt").statements


def test_any_capitalised_label_marks_a_turn_once_the_text_has_two() -> None:
    text = (
        "MODERATOR:  Thanks for joining this call on background.\n"
        "SENIOR STATE DEPARTMENT OFFICIAL:  Sure.  The talks went well and both sides agreed to meet again.\n"
        "Q    Will they meet in June?\n"
        "SENIOR STATE DEPARTMENT OFFICIAL:  That is the plan, though no date is fixed.\n"
    )
    rows = _official(text)
    official = [r for r in rows if r["cue"] == "SENIOR STATE DEPARTMENT OFFICIAL"]
    assert [r["text"] for r in official] == [
        "Sure.  The talks went well and both sides agreed to meet again.",
        "That is the plan, though no date is fixed.",
    ]
    assert {r["speaker_id"] for r in official} == {None}  # a role, not a person
    assert not any(r["text"].startswith("Will they") for r in rows)
    # one capitalised lead-in does not make a transcript
    assert _official("UPDATE: The mayor said the bridge would reopen in May.\n")[0]["speaker_text"] == "The mayor"


def test_an_attributable_line_names_the_author_of_the_paragraphs_after_it() -> None:
    text = (
        "The below is attributable to Spokesperson Maria Olsen:\n"
        "Foreign Minister Pia Lund met Defense Minister Karl Berg in Oslo yesterday to express support for the grain corridor.  "
        "The Foreign Minister underscored the need for swift implementation of the deal.\n"
    )
    rows = _official(text, byline="Office of the Spokesperson")
    by_author = [r for r in rows if r["cue"] == "attributable to"]
    assert [(r["speaker_id"], r["text"][:20]) for r in by_author] == [("maria-olsen", "Foreign Minister Pia")]
    nested = [r for r in rows if r["cue"] == "underscored"]
    assert [(r["speaker_id"], r["text"]) for r in nested] == [("pia-lund", "the need for swift implementation of the deal")]
    assert nested[0]["date_start"] == "2023-05-09"  # 'yesterday' of the sentence before, same speaker


def test_an_office_in_the_byline_authors_a_media_note() -> None:
    rows = _official("The grant supports shelters in four countries and will run for two years.\n", byline="Office of the Spokesperson")
    assert [(r["speaker_id"], r["mode"]) for r in rows] == [("office-of-the-spokesperson", "direct")]


def test_a_purpose_infinitive_speaks_for_the_subject_and_an_object_infinitive_does_not() -> None:
    got = _rows(
        "The mayor spoke.\nMinister Pia Lund spoke with her counterpart Karl Berg on Monday to express her condolences over the deaths.\n"
        "Governor Ana Ruiz urged residents to condemn the attack on the clinic."
    )
    assert [(g[1], g[3]) for g in got] == [("pia-lund", "express"), ("ana-ruiz", "urged")]


def test_a_title_alone_refers_to_the_person_last_named_with_it() -> None:
    got = _rows(
        "The mayor spoke.\nSecretary of Health Lena Park visited the clinic on Monday.\n"
        "The Secretary noted that the wait times had fallen by half."
    )
    assert [(g[0], g[1]) for g in got] == [("The Secretary", "lena-park")]


def test_first_person_reports_in_an_official_text_are_the_authors_and_keep_their_dates() -> None:
    rows = _official(
        "Last week, I noted that the attacks on civilians were war crimes.\n",
        title="Statement by Secretary Antony J. Blinken",
    )
    nested = [r for r in rows if r["cue"] == "noted"]
    assert [(r["speaker_id"], r["date_start"], r["date_precision"]) for r in nested] == [("antony-blinken", "2023-05-01", "week")]


@pytest.mark.parametrize(
    ("phrase", "start"),
    [("Today", "2023-05-10"), ("Tonight", "2023-05-10"), ("This morning", "2023-05-10"), ("Last night", "2023-05-09"), ("Yesterday", "2023-05-09")],
)
def test_day_words_at_the_start_of_a_sentence_date_the_statement(phrase: str, start: str) -> None:
    rows = _official(f"{phrase}, the ministry announced that the border would reopen.\n")
    assert [(r["date_start"], r["date_precision"]) for r in rows] == [(start, "day")]


def test_a_month_closing_the_content_is_not_the_date_of_the_statement() -> None:
    rows = _official("The minister highlighted the aid the partners have provided since the invasion in February 2022.\n")
    assert [(r["cue"], r["date_precision"]) for r in rows] == [("highlighted", "unknown")]


def test_two_apostrophes_quote_like_a_quotation_mark_and_rows_keep_the_text_as_written() -> None:
    text = "The mayor spoke.\n''We will rebuild the bridge,'' said Mayor Ana Ruiz. ''It will take a year.''\n"
    x = run(text)
    got = [(s["speaker_id"], s["mode"], s["text"]) for s in x.statements]
    assert got == [("ana-ruiz", "direct", "We will rebuild the bridge"), ("ana-ruiz", "direct", "It will take a year.")]
    for s in x.statements:
        assert text[s["start"] : s["end"]] == s["text"]
    partial = run("The mayor spoke.\nThe governor called the plan ''a disgrace'' on Monday.\n").statements
    assert partial and partial[0]["text"] == "the plan ''a disgrace''"


def test_a_capitalised_cue_inside_a_name_is_not_a_cue_but_a_capitalised_verb_is() -> None:
    assert _rows("The mayor spoke.\nLena Ortiz, who writes for Roll Call and the Times, left early.") == []
    got = _rows("The mayor spoke.\nThe bridge will reopen in May, Governor Ana Ruiz Said on Friday.")
    assert [(g[1], g[3]) for g in got] == [("ana-ruiz", "Said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The rally ended with Gov. Tom Hale calling the plan “a disaster.”", "Gov. Tom Hale"),
        ("The Ortiz campaign aired an ad featuring both candidates acknowledging that the race was close.", "both candidates"),
        ("Lena Ortiz’s chief strategist rallied volunteers, saying that the count was not over.", "Lena Ortiz’s chief strategist"),
        ("The campaign also continued to deny reports that the governor had quit.", "The campaign"),
    ],
)
def test_the_speaker_phrase_is_the_one_that_speaks(text: str, speaker: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [g[0] for g in got] == [speaker]


def test_first_person_present_tense_in_a_turn_is_the_turns_own_statement() -> None:
    text = (
        "MODERATOR:  Go ahead.\n"
        "MR. HALE:  Thanks.  I’m announcing today that the port will reopen.  Last week I said that repairs were done.\n"
    )
    rows = _official(text)
    nested = [(r["cue"], r["speaker_id"]) for r in rows if r["cue"] not in {"MODERATOR", "MR. HALE"}]
    assert nested == [("said", rows[-1]["speaker_id"])]


@pytest.mark.parametrize(
    ("text", "speaker", "actor", "content"),
    [
        ("On Saturday, Sen. Dana Holt (I-Vt.) called on Gov. Rick Marsh (R) to resign over the water crisis.",
         "Sen. Dana Holt", "dana-holt", "Gov. Rick Marsh (R) to resign over the water crisis"),
        ("Rep. Omar Lind (D-Md.), chair of the drafting committee, said the platform was final.",
         "Rep. Omar Lind", "omar-lind", "the platform was final"),
        ("The border will stay open, Defense Secretary Ana Kral told a Senate panel Wednesday.",
         "Defense Secretary Ana Kral", "ana-kral", "The border will stay open"),
        ("Organizers of both conventions insist they will meet their targets.",
         "Organizers of both conventions", None, "they will meet their targets"),
        ("Rival Dana Holt, however, has indicated she would not run again.",
         "Rival Dana Holt", "dana-holt", "she would not run again"),
    ],
)
def test_parentheticals_recipients_and_bare_clauses(text: str, speaker: str, actor: str | None, content: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [(g[0], g[1], g[4]) for g in got] == [(speaker, actor, content)]


def test_a_surname_that_is_also_a_title_is_a_name() -> None:
    got = _rows("The mayor spoke.\nPete King said the hearing was closed.")
    assert [(g[0], g[1]) for g in got] == [("Pete King", "pete-king")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Some supporters say that they do not understand the appeal.", "Some supporters", "they do not understand the appeal"),
        ("A lower tax may not be such a bad thing, say some Democrats, who recall the last cut.", "some Democrats",
         "A lower tax may not be such a bad thing"),
        ("Cutting spending too soon, a wide array of economists say, limited the recovery.", "a wide array of economists",
         "Cutting spending too soon, a wide array of economists say, limited the recovery"),
        ("Lena Ortiz asked the minister how he would pay for the bridge.", "Lena Ortiz", "how he would pay for the bridge"),
        ("Turnout rose by a third, according to a count by the election board.", "a count by the election board",
         "Turnout rose by a third"),
        ("The firm receives, according to one report, $234 million in contracts.", "one report",
         "The firm receives, according to one report, $234 million in contracts"),
    ],
)
def test_quantified_and_plural_speakers_polls_and_interrupted_sentences(text: str, speaker: str, content: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [(g[0], g[4]) for g in got] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "actor", "content"),
    [
        ("Since announcing in May that he would not run, Mr. Dana Holt has campaigned for others.",
         "Mr. Dana Holt", "dana-holt", "he would not run"),
        ("“The ruling protects everyone,” Rita Vance, attorney for one of the four groups that filed suit against the state over the law, said in a statement.",
         "Rita Vance", "rita-vance", "The ruling protects everyone"),
        ("The state reported a 2.8 percent unemployment rate in June.", "The state", None, "a 2.8 percent unemployment rate in June"),
    ],
)
def test_opening_clauses_long_appositions_and_nouns_that_are_cue_words(text: str, speaker: str, actor: str | None, content: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [(g[0], g[1], g[4]) for g in got] == [(speaker, actor, content)]


def test_he_means_the_person_the_text_was_just_about() -> None:
    got = _rows(
        "The mayor spoke.\nGovernor Ana Ruiz said the bridge would reopen.\n"
        "Senator Tom Hale visited the site on Monday. He said the repairs would take a year."
    )
    assert [(g[1], g[4]) for g in got] == [("ana-ruiz", "the bridge would reopen"), ("tom-hale", "the repairs would take a year")]


def test_he_in_a_clause_means_the_subject_of_its_sentence() -> None:
    got = _rows(
        "The mayor spoke.\nGovernor Ana Ruiz said the bridge would reopen.\n"
        "Senator Tom Hale criticised the delay, which he said had cost the town dearly."
    )
    assert [(g[1], g[3]) for g in got][-1] == ("tom-hale", "said")


@pytest.mark.parametrize("opening", ["Early in his campaign,", "Over the weekend,", "Likewise,"])
def test_an_opening_adjunct_is_passed_over_to_find_the_subject(opening: str) -> None:
    got = _rows(f"The mayor spoke.\n{opening} Senator Tom Hale attacked the plan, calling it “a failure.”")
    assert [(g[1], g[3]) for g in got] == [("tom-hale", "calling")]


@pytest.mark.parametrize(
    ("text", "speaker", "actor"),
    [
        ("In Ohio, 85% of Democrats said the economic system favors the wealthy.", "85% of Democrats", None),
        ("Nine in 10 said they thought the economy favors the wealthy.", "Nine in 10", None),
        ("One delegate not on the slate, Kelly Smith, told Politico she was leaning toward Cruz.", "Kelly Smith", "kelly-smith"),
        ("But a source familiar with the inquiry said the intruders were seeking economic intelligence.",
         "a source familiar with the inquiry", None),
        ("The plan will change, a person close to the campaign said on Friday.", "a person close to the campaign", None),
        ("Senator Tom Hale himself said that the plan would pass.", "Senator Tom Hale himself", "tom-hale"),
        ("The self-described democratic socialist said he would win the primary.", "The self-described democratic socialist", None),
    ],
)
def test_shares_sources_and_reflexives_speak_as_written(text: str, speaker: str, actor: str | None) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [(g[0], g[1]) for g in got] == [(speaker, actor)]


@pytest.mark.parametrize(
    ("text", "speaker", "actor", "content"),
    [
        ("As The Washington Post reported, the deal would cost $3 billion over ten years.",
         "Washington Post", "washington-post", "the deal would cost $3 billion over ten years"),
        ("As reported by The Hill, the vote was delayed until the end of the month.",
         "Hill", "hill", "the vote was delayed until the end of the month"),
        ("Senator Tom Hale called the plan “reckless.”", "Senator Tom Hale", "tom-hale", "the plan “reckless.”"),
        ("Mayor Ana Ruiz announced Sunday she will resign after the vote.", "Mayor Ana Ruiz", "ana-ruiz", "she will resign after the vote"),
        ("Mayor Ana Ruiz suggested Governor Tom Hale had misled the council.", "Mayor Ana Ruiz", "ana-ruiz", "Governor Tom Hale had misled the council"),
        ("Local leaders, for instance, noted that the panel was appointed by the governor.", "Local leaders", "local-leaders",
         "the panel was appointed by the governor"),
        ("Senator Tom Hale called this a sign of desperation.", "Senator Tom Hale", "tom-hale", "this a sign of desperation"),
    ],
)
def test_as_clauses_outlets_short_quoted_objects_and_bare_clauses(text: str, speaker: str, actor: str | None, content: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [(g[0], g[1], g[4]) for g in got] == [(speaker, actor, content)]


def test_outlets_after_the_are_organisations_and_control_verbs_are_not_cues() -> None:
    x = run("The mayor spoke.\nAs The Hill reported, the vote was delayed until the end of the month.\n"
            "As Russia continues to launch attacks, the United States has new information to share.")
    kinds = {a["actor_id"]: a["kind"] for a in x.actors}
    assert kinds.get("hill") == "organization"
    assert [s["cue"] for s in x.statements] == ["reported"]


@pytest.mark.parametrize(
    "text",
    [
        "Texas was called for the senator moments after the polls closed.",  # a passive names no speaker
        "The ruling made it easier for courts to dismiss cases alleging bias.",  # 'for X to': not said
        "Winning them would thwart one of the most promising paths to victory.",  # an adjective
        "Operatives in the four early nominating states: Iowa, New Hampshire and Nevada.",  # the noun 'states'
        "The tone of the speech was severe and echoed the dark themes of an earlier campaign.",  # a tone does not speak
    ],
)
def test_words_that_look_like_cues_but_report_no_speech(text: str) -> None:
    assert _rows("The mayor spoke.\n" + text) == []


def test_every_word_set_of_the_grammar_is_data_with_its_use_and_is_used() -> None:
    """Rules as data: the statement grammar's word sets live in the lexicon, each with its
    part of speech and use, and each is read by the code."""
    import ast
    from pathlib import Path

    entries = lexicon()["grammar"]
    package = Path(__file__).resolve().parent.parent / "scripts" / "newsfacts"
    code = "".join(p.read_text(encoding="utf-8") for p in package.glob("*.py"))
    for name, entry in entries.items():
        assert set(entry) == {"pos", "use", "words"} and entry["words"] and entry["use"], name
        assert f'grammar("{name}")' in code, f"{name} is never used"
    # no word set is written into the statement grammar's code
    for module in ("statements.py", "speakers.py", "quotations.py"):
        tree = ast.parse((package / module).read_text(encoding="utf-8"))
        literal_sets = [
            node.targets[0].id for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Set, ast.Tuple)) and isinstance(node.targets[0], ast.Name)
        ]
        assert literal_sets == [], module


def test_a_quoted_question_takes_the_attribution_that_follows_it() -> None:
    got = _rows("The mayor spoke.\nGovernor Ana Ruiz said the bridge would reopen.\n"
                "“Isn’t that a bribe?” Senator Tom Hale asked. “I think it is.”")
    assert [(g[1], g[3], g[4]) for g in got][1:] == [
        ("tom-hale", "asked", "Isn’t that a bribe?"),
        ("tom-hale", "asked", "I think it is."),
    ]


def test_shouted_and_chanted_words_are_statements() -> None:
    got = _rows("The mayor spoke.\n“We won!” shouted Governor Ana Ruiz.\nThe protesters chanted “Bad for the town, bad for you.”")
    assert [(g[0], g[3]) for g in got] == [("Governor Ana Ruiz", "shouted"), ("The protesters", "chanted")]


def test_a_long_opening_participle_clause_and_a_marker_that_belongs_to_another_cue() -> None:
    got = _rows(
        "The mayor spoke.\nDeclaring that she alone has the strength to secure the border and rebuild the economy, "
        "the billionaire mogul offered herself as a candidate.\n"
        "“You are having some problems,” Senator Tom Hale said as the heckler yelled: “You lost!”"
    )
    assert [(g[0], g[4]) for g in got] == [
        ("the billionaire mogul", "she alone has the strength to secure the border and rebuild the economy"),
        ("Senator Tom Hale", "You are having some problems"),
        ("the heckler", "You lost!"),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The delegate warned of a “ferocious” battle that could split the party.", "warned of",
         "a “ferocious” battle that could split the party"),
        ("Senator Tom Hale has talked about how the city was forced to borrow.", "talked about",
         "how the city was forced to borrow"),
        ("And, as Senator Tom Hale said, the repairs will take a year.", "said", "the repairs will take a year"),
        ("Senator Tom Hale asked her whether the bridge would reopen.", "asked", "whether the bridge would reopen"),
    ],
)
def test_particle_cues_mid_sentence_as_clauses_and_pronoun_hearers(text: str, cue: str, content: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [(g[3], g[4]) for g in got] == [(cue, content)]


def test_content_that_only_refers_back_is_not_a_statement() -> None:
    assert _rows("The mayor spoke.\nSenator Tom Hale has talked about this many times.") == []


def test_two_statements_in_one_sentence_each_report_their_own_events() -> None:
    x = run("The mayor spoke.\nLast week Senator Tom Hale talked about a strike by Russia on the 30th, "
            "talked about a strike by Russia on the 2nd of January using ten missiles.\n", published=dt.date(2024, 1, 9))
    assert [s["text"] for s in x.statements] == [
        "a strike by Russia on the 30th",
        "a strike by Russia on the 2nd of January using ten missiles",
    ]
    assert sorted(e["date_start"] for e in x.events) == ["2023-12-30", "2024-01-02"]
    assert {e["statement_id"] for e in x.events} == {s["statement_id"] for s in x.statements}


def test_a_first_line_naming_the_author_makes_the_body_theirs() -> None:
    rows = _official("Statement by Ambassador Dana Holt on the Vote in the Council\n"
                     "Thank you, Mr. President. The council has again failed the people of the region.\n")
    assert [(r["speaker_id"], r["cue"], r["mode"]) for r in rows] == [("dana-holt", "Statement by", "direct")]
    assert rows[0]["text"].startswith("Thank you, Mr. President.")


def test_a_speech_noun_owned_by_its_speaker_reports_speech() -> None:
    got = _rows(
        "The mayor spoke.\nA win would bolster Senator Tom Hale's claim to be the strongest candidate.\n"
        "Governor Ana Ruiz repeated her promise to build a new bridge.\n"
        "Senator Tom Hale's claim that he can still win would depend on the count."  # a subject: its content runs on
    )
    assert [(g[1], g[3], g[4]) for g in got] == [
        ("tom-hale", "claim", "to be the strongest candidate"),
        ("ana-ruiz", "promise", "to build a new bridge"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“It is unusual,“ said Larry Noble, an attorney.", "It is unusual"),  # an opening mark typed as the closing one
        ("''My job is to say: 'He is one of us,''' Mr. English said of the senator.", "My job is to say: 'He is one of us,'"),
        ("In the early 1990s, Ms. Ripert said, when she was earning little, a boss invited her to lunch.",
         "In the early 1990s, Ms. Ripert said, when she was earning little, a boss invited her to lunch"),
    ],
)
def test_misplaced_quote_marks_triple_apostrophes_and_interrupting_attributions(text: str, content: str) -> None:
    got = _rows("The mayor spoke.\n" + text)
    assert [g[4] for g in got] == [content]


def test_a_short_paragraph_of_an_authored_text_is_its_statement_but_a_place_line_is_not() -> None:
    rows = _official("Washington, D.C.\nThe council has again failed the people of the region.\nThank you.\n",
                     title="Remarks by Ambassador Dana Holt at a Council Meeting")
    assert [r["text"] for r in rows] == ["The council has again failed the people of the region.", "Thank you."]


def test_a_question_with_its_hearer_and_a_question_about_something() -> None:
    got = _rows("The mayor spoke.\n“Why are you still backing him?” Senator Tom Hale asked the council members. “What does this say?”\n"
                "The moderator Lena Ortiz asked the governor about her ties to the builder.")
    assert [(g[1], g[4]) for g in got] == [
        ("tom-hale", "Why are you still backing him?"),
        ("tom-hale", "What does this say?"),
        ("lena-ortiz", "her ties to the builder"),
    ]


def test_a_leaders_administration_on_a_government_page_is_its_state() -> None:
    rows = _official("The Biden administration has warned of the deepening partnership between the two states.\n",
                     publisher="The White House")
    assert [(r["speaker_text"], r["speaker_id"]) for r in rows] == [("The Biden administration", "united-states")]
    rows = _official("The Ukrainian government has warned of the deepening partnership between the two states.\n",
                     publisher="The White House")
    assert [r["speaker_id"] for r in rows] == [None]  # a named state is not the publisher's


def test_a_long_dated_opening_dates_the_statement() -> None:
    rows = _official("So, today, as part of the new initiative on women’s health research, the ministry announced "
                     "that grants would double.\nIn just the past week, the ministry has announced three more grants for clinics.\n")
    assert [(r["date_start"], r["date_end"], r["date_precision"]) for r in rows] == [
        ("2023-05-10", "2023-05-10", "day"),
        ("2023-05-03", "2023-05-10", "week"),
    ]


def test_a_speaker_introduced_in_a_sentence_of_its_own_speaks_the_quotation_after_it() -> None:
    got = _rows("The mayor spoke.\nPresident Ana Ruiz told reporters:\n“We will rebuild the bridge. It will take a year.”\n"
                "Our correspondent Lena Ortiz reports. “The shelling has not stopped since dawn.”")
    assert [(g[1], g[3], g[4]) for g in got] == [
        ("ana-ruiz", "told", "We will rebuild the bridge. It will take a year."),
        ("lena-ortiz", "reports", "The shelling has not stopped since dawn."),
    ]


def test_hearers_named_by_a_plural_and_a_place_are_passed_over() -> None:
    got = _rows("The mayor spoke.\nSenator Tom Hale told supporters in Ohio that the plan would fail.")
    assert [g[4] for g in got] == ["the plan would fail"]


def test_a_quotation_split_around_its_attribution_is_two_statements_of_one_speaker() -> None:
    # DATA-CONTRACT: each quotation, from its opening to its closing mark, is one statement
    for text in (
        "“The fire moved faster than anyone could run,” Interior Minister Camila Reyes told reporters, "
        "“and many of the victims were elderly.”",
        "\"We will not cut rates again this year,\" said Governor Lesetja Kganyago, \"unless inflation falls further.\"",
    ):
        rows = run(text).statements
        assert len(rows) == 2, text
        first, second = rows
        assert first["speaker_id"] == second["speaker_id"] and first["mode"] == second["mode"] == "direct"
        assert first["text"].startswith(("The fire", "We will")) and second["text"].startswith(("and many", "unless"))
    # a first half that is no clause stays with the sentence's one statement
    rows = run("“My hope,” Governor Lesetja Kganyago said, “is that inflation keeps falling this year.”").statements
    assert [r["text"][:7] for r in rows] == ["is that"]


def test_a_surname_speaker_is_the_person_the_narrative_named_in_full() -> None:
    rows = run("FIFA's ethics committee has banned Raúl Benavides from football for 10 years. "
               "Benavides said he had never taken a bribe.").statements
    assert [r["speaker_id"] for r in rows] == ["raul-benavides"]
    rows = run("President Joseph Banda Sr. lost the election. Banda said he would respect the result.").statements
    assert [r["speaker_id"] for r in rows] == ["joseph-banda-sr"]
    # two full names for one surname: no guess
    text = "Shares fell after reports about Maria Lopez{}. Lopez said sales rose sharply in March."
    assert [r["speaker_id"] for r in run(text.format("")).statements] == ["maria-lopez"]
    assert [r["speaker_id"] for r in run(text.format(" and Carlos Lopez")).statements] == ["lopez"]


def test_one_ministry_one_id_however_it_is_written() -> None:
    rows = run("Japan's Foreign Ministry said it would send aid. "
               "The Japanese Foreign Ministry said more aid would follow in December.").statements
    assert {r["speaker_id"] for r in rows} == {"japanese-ministry-of-foreign-affairs"}
    (row,) = run("The Algerian Foreign Ministry said the ambassador had 48 hours to leave.").statements
    assert row["speaker_id"] == "algerian-ministry-of-foreign-affairs"


def test_he_is_a_person_named_before_never_a_capitalised_word_opening_the_sentence() -> None:
    rows = run("President Ferdinand Marcos Jr. visited Borongan. "
               "Rice and drinking water would reach every affected family by Friday, he added.").statements
    assert [r["speaker_id"] for r in rows] == ["ferdinand-marcos-jr"]
    # 'the company' is a company named before, never the ministry named last
    rows = run("Calder Microsystems said revenue rose 12%. The Emergencies Ministry said rescuers were working. "
               "The company said the plant had passed a safety inspection in June.").statements
    assert rows[-1]["speaker_id"] == "calder-microsystems"


def test_an_unknown_acronym_that_speaks_is_an_organisation() -> None:
    (row,) = run("FIFA said in a statement that its decision takes effect immediately.").statements
    assert row["speaker_id"] == "fifa"
    x = run("FIFA said in a statement that its decision takes effect immediately.")
    assert {a["actor_id"]: a["kind"] for a in x.actors}["fifa"] == "organization"


def test_reject_and_dismiss_report_speech_only_with_speech_as_their_object() -> None:
    x = run("The union rejected the offer last week, saying it covered only half of the inflation since 2022.")
    assert [s["cue"] for s in x.statements] == ["saying"]  # rejecting an offer is an act ...
    (event,) = x.events
    assert event["event_type"] == "REJECT" and event["date_text"] == "last week"  # ... dated by its clause
    assert x.statements[0]["date_start"] == event["date_start"] is not None  # the participle is said then
    for text in ("Peskov rejected the allegations as absurd.",
                 "The ministry dismissed the sanctions as “illegal” on Monday."):
        assert [s["cue"] for s in run(text).statements] in (["rejected"], ["dismissed"]), text


def test_appositions_that_title_a_speaker_and_attributions_in_a_written_statement() -> None:
    for text in ("Vikram Amar, dean of the University of Illinois College of Law, said the court had changed its tone.",
                 "Jill Martin, vice president and assistant general counsel for the Trump Organization, "
                 "said in a written statement in March that the allegations had no substance."):
        (row,) = run(text).statements
        assert row["speaker_id"] in {"vikram-amar", "jill-martin"}, text
    # a list between commas is no apposition of the name before it
    rows = run("Russia, Iran and China, all members of the council, said the vote was illegal.").statements
    assert all(r["speaker_id"] != "china" for r in rows)


def test_plural_nouns_of_trade_and_science_are_groups_of_people() -> None:
    (row,) = run("But hacking specialists say the most harmful information might not be genuine.").statements
    assert row["speaker_id"] == "hacking-specialists"
    assert [r["speaker_id"] for r in run("The lists say nothing new about the vote.").statements] in ([], [None])


def test_a_parenthesis_between_dashes_or_a_participle_between_commas_leaves_the_speaker_before_it() -> None:
    for text, speaker in (
        ("Donald Trump - who previously said he would bomb the oil fields - said at a rally that the borders should close.",
         "donald-trump"),
        ("Donald Trump — the front-runner — said at a rally that the borders should close.", "donald-trump"),
        ("Minnesota delegate Mary Susan, clad in a red cape with blinking lights, said the convention could fail.",
         "mary-susan"),
    ):
        rows = run(text).statements
        assert [r["speaker_id"] for r in rows][-1:] == [speaker], text
    (row,) = run("The justice -- who has been involved in a scuffle with the nominee -- said she regretted her remarks.").statements
    assert row["text"] == "she regretted her remarks"
    # a hyphen inside a name's parenthesis is no dash
    (row,) = run("Sen. Rand Paul (R-Ky.) said the bill was flawed.").statements
    assert row["speaker_id"] == "rand-paul"
