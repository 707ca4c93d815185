"""Draw the events and statements of a package on a time axis (SVG or PNG, deterministic)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from newsfacts import __version__
from newsfacts.package import replace_atomically

DISPUTED = "#c0392b"
REPORTED = "#1f5f8b"
STATEMENT = "#7f8c8d"


def _label(row: pd.Series, names: dict[str, str]) -> str:
    what = row["event_mode"] if isinstance(row["event_mode"], str) else str(row["event_type"]).lower()
    actor = names.get(row["actor_id"], "?") if isinstance(row["actor_id"], str) else "?"
    target = f" → {names.get(row['target_id'], row['target_id'])}" if isinstance(row["target_id"], str) else ""
    note = " (disputed)" if row["claim_status"] == "disputed" else ""
    return f"{what}: {actor}{target}{note}"


def render(tables: dict[str, pd.DataFrame], fmt: str = "svg", title: str | None = None) -> bytes:
    """The timeline as SVG (or PNG) bytes: one lane per event, grouped by event type; ranges
    as bars, open ranges as arrows, events without a date in a 'no date' band at the right,
    disputed events in red; statements as grey diamonds at the date they were said. The
    SVG has no date and fixed ids, so it is byte-identical on a rebuild."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({"svg.hashsalt": "newsfacts", "svg.fonttype": "none", "font.size": 8})
    names = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"]))
    events = tables["events"].assign(_t=tables["events"]["event_type"].astype(str))
    events = events.sort_values(["_t", "date_start", "start", "event_id"], kind="stable", na_position="last")
    statements = tables["statements"][tables["statements"]["date_start"].notna()]
    dates = pd.concat([events["date_start"].dropna(), events["date_end"].dropna(), statements["date_start"]]).dropna()
    if dates.empty:
        dates = tables["sources"]["published"].dropna()
    if dates.empty:
        raise ValueError("nothing to draw: no event, statement or publication has a date")
    lo, hi = dates.min() - pd.Timedelta(days=30), dates.max() + pd.Timedelta(days=30)
    span = hi - lo
    undated_x = hi + span * 0.08
    right = hi + span * 0.16

    fig, ax = plt.subplots(figsize=(11, 1.5 + 0.32 * (len(events) + 2)))
    lane, ticks, labels = 1, [0], ["statements (date said)"]
    for etype, group in events.groupby("_t", sort=True):
        first = lane
        for _, row in group.iterrows():
            color = DISPUTED if row["claim_status"] == "disputed" else REPORTED
            start, end = row["date_start"], row["date_end"]
            if pd.isna(start):
                x = undated_x
                ax.plot([x], [lane], marker="s", color=color, ms=5)
            else:
                x = start
                if pd.isna(end):
                    ax.annotate("", xy=(hi, lane), xytext=(start, lane),
                                arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5})
                elif end > start:
                    ax.plot([start, end], [lane, lane], color=color, lw=5, solid_capstyle="butt")
                ax.plot([start], [lane], marker="o", color=color, ms=5)
            if pd.isna(start):
                when = ""
            elif pd.isna(end):
                when = f"since {start:%Y-%m-%d} "
            elif end > start:
                when = f"{start:%Y-%m-%d} to {end:%Y-%m-%d} "
            else:
                when = f"{start:%Y-%m-%d} "
            left_side = x > lo + span * 0.55
            ax.text(x, lane - 0.12, ("  " if not left_side else "") + when + _label(row, names) + ("  " if left_side else ""),
                    color=color, fontsize=7, va="bottom", ha="right" if left_side else "left")
            lane += 1
        ticks.append((first + lane - 1) / 2)
        labels.append(etype)
        ax.axhline(lane - 0.5, color="#eeeeee", lw=0.8)
    ax.plot(statements["date_start"], [0] * len(statements), linestyle="none", marker="D", color=STATEMENT, ms=5)
    ax.axvline(hi + span * 0.04, color="#999999", lw=0.8, ls="--")
    ax.set_yticks(ticks, labels)
    ax.set_ylim(lane - 0.3, -0.8)
    ax.set_xlim(lo, right)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.text(undated_x, -0.6, "no date", ha="center", fontsize=7, color="#555555")
    ax.grid(axis="x", color="#eeeeee", lw=0.5)
    ax.set_title(f"{title or f'newsfacts {__version__}'}: events (blue reported, red disputed; bars = ranges, arrows = open ranges)")
    fig.tight_layout()
    buf = io.BytesIO()
    if fmt == "svg":
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    else:
        fig.savefig(buf, format="png", dpi=150, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def write_plot(tables: dict[str, pd.DataFrame], out: Path, title: str | None = None) -> None:
    """Write the timeline to `out`: SVG, or PNG at 150 dpi, by the file's suffix; `title`
    names the package (the package's own title)."""
    data = render(tables, "png" if out.suffix.lower() == ".png" else "svg", title)
    replace_atomically(out, lambda tmp: tmp.write_bytes(data))
