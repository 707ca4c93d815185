"""Figures beyond one war: each class of number on sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import run


def _figs(text: str) -> list[tuple]:
    return [(f["value"], f["unit"], f["comparator"], f["text"]) for f in run(text).figures]


def _parts(text: str) -> list[tuple]:
    return [(f["value"], f["unit"], f["text"], f["quantity"]) for f in run(text).figures]


def _one(text: str) -> dict:
    (f,) = run(text).figures
    return f


# --- number words -------------------------------------------------------------------

def test_number_words_with_scales_and_dozens() -> None:
    assert _figs("The factory made one million shells in a year.") == [(1e6, "shell", "eq", "one million shells")]
    assert _figs("A dozen tractors and two dozen trucks crossed the bridge.") == [
        (12.0, "tractor", "eq", "A dozen tractors"), (24.0, "truck", "eq", "two dozen trucks"),
    ]
    assert _figs("Rescuers found twenty-three hikers.") == [(23.0, "hiker", "eq", "twenty-three hikers")]


def test_vague_plurals_stay_lower_bounds() -> None:
    assert _figs("Hundreds of residents fled the floods.") == [(200.0, "resident", "gte", "Hundreds of residents")]


def test_a_bare_one_is_not_a_figure_but_an_approximated_one_is() -> None:
    assert run("One villager said the road was closed, and one of them left.").figures == []
    assert _figs("At least one bridge collapsed.") == [(1.0, "bridge", "gte", "At least one bridge")]


# --- parts of a whole -----------------------------------------------------------------

def test_a_part_of_a_numbered_whole_is_two_figures() -> None:
    assert _parts("Two of the five suspects were released on bail.") == [
        (2.0, "suspect", "Two", "five suspects were released on bail"),
        (5.0, "suspect", "five suspects", "suspects"),
    ]


def test_a_part_in_object_position_keeps_the_whole_as_written() -> None:
    assert _parts("Air defences shot down 38 of the 63 drones launched by Russia.") == [
        (38.0, "drone", "38", "63 drones launched by Russia"),
        (63.0, "drone", "63 drones", "drones"),
    ]


def test_a_part_of_an_unnumbered_whole_runs_to_the_noun() -> None:
    assert _figs("Engineers repaired 12 of the turbines and four of the pumps.") == [
        (12.0, "turbine", "eq", "12 of the turbines"), (4.0, "pump", "eq", "four of the pumps"),
    ]


def test_a_part_without_any_noun_is_left_out() -> None:
    assert run("Two of the five were released.").figures == []


# --- nationality nouns ------------------------------------------------------------------

def test_a_nationality_noun_counts_people_and_an_adjective_leaves_the_noun() -> None:
    assert _figs("About 3,000 North Koreans and 400 Britons were counted.") == [
        (3000.0, "person", "approx", "About 3,000 North Koreans"), (400.0, "person", "eq", "400 Britons"),
    ]
    assert _figs("Pyongyang sent 3,000 North Korean troops and 200 Chinese engineers.") == [
        (3000.0, "troop", "eq", "3,000 North Korean troops"), (200.0, "engineer", "eq", "200 Chinese engineers"),
    ]


# --- rates --------------------------------------------------------------------------------

def test_rates_keep_their_denominator_in_the_unit() -> None:
    assert _figs("The typhoon brought winds of 150 kilometers per hour.") == [
        (150.0, "kilometer per hour", "eq", "150 kilometers per hour"),
    ]
    assert _figs("Gusts reached 180 km/h on the coast.") == [(180.0, "kilometer per hour", "eq", "180 km/h")]
    assert _figs("Nurses earn $30 an hour.") == [(30.0, "dollar per hour", "eq", "$30 an hour")]


def test_a_denominator_with_a_number_is_not_a_figure_of_its_own() -> None:
    (f,) = run("The region recorded 12 deaths per 100,000 people.").figures
    assert (f["value"], f["unit"]) == (12.0, "death per 100,000 people")


# --- money --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Tokyo gave 500 million yen to the fund.", 5e8, "JPY"),
        ("Brussels gave 20 million euros to the fund.", 2e7, "EUR"),
        ("Paris gave €20 million to the fund.", 2e7, "EUR"),
        ("London gave £4 million to the fund.", 4e6, "GBP"),
        ("The firm paid US$3 million to the fund.", 3e6, "USD"),
        ("The firm paid USD 3 million to the fund.", 3e6, "USD"),
        ("The firm paid 3 million Australian dollars to the fund.", 3e6, "AUD"),
        ("The firm paid $3 million to the fund.", 3e6, "dollar"),
        ("The firm paid 3 million dollars to the fund.", 3e6, "dollar"),
        ("Mexico gave 20 million pesos to the fund.", 2e7, "peso"),
        ("Fuel fell by about 40 cents.", 0.4, "dollar"),
    ],
)
def test_a_currency_is_an_iso_code_only_when_it_names_one_currency(sentence: str, value: float, unit: str) -> None:
    f = _one(sentence)
    assert f["value"] == pytest.approx(value) and f["unit"] == unit


def test_an_article_that_settles_its_dollar_gives_plain_dollars_the_code() -> None:
    x = run("Canberra pledged A$40 million.\nIt later added $10 million and 5 million dollars.")
    assert [f["unit"] for f in x.figures] == ["AUD", "AUD", "AUD"]
    mixed = run("Canberra pledged A$40 million and Washington US$5 million.\nIt later added $10 million.")
    assert [f["unit"] for f in mixed.figures] == ["AUD", "USD", "dollar"]


def test_lexicon_currency_codes_are_iso_4217() -> None:
    import pycountry

    from newsfacts.lexicon import lexicon

    lex = lexicon()
    codes = [v for v in lex["currencies"].values() if v.isupper()]
    codes += list(lex["currency_prefixes"].values()) + list(lex["currency_names"].values())
    assert codes and all(pycountry.currencies.get(alpha_3=c) is not None for c in codes)


# --- percentages ----------------------------------------------------------------------------

def test_percentages_and_percentage_points() -> None:
    assert _figs("Unemployment rose 3 percentage points to 9 percent.") == [
        (3.0, "percentage point", "eq", "3 percentage points"), (9.0, "percent", "eq", "9 percent"),
    ]
    assert _figs("The bank raised rates by 25 basis points.") == [(25.0, "basis point", "eq", "25 basis points")]
    assert _figs("Inflation stayed below six percent.") == [(6.0, "percent", "lt", "below six percent")]


# --- never figures --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "The storm made landfall at 10:30 a.m. and weakened at 3 p.m.",
        "The curfew starts at 9 pm.",
        "Maria Lopez, 45, was rescued from the roof.",
        "A 58-year-old fisherman was rescued.",
        "An F-16, a Su-34 and a Fath-360 were seen.",
        "The council passed Resolution 2231 after the vote.",
        "The company sold the iPhone 15 in stores.",
        "The 2016 campaign and Trump's 1995 tax filings were discussed.",
        "The court's 5-4 ruling stood.",
        "The two also reiterated the need for talks.",
    ],
)
def test_times_ages_models_years_and_bare_numbers_are_not_figures(sentence: str) -> None:
    assert run(sentence).figures == []


def test_a_unit_is_always_a_noun() -> None:
    assert _figs("Prices rose 5 percent more than expected, and this was 2 more than earlier.") == [
        (5.0, "percent", "eq", "5 percent"),
    ]


# --- nouns left out ------------------------------------------------------------------------

def test_an_elided_noun_comes_from_the_figure_before_it() -> None:
    got = [(f["value"], f["unit"]) for f in run(
        "The shelling killed two civilians and injured nine others.\n"
        "The flood destroyed 1,200 houses, including 300 in the old town.\n"
        "Police detained 14 protesters near the port and nine near the station."
    ).figures]
    assert got == [(2.0, "civilian"), (9.0, "civilian"), (1200.0, "house"), (300.0, "house"),
                   (14.0, "protester"), (9.0, "protester")]


def test_a_casualty_word_counts_people() -> None:
    (f,) = run("Several buildings collapsed in the quake, and dozens were injured.").figures
    assert (f["value"], f["unit"], f["comparator"], f["text"]) == (24.0, "person", "gte", "dozens")


# --- fractions --------------------------------------------------------------------------------

def test_a_fraction_that_is_a_subject_says_what_it_did() -> None:
    f = _one("About half of the homes flooded in the storm lost power, officials said.")
    assert (f["value"], f["quantity"]) == (0.5, "homes flooded in the storm lost power")


def test_a_fraction_in_object_position_keeps_its_set() -> None:
    f = _one("The storm damaged half of the schools in the province.")
    assert f["quantity"] == "schools"


# --- other classes -----------------------------------------------------------------------------

def test_a_coordinated_count_starts_a_new_figure() -> None:
    assert _figs("The army launched 45 drones and six cruise missiles.") == [
        (45.0, "drone", "eq", "45 drones"), (6.0, "missile", "eq", "six cruise missiles"),
    ]


def test_a_scale_on_the_upper_bound_applies_to_both() -> None:
    assert [(f["value"], f["comparator"]) for f in run("Farms lost between 4 and 5 million tonnes of rice.").figures] == [
        (4e6, "gte"), (5e6, "lte"),
    ]


def test_times_without_a_comparative_count_occurrences() -> None:
    assert _figs("Troops shelled the town more than 30 times.") == [(30.0, "time", "gt", "more than 30 times")]


def test_a_typhoon_report_gives_the_figures_a_reader_would_list() -> None:
    x = run(
        "Typhoon Kalmaegi made landfall on Tuesday with winds of 150 kilometers per hour, killing at least "
        "12 people. About 300,000 residents were evacuated, and 40% of the province lost power. The government "
        "pledged 2 billion pesos and Japan sent 12 tonnes of supplies."
    )
    got = [(f["value"], f["unit"], f["comparator"]) for f in x.figures]
    assert got == [
        (150.0, "kilometer per hour", "eq"), (12.0, "person", "gte"), (300000.0, "resident", "approx"),
        (40.0, "percent", "eq"), (2e9, "peso", "eq"), (12.0, "tonne", "eq"),
    ]


def test_an_earnings_report_gives_the_figures_a_reader_would_list() -> None:
    x = run(
        "Acme Corp. said on Thursday that third-quarter revenue rose 12% to US$4.2 billion, while net income "
        "fell to $310 million. The company cut 1,500 jobs and raised its dividend by 5 cents a share."
    )
    got = [(f["value"], f["unit"]) for f in x.figures]
    assert got == [(12.0, "percent"), (4.2e9, "USD"), (3.1e8, "USD"), (1500.0, "job"),
                   (pytest.approx(0.05), "USD per share")]


def test_fraction_words_and_multiplicatives() -> None:
    assert _figs("Farmers lost a fifth of their harvest.") == [(0.2, "fraction", "eq", "a fifth")]
    f = _one("Rainfall reached roughly twice the monthly average.")
    assert (f["value"], f["unit"], f["comparator"], f["quantity"]) == (2.0, "factor", "approx", "the monthly average")
    f = _one("Prices are four times the national level.")
    assert (f["value"], f["unit"], f["quantity"]) == (4.0, "factor", "the national level")


def test_a_part_of_a_possessed_whole_and_compound_plurals() -> None:
    got = [(f["value"], f["unit"], f["text"]) for f in run("Three of the bank's 11 directors resigned.").figures]
    assert got == [(3.0, "director", "Three"), (11.0, "director", "11 directors")]
    assert _figs("Police arrested 14 gunmen.") == [(14.0, "gunman", "eq", "14 gunmen")]


def test_a_count_after_a_possessive_takes_the_noun_before() -> None:
    assert [(f["value"], f["unit"]) for f in run("Lee won 4,100 votes to Park's 3,900.").figures] == [
        (4100.0, "vote"), (3900.0, "vote"),
    ]


def test_a_rate_without_its_noun_takes_the_plural_before_it() -> None:
    f = _one("Flu cases rose to 40.5 per 100,000 residents.")
    assert (f["value"], f["unit"], f["text"]) == (40.5, "case per 100,000 residents", "40.5 per 100,000 residents")


def test_an_amount_after_a_name_is_not_part_of_the_name() -> None:
    assert _figs("The regulator fined Northwind 2.5 million euros.") == [(2.5e6, "EUR", "eq", "2.5 million euros")]
    assert _figs("We shipped 40,000 Z9-100 units.") == [(40000.0, "unit", "eq", "40,000 Z9-100 units")]


def test_adjectives_in_s_and_verbs_after_and_do_not_head_a_count() -> None:
    assert _figs("He made four previous visits.") == [(4.0, "visit", "eq", "four previous visits")]
    assert _figs("The party won at least eight states and receives a majority.") == [
        (8.0, "state", "gte", "at least eight states"),
    ]
    assert _figs("The memorial honours four brave Americans.") == [(4.0, "person", "eq", "four brave Americans")]
    assert run("He was skeptical about one's own vigilance.").figures == []


def test_currencies_beyond_the_lexicon_come_from_pycountry_names() -> None:
    def money(text: str) -> list[tuple]:
        return [(f["value"], f["unit"]) for f in run(text).figures]
    assert money("The company will pay each family 10 million tenge.") == [(10_000_000.0, "KZT")]
    assert money("Officers seized 340,000 soles in cash.") == [(340_000.0, "PEN")]
    assert money("Kenya raised 2 billion shillings.") == [(2_000_000_000.0, "shilling")]  # several shillings: no code
    # a common English word that also names a currency stays a word ('the 100 mark')
    assert money("Shares passed the 100 mark on Friday.") == []
    assert run("Shares passed the 100 mark on Friday.").events == []  # passing a mark is no law passed


def test_a_count_whose_noun_is_left_out_after_to_or_and_takes_the_noun_before() -> None:
    def counts(text: str) -> list[tuple]:
        return [(f["value"], f["unit"]) for f in run(text).figures]
    assert counts("The bill was approved by 78 votes to 41.") == [(78.0, "vote"), (41.0, "vote")]
    assert counts("He won 52 votes and three were spoiled.") == [(52.0, "vote"), (3.0, "vote")]
    # a number with nothing counted and no figure before it is still no figure
    assert counts("The talks went on to 3 and then stopped.") == []


def test_a_year_earlier_dates_an_amount_and_is_no_rate() -> None:
    (f,) = run("The company reported a profit of $340 million a year earlier.").figures
    assert (f["value"], f["unit"], f["quantity"]) == (340_000_000.0, "dollar", "$340 million")
    (f,) = run("He earns $50,000 a year.").figures
    assert f["unit"] == "dollar per year"
