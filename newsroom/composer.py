"""How one story kind becomes many different articles.

Independently written articles must not look like copies to the story grouper
(`tasks/stories.py`, 4-word shingles), so a kind is not one text with blanks but a pool:
several leads, a dozen or more facts and a few voices, each sentence with alternatives
every few words (`[one|other]`) and slots (`{city}`) drawn per article; an article takes
a random part of the pool in random order, plus a few general facts of its section, and
`paraphrase` swaps common words. `newsroom/generator.py` then keeps, of a few drafts, the
one least like the articles of its kind so far. Two articles of one kind share about 8%
of their 4-word shingles on average and under a quarter at most (`tests/test_newsroom.py`
checks the maximum); the Newswire copies in the burst share one text.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable
from typing import Any

from newsroom.texts import Story, language

Parsed = tuple[str | tuple["Parsed", ...], ...]  # text, or a choice among alternatives


@functools.cache
def parse(template: str) -> Parsed:
    """`template` split into plain text and `[a|b]` choices (each alternative parsed)."""
    parts: list[str | tuple[Parsed, ...]] = []
    i = 0
    while i < len(template):
        start = template.find("[", i)
        if start < 0:
            parts.append(template[i:])
            break
        parts.append(template[i:start])
        depth, begin, options = 0, start + 1, []
        for j in range(start, len(template)):
            c = template[j]
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    options.append(parse(template[begin:j]))
                    break
            elif c == "|" and depth == 1:
                options.append(parse(template[begin:j]))
                begin = j + 1
        else:
            raise ValueError(f"unbalanced [ in template: {template!r}")
        parts.append(tuple(options))
        i = j + 1
    return tuple(p for p in parts if p != "")


def expand(template: str, rng: random.Random) -> str:
    """Resolve every `[a|b|c]` in `template` to one alternative (chosen by `rng`)."""
    out: list[str] = []
    _render(parse(template), rng.random, out)
    return "".join(out)


def _render(parsed: Parsed, random_: Callable[[], float], out: list[str]) -> None:
    for part in parsed:
        if type(part) is str:
            out.append(part)
        else:
            _render(part[int(random_() * len(part))], random_, out)


# How each language attributes a quote: {q} is the quote without its closing full stop,
# {s} the speaker, {S} the speaker at the start of a sentence.
QUOTE_FRAMES = {
    "en": ["“{q},” [said|says] {s}.", "{S} said: “{q}.”", "“{q},” [added|explained] {s}."],
    "de": ["„{q}“, [sagte|erklärte|betonte] {s}.", "{S} [sagte|meinte]: „{q}.“",
           "„{q}“, so {s}."],
    "ru": ["«{q}», — [говорит|отмечает|считает|подчёркивает] {s}.",
           "{S} [говорит|поясняет|отмечает]: «{q}»."],
}


# Words a body aims for (drawn per article); German and Russian words carry more.
TARGET_WORDS = {"en": (160, 200), "de": (165, 230), "ru": (160, 220)}
MAX_WORDS = 480


# Words a writer picks one way or another (keys lower case), swapped per occurrence:
# only swaps that keep the grammar of every sentence in `stories/`.
PARAPHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"several": ("several", "a number of"),
           "quickly": ("quickly", "rapidly", "fast"), "warned": ("warned", "cautioned"),
           "urged": ("urged", "called on"), "began": ("began", "started"),
           "rose": ("rose", "climbed"), "fell": ("fell", "dropped"),
           "because": ("because", "as"), "firms": ("firms", "companies"),
           "in recent months": ("in recent months", "over the past few months"),
           "officials said": ("officials said", "according to officials"),
           "large": ("large", "big")},
    "de": {"mehrere": ("mehrere", "einige"), "mehr als": ("mehr als", "über"),
           "zuletzt": ("zuletzt", "jüngst"),
           "derzeit": ("derzeit", "zurzeit", "momentan"),
           "inzwischen": ("inzwischen", "mittlerweile"),
           "deutlich": ("deutlich", "spürbar"),
           "weiterhin": ("weiterhin", "nach wie vor"), "bereits": ("bereits", "schon"),
           "jedoch": ("jedoch", "allerdings"), "schnell": ("schnell", "rasch"),
           "nach angaben": ("nach Angaben", "laut Angaben")},
    "ru": {"сообщили": ("сообщили", "рассказали"), "сообщил": ("сообщил", "заявил"),
           "заявили": ("заявили", "сообщили"), "сейчас": ("сейчас", "теперь"),
           "по-прежнему": ("по-прежнему", "всё ещё"),
           "значительно": ("значительно", "заметно", "существенно"),
           "быстро": ("быстро", "стремительно")},
}
_PARAPHRASABLE = {lang: re.compile(r"\b(?:" + "|".join(
    re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    for lang, table in PARAPHRASES.items()}


def paraphrase(text: str, lang: str, rng: random.Random) -> str:
    """`text` with each paraphrasable phrase replaced by one of its equivalents."""
    def swap(match: re.Match[str]) -> str:
        choice = rng.choice(PARAPHRASES[lang][match.group().lower()])
        return choice[:1].upper() + choice[1:] if match.group()[:1].isupper() else choice

    return _PARAPHRASABLE[lang].sub(swap, text)


def fill(template: str, rng: random.Random, slots: dict[str, str]) -> str:
    return expand(template, rng).format_map(slots)


def quote(voice: tuple[str, ...], lang: str, rng: random.Random,
          slots: dict[str, str]) -> str:
    """One voice's line, attributed the way the language does it."""
    speaker = fill(voice[0], rng, slots)
    said = fill(rng.choice(voice[1:]), rng, slots)
    frame = expand(rng.choice(QUOTE_FRAMES[lang]), rng)
    opener = speaker[:1].upper() + speaker[1:]
    if "," in speaker:  # "Jane Doe, an analyst at X, said: ..."
        opener += ","
    text = frame.replace("{q}", said).replace("{s}", speaker).replace("{S}", opener)
    for mark in "?!":  # “Why now?” said X, not “Why now?,” said X
        text = text.replace(f"{mark},”", f"{mark}”").replace(f"{mark}.”", f"{mark}”")
        text = text.replace(f"{mark}.“", f"{mark}“").replace(f"{mark}»,", f"{mark}»")
    return text


