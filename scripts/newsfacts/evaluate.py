"""Score extracted rows against hand-made gold annotations.

Matching rules (also in the codebook): rows of one source are paired one to one, the
pairs with the largest overlap-over-union first; a pair needs overlapping spans, the
overlap covering at least half of the shorter span, and for events the same event_type, for figures the same value. Speaker
accuracy is the share of matched statements with the gold speaker_id; date accuracy the
share of matched statements and events with the gold date_start and date_end.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from newsfacts.csvio import read_rows

TABLES = ("statements", "events", "figures")
MIN_OVERLAP = 0.5


class GoldError(Exception):
    """A gold file that is unreadable or does not fit its text."""


def load_gold(directory: Path) -> dict[str, dict[str, Any]]:
    """Gold annotations keyed by source_id (every *.json in the directory but floors)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path}: {exc}") from None
        if "source_id" in gold:
            out[gold["source_id"]] = gold
    return out


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> float:
    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
    shorter = min(a["end"] - a["start"], b["end"] - b["start"])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def _jaccard(a: dict[str, Any], b: dict[str, Any]) -> float:
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return inter / union if union else 0.0


def _same_value(a: object, b: object) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _compatible(table: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if table == "events":
        return pred.get("event_type") == gold.get("event_type")
    if table == "figures":
        return _same_value(pred.get("value"), gold.get("value"))
    return True


def _date(row: dict[str, Any]) -> tuple[str | None, str | None]:
    return (row.get("date_start") or None, row.get("date_end") or None)


def match(table: str, predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index), best overlap first, each row used once."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            ov = _overlap(p, g)
            if ov >= MIN_OVERLAP and _compatible(table, p, g):
                tie = (_date(p) == _date(g)) + (p.get("actor_id") == g.get("actor_id"))
                candidates.append((-_jaccard(p, g), -tie, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class TableScore:
    """Counts for one table over all sources."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    same_speaker: int = 0
    same_date: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, table: str) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        if table == "statements":
            out["speaker_accuracy"] = round(self.same_speaker / self.matched, 4) if self.matched else 0.0
        if table in ("statements", "events"):
            out["date_accuracy"] = round(self.same_date / self.matched, 4) if self.matched else 0.0
        return out


@dataclass
class Evaluation:
    """Scores per table, in total and per source."""

    total: dict[str, TableScore] = field(default_factory=lambda: {t: TableScore() for t in TABLES})
    by_source: dict[str, dict[str, TableScore]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": {t: s.as_dict(t) for t, s in self.total.items()},
            "sources": {
                sid: {t: s.as_dict(t) for t, s in tables.items()} for sid, tables in sorted(self.by_source.items())
            },
        }

    def figures(self) -> dict[str, float]:
        """Flat 'table.metric' -> value, for floors."""
        flat: dict[str, float] = {}
        for table, scores in self.as_dict()["total"].items():
            for k, v in scores.items():
                if k in ("precision", "recall", "f1", "speaker_accuracy", "date_accuracy"):
                    flat[f"{table}.{k}"] = float(v)
        return flat


def evaluate(predicted: dict[str, dict[str, list[dict[str, Any]]]], gold: dict[str, dict[str, Any]]) -> Evaluation:
    """Score predictions (source_id -> table -> rows) against gold for every gold source."""
    result = Evaluation()
    for sid, g in sorted(gold.items()):
        tables = predicted.get(sid)
        if tables is None:
            continue
        per = {t: TableScore() for t in TABLES}
        for table in TABLES:
            p_rows, g_rows = tables.get(table, []), g.get(table, [])
            score = per[table]
            score.gold, score.predicted = len(g_rows), len(p_rows)
            for i, j in match(table, p_rows, g_rows):
                score.matched += 1
                if (p_rows[i].get("speaker_id") or None) == (g_rows[j].get("speaker_id") or None):
                    score.same_speaker += 1
                if _date(p_rows[i]) == _date(g_rows[j]):
                    score.same_date += 1
        result.by_source[sid] = per
        for table in TABLES:
            t, s = result.total[table], per[table]
            t.gold += s.gold
            t.predicted += s.predicted
            t.matched += s.matched
            t.same_speaker += s.same_speaker
            t.same_date += s.same_date
    return result


def check_gold_texts(gold: dict[str, dict[str, Any]], texts: dict[str, bytes]) -> list[str]:
    """Gold files whose text is present must match its sha256 and length."""
    import hashlib

    problems = []
    for sid, g in gold.items():
        data = texts.get(sid)
        if data is None:
            continue
        if hashlib.sha256(data).hexdigest() != g.get("sha256"):
            problems.append(f"gold {sid}: sha256 differs from the text's")
        n = len(data.decode("utf-8"))
        for table in TABLES:
            for row in g.get(table, []):
                if not 0 <= row["start"] < row["end"] <= n:
                    problems.append(f"gold {sid} {table}: span {row['start']}-{row['end']} outside the text")
    return problems


def render(result: Evaluation) -> str:
    """A fixed-width table of the totals."""
    header = f"{'table':<11}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}{'speaker':>9}{'date':>8}"
    lines = [header, "-" * len(header)]
    for table, score in result.as_dict()["total"].items():
        sp = score.get("speaker_accuracy")
        dt_ = score.get("date_accuracy")
        lines.append(
            f"{table:<11}{score['gold']:>6}{score['predicted']:>6}{score['matched']:>7}"
            f"{score['precision']:>8.3f}{score['recall']:>8.3f}{score['f1']:>8.3f}"
            f"{'' if sp is None else f'{sp:.3f}':>9}{'' if dt_ is None else f'{dt_:.3f}':>8}"
        )
    lines.append(f"sources: {len(result.by_source)}")
    return "\n".join(lines) + "\n"


def below_floor(result: Evaluation, floor: dict[str, float]) -> list[str]:
    """Every figure that fell below its committed floor."""
    got = result.figures()
    return [
        f"{key}: {got.get(key, 0.0):.4f} < floor {minimum:.4f}"
        for key, minimum in sorted(floor.items())
        if got.get(key, 0.0) + 1e-9 < minimum
    ]


def rows_from_package(root: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Rows of a package directory, grouped by source, with typed offsets and values."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in TABLES:
        for row in read_rows(root / "data" / f"{table}.csv"):
            typed: dict[str, Any] = dict(row)
            typed["start"], typed["end"] = int(row["start"]), int(row["end"])
            out.setdefault(row["source_id"], {t: [] for t in TABLES})[table].append(typed)
    return out


def rows_from_extractions(extractions: Iterable[Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Rows of in-memory extractions, grouped by source."""
    return {
        x.source["source_id"]: {t: list(getattr(x, t)) for t in TABLES} for x in extractions
    }
