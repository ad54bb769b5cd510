"""Story grouping: wire copies and updates share a story, different stories stay apart."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from tasks.config import load_config
from tasks.load import LoadBatch, recent_stories, write_batch
from tasks.match import TopicMatcher
from tasks.models import Article
from tasks.run import prepare_load
from tasks.stories import (
    StoryIndex,
    StorySignature,
    assign_stories,
    same_story,
    story_signature,
)

WIRE = [
    "Iran launched a wave of drones and ballistic missiles at targets across the region "
    "early on Tuesday, the Revolutionary Guards said in a statement carried by state media, "
    "in what officials described as a response to an air strike on a convoy last week.",
    "Air defence systems intercepted most of the unmanned aircraft over the desert before "
    "they reached populated areas, a military spokesman told reporters at a briefing in the "
    "capital, adding that debris had damaged two warehouses and a fuel depot near the border.",
    "Witnesses in the port city reported hearing at least six loud explosions shortly after "
    "three in the morning and said the sky was lit up by anti-aircraft fire for nearly an "
    "hour. There were no immediate reports of casualties, the local governor said.",
    "The attack came hours after foreign ministers meeting in Geneva failed to agree on a "
    "framework for renewed talks over the country's nuclear programme, diplomats said, "
    "speaking on condition of anonymity because the discussions were private.",
    "Oil prices rose more than three percent in Asian trading as investors weighed the "
    "risk of wider disruption to shipping through the Strait of Hormuz, through which about "
    "a fifth of the world's oil passes every day.",
    "The United Nations secretary-general called for maximum restraint and urged all "
    "parties to return to negotiations, warning that a miscalculation could draw the "
    "region into a conflict nobody could control.",
    "Analysts said the use of cheap one-way attack drones alongside more expensive missiles "
    "was designed to overwhelm air defences and drain stocks of interceptors, a tactic "
    "seen repeatedly over the past two years.",
]
SIGN_OFF = "(Reporting by Parisa Hafezi; Editing by Alex Richardson)"

OTHER_IRAN_DRONE_STORY = " ".join([
    "Iran unveiled a new long-range drone at a military parade in Tehran on Saturday, state "
    "television reported, saying the aircraft could fly for more than twenty hours.",
    "The defence minister told the crowd that the country's drone programme was entirely "
    "domestic and would continue despite sanctions imposed by Western governments.",
    "Footage showed the delta-winged aircraft being towed past the reviewing stand, followed "
    "by trucks carrying short-range missiles and radar systems.",
    "Western officials have accused Tehran of supplying drones to armed groups in the region "
    "and to Russia for use in Ukraine, charges Iran denies.",
    "The parade marked the anniversary of the start of the war with Iraq in 1980 and was "
    "attended by senior commanders of the armed forces and the Revolutionary Guards.",
    "Independent experts said it was not possible to verify the performance claims made for "
    "the new drone, which appeared to be based on an earlier design.",
])
OTHER_DRONE_STORY = " ".join([
    "Ukraine said its air defences shot down forty of the drones launched by Russia "
    "overnight, while debris fell on a residential building in the capital's western "
    "district, injuring three people.",
    "The air force said the attack began shortly before midnight and lasted for several "
    "hours, with waves of drones approaching from the north and the east.",
    "Emergency services said firefighters had put out a blaze on the upper floors of the "
    "building and that residents had been evacuated to a nearby school.",
    "Officials have urged allies to speed up deliveries of air defence systems ahead of the "
    "winter, when attacks on energy infrastructure usually intensify.",
    "Moscow did not comment on the attack. Russia's defence ministry said separately that it "
    "had destroyed a number of Ukrainian drones over border regions.",
])


def outlet_copies() -> list[tuple[str, str]]:
    """(title, body) of one wire story as four outlets published it."""
    reuters = f"DUBAI, June 3 (Reuters) - {' '.join(WIRE)} {SIGN_OFF}"
    trimmed = WIRE[:5]  # this outlet cut the last two paragraphs
    edited = [p.replace("Tuesday", "Tuesday morning").replace("six", "several") for p in WIRE]
    edited[2] = edited[2].replace("the local governor said", "according to the governor")
    reordered = WIRE[:3] + WIRE[4:] + ["Read more: what we know about the nuclear talks."]
    return [
        ("Iran fires drones and missiles across region", reuters),
        ("Drone swarm: Iran strikes after convoy attack",
         f"DUBAI (Reuters) — {' '.join(trimmed)}"),
        ("Explosions heard as Iranian drones intercepted", " ".join(edited) + "\n— Reuters"),
        ("Oil jumps after Iranian drone and missile attack",
         "By Staff Writer. " + " ".join(reordered)),
    ]


def test_a_wire_story_on_four_outlets_is_one_story_and_other_stories_stay_apart() -> None:
    copies = [(f"copy{i}", story_signature(title, body))
              for i, (title, body) in enumerate(outlet_copies())]
    others = [("parade", story_signature("Iran shows off new drone", OTHER_IRAN_DRONE_STORY)),
              ("kyiv", story_signature("Drones hit Kyiv", OTHER_DRONE_STORY))]
    stories = assign_stories(copies + others, [])
    assert {stories[key] for key, _ in copies} == {"copy0"}
    assert stories["parade"] == "parade"
    assert stories["kyiv"] == "kyiv"


def test_a_copy_joins_a_story_already_in_the_warehouse() -> None:
    (title, body), *rest = outlet_copies()
    existing = [("stored", "story-42", story_signature(title, body))]
    new = [(f"copy{i}", story_signature(t, b)) for i, (t, b) in enumerate(rest)]
    new.append(("parade", story_signature(None, OTHER_IRAN_DRONE_STORY)))
    assert assign_stories(new, existing) == {
        "copy0": "story-42", "copy1": "story-42", "copy2": "story-42", "parade": "parade"}


def test_an_updated_article_joins_its_story() -> None:
    first = " ".join(WIRE[:4])
    update = " ".join([
        "UPDATE: Two people were killed and eleven wounded, the health ministry said on "
        "Tuesday afternoon, raising the toll from the overnight attack.",
        *WIRE[:2],
        WIRE[2].replace("There were no immediate reports of casualties, the local governor "
                        "said.", "Hospitals in the city were placed on alert."),
        WIRE[3],
        "The defence ministry said a second wave of drones had been launched shortly after "
        "noon and that air defences were again active over the northern provinces.",
    ])
    original = story_signature("Iran launches drones", first)
    updated = story_signature("Two killed as Iran launches second wave of drones", update)
    assert same_story(original, updated)
    assert assign_stories([("v2", updated)], [("v1", "v1", original)]) == {"v2": "v1"}


def test_the_same_text_under_two_urls_is_one_story() -> None:
    body = " ".join(WIRE)
    signature = story_signature("Iran strikes", body)
    assert signature == story_signature("A different headline", body)
    assert assign_stories([("a", signature), ("b", signature)], []) == {"a": "a", "b": "a"}


def test_a_stored_article_keeps_its_story_when_the_batch_is_loaded_again() -> None:
    signature = story_signature(None, " ".join(WIRE))
    existing = [("a", "a", signature), ("b", "a", signature)]
    assert assign_stories([("b", signature)], existing) == {"b": "a"}


def test_the_agency_lowers_the_bar_only_between_copies_of_that_agency() -> None:
    # Half the story rewritten: too different on its own, a copy when both say Reuters.
    rewritten = " ".join(WIRE[:4]) + " " + OTHER_IRAN_DRONE_STORY
    plain = story_signature(None, " ".join(WIRE))
    assert not same_story(plain, story_signature(None, rewritten))
    assert same_story(story_signature(None, f"DUBAI (Reuters) - {' '.join(WIRE)}"),
                      story_signature(None, f"TEHRAN (Reuters) - {rewritten}"))
    assert not same_story(story_signature(None, f"DUBAI (Reuters) - {' '.join(WIRE)}"),
                          story_signature(None, f"DUBAI (AFP) - {OTHER_IRAN_DRONE_STORY}"))


def test_signatures_round_trip_through_the_warehouse_form() -> None:
    signature = story_signature("Iran", f"DUBAI (Reuters) - {' '.join(WIRE)}")
    stored = signature.to_db()
    assert len(stored) == 33
    assert all(0 <= value < 2**63 for value in stored)  # fits BIGINT and UBIGINT
    assert StorySignature.from_db(stored) == signature
    empty = story_signature(None, "")
    assert StorySignature.from_db(empty.to_db()) == empty
    assert assign_stories([("x", empty), ("y", empty)], []) == {"x": "x", "y": "y"}
    # an unknown version or a missing value never joins anything
    assert StorySignature.from_db(None).bands == ()
    assert StorySignature.from_db([2 << 56, *stored[1:]]).bands == ()


@pytest.mark.timeout(120)  # a hang guard; the speed is bench/stories.py's figure
def test_thousands_of_articles_are_assigned_copies_to_their_stories() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(5000)]
    bodies = [" ".join(rng.choice(vocabulary) for _ in range(300)) for _ in range(1500)]
    signatures = [(f"a{i}", story_signature(None, body)) for i, body in enumerate(bodies)]
    existing = [(f"old{i}", f"old{i}", sig) for i, (_, sig) in enumerate(signatures[:1000])]
    copies = [(f"copy{i}", sig) for i, (_, sig) in enumerate(signatures[:200])]
    stories = assign_stories(signatures[1000:] + copies, existing)
    assert [stories[f"copy{i}"] for i in range(200)] == [f"old{i}" for i in range(200)]
    assert all(stories[key] == key for key, _ in signatures[1000:])


def test_a_run_keeps_one_index_and_still_sees_what_another_writer_stored(tmp_path) -> None:
    """The ingest flow reads the stored stories once a run and then only what is new, so
    a copy still joins a story another process stored after the run's first read."""
    db_path = tmp_path / "w.duckdb"
    matcher = TopicMatcher.compile(load_config(None).topics)
    copies = outlet_copies()

    def load(outlet: str, texts: list[tuple[str, str]], stories: StoryIndex,
             run_id: str) -> dict[str, str]:
        articles = [Article(url=f"https://{outlet}.example/{i}", outlet=outlet, title=title,
                            body=body, published_at=datetime.now(UTC), language="en")
                    for i, (title, body) in enumerate(texts)]
        batch = prepare_load(LoadBatch(run_id=run_id, outlet=outlet, articles=articles),
                             matcher, recent_stories(db_path, stories, run_id))
        write_batch(db_path, batch)
        return {a.url: batch.stories[a.url_hash][0] for a in articles}

    first = load("dawn", [copies[0]], StoryIndex(), "earlier-run")
    run_index = recent_stories(db_path, StoryIndex(), "this-run")
    assert len(run_index.story_of) == 1
    # Another process stores a different story after the run read the warehouse.
    other = load("dusk", [("Drones over the capital", OTHER_DRONE_STORY)], StoryIndex(),
                 "other-run")

    later = load("noon", [copies[1], ("Forty drones downed", OTHER_DRONE_STORY[:600])],
                 run_index, "this-run")

    assert later["https://noon.example/0"] == first["https://dawn.example/0"]
    assert later["https://noon.example/1"] == other["https://dusk.example/0"]
    assert len(run_index.story_of) == 4