def compose(story_: Story, lang: str, slots: dict[str, str], rng: random.Random,
            variant: int | None = None) -> tuple[str, str, list[str]]:
    """(title, standfirst, paragraphs) for one article of a kind.

    The lead comes first; then facts in random order, one or two voices among them, a
    paragraph sometimes holding two facts, until the body reaches its drawn length; a
    closer now and then. `variant` (a burst story told again by another outlet) takes
    the variant-th title and lead and only every other fact and voice, so two tellings
    share no sentence. The caller runs `paraphrase` over the draft it keeps.
    """
    def mine(seq: tuple) -> list:
        if variant is None:
            return list(seq)
        return [x for i, x in enumerate(seq) if i % 2 == variant % 2] or list(seq)

    def one(seq: tuple) -> str:
        return seq[variant % len(seq)] if variant is not None else rng.choice(seq)

    title = fill(one(story_.titles), rng, slots)
    standfirst = fill(one(story_.standfirsts), rng, slots)
    paragraphs = [fill(one(story_.leads), rng, slots)]
    facts, voices = mine(story_.facts), mine(story_.voices)
    if not story_.ordered:
        rng.shuffle(facts)
    rng.shuffle(voices)
    items: list[tuple[str, Any]] = [("fact", f) for f in facts]
    shared = language(lang).section_facts.get(story_.section, ()) if story_.general else ()
    for extra in rng.sample(shared, min(len(shared), rng.randint(1, 3))):
        items.insert(rng.randint(0, len(items)), ("fact", extra))
    for voice in voices[:rng.randint(1, min(2, len(voices)))] if voices else []:
        items.insert(rng.randint(1, len(items)) if items else 0, ("voice", voice))
    target = rng.randint(*TARGET_WORDS[lang])
    words = len(paragraphs[0].split())
    while items and (words < target or len(paragraphs) < 4):
        kind, what = items.pop(0)
        if kind == "voice":
            text = quote(what, lang, rng, slots)
        else:
            text = fill(what, rng, slots)
            if items and items[0][0] == "fact" and rng.random() < 0.35:
                text += " " + fill(items.pop(0)[1], rng, slots)
        if words + len(text.split()) > MAX_WORDS:
            break
        paragraphs.append(text)
        words += len(text.split())
    closers = mine(story_.closers)
    if closers and rng.random() < 0.6:
        closer = fill(rng.choice(closers), rng, slots)
        if words + len(closer.split()) <= MAX_WORDS:
            paragraphs.append(closer)
    return title, standfirst, paragraphs
