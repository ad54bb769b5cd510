"""A generalisation suite for the spike detector: synthetic topics with labels known by
construction, written in the shared scorer's format and scored with the shared scorer.

    .venv/bin/python bench/spike_suite.py --seeds 1 2 3      # generate, detect, score
    .venv/bin/python bench/spike_suite.py --seeds 7 --write-only   # just the files

Each seed makes eight weeks of hourly story counts for ten topics drawn from a model of real
mention counts: a topic's level (sparse, median 0 a bucket, to busy, hundreds an hour), a
daily rhythm with its own peak hour, quieter weekends, a slow trend, one or two holidays
(everything quieter), negative-binomial noise with a day-level factor, ordinary bursts
(none on calm topics, one or two hours at 1.5-3x on most days of bursty ones: never
labelled, they are what such a topic does), and, on most topics, a level shift from our own
collection: an outlet added or lost multiplies the topic and everything ingested alike.
That shift is not a spike and is never labelled. Labelled bursts come in graded sizes:
extra stories of 2, 4, 8 or 16 times the topic's usual hourly level (at least one story)
for one to four hours; the window runs from the burst's first hour to six hours after its
last. The detector sees the totals (all stories per hour), as it does in the flows.

Files go to bench/out/spike-suite/seed-N/: `<topic>.csv` (timestamp,value,total) and
`labels.json`, so `score_spikes.py --labels .../labels.json --pred ...` scores them too.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.spikes import SCORER, score  # noqa: E402
from tasks.detect import DetectorSettings, alerts, detect  # noqa: E402

OUT = REPO / "bench/out/spike-suite"
START = datetime(2025, 1, 6, tzinfo=UTC)  # a Monday
DAYS = 56
HOURS = DAYS * 24
GRADES = (2, 4, 8, 16)
STAMP = "%Y-%m-%d %H:%M:%S"


@dataclass
class Topic:
    name: str
    counts: np.ndarray
    totals: np.ndarray
    windows: list[tuple[int, int]]  # labelled bursts: first and last hour, inclusive
    grades: list[int] = field(default_factory=list)


def generate(seed: int) -> list[Topic]:
    """Ten topics from one seed: levels from sparse to busy, each with its own rhythm."""
    rng = np.random.default_rng(seed)
    hours = np.arange(HOURS)
    day = hours // 24
    collection = 300 * _rhythm(rng, hours, day)
    holidays = rng.choice(np.arange(14, DAYS), size=rng.integers(1, 3), replace=False)
    quiet = np.where(np.isin(day, holidays), rng.uniform(0.3, 0.6), 1.0)
    levels = np.exp(rng.uniform(np.log(0.05), np.log(300), size=10))
    levels[:3] = rng.uniform(0.03, 0.3, size=3)  # always some sparse topics (median 0)
    totals = rng.poisson(collection * quiet).astype(float)
    topics = []
    for k, level in enumerate(levels):
        mean = level * _rhythm(rng, hours, day) * quiet
        mean *= np.exp(rng.uniform(-0.5, 0.5) * hours / HOURS)  # slow trend
        shift = np.ones(HOURS)
        if rng.random() < 0.7:  # an outlet added or lost: the topic and the totals move alike
            at = rng.integers(12 * 24, HOURS - 5 * 24)
            shift[at:] = rng.choice([0.5, 1.6, 2.5])
        day_factor = rng.lognormal(0, rng.uniform(0.05, 0.4), size=DAYS)[day]
        phi = rng.uniform(0.02, 0.3)
        usual = mean * shift * day_factor
        # Ordinary bursts, part of the topic's normal life and never labelled: on a share of
        # days (none for calm topics, most days for bursty ones) one or two hours at 1.5-3x.
        for d in np.flatnonzero(rng.random(DAYS) < rng.choice([0.0, 0.3, 0.8])):
            hour = d * 24 + int(rng.integers(0, 23))
            usual[hour : hour + int(rng.integers(1, 3))] *= rng.uniform(1.5, 3)
        counts = rng.poisson(rng.gamma(1 / phi, usual * phi)).astype(float)
        windows, grades = [], []
        for start in _burst_starts(rng):
            grade = int(rng.choice(GRADES))
            length = int(rng.integers(1, 5))
            extra = grade * max(level, 1.0)
            counts[start : start + length] += rng.poisson(extra, size=length)
            windows.append((start, min(start + length - 1 + 6, HOURS - 1)))
            grades.append(grade)
        topic_totals = totals * shift + counts
        topics.append(Topic(f"s{seed}-t{k}", counts, topic_totals, windows, grades))
    return topics


def _rhythm(rng: np.random.Generator, hours: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Daily cycle with a random peak hour and depth, weekends quieter."""
    depth, peak = rng.uniform(0.2, 0.9), rng.uniform(8, 20)
    daily = 1 + depth * np.cos(2 * np.pi * (hours % 24 - peak) / 24)
    weekend = np.where(day % 7 >= 5, rng.uniform(0.4, 1.0), 1.0)
    return daily * weekend


