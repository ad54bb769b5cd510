"""The demo newsroom's story texts, loaded from `newsroom/stories/*.yaml`.

Every sentence there was written for Newswatch; people, outlets, think tanks, teams and
the Ras Kandar terminal are fictional. A kind's `topics` is the ground truth: its text
names exactly those watched topics and no others, so the topic matcher can be scored.
Adding a kind: write each sentence so that no run of more than four or five words is
fixed (see `newsroom/composer.py`), and run `tests/test_newsroom.py`, which checks
topics, lengths and similarity.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("en", "de", "ru")


@dataclass(frozen=True)
class Story:
    """A kind of news event: its section, the topics it is about and ways to tell it.

    Every article of a kind is about the same sort of event, so its title, standfirst
    and body agree; what differs from one article to the next is everything else.
    Templates mark alternatives as `[one|other|]` (nestable, an empty one drops the
    words) and slots as `{city}`. An article takes one title, one standfirst, one lead,
    a sample of `facts` in random order, one or two `voices` (a speaker and what they
    might say), sometimes a closer.
    """

    key: str
    topics: frozenset[str]
    section: str
    weight: float
    titles: tuple[str, ...]
    standfirsts: tuple[str, ...]
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    voices: tuple[tuple[str, ...], ...]  # (speaker, quote, quote, ...)
    closers: tuple[str, ...] = ()
    ordered: bool = False  # a live page: facts keep their order
    general: bool = True  # may borrow the section's general facts


@dataclass(frozen=True)
class WireStory:
    """A Newswire agency story that several outlets run verbatim under their own headline."""

    story_id: str
    minute: int  # minutes after the burst starts that the agency filed it
    titles: tuple[str, ...]  # each carrying outlet re-edits the headline
    standfirst: str
    paragraphs: tuple[str, ...]  # the first starts with the dateline


@dataclass(frozen=True)
class LanguageTexts:
    """One language's texts: everyday kinds, the burst's original stories, and topic-free
    facts per section that any story of the section may borrow."""

    stories: tuple[Story, ...]
    burst: tuple[Story, ...]
    section_facts: dict[str, tuple[str, ...]]


def _read(name: str) -> Any:
    text = (resources.files("newsroom") / "stories" / name).read_text("utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)


def _story(data: dict[str, Any]) -> Story:
    return Story(data["key"], frozenset(data["topics"].split()), data["section"],
                 data["weight"], tuple(data["titles"]), tuple(data["standfirsts"]),
                 tuple(data["leads"]), tuple(data["facts"]),
                 tuple((v["speaker"], *v["quotes"]) for v in data["voices"]),
                 tuple(data.get("closers", ())), data.get("ordered", False),
                 data.get("general", True))


@functools.cache
def language(lang: str) -> LanguageTexts:
    data = _read(f"{lang}.yaml")
    return LanguageTexts(tuple(map(_story, data["stories"])), tuple(map(_story, data["burst"])),
                         {k: tuple(v) for k, v in data["section_facts"].items()})


@functools.cache
def wire() -> tuple[str, tuple[WireStory, ...]]:
    """The credit line wire copies end with, and the wire stories in filing order."""
    data = _read("wire.yaml")
    return data["credit"], tuple(
        WireStory(w["story_id"], w["minute"], tuple(w["titles"]), w["standfirst"],
                  tuple(w["paragraphs"])) for w in data["stories"])
