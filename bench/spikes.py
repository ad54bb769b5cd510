"""Backtest the spike detector on the labelled spikes-dev corpus and hold it to pinned floors.

    .venv/bin/python bench/spikes.py                 # score, compare with bench/spikes_floors.json
    .venv/bin/python bench/spikes.py --lower-floors  # accept worse figures: rewrites the floors
    .venv/bin/python bench/spikes.py --sweep         # F1 over thresholds, leave-one-series-out

Runs `detect` with default DetectorSettings on every CSV of the corpus, writes the alerts to
bench/out/spikes_pred.json, scores them with the shared scorer (window-level F1, false alerts
per 1,000 buckets) and exits 1 when a pooled figure falls below its floor. No corpus: says so
and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import math
import sys
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tasks.detect import DetectorSettings, alerts, detect, read_series_csv  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared/corpus/spikes-dev"
SCORER = REPO.parent / "shared/tools/score_spikes.py"
FLOORS = Path(__file__).with_name("spikes_floors.json")
OUT = REPO / "bench/out/spikes_pred.json"
# Pooled figures with a floor; for false alerts per 1k buckets the floor is a ceiling.
HIGHER_IS_BETTER = {"f1": True, "recall": True, "precision": True, "false_alerts_per_1k": False}


def run(corpus: Path, settings: DetectorSettings) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Alerts per series (timestamps as in the CSV) and detection seconds per series."""
    predictions: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    for path in sorted(corpus.glob("*.csv")):
        timestamps, values = read_series_csv(path)
        start = time.perf_counter()
        decisions = detect(timestamps, values, settings)
        seconds[path.name] = time.perf_counter() - start
        predictions[path.name] = [
            a.timestamp.strftime("%Y-%m-%d %H:%M:%S") for a in alerts(decisions)
        ]
    return predictions, seconds


def score(corpus: Path, predictions: dict[str, list[str]]) -> dict[str, dict]:
    """Per-series and pooled ("OVERALL") figures from the shared scorer."""
    scorer = _load_scorer()
    labels = json.loads((corpus / "labels.json").read_text())
    per_series = {}
    for name, windows in sorted(labels.items()):
        times = scorer.read_series_times(corpus / name)
        spans = [(scorer.parse_ts(a), scorer.parse_ts(b)) for a, b in windows]
        alerted = [scorer.parse_ts(a) for a in predictions.get(name, [])]
        with contextlib.redirect_stderr(io.StringIO()):  # probation warnings are noise here
            per_series[name] = scorer.score_series(times, spans, alerted, [], 0.15)
    report = {name: scorer.summarise(counts) for name, counts in per_series.items()}
    report["OVERALL"] = scorer.summarise(scorer.pool(per_series.values()))
    return report


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_spikes", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the shared scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pooled_figures(report: dict[str, dict]) -> dict[str, float]:
    overall = report["OVERALL"]
    return {
        "f1": overall["f1"],
        "recall": overall["recall"],
        "precision": overall["precision"],
        "false_alerts_per_1k": overall["false_alerts_per_1k_buckets"],
    }


def print_table(report: dict[str, dict], seconds: dict[str, float]) -> None:
    print(
        f"{'series':28} {'win':>3} {'det':>3} {'FP':>3} {'prec':>5} {'rec':>5} {'F1':>5} "
        f"{'delay':>6} {'FA/1k':>6} {'sec':>5}"
    )
    for name, s in report.items():
        delay = s["mean_delay_buckets"]
        secs = sum(seconds.values()) if name == "OVERALL" else seconds.get(name, 0.0)
        print(
            f"{name[:28]:28} {s['windows']:>3} {s['detected']:>3} {s['false_alerts']:>3} "
            f"{s['precision']:>5.2f} {s['recall']:>5.2f} {s['f1']:>5.2f} "
            f"{'n/a' if delay is None else format(delay, '.1f'):>6} "
            f"{s['false_alerts_per_1k_buckets']:>6.2f} {secs:>5.2f}"
        )


