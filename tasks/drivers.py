"""What is driving a spike: the words and names much more frequent in the spike's stories
than in the topic's baseline, by the weighted log-odds ratio with an informative
Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 22):

    delta_w = log((y_s + a_w) / (n_s + a0 - y_s - a_w)) - log((y_b + a_w) / (n_b + a0 - y_b - a_w))
    z_w     = delta_w / sqrt(1 / (y_s + a_w) + 1 / (y_b + a_w))

with y_s, y_b the stories of the spike and of the baseline that use the term (each story
counts a term once, so one long article cannot carry it), n_s, n_b their totals, and the
prior a_w the term's count in both together (a0 their sum): a term common everywhere is
pulled towards zero, a term new in the spike stands out in proportion to the evidence.

Terms are single words and two-word phrases ("Ras Kandar", "oil terminal") from titles
and leads, in every language, lowercased for counting and shown in their most common
spelling, stop words left out (`tasks.stopwords`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tasks.stopwords import stop_words

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
MIN_SPIKE_STORIES = 2  # a term in one story only is that story's, not the spike's
MIN_Z = 1.96  # weaker evidence than this is not named
PHRASE_SHARE = 0.75  # a word shown as its phrase when the phrase has most of its uses


@dataclass
class Text:
    """One story's title and lead, in its language (ISO code; None when unknown)."""

    text: str
    language: str | None


def terms(text: Text, languages: Sequence[str]) -> tuple[set[str], dict[str, str]]:
    """The story's terms (words and adjacent-word phrases, stop words removed, lowercased)
    and the spelling each was seen in."""
    stops = stop_words(text.language, tuple(languages))
    found: set[str] = set()
    spelling: dict[str, str] = {}
    for run in re.split(r"[.,;:!?()\[\]«»\"“”„]", text.text):  # phrases stay in a clause
        words = [w for w in WORD.findall(run) if not w.isdigit()]
        kept: list[str | None] = [w if len(w) > 1 and w.casefold() not in stops else None
                                  for w in words]
        for i, word in enumerate(kept):
            if word is None:
                continue
            grams = [word]
            if i + 1 < len(kept) and kept[i + 1] is not None:
                grams.append(f"{word} {kept[i + 1]}")
            for gram in grams:
                key = gram.casefold()
                found.add(key)
                spelling.setdefault(key, gram)
    return found, spelling


def drivers(spike: Iterable[Text], baseline: Iterable[Text], languages: Sequence[str],
            limit: int = 5) -> list[str]:
    """The few terms most over-represented in `spike` against `baseline`, strongest first."""
    spike_counts, base_counts = Counter(), Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for texts, counts in ((spike, spike_counts), (baseline, base_counts)):
        for text in texts:
            found, spelling = terms(text, languages)
            counts.update(found)
            for key in found:
                spellings[key][spelling[key]] += 1
    scores = log_odds(spike_counts, base_counts)
    ranked = sorted((z, key) for key, z in scores.items()
                    if z >= MIN_Z and spike_counts[key] >= MIN_SPIKE_STORIES)
    chosen: list[str] = []
    for _, key in reversed(ranked):
        if " " not in key:  # a word shown as its phrase when the phrase carries it
            phrases = [p for p in spike_counts if " " in p and key in p.split(" ")
                       and spike_counts[p] >= PHRASE_SHARE * spike_counts[key]]
            key = max(phrases, key=lambda p: (spike_counts[p], scores.get(p, 0)), default=key)
        words = set(key.split(" "))
        if any(words & set(c.split(" ")) for c in chosen):
            continue
        chosen.append(key)
        if len(chosen) == limit:
            break
    return [spellings[key].most_common(1)[0][0] for key in chosen]


def log_odds(spike: Mapping[str, int], baseline: Mapping[str, int]) -> dict[str, float]:
    """Each term's z-score of the log-odds ratio, spike against baseline, with the
    combined counts as the informative Dirichlet prior."""
    spike, baseline = Counter(spike), Counter(baseline)
    prior = spike + baseline
    a0, n_s, n_b = sum(prior.values()), sum(spike.values()), sum(baseline.values())
    scores = {}
    for key, a in prior.items():
        y_s, y_b = spike[key], baseline[key]
        delta = (math.log((y_s + a) / (n_s + a0 - y_s - a))
                 - math.log((y_b + a) / (n_b + a0 - y_b - a)))
        scores[key] = delta / math.sqrt(1 / (y_s + a) + 1 / (y_b + a))
    return scores
