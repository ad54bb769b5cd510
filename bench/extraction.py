"""Benchmark extraction: ours against plain trafilatura, on the same pages in the same run,
scored with the shared scorers; fails below the floors pinned in
`bench/extraction_floors.json`.

- metadata-dev (real pages of many publishers): title, authors, date, body and language
  of our whole record, beside trafilatura's `bare_extraction` with metadata (dates with
  their time of day);
- extraction-dev (the article-extraction benchmark's pages): body F1, both;
- speed: pages/s of our whole record (metadata, body, captions, teaser flag, language)
  against trafilatura's body-only `extract`, over the pages of both corpora: each page
  run by both sides back to back, three rounds, each page's fastest time kept on each
  side (a noisy neighbour must not decide the ratio).

    python bench/extraction.py                 # score, compare with the floors
    python bench/extraction.py --lower-floors  # accept lower figures: rewrites the floors
    python bench/extraction.py --raise-floors  # pin the floors at this run's figures

Exit codes: 0 at or above the floors (or no corpus: skipped, with the reason printed),
1 below a floor.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.charset import decode_html  # noqa: E402
from tasks.errors import ExtractError  # noqa: E402
from tasks.extract import extract_article  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "extraction-dev"
METADATA_CORPUS = SHARED / "corpus" / "metadata-dev"
SCORER = SHARED / "tools" / "score_extraction.py"
METADATA_SCORER = SHARED / "tools" / "score_metadata.py"
FLOORS = Path(__file__).with_name("extraction_floors.json")
# a trafilatura date with its time of day and offset, as the metadata gold has them
TRAFILATURA_DATES = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True}

Page = tuple[str, str, str]  # id, decoded HTML, URL


def load_corpus(corpus: Path) -> list[Page]:
    """Every `<id>.html.gz` with its `<id>.json` (for the URL), decoded from bytes."""
    pages = []
    for path in sorted(corpus.glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        meta_path = corpus / f"{page_id}.json"
        url = json.loads(meta_path.read_text("utf-8")).get("url", "") if meta_path.exists() else ""
        html, _charset = decode_html(gzip.decompress(path.read_bytes()))
        pages.append((page_id, html, url))
    return pages


def record(html: str, url: str) -> dict[str, Any]:
    """Our whole record, as `newswatch extract` prints it (without `source`)."""
    try:
        return extract_article(html, url).to_json_dict()
    except ExtractError as exc:
        return {"error": str(exc)}


def ours(html: str, url: str) -> str:
    return record(html, url).get("body") or ""


def plain_trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def trafilatura_record(html: str, url: str) -> dict[str, Any]:
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, date_extraction_params=TRAFILATURA_DATES
    )
    if document is None:
        return {}
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return {"title": document.title, "authors": authors, "published_at": document.date,
            "body": document.text or "", "language": document.language, "url": document.url}


def load_module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROUNDS = 3


def race(pages: list[Page], ours_: Callable[[str, str], Any],
         theirs: Callable[[str, str], Any]) -> tuple[dict[str, list[Any]], dict[str, float]]:
    """Both sides' output for every page, and pages/s of both: each page run by one side
    right after the other (which one first alternates), ROUNDS times, its fastest time
    kept on each side, so that a burst of load on a shared machine hits both sides alike
    and the rounds filter it out."""
    sides = {"ours": ours_, "trafilatura": theirs}
    best = {name: [float("inf")] * len(pages) for name in sides}
    out: dict[str, list[Any]] = {name: [None] * len(pages) for name in sides}
    for round_ in range(ROUNDS):
        for index, (_page_id, html, url) in enumerate(pages):
            order = list(sides)[::-1] if (index + round_) % 2 else list(sides)
            for name in order:
                started = time.perf_counter()
                out[name][index] = sides[name](html, url)
                best[name][index] = min(best[name][index], time.perf_counter() - started)
    return out, {name: len(pages) / sum(times) for name, times in best.items()}


def body_f1(scorer: ModuleType, gold: dict[str, Any], pages: list[Page], bodies: list[str]) -> dict:
    """The article-extraction benchmark's shingle P/R/F1 of `bodies`."""
    rows = []
    for (page_id, _html, _url), body in zip(pages, bodies, strict=True):
        tp, fp, fn = scorer.page_counts(gold[page_id], body)
        rows.append((*scorer.page_scores(tp, fp, fn), False))
    metrics = scorer.aggregate(rows)
    return {k: metrics[k] for k in ("f1", "precision", "recall")}


def metadata_scores(scorer: ModuleType, gold: dict[str, Any], pages: list[Page],
                    records: list[dict[str, Any]]) -> dict[str, float]:
    preds = {page_id: rec for (page_id, _h, _u), rec in zip(pages, records, strict=True)}
    errors = {page_id for page_id, rec in preds.items() if rec.get("error")}
    agg = scorer.aggregate(scorer.score(gold, {k: v for k, v in preds.items()
                                               if k not in errors}, errors))
    return {
        "title_exact": agg["title"]["exact"],
        "authors_f1": agg["authors"]["f1"],
        "date_exact": agg["published_at"]["exact"],
        "body_f1": agg["body"]["f1"],
        "language": agg["language"]["accuracy"],
    }