def pinned(figures: dict[str, float]) -> dict[str, float]:
    """Floors from today's figures, rounded to 3 places in the direction that still passes."""
    return {
        key: (math.floor if HIGHER_IS_BETTER[key] else math.ceil)(value * 1000) / 1000
        for key, value in figures.items()
    }


def check_floors(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One line per figure that is worse than its floor."""
    failures = []
    for key, floor in floors.items():
        value = figures[key]
        worse = value < floor if HIGHER_IS_BETTER[key] else value > floor
        if worse:
            side = "below the floor" if HIGHER_IS_BETTER[key] else "above the ceiling"
            failures.append(f"{key} {value:.3f} is {side} {floor:.3f}")
    return failures


def sweep(corpus: Path, thresholds: list[float]) -> None:
    """Pooled figures per threshold, then leave-one-series-out: pick the threshold that is
    best on the other series, score the held-out one with it (ties go to the default)."""
    default = DetectorSettings().threshold
    counts: dict[float, dict[str, dict]] = {}
    print(f"{'threshold':>9} {'det':>3} {'FP':>3} {'prec':>5} {'rec':>5} {'F1':>5} {'FA/1k':>6}")
    for threshold in thresholds:
        predictions, _ = run(corpus, DetectorSettings(threshold=threshold))
        report = score(corpus, predictions)
        counts[threshold] = {k: v for k, v in report.items() if k != "OVERALL"}
        s = report["OVERALL"]
        print(
            f"{threshold:>9g} {s['detected']:>3} {s['false_alerts']:>3} {s['precision']:>5.2f} "
            f"{s['recall']:>5.2f} {s['f1']:>5.2f} {s['false_alerts_per_1k_buckets']:>6.2f}"
        )

    def f1(rows: list[dict]) -> float:
        found = sum(r["detected"] for r in rows)
        wrong = sum(r["false_alerts"] for r in rows)
        return 2 * found / (found + wrong + sum(r["windows"] for r in rows))

    held_out = []
    for name in counts[thresholds[0]]:
        def train_f1(t: float, name: str = name) -> tuple[float, float]:
            return f1([r for n, r in counts[t].items() if n != name]), -abs(t - default)

        best = max(thresholds, key=train_f1)
        held_out.append(counts[best][name])
        print(f"leave out {name}: threshold {best:g}, held-out F1 {f1([counts[best][name]]):.2f}")
    print(f"leave-one-series-out pooled F1 {f1(held_out):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="labelled series")
    parser.add_argument(
        "--lower-floors",
        action="store_true",
        help=f"rewrite {FLOORS.name} with today's figures even where they are worse",
    )
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="print F1 over a range of thresholds and leave-one-series-out; no floor check",
    )
    args = parser.parse_args(argv)

    if not (args.corpus / "labels.json").is_file():
        print(f"skipped: no labelled corpus at {args.corpus} (labels.json missing)")
        return 0
    if not SCORER.is_file():
        print(f"skipped: the shared scorer {SCORER} is missing")
        return 0

    if args.sweep:
        sweep(args.corpus, [4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0])
        return 0
    predictions, seconds = run(args.corpus, DetectorSettings())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(predictions, indent=1) + "\n")
    report = score(args.corpus, predictions)
    print_table(report, seconds)
    figures = pooled_figures(report)

    floors = json.loads(FLOORS.read_text()) if FLOORS.is_file() else {}
    if args.lower_floors or not floors:
        FLOORS.write_text(json.dumps(pinned(figures), indent=1) + "\n")
        print(f"floors written to {FLOORS}")
        return 0
    failures = check_floors(figures, floors)
    for line in failures:
        print(f"FAIL: {line}")
    if failures:
        print("fix the detector, or accept the drop with --lower-floors")
        return 1
    print(f"ok: pooled figures meet the floors in {FLOORS.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
