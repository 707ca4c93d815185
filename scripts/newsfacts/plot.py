"""Draw the events and statements of a package on a time axis (SVG or PNG, deterministic)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from newsfacts.package import replace_atomically

if TYPE_CHECKING:  # pandas and matplotlib are imported when a picture is drawn
    import pandas as pd
    from matplotlib.figure import Figure

DISPUTED = "#c0392b"
REPORTED = "#1f5f8b"
STATEMENT = "#7f8c8d"
DEFAULT_TITLE = "newsfacts package"
LEGEND = "events: blue reported, red disputed; bars = ranges, arrows = open ranges; diamonds = statements (count when several)"
DATE_FORMATS = ("%Y", "%Y-%m", "%Y-%m-%d")


def _label(row: "pd.Series", names: dict[str, str]) -> str:
    what = row["event_mode"] if isinstance(row["event_mode"], str) else str(row["event_type"]).lower()
    actor = names.get(row["actor_id"], "?") if isinstance(row["actor_id"], str) else "?"
    target = f" → {names.get(row['target_id'], row['target_id'])}" if isinstance(row["target_id"], str) else ""
    note = " (disputed)" if row["claim_status"] == "disputed" else ""
    return f"{what}: {actor}{target}{note}"


def distinct_labels(days: list, formats: tuple[str, ...] = DATE_FORMATS) -> list[str]:
    """Tick labels for dates: the coarsest format ('%Y', then '%Y-%m', then '%Y-%m-%d')
    under which no two labels are the same."""
    for fmt in formats:
        labels = [d.strftime(fmt) for d in days]
        if len(set(labels)) == len(labels):
            return labels
    return [d.strftime("%Y-%m-%d %H:%M") for d in days]


def _date_formatter():
    import matplotlib.dates as mdates
    import matplotlib.ticker as mticker

    class DistinctDates(mticker.Formatter):
        """Date tick labels that never repeat, however short the time axis."""

        def format_ticks(self, values: list[float]) -> list[str]:
            return distinct_labels([mdates.num2date(v) for v in values])

        def __call__(self, x: float, pos: int | None = None) -> str:
            return mdates.num2date(x).strftime("%Y-%m-%d")

    return DistinctDates()


def figure(tables: dict[str, "pd.DataFrame"], title: str | None = None) -> "Figure":
    """The timeline as a matplotlib figure: one lane per event, grouped by event type, on a
    time axis; ranges as bars, open ranges as arrows, disputed events in red; events
    without a date in a band of their own beside the axis (no date is drawn for them);
    statements as one grey diamond per day, with the count when several share it; the
    package's title above."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import pandas as pd

    matplotlib.rcParams.update({"svg.hashsalt": "newsfacts", "svg.fonttype": "none", "font.size": 8})
    names = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"]))
    events = tables["events"].assign(_t=tables["events"]["event_type"].astype(str))
    events = events.sort_values(["_t", "date_start", "start", "event_id"], kind="stable", na_position="last")
    said = tables["statements"]["date_start"]
    per_day = said.dropna().value_counts().sort_index()
    undated_statements = int(said.isna().sum())
    dates = pd.concat([events["date_start"].dropna(), events["date_end"].dropna(), said.dropna()])
    if dates.empty:
        dates = tables["sources"]["published"].dropna()
    if dates.empty:
        raise ValueError("nothing to draw: no event, statement or publication has a date")
    lo, hi = dates.min() - pd.Timedelta(days=30), dates.max() + pd.Timedelta(days=30)
    span = hi - lo
    has_band = bool(events["date_start"].isna().any() or undated_statements)

    height = 1.5 + 0.32 * (len(events) + 2)
    if has_band:
        fig, (ax, band) = plt.subplots(1, 2, sharey=True, figsize=(11, height), layout="constrained",
                                       gridspec_kw={"width_ratios": [5, 2]})
        band.set_facecolor("#f6f6f6")
        band.set_xlim(0, 1)
        band.set_xticks([])
        band.tick_params(left=False)
        band.set_title("no date", fontsize=8, color="#555555")
    else:
        fig, ax = plt.subplots(figsize=(11, height), layout="constrained")
        band = None
    lane, ticks, labels = 1, [0], ["statements (date said)"]
    for etype, group in events.groupby("_t", sort=True):
        first = lane
        for _, row in group.iterrows():
            color = DISPUTED if row["claim_status"] == "disputed" else REPORTED
            start, end = row["date_start"], row["date_end"]
            if pd.isna(start):
                band.plot([0.05], [lane], marker="s", color=color, ms=5, gid="undated-event")
                band.text(0.1, lane - 0.12, _label(row, names), color=color, fontsize=7, va="bottom", ha="left",
                          clip_on=True)
                lane += 1
                continue
            if pd.isna(end):
                ax.annotate("", xy=(hi, lane), xytext=(start, lane),
                            arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5})
                when = f"since {start:%Y-%m-%d} "
            elif end > start:
                ax.plot([start, end], [lane, lane], color=color, lw=5, solid_capstyle="butt")
                when = f"{start:%Y-%m-%d} to {end:%Y-%m-%d} "
            else:
                when = f"{start:%Y-%m-%d} "
            ax.plot([start], [lane], marker="o", color=color, ms=5, gid="dated-event")
            left_side = start > lo + span * 0.55
            ax.text(start, lane - 0.12, ("  " if not left_side else "") + when + _label(row, names) + ("  " if left_side else ""),
                    color=color, fontsize=7, va="bottom", ha="right" if left_side else "left")
            lane += 1
        ticks.append((first + lane - 1) / 2)
        labels.append(etype)
        for axes in (ax, band) if band is not None else (ax,):
            axes.axhline(lane - 0.5, color="#eeeeee", lw=0.8)
    ax.plot(per_day.index, [0] * len(per_day), linestyle="none", marker="D", color=STATEMENT, ms=5, gid="statements")
    for day, count in per_day.items():
        if count > 1:
            ax.text(day, -0.3, str(count), ha="center", va="bottom", fontsize=6, color=STATEMENT, gid="statement-count")
    if band is not None and undated_statements:
        band.text(0.1, 0, f"{undated_statements} statement(s)", color=STATEMENT, fontsize=7, va="center", ha="left")
    ax.set_yticks(ticks, labels)
    ax.set_ylim(lane - 0.3, -0.8)
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    ax.xaxis.set_major_formatter(_date_formatter())
    ax.grid(axis="x", color="#eeeeee", lw=0.5)
    fig.suptitle(title or DEFAULT_TITLE, fontsize=10, x=0.01, ha="left")
    ax.set_title(LEGEND, fontsize=7, color="#555555", loc="left")
    return fig


def render(tables: dict[str, "pd.DataFrame"], fmt: str = "svg", title: str | None = None) -> bytes:
    """The timeline (see `figure`) as SVG or PNG bytes. The SVG has no date and fixed ids,
    so it is byte-identical on a rebuild."""
    import matplotlib.pyplot as plt

    fig = figure(tables, title)
    buf = io.BytesIO()
    if fmt == "svg":
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    else:
        fig.savefig(buf, format="png", dpi=150, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def write_plot(tables: dict[str, "pd.DataFrame"], out: Path, title: str | None = None) -> None:
    """Write the timeline to `out`: SVG, or PNG at 150 dpi, by the file's suffix; `title`
    names the package (the package's own title)."""
    data = render(tables, "png" if out.suffix.lower() == ".png" else "svg", title)
    replace_atomically(out, lambda tmp: tmp.write_bytes(data))