def run(corpus: Path = DEFAULT_CORPUS, metadata: Path = METADATA_CORPUS) -> dict[str, Any]:
    body_scorer = load_module("score_extraction", SCORER)
    body_gold = body_scorer.load_gold([str(corpus)])
    body_pages = load_corpus(corpus)
    meta_pages = load_corpus(metadata) if metadata.is_dir() else []
    everything = body_pages + meta_pages
    outputs, speeds = race(everything, record, plain_trafilatura)
    records, plain = outputs["ours"], outputs["trafilatura"][: len(body_pages)]
    results: dict[str, Any] = {
        "extraction-dev": {
            "ours": body_f1(body_scorer, body_gold, body_pages,
                            [r.get("body") or "" for r in records[: len(body_pages)]]),
            "trafilatura": body_f1(body_scorer, body_gold, body_pages, plain),
        },
        "speed": speeds,
    }
    results["speed"]["ratio"] = results["speed"]["ours"] / results["speed"]["trafilatura"]
    if meta_pages:
        scorer = load_module("score_metadata", METADATA_SCORER)
        gold = scorer.load_gold(str(metadata))
        theirs = [trafilatura_record(html, url) for _page_id, html, url in meta_pages]
        results["metadata-dev"] = {
            "ours": metadata_scores(scorer, gold, meta_pages, records[len(body_pages):]),
            "trafilatura": metadata_scores(scorer, gold, meta_pages, theirs),
        }
    return results


def figures(results: dict[str, Any]) -> dict[str, float]:
    """The figures the floors pin, by name."""
    out = {"extraction-dev body_f1": results["extraction-dev"]["ours"]["f1"],
           "speed_ratio": results["speed"]["ratio"]}
    for name, value in results.get("metadata-dev", {}).get("ours", {}).items():
        out[f"metadata-dev {name}"] = value
    return out


def check_floors(results: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """The floors that `results` falls below, as readable lines."""
    got = figures(results)
    return [f"{name} {got[name]:.4f} is below the floor {floor:.4f}"
            for name, floor in floors.items() if name in got and got[name] < floor]


def report(results: dict[str, Any]) -> None:
    print(f"{'extraction-dev (body)':<24} {'F1':>7} {'P':>7} {'R':>7}")
    for name, row in results["extraction-dev"].items():
        print(f"  {name:<22} {row['f1']:7.4f} {row['precision']:7.4f} {row['recall']:7.4f}")
    if "metadata-dev" in results:
        columns = ("title_exact", "authors_f1", "date_exact", "body_f1", "language")
        print(f"{'metadata-dev':<24}" + "".join(f"{c:>12}" for c in columns))
        for name, row in results["metadata-dev"].items():
            print(f"  {name:<22}" + "".join(f"{row[c]:12.4f}" for c in columns))
    speed = results["speed"]
    print(f"pages/s, both corpora: ours (whole record) {speed['ours']:.1f}, "
          f"trafilatura (body only) {speed['trafilatura']:.1f}; ratio {speed['ratio']:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--metadata-corpus", type=Path, default=METADATA_CORPUS)
    floors_change = parser.add_mutually_exclusive_group()
    floors_change.add_argument("--lower-floors", action="store_true",
                               help="rewrite the floors where this run's figures are lower")
    floors_change.add_argument("--raise-floors", action="store_true",
                               help="pin every floor at this run's figure (rounded down)")
    args = parser.parse_args(argv)

    if not args.corpus.is_dir() or not any(args.corpus.glob("*.html.gz")):
        print(f"skipped: no corpus at {args.corpus} (pass --corpus DIR)")
        return 0
    if not SCORER.exists() or not METADATA_SCORER.exists():
        print(f"skipped: no scorers at {SCORER.parent}")
        return 0
    if not args.metadata_corpus.is_dir():
        print(f"no metadata corpus at {args.metadata_corpus}: body and speed only")

    results = run(args.corpus, args.metadata_corpus)
    report(results)
    floors: dict[str, float] = json.loads(FLOORS.read_text("utf-8"))
    got = figures(results)
    if args.raise_floors:
        floors = {name: int(value * 1000) / 1000 for name, value in got.items()}
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n", "utf-8")
        print(f"floors pinned in {FLOORS}")
        return 0
    failures = check_floors(results, floors)
    if failures and args.lower_floors:
        floors = {name: min(floor, int(got.get(name, floor) * 1000) / 1000)
                  for name, floor in floors.items()}
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n", "utf-8")
        print(f"floors lowered in {FLOORS}: {failures}")
        return 0
    for failure in failures:
        print(f"BELOW FLOOR: {failure}")
    if not failures:
        print(f"at or above the floors in {FLOORS.name}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
