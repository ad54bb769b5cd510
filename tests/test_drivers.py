"""What is driving a spike: weighted log-odds with an informative Dirichlet prior, over
titles and leads in every language, on the demo newsroom's burst and on small cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsroom.generator import generate
from tasks.drivers import Text, drivers, log_odds
from tasks.stopwords import stop_words

NOW = datetime(2026, 3, 16, 12, tzinfo=UTC)
LANGUAGES = ["en", "de", "fr", "es", "it", "ru", "uk", "ar", "fa", "he", "tr"]


def story_texts(records) -> list[Text]:
    """One text a story (wire copies count once), as the alert reads them: title,
    standfirst and lead."""
    stories = {r.wire_story_id or r.path or r.title: r for r in records}
    return [Text(f"{r.title}. {r.standfirst}. {r.paragraphs[0]}", r.outlet.language)
            for r in stories.values()]


def test_the_demo_bursts_place_name_comes_first() -> None:
    iran = [r for r in generate(NOW, seed=7) if "iran" in r.topics]
    burst_start = min(r.published_at for r in iran if "RASKANDAR" in (r.wire_story_id or ""))
    spike = story_texts(r for r in iran if r.published_at >= burst_start)
    baseline = story_texts(r for r in iran if r.published_at < burst_start - timedelta(hours=1))
    assert len(spike) > 10 and len(baseline) > 10
    assert languages_of(spike) == {"en", "de", "ru"}

    found = drivers(spike, baseline, LANGUAGES)

    assert found[0] == "Ras Kandar"
    assert 2 <= len(found) <= 5
    assert not {"the", "of", "der", "и", "в"} & {w.casefold() for w in found}


def languages_of(texts: list[Text]) -> set[str | None]:
    return {t.language for t in texts}


def test_words_common_to_spike_and_baseline_are_not_drivers() -> None:
    baseline = [Text(f"Iran talks resume in Vienna, day {i}", "en") for i in range(30)]
    spike = [Text(f"Blast at Bandar Port: Iran talks {i}", "en") for i in range(5)]

    found = drivers(spike, baseline, LANGUAGES)

    # the phrase, not its words apart; "Iran talks" is usual
    assert sorted(found) == ["Bandar Port", "Blast"]


def test_one_story_alone_names_nothing() -> None:
    assert drivers([Text("Zorblat wins", "en")], [Text("Iran news", "en")] * 5, ["en"]) == []


def test_the_prior_pulls_rare_evidence_towards_zero() -> None:
    scores = log_odds({"new": 2, "usual": 5}, {"usual": 50})
    many = log_odds({"new": 20, "usual": 50}, {"usual": 500})

    assert 0 < scores["new"] < many["new"]
    assert scores["usual"] < 0


def test_stop_words_are_per_language_with_the_configured_ones_for_unknown_text() -> None:
    assert "war" in stop_words("de") and "und" not in stop_words("en")
    assert {"und", "the"} <= stop_words(None, ("de", "en"))
