"""The one declaration of every field and table of the newsfacts package.

`datapackage.json`, the codebook, the pandas dtypes of `load()` and the validator's
category checks are all generated from what is declared here.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from dataclasses import dataclass, field

ACTOR_KINDS = (
    "person",
    "country",
    "government_body",
    "armed_forces",
    "international_organization",
    "organization",
    "group",
)
MODES = ("direct", "partial", "indirect")
SPEECH_ACTS = ("assert", "deny", "accuse", "condemn", "demand", "warn", "commit", "concern", "confirm", "announce", "other")
DATE_PRECISIONS = ("day", "week", "month", "quarter", "year", "range", "unknown")
EVENT_TYPES = (  # the 16 PLOVER types, and DISASTER (not PLOVER: natural disasters and their effects)
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "DISASTER",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
)
CLAIM_STATUSES = ("reported", "disputed")
COMPARATORS = ("eq", "approx", "gt", "gte", "lt", "lte")

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LIST_DELIMITER = "|"
"""What separates the items of a list cell in the CSV ('Blinken|Secretary Blinken')."""
ISO_DATE_HELP = "ISO 8601 date (YYYY-MM-DD)."


@dataclass(frozen=True)
class Field:
    """One column: its name, Frictionless type, meaning and constraints; a `list` field
    (Frictionless v2) also has its items' type and the delimiter between them."""

    name: str
    type: str
    description: str
    required: bool = False
    pattern: str | None = None
    minimum: int | None = None
    categories: tuple[str, ...] | None = None
    item_type: str | None = None
    delimiter: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    """A column of one table that refers to the primary key of another (or itself)."""

    field: str
    resource: str
    reference: str


@dataclass(frozen=True)
class Resource:
    """One table: its name, purpose, fields in order, keys and row-count bounds."""

    name: str
    title: str
    description: str
    fields: tuple[str, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...] = ()
    descriptions: dict[str, str] = field(default_factory=dict)
    min_rows: int = 1
    max_rows: int = 1_000_000

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"


def _date_fields(when: str) -> list[Field]:
    return [
        Field(
            "date_start",
            "date",
            f"First day of {when}. {ISO_DATE_HELP} Empty when unknown.",
        ),
        Field(
            "date_end",
            "date",
            f"Last day of {when}; equal to date_start for a single day; empty for an "
            "open range ('since last year') or when unknown.",
        ),
        Field(
            "date_precision",
            "string",
            "How precisely the date is known: day, week, month, quarter (three "
            "calendar months: 'Q4 2025', 'the third quarter'), year, range (between "
            "two dates, or open-ended), or unknown (both dates empty).",
            required=True,
            categories=DATE_PRECISIONS,
        ),
        Field(
            "date_text",
            "string",
            "The date expression as written in the article ('on Jan. 11', 'in early "
            "January', 'since last year'); empty when the date is carried over from "
            "elsewhere in the article or unknown.",
        ),
        Field(
            "date_inferred",
            "boolean",
            "true when part of the date is not written in the expression itself: a year "
            "taken from the publication date ('on June 18'), a relative expression "
            "resolved against it ('last year'), or a date carried over from the same "
            "speaker's previous statement. false when the expression states it fully "
            "or the date is unknown.",
            required=True,
        ),
    ]