def test_copies_are_found_among_stored_articles_sorted_in_or_recent() -> None:
    """The index sorts rows into arrays in bulk and keeps the latest in dicts: a copy of
    either kind of row finds its story."""
    rng = random.Random(11)

    def random_signature() -> StorySignature:
        return StorySignature(tuple(rng.getrandbits(62) for _ in range(32)), 300, 0)

    stored = [(f"old{i}", f"story{i}", random_signature()) for i in range(5000)]
    index = StoryIndex()
    for key, story, signature in stored:
        index.add(key, story, signature)
    picks = [0, 1999, 3000, 4999]
    copies = [(f"copy{i}", stored[i][2]) for i in picks]
    fresh = [(f"new{i}", random_signature()) for i in range(50)]

    assigned = index.assign(copies + fresh)

    assert [assigned[f"copy{i}"] for i in picks] == [f"story{i}" for i in picks]
    assert all(assigned[key] == key for key, _ in fresh)


def test_a_first_read_of_thousands_of_stored_stories_finds_their_copies(tmp_path) -> None:
    """The first read of a run takes the stored signatures in bulk, straight into the
    sorted arrays; a signature of another version still joins nothing."""
    rng = random.Random(5)
    db_path = tmp_path / "w.duckdb"
    articles = [Article(url=f"https://outlet.example/{i}", outlet="outlet", title="t",
                        body="b", published_at=datetime.now(UTC), language="en")
                for i in range(3000)]
    signatures = [StorySignature(tuple(rng.getrandbits(62) for _ in range(32)), 300, 0)
                  for _ in articles]
    stored = {a.url_hash: (f"story{i}", sig.to_db())
              for i, (a, sig) in enumerate(zip(articles, signatures, strict=True))}
    old_version = articles[7].url_hash
    stored[old_version] = ("story7", [2 << 56, *stored[old_version][1][1:]])
    write_batch(db_path, LoadBatch(run_id="earlier", outlet="outlet", articles=articles,
                                   stories=stored))

    index = recent_stories(db_path, run_id="this")
    assigned = index.assign([("copy0", signatures[0]), ("copy2999", signatures[2999]),
                             ("copy7", signatures[7]),
                             ("fresh", StorySignature(tuple(range(32)), 300, 0))])

    assert len(index.story_of) == 3000 + 4
    assert assigned["copy0"] == "story0" and assigned["copy2999"] == "story2999"
    assert assigned["copy7"] == "copy7"
    assert index.story_of[old_version] == "story7"
    assert assigned["fresh"] == "fresh"
