"""What makes the SQLite export read well in Datasette: a label for every source, rows in
reading order (source, then offset), full-text search (FTS5), views that name the actors,
and column descriptions short enough to keep the table in view."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

LABEL = "label"
"""A generated column of sources, never empty: title, else publisher and date, else id."""
POSITION = "position"
"""A generated column of statements, events and figures: source_id and zero-padded start."""
IN_READING_ORDER = ("statements", "events", "figures")
SEARCHABLE: dict[str, tuple[str, ...]] = {
    "statements": ("text", "speaker_text", "speaker_role", "cue"),
    "events": ("text", "event_mode", "instrument"),
}
FACETS: dict[str, list[Any]] = {
    "actors": ["kind", {"array": "aliases"}],  # aliases: a JSON array, faceted by item
    "statements": ["source_id", "speech_act", "mode"],
    "events": ["source_id", "event_type", "claim_status"],
    "figures": ["source_id", "unit"],
}

VIEWS: dict[str, tuple[str, str]] = {
    "statements_with_speakers": (
        "Statements with the speaker's and the source's names, in reading order.",
        """
        SELECT s.statement_id, s.source_id, src.label AS source, s.speaker_id, sp.name AS speaker,
               s.speaker_text, s.speaker_role, s.speech_act, s.mode, s.cue, s.text,
               s.date_start, s.date_end, s.date_precision, s.responds_to_statement_id, s.start, s."end"
        FROM statements AS s
        JOIN sources AS src ON src.source_id = s.source_id
        LEFT JOIN actors AS sp ON sp.actor_id = s.speaker_id
        ORDER BY s.source_id, s.start, s."end"
        """,
    ),
    "events_with_actors": (
        "Events with the names of their actor, target, weapon's origin, reporting speaker and denier, in reading order.",
        """
        SELECT e.event_id, e.source_id, src.label AS source, e.event_type, e.event_mode,
               e.actor_id, a.name AS actor, e.target_id, t.name AS target, e.instrument,
               o.name AS instrument_origin, e.date_start, e.date_end, e.date_precision, e.claim_status,
               e.text, e.statement_id, sp.name AS reported_by, e.disputed_by_statement_id,
               dn.name AS disputed_by, e.start, e."end"
        FROM events AS e
        JOIN sources AS src ON src.source_id = e.source_id
        LEFT JOIN actors AS a ON a.actor_id = e.actor_id
        LEFT JOIN actors AS t ON t.actor_id = e.target_id
        LEFT JOIN actors AS o ON o.actor_id = e.instrument_origin_id
        LEFT JOIN statements AS st ON st.statement_id = e.statement_id
        LEFT JOIN actors AS sp ON sp.actor_id = st.speaker_id
        LEFT JOIN statements AS ds ON ds.statement_id = e.disputed_by_statement_id
        LEFT JOIN actors AS dn ON dn.actor_id = ds.speaker_id
        ORDER BY e.source_id, e.start, e."end"
        """,
    ),
}


def add_browsing(db: sqlite3.Connection) -> None:
    """Add the generated label and position columns (and an index on position), the FTS5
    tables (external content, filled from the tables) and the views, to a database whose
    tables are already filled."""
    db.execute(
        f"ALTER TABLE sources ADD COLUMN {LABEL} TEXT GENERATED ALWAYS AS "
        "(coalesce(title, publisher || ', ' || published, publisher, url, source_id)) VIRTUAL"
    )
    for table in IN_READING_ORDER:
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN {POSITION} TEXT GENERATED ALWAYS AS "
            "(source_id || ':' || printf('%010d', start)) VIRTUAL"
        )
        db.execute(f"CREATE INDEX idx_{table}_{POSITION} ON {table} ({POSITION})")
    for table, columns in SEARCHABLE.items():
        names = ", ".join(f'"{c}"' for c in columns)
        db.execute(f'CREATE VIRTUAL TABLE {table}_fts USING fts5({names}, content="{table}", content_rowid="rowid")')
        db.execute(f"INSERT INTO {table}_fts (rowid, {names}) SELECT rowid, {names} FROM {table}")
    for name, (_, sql) in VIEWS.items():
        db.execute(f"CREATE VIEW {name} AS {sql.strip()}")


def short(description: str, limit: int = 90) -> str:
    """The first sentence or clause of a description, at most `limit` characters (cut at a
    word, with an ellipsis), for Datasette's table pages; the codebook has the whole."""
    first = re.split(r"(?<=[.;:])\s", description.strip(), maxsplit=1)[0].rstrip(";:")
    if len(first) <= limit:
        return first
    cut = first.rfind(" ", 0, limit - 1)
    return first[: cut if cut > 0 else limit - 1].rstrip(",;") + "…"  # one long word: cut inside it


def table_extras(name: str) -> dict[str, Any]:
    """Datasette table metadata beyond the descriptions: label column, default sort, facets."""
    extras: dict[str, Any] = {}
    if name == "sources":
        extras["label_column"] = LABEL
    if name == "actors":
        extras["label_column"] = "name"
        extras["sort"] = "name"
    if name in IN_READING_ORDER:
        extras["sort"] = POSITION
    if name in FACETS:
        extras["facets"] = FACETS[name]
    return extras


def extra_columns(name: str) -> dict[str, str]:
    """Descriptions of the generated columns of one table."""
    if name == "sources":
        return {LABEL: "The title, else publisher and date, else the id: how the source is named here."}
    if name in IN_READING_ORDER:
        return {POSITION: "source_id and start: the reading order, the default sort."}
    return {}


def view_metadata() -> dict[str, dict[str, str]]:
    """Datasette metadata of the views."""
    return {name: {"description": description} for name, (description, _) in VIEWS.items()}