FIELDS: dict[str, Field] = {
    f.name: f
    for f in [
        Field(
            "source_id",
            "string",
            "Stable id of the article: the article file's name without its extension.",
            required=True,
            pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        ),
        Field(
            "path",
            "string",
            "The article file, relative to the package root (seeds/...).",
            required=True,
        ),
        Field(
            "sha256",
            "string",
            "Lower-case hex sha256 of the article file's bytes.",
            required=True,
            pattern=r"^[0-9a-f]{64}$",
        ),
        Field(
            "characters",
            "integer",
            "Length of the article text in Unicode code points (the space of all offsets).",
            required=True,
            minimum=1,
        ),
        Field("title", "string", "Title of the article; empty when not confirmed."),
        Field(
            "publisher",
            "string",
            "Site or outlet that published this copy of the article; empty when unknown.",
        ),
        Field("url", "string", "Address of the article; empty when unknown."),
        Field(
            "published",
            "date",
            "Publication date of the article; empty when unknown. Used to supply a "
            "missing year and to resolve relative dates.",
        ),
        Field(
            "actor_id",
            "string",
            "Readable slug of an actor (antony-blinken, north-korea).",
            pattern=SLUG,
        ),
        Field("name", "string", "Canonical name of the actor.", required=True),
        Field(
            "kind",
            "string",
            "What the actor is: a person; a country; a government body; armed forces; an "
            "international or other organisation; or a group, people named only by a plural "
            "noun ('critics', 'local residents'), never one person.",
            required=True,
            categories=ACTOR_KINDS,
        ),
        Field(
            "country",
            "string",
            "ISO 3166-1 alpha-3 code of the state the actor is or belongs to, as the "
            "article states it (a person's nationality adjective, a body's state); empty "
            "when the article does not say.",
            pattern=r"^[A-Z]{3}$",
        ),
        Field(
            "parent_actor_id",
            "string",
            "The body or state an organisation belongs to (white-house -> united-states).",
            pattern=SLUG,
        ),
        Field(
            "aliases",
            "list",
            f"Other surface forms of the actor seen in the articles, sorted: a list of strings, "
            f"'{LIST_DELIMITER}'-separated in the CSV; empty when there are none.",
            item_type="string",
            delimiter=LIST_DELIMITER,
        ),
        Field(
            "statement_id",
            "string",
            "Statement id: 'st-' and 12 hex digits of the sha256 of source_id, start and "
            "end of the statement's text.",
            pattern=r"^st-[0-9a-f]{12}$",
        ),
        Field(
            "speaker_id",
            "string",
            "Who said it, resolved through names, pronouns and descriptions ('the "
            "American diplomat'); empty when it cannot be resolved.",
            pattern=SLUG,
        ),
        Field(
            "speaker_text",
            "string",
            "The mention of the speaker nearest to the statement, as written ('he', "
            "'U.S. Secretary of State Antony Blinken').",
            required=True,
        ),
        Field(
            "speaker_role",
            "string",
            "The role the article gives the speaker ('White House spokesman'); empty "
            "when none is given in this or an earlier mention.",
        ),
        Field(
            "mode",
            "string",
            "direct: the whole content is a quotation; partial: reported speech that "
            "contains a quoted fragment; indirect: reported speech without quotation marks.",
            required=True,
            categories=MODES,
        ),
        Field(
            "speech_act",
            "string",
            "What the speaker does, from the cue and its frame in the lexicon's reporting_cues: "
            "assert, deny, accuse, condemn, demand, warn, commit, concern, confirm, announce, "
            "or other (asking, praising, describing, calling X a Y). A transcript paragraph or an "
            "authored text asserts; a denial keeps pointing to what it denies.",
            required=True,
            categories=SPEECH_ACTS,
        ),
        Field(
            "cue",
            "string",
            "The reporting word or phrase as written (said, noted, added, declared, "
            "announced, dismissed, according to, a transcript's speaker label).",
            required=True,
        ),
        Field(
            "text",
            "string",
            "The words of the article that support the row; always article[start:end].",
            required=True,
        ),
        Field(
            "start",
            "integer",
            "Offset of the first character of text in the article (Python string index, "
            "Unicode code points, from 0).",
            required=True,
            minimum=0,
        ),
        Field(
            "end",
            "integer",
            "Offset just after the last character of text (exclusive).",
            required=True,
            minimum=1,
        ),
        *_date_fields("the period the row refers to"),
        Field(
            "disputed_by_statement_id",
            "string",
            "For a disputed event: the statement of this article that denies it.",
            pattern=r"^st-[0-9a-f]{12}$",
        ),
        Field(
            "responds_to_statement_id",
            "string",
            "For a denial or reply: the statement of this article it answers.",
            pattern=r"^st-[0-9a-f]{12}$",
        ),
        Field(
            "event_id",
            "string",
            "Event id: 'ev-' and 12 hex digits of the sha256 of source_id, the evidence "
            "span, the event type, the actor and the date expression's offset (and the "
            "target, for the second and later partners of one event: 'met with NATO and the G7').",
            pattern=r"^ev-[0-9a-f]{12}$",
        ),
        Field(
            "event_type",
            "string",
            "PLOVER event type.",
            required=True,
            categories=EVENT_TYPES,
        ),
        Field(
            "event_mode",
            "string",
            "Finer kind of event: missile strike, airstrike, military aid, press "
            "conference, ...",
        ),
        Field(
            "target_id",
            "string",
            "To whom, against whom, or the recipient.",
            pattern=SLUG,
        ),
        Field(
            "instrument",
            "string",
            "Weapon or means, as written ('ballistic missiles').",
        ),
        Field(
            "instrument_origin_id",
            "string",
            "Whose weapon or means it is (North Korean missiles -> north-korea).",
            pattern=SLUG,
        ),
        Field(
            "claim_status",
            "string",
            "reported: asserted by a source or the article; disputed: a statement of "
            "the article denies it.",
            required=True,
            categories=CLAIM_STATUSES,
        ),
        Field(
            "figure_id",
            "string",
            "Figure id: 'fg-' and 12 hex digits of the sha256 of source_id, start and end.",
            pattern=r"^fg-[0-9a-f]{12}$",
        ),
        Field(
            "value",
            "number",
            "The number: 'about 7,000' -> 7000; 'half' -> 0.5; 'three' -> 3; '20%' -> 20.",
            required=True,
        ),
        Field(
            "unit",
            "string",
            "What one unit of value is, singular: container, missile, person, percent, "
            "fraction, USD, ...",
            required=True,
        ),
        Field(
            "comparator",
            "string",
            "eq (exact), approx (about, approximately, some, roughly, nearly), gt (more "
            "than), gte (at least), lt (less than), lte (up to).",
            required=True,
            categories=COMPARATORS,
        ),
        Field(
            "table",
            "string",
            "The table whose id changed.",
            required=True,
            categories=("sources", "actors", "statements", "events", "figures"),
        ),
        Field(
            "old_id",
            "string",
            "An id published in an earlier version that no longer exists.",
            required=True,
        ),
        Field(
            "new_id",
            "string",
            "The id that replaces it; empty when the row was removed without a successor.",
        ),
        Field(
            "version",
            "string",
            "The package version in which the change was made (MAJOR.MINOR.PATCH).",
            required=True,
            pattern=r"^\d+\.\d+\.\d+$",
        ),
        Field(
            "reason",
            "string",
            "Why the id changed (for example, a corrected evidence span).",
            required=True,
        ),
        Field(
            "quantity",
            "string",
            "What is counted, as written ('containers of ammunition and other military "
            "equipment').",
            required=True,
        ),
    ]
}

