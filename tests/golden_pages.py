"""The golden pages: saved pages of our own, each with the article JSON it must give.

Regenerate the expected JSON after an intended change:  python -m tests.golden_pages --regenerate
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tasks.charset import decode_html
from tasks.extract import extract_article

GOLDEN = Path(__file__).with_name("golden")
REGENERATE = "python -m tests.golden_pages --regenerate"

# page file -> the URL it was "fetched" from
PAGES = {
    "graph-news.html": "https://ledger.example/news/business/harbour-cranes-idle-strike?utm_source=rss",
    "og-only.html": "https://rheinblick.example/lokales/neue-radwege-altstadt?ref=home",
    "paywall.html": "https://dailyvolt.example/energy/grid-batteries-race",
    "latin1-page.html": "https://vallee.example/regions/vendanges-precoces",
    # an aggregator template: boilerplate lines between the paragraphs, no JSON-LD
    "aggregator.html": "https://newspulse.example/world/drone-strikes-fuel-depots?utm_source=agg",
    # windows-1251, declared only in <meta http-equiv>; no JSON-LD, OpenGraph or <meta> data
    "cyrillic-1251.html": "https://kurier.example/city/byudzhet-2025",
    # a blog template that shows the day of publication only, in text and in its URL
    "day-only.html": "https://coastline-review.example/2024/11/18/harbour-pilots-strike/",
    # a demo newsroom page whose article is one line (defect "too_short")
    "near-empty.html": "https://gulf-dispatch.example/gulf-dispatch/climate/"
    "40566-floods-force-evacuations-in-halifax-after-days-of-rain",
}


def extract_golden(name: str) -> dict[str, Any]:
    html, _charset = decode_html((GOLDEN / name).read_bytes())
    return extract_article(html, PAGES[name]).to_json_dict()


def expected_path(name: str) -> Path:
    return GOLDEN / (name.removesuffix(".html") + ".expected.json")



def regenerate() -> None:
    for name in sorted(PAGES):
        path = expected_path(name)
        path.write_text(
            json.dumps(extract_golden(name), ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        print(f"wrote {path}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--regenerate"]:
        regenerate()
    else:
        sys.exit(f"usage: {REGENERATE}")
