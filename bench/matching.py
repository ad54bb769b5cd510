"""How fast topic matching runs on one core.

    .venv/bin/python bench/matching.py [--articles 3000] [--floor 2000]

Synthetic topics (50 topics x 10 aliases: single words, phrases, Cyrillic and Arabic
ones, a few exclusions each) over ~600-word articles (70% English, 15% Russian, 15%
Arabic, each with a few alias mentions), plus the shipped config/topics.yaml over the
same articles. Prints articles per second and exits non-zero below the floor.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.config import DEFAULT_CONFIG_DIR, Topic, TopicsFile, read_yaml  # noqa: E402
from tasks.match import TopicMatcher, match_articles  # noqa: E402
from tasks.models import Article  # noqa: E402


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ENGLISH = words("""the of and to in a is that for it as was with be by on not he this are or his
from at which but have an they you were her she there been one all we their has would
when if so no will more said officials government minister forces attack city region
report people military country week statement talks border security president army
according sources told agency news early morning strike missile defence ceasefire
international state foreign ministry spokesman capital province local residents""")
RUSSIAN = words("""и в не на что с по как это он из у за от к для же все так его но да ты
министр заявил сообщил правительство войска удар город области президент переговоры
границе безопасности армия агентство утром ракета оборона перемирие""")
ARABIC = words("""في من على أن إلى عن مع هذا التي الذي كان قال وزير الحكومة القوات هجوم
المدينة المنطقة الرئيس الجيش الحدود الأمن وكالة صباح صاروخ الدفاع هدنة""")
SYLLABLES = words("ka lo mir ta zen vor ul pha dre bi nok sar el tru gan ost ri mu ve")
CYR_SYLLABLES = words("ка ло мир та зен вор ул фа дре би нок сар")
AR_SYLLABLES = words("كا لو مير تا زن فور ول فا در بي نوك سار")


def pseudo_word(rng: random.Random, syllables: tuple[str, ...]) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def synthetic_topics(rng: random.Random, count: int = 50, aliases: int = 10) -> list[Topic]:
    topics = []
    for index in range(count):
        names = [pseudo_word(rng, SYLLABLES).capitalize() for _ in range(aliases - 4)]
        names += [f"{pseudo_word(rng, SYLLABLES)} {pseudo_word(rng, SYLLABLES)}" for _ in range(2)]
        topics.append(Topic(
            name=f"topic{index}", label=f"Topic {index}",
            aliases={"en": names, "ru": [pseudo_word(rng, CYR_SYLLABLES)],
                     "ar": [pseudo_word(rng, AR_SYLLABLES)]},
            exclude=[f"{names[0]} {pseudo_word(rng, SYLLABLES)}"],
        ))
    return topics


def synthetic_articles(rng: random.Random, topics: list[Topic], count: int) -> list[Article]:
    aliases = [a for t in topics for names in t.aliases.values() for a in names]
    articles = []
    for index in range(count):
        roll = rng.random()
        vocabulary = ENGLISH if roll < 0.7 else RUSSIAN if roll < 0.85 else ARABIC
        words = [rng.choice(vocabulary) for _ in range(600)]
        for _ in range(rng.randint(0, 6)):
            words[rng.randrange(len(words))] = rng.choice(aliases)
        text = " ".join(words)
        body = ". ".join(text[i:i + 120] for i in range(0, len(text), 120))
        title = " ".join(rng.choice(vocabulary) for _ in range(9))
        articles.append(Article(url=f"https://example.com/{index}", title=title, body=body))
    return articles


def rate(articles: list[Article], matcher: TopicMatcher) -> tuple[float, int]:
    start = time.perf_counter()
    hits = match_articles(articles, matcher)
    return len(articles) / (time.perf_counter() - start), len(hits)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--floor", type=float, default=2000.0, help="articles/s required")
    args = parser.parse_args()
    rng = random.Random(7)
    topics = synthetic_topics(rng)
    articles = synthetic_articles(rng, topics, args.articles)
    words = sum(len(a.body.split()) for a in articles) / len(articles)

    start = time.perf_counter()
    synthetic = TopicMatcher.compile(topics)
    compile_ms = (time.perf_counter() - start) * 1000
    shipped = TopicMatcher.compile(
        TopicsFile.model_validate(read_yaml(DEFAULT_CONFIG_DIR / "topics.yaml")).topics)

    synthetic_rate, hits = rate(articles, synthetic)
    shipped_rate, _ = rate(articles, shipped)
    print(f"{len(articles)} articles of ~{words:.0f} words, one core")
    print(f"synthetic 50 topics x 10 aliases: {synthetic_rate:,.0f} articles/s "
          f"({hits} topic hits; compile {compile_ms:.0f} ms)")
    print(f"shipped config/topics.yaml ({len(shipped.names)} topics): "
          f"{shipped_rate:,.0f} articles/s")
    if synthetic_rate < args.floor:
        print(f"below the floor of {args.floor:,.0f} articles/s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