_FK_SOURCE = ForeignKey("source_id", "sources", "source_id")

RESOURCES: tuple[Resource, ...] = (
    Resource(
        name="sources",
        title="Sources",
        description="One row per article: where it is, its hash and its metadata.",
        fields=(
            "source_id",
            "path",
            "sha256",
            "characters",
            "title",
            "publisher",
            "url",
            "published",
        ),
        primary_key="source_id",
        max_rows=100_000,
    ),
    Resource(
        name="actors",
        title="Actors",
        description="People, states, bodies and organisations that speak or act in "
        "the statements and events.",
        fields=("actor_id", "name", "kind", "country", "parent_actor_id", "aliases"),
        primary_key="actor_id",
        foreign_keys=(ForeignKey("parent_actor_id", "actors", "actor_id"),),
        max_rows=100_000,
    ),
    Resource(
        name="statements",
        title="Statements",
        description="Every attributed speech act: who said what, how, and when.",
        fields=(
            "statement_id",
            "source_id",
            "speaker_id",
            "speaker_text",
            "speaker_role",
            "mode",
            "speech_act",
            "cue",
            "text",
            "start",
            "end",
            "date_start",
            "date_end",
            "date_precision",
            "date_text",
            "date_inferred",
            "responds_to_statement_id",
        ),
        primary_key="statement_id",
        foreign_keys=(
            _FK_SOURCE,
            ForeignKey("speaker_id", "actors", "actor_id"),
            ForeignKey("responds_to_statement_id", "statements", "statement_id"),
        ),
        descriptions={
            "text": "The content of the statement: for a direct quotation the words "
            "inside the quotation marks, without the marks; otherwise the reported "
            "clause. Always article[start:end].",
            "date_start": "First day of the period in which the statement was made.",
        },
    ),
    Resource(
        name="events",
        title="Events",
        description="What happened, as the article reports it: one row per occurrence.",
        fields=(
            "event_id",
            "source_id",
            "event_type",
            "event_mode",
            "actor_id",
            "target_id",
            "instrument",
            "instrument_origin_id",
            "date_start",
            "date_end",
            "date_precision",
            "date_text",
            "date_inferred",
            "text",
            "start",
            "end",
            "statement_id",
            "claim_status",
            "disputed_by_statement_id",
        ),
        primary_key="event_id",
        foreign_keys=(
            _FK_SOURCE,
            ForeignKey("actor_id", "actors", "actor_id"),
            ForeignKey("target_id", "actors", "actor_id"),
            ForeignKey("instrument_origin_id", "actors", "actor_id"),
            ForeignKey("statement_id", "statements", "statement_id"),
            ForeignKey("disputed_by_statement_id", "statements", "statement_id"),
        ),
        descriptions={
            "actor_id": "Who did it.",
            "statement_id": "The statement that asserts the event; empty when the article says it "
            "in its own voice, or when the only statement that mentions it is a denial "
            "whose target the article does not name.",
            "date_start": "First day of the period in which the event happened.",
        },
    ),
    Resource(
        name="figures",
        title="Figures",
        description="Every number the article claims about the world, with what it counts.",
        fields=(
            "figure_id",
            "source_id",
            "statement_id",
            "event_id",
            "value",
            "unit",
            "comparator",
            "quantity",
            "text",
            "start",
            "end",
            "date_start",
            "date_end",
            "date_precision",
            "date_text",
            "date_inferred",
        ),
        primary_key="figure_id",
        foreign_keys=(
            _FK_SOURCE,
            ForeignKey("statement_id", "statements", "statement_id"),
            ForeignKey("event_id", "events", "event_id"),
        ),
        descriptions={
            "statement_id": "The statement that claims the figure; empty when the "
            "article states it in its own voice.",
            "event_id": "The event the figure quantifies.",
            "text": "The number expression as written ('about 7,000 containers'); "
            "always article[start:end].",
            "date_start": "First day of the period the figure covers.",
        },
        min_rows=0,
    ),
)

RESOURCES += (
    Resource(
        name="id_changes",
        title="Id changes",
        description="Every id of an earlier version that changed or was removed, and what "
        "replaces it: the machine-readable map that comes with each breaking change. "
        "Maintained by hand in scripts/newsfacts/reference/id_changes.csv.",
        fields=("table", "old_id", "new_id", "version", "reason"),
        primary_key="old_id",
        min_rows=0,
    ),
)

RESOURCE_BY_NAME: dict[str, Resource] = {r.name: r for r in RESOURCES}


@lru_cache(maxsize=None)
def list_fields(resource_name: str) -> tuple[str, ...]:
    """The names of the resource's list fields ('aliases' of actors)."""
    resource = RESOURCE_BY_NAME[resource_name]
    return tuple(name for name in resource.fields if FIELDS[name].type == "list")


def field_for(resource: Resource, name: str) -> Field:
    """The field `name` as it appears in `resource` (primary keys are required)."""
    base = FIELDS[name]
    return dataclasses.replace(base, description=resource.descriptions.get(name, base.description),
                               required=base.required or name == resource.primary_key)
