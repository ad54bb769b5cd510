"""Topic matching with the shipped topics file: what an analyst sees in article_topics."""

from __future__ import annotations

import pytest

from tasks.config import DEFAULT_CONFIG_DIR, Topic, TopicsFile, read_yaml
from tasks.match import TopicHit, TopicMatcher, match_articles, normalise
from tasks.models import Article


@pytest.fixture(scope="module")
def matcher() -> TopicMatcher:
    path = DEFAULT_CONFIG_DIR / "topics.yaml"
    return TopicMatcher.compile(TopicsFile.model_validate(read_yaml(path)).topics)


def topics_in(matcher: TopicMatcher, text: str) -> dict[str, int]:
    return {hit.topic: hit.body_hits for hit in matcher.match(None, text)}


@pytest.mark.parametrize(("text", "expected"), [
    # English: plurals, possessives, demonyms, hyphenated compounds
    ("Iran's drones and UAVs were seen near Tehran.", {"iran": 2, "drones": 2}),
    ("Iranians protested; the Iran-backed militia used a drone-maker's kit.",
     {"iran": 2, "drones": 1}),
    ("Unmanned aerial vehicles struck a depot.", {"drones": 1}),
    # German, French, Spanish, Turkish
    ("Die iranischen Drohnen und der Drohnenangriff auf Kiew.",
     {"iran": 1, "drones": 2, "ukraine": 1}),
    ("Des drones iraniens ont frappé l'Ukraine.", {"drones": 1, "iran": 1, "ukraine": 1}),
    ("Los drones iraníes llegaron a Irán.", {"drones": 1, "iran": 2}),
    ("İran'dan gelen İHA'lar ve dronlar Ukrayna'ya ulaştı.",
     {"iran": 1, "drones": 2, "ukraine": 1}),
    # Russian and Ukrainian case endings
    ("Поставки из Ирана: Россия закупила беспилотники у Ирана, сотни беспилотников "
     "и иранских дронов.", {"iran": 3, "russia": 1, "drones": 3}),
    ("Удар по Украине; у Украины нет ПВО; переговоры с Ираном.",
     {"ukraine": 2, "iran": 1}),
    ("Безпілотники атакували Київ, у Києві вибухи; України та Росії.",
     {"drones": 1, "ukraine": 3, "russia": 1}),
    # Arabic: prefixes, the article, feminine and plural endings, hamza variants
    ("هاجمت الطائرات المسيرة مواقع بالطائرات المسيرة وإيران والإيرانية",
     {"drones": 2, "iran": 2}),
    ("أعلنت إسرائيل أن الجيش الإسرائيلي وللصين", {"israel": 2, "china": 1}),
    # Persian: suffixes written with and without ZWNJ, Persian yeh and kaf
    ("پهپاد\u200cها و پهپادهای ایرانی بر فراز اوکراین", {"drones": 2, "iran": 1, "ukraine": 1}),
    # Hebrew: prefixes, plural, final letters
    ("והישראלים דיווחו על רחפנים מאיראן", {"israel": 1, "drones": 1, "iran": 1}),
])
def test_mentions_are_found_in_each_script_with_their_inflections(
    matcher: TopicMatcher, text: str, expected: dict[str, int]
) -> None:
    assert topics_in(matcher, text) == expected


def test_diacritics_and_invisible_characters_do_not_hide_a_mention(matcher: TopicMatcher) -> None:
    # Arabic with tashkeel and tatweel, Persian with a Arabic kaf/yeh, Turkish dotted capital
    assert topics_in(matcher, "إِيـــرَانُ") == {"iran": 1}
    assert topics_in(matcher, "ايران") == {"iran": 1}
    assert topics_in(matcher, "İRAN") == {"iran": 1}
    assert topics_in(matcher, "TÉHÉRAN et IRÁN") == {"iran": 2}
    assert normalise("İran’s") == normalise("iran's")


@pytest.mark.parametrize("text", [
    "Iranda is a village; an androne; UAVxyz; the Iranianist; undroned",
    "много газа и газе",  # Russian "газа" is "of gas", not Gaza
    "fine china and bone china in a china shop; the cab drivers droned on",
    "the Islamic Republic of Pakistan; Moscow, Idaho",
    "گازه و غزال",  # Persian "gas", Arabic "gazelle"
])
def test_no_hits_inside_other_words_or_excluded_phrases(
    matcher: TopicMatcher, text: str
) -> None:
    assert topics_in(matcher, text) == {}


def test_exclusions_remove_only_the_mentions_inside_them(matcher: TopicMatcher) -> None:
    assert topics_in(matcher, "Israel Adesanya won in Las Vegas.") == {}
    assert topics_in(matcher, "Israel Adesanya spoke about Israel.") == {"israel": 1}
    assert topics_in(matcher, "The Iran-Contra affair") == {}
    assert topics_in(matcher, "A night of drone music and drone metal.") == {}
    assert topics_in(matcher, "Chicken Kiev for dinner in Kyiv") == {"ukraine": 1}
    # an exclusion of one topic leaves other topics' mentions alone
    assert topics_in(matcher, "From Russia with Love was filmed in Istanbul, not Iran") == {
        "iran": 1}


def test_title_hits_weigh_three_times_body_hits(matcher: TopicMatcher) -> None:
    hits = matcher.match("Drone strike near Tehran", "Iran said a drone hit a depot. Drones...")
    assert hits == [
        TopicHit("drones", title_hits=1, body_hits=2, weight=5.0),
        TopicHit("iran", title_hits=1, body_hits=1, weight=4.0),
    ]
    title_only = matcher.match("Iran", None)[0]
    body_only = matcher.match(None, "Iran")[0]
    assert title_only.weight == 3 * body_only.weight
    assert matcher.match(None, None) == []
    assert matcher.match("Weather", "Sunny all week.") == []


def test_match_articles_keys_hits_by_url_hash(matcher: TopicMatcher) -> None:
    articles = [
        Article(url="https://example.com/a", title="Drones over Kyiv",
                subtitle="Iran-made Shahed-136 drones", body="Nothing else."),
        Article(url="https://example.com/b", title="Markets", body="Stocks rose."),
    ]
    hits = match_articles(articles, matcher)
    assert {(key, hit.topic, hit.title_hits, hit.body_hits) for key, hit in hits} == {
        (articles[0].url_hash, "drones", 1, 2),
        (articles[0].url_hash, "ukraine", 1, 0),
        (articles[0].url_hash, "iran", 0, 1),
    }


def test_every_required_topic_is_in_the_default_file(matcher: TopicMatcher) -> None:
    assert {"iran", "drones", "ukraine", "russia", "israel"} <= set(matcher.names)


def test_one_alias_in_two_topics_counts_for_both() -> None:
    topics = [
        Topic(name="a", label="A", aliases={"en": ["Shahed-136"]}),
        Topic(name="b", label="B", aliases={"en": ["Shahed-136", "Geran-2"]}),
    ]
    hits = TopicMatcher.compile(topics).match("Shahed 136 or Geran-2?", None)
    assert [(h.topic, h.title_hits) for h in hits] == [("b", 2), ("a", 1)]


def test_a_prefix_alias_matches_any_continuation() -> None:
    topics = [Topic(name="d", label="D", aliases={"de": ["Drohnen*"]})]
    hits = TopicMatcher.compile(topics).match(None, "Drohnenabwehr und Drohnen, nicht Drohne")
    assert hits[0].body_hits == 2