def _burst_starts(rng: np.random.Generator) -> list[int]:
    """Zero to three burst starts after the learning stretch, at least four days apart."""
    starts: list[int] = []
    for _ in range(int(rng.integers(0, 4))):
        start = int(rng.integers(12 * 24, HOURS - 24))
        if all(abs(start - other) > 4 * 24 for other in starts):
            starts.append(start)
    return sorted(starts)


def write(topics: list[Topic], folder: Path) -> None:
    """CSV per topic (timestamp,value,total) and labels.json, in the shared scorer's format."""
    folder.mkdir(parents=True, exist_ok=True)
    stamps = [(START + timedelta(hours=int(h))).strftime(STAMP) for h in range(HOURS)]
    labels = {}
    for topic in topics:
        columns = zip(stamps, topic.counts, topic.totals, strict=True)
        rows = [f"{s},{c:g},{t:g}" for s, c, t in columns]
        (folder / f"{topic.name}.csv").write_text("timestamp,value,total\n" + "\n".join(rows))
        labels[f"{topic.name}.csv"] = [[stamps[a], stamps[b]] for a, b in topic.windows]
    (folder / "labels.json").write_text(json.dumps(labels, indent=1) + "\n")


def predict(topics: list[Topic], settings: DetectorSettings) -> dict[str, list[str]]:
    stamps = [START + timedelta(hours=int(h)) for h in range(HOURS)]
    return {
        f"{t.name}.csv": [
            a.timestamp.strftime(STAMP)
            for a in alerts(detect(stamps, t.counts, settings, totals=t.totals))
        ]
        for t in topics
    }


def evaluate(seeds: list[int], settings: DetectorSettings) -> dict[str, float]:
    """Pooled F1, precision, recall, false alerts per topic-month and recall per grade."""
    pooled = {"windows": 0, "detected": 0, "false_alerts": 0, "buckets": 0}
    by_grade: dict[int, list[int]] = {g: [0, 0] for g in GRADES}
    for seed in seeds:
        topics = generate(seed)
        folder = OUT / f"seed-{seed}"
        write(topics, folder)
        predictions = predict(topics, settings)
        report = score(folder, predictions)
        for key in pooled:
            pooled[key] += report["OVERALL"][key]
        for topic in topics:
            hits = [datetime.strptime(a, STAMP) for a in predictions[f"{topic.name}.csv"]]
            for (a, b), grade in zip(topic.windows, topic.grades, strict=True):
                lo = (START + timedelta(hours=a)).replace(tzinfo=None)
                hi = (START + timedelta(hours=b)).replace(tzinfo=None)
                by_grade[grade][0] += 1
                by_grade[grade][1] += any(lo <= h <= hi for h in hits)
    found, wrong, windows = pooled["detected"], pooled["false_alerts"], pooled["windows"]
    months = pooled["buckets"] / (30 * 24)
    figures = {
        "f1": 2 * found / (found + wrong + windows) if windows else 0.0,
        "precision": found / (found + wrong) if found + wrong else 0.0,
        "recall": found / windows if windows else 0.0,
        "false_alerts_per_topic_month": wrong / months,
        "windows": windows,
    }
    for grade, (total, hit) in by_grade.items():
        figures[f"recall_x{grade}"] = hit / total if total else float("nan")
    return figures


def print_figures(label: str, figures: dict[str, float]) -> None:
    grades = " ".join(f"x{g} {figures[f'recall_x{g}']:.2f}" for g in GRADES)
    print(
        f"{label:10} windows {figures['windows']:>3.0f}  F1 {figures['f1']:.3f}  "
        f"P {figures['precision']:.2f}  R {figures['recall']:.2f}  "
        f"false alerts/topic-month {figures['false_alerts_per_topic_month']:.2f}  "
        f"recall by size {grades}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--write-only", action="store_true", help="write the files, no scoring")
    args = parser.parse_args(argv)
    if args.write_only:
        for seed in args.seeds:
            write(generate(seed), OUT / f"seed-{seed}")
        print(f"written to {OUT}")
        return 0
    if not SCORER.is_file():
        print(f"skipped: the shared scorer {SCORER} is missing")
        return 0
    print(f"seeds {' '.join(map(str, args.seeds))}")
    for level in ("fewer", "balanced", "more"):
        print_figures(level, evaluate(args.seeds, DetectorSettings(sensitivity=level)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
