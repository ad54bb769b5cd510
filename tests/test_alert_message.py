"""The spike alert's Slack message: what it says, in which part (main message, thread
reply, chart), with every piece of feed text inert, posted through the loopback Slack
server where it matters what Slack receives."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from tasks.alert_message import build_message
from tasks.notify import post
from tests.alert_samples import (
    BUCKET,
    HOSTILE,
    assert_within_block_kit_limits,
    bot,
    make_alert,
    mrkdwn_texts,
    sent_since,
    stored_message,
)

if TYPE_CHECKING:
    from tests.slack_server import SlackServer

pytest_plugins = ["tests.slack_server"]
ONE_POINT = [(BUCKET, 23.0)]  # no volume history: no chart to render


def main_text(message: dict) -> str:
    return "\n".join(mrkdwn_texts({"text": message["text"], "blocks": message["blocks"]}))


def test_the_headline_number_and_its_window_are_stated_once_and_the_episode_is_labelled():
    text = main_text(stored_message())

    assert ("*23 stories* in the hour to <!date^1749823200^{date_short_pretty} at {time}|"
            "Fri 13 Jun 14:00 UTC>, against about *1.2* expected") in text
    assert text.count("23 stories") == 2  # the headline and the notification's fallback
    assert ("Episode so far, since <!date^1749819600^{date_short_pretty} at {time}|"
            "Fri 13 Jun 13:00 UTC>: 23 articles · 15 stories · 9 outlets") in text
    assert "<https://example.com/news/isfahan?id=1&amp;lang=en|Drones strike near Isfahan>" in text
    assert "Example Times · <!date^1749822120^{date_short_pretty} at {time}|" \
           "Fri 13 Jun 13:42 UTC>" in text
    assert stored_message()["text"] == (
        "Iran is spiking: 23 stories in the hour to 14:00 UTC on Fri 13 Jun vs 1.2 expected")
    assert stored_message()["blocks"][0]["text"]["text"] == ":rotating_light: Iran is spiking"


def test_a_headline_dated_by_its_day_only_shows_that_day_and_no_time():
    # as the extractor stores a day alone: its noon UTC, which a reader in New York would
    # see as 8 am and one in Auckland as midnight of the next day
    day = {"title": "Harbour pilots strike", "url": "https://example.net/pilots",
           "outlet": "Example Review", "published_at": "2025-06-13T12:00:00+00:00",
           "published_date_only": True}
    text = main_text(build_message(make_alert(headlines=[day], volume=ONE_POINT)))

    assert "Example Review · 13 Jun 2025" in text
    assert "<!date^1749816000" not in text


def test_the_score_reads_in_words_against_the_sensitivity_bar():
    alert = make_alert(return_period=timedelta(weeks=9), threshold_period=timedelta(weeks=4),
                       volume=ONE_POINT)
    text = main_text(build_message(alert))

    assert ("A count this high comes about once in *9 weeks* for this topic; alerts start at "
            "once in 4 weeks.") in text
    assert "9.1" not in text  # the raw score is for the thread
    reply = "\n".join(mrkdwn_texts(build_message(alert)["replies"][0]))
    assert "score: 9.10" in reply
    assert "return period: about once in 9 weeks; the bar: once in 4 weeks" in reply


def test_without_a_return_period_the_plain_score_is_shown():
    assert "Score *9.1*." in main_text(build_message(make_alert(volume=ONE_POINT)))


def test_the_numbers_and_the_sql_go_into_the_thread_reply_not_the_main_message():
    query = "SELECT count(*) FROM articles WHERE a < 3 AND b > 1;"
    message = build_message(make_alert(query=query, volume=ONE_POINT))

    assert "```" not in main_text(message) and "SELECT" not in main_text(message)
    [reply] = message["replies"]
    text = "\n".join(mrkdwn_texts(reply))
    assert "```SELECT count(*) FROM articles WHERE a &lt; 3 AND b &gt; 1;```" in text
    assert "observed: 23 stories; expected: 1.20; score: 9.10" in text
    assert "episode since 2025-06-13 13:00 UTC: 23 articles · 15 stories · 9 outlets" in text


def test_what_is_driving_it_is_named_and_co_topics_are_shown():
    message = build_message(make_alert(drivers=["Ras Kandar", "oil terminal"],
                                       co_topics=[("Israel", 7), ("<!here>", 2)],
                                       volume=ONE_POINT))

    text = main_text(message)
    assert "What is driving it: *Ras Kandar*, *oil terminal*" in text
    assert "Also in these stories: Israel (7), &lt;!here&gt; (2)" in text


def test_the_chart_is_stored_with_the_message():
    chart = stored_message()["chart"]

    assert chart["filename"] == "iran-20250613T1300.png"
    assert chart["title"] == "Iran: stories per hour"
    assert ("the alerted one (13 Jun 13:00 UTC) marked; 23 stories to 14:00 UTC against 1.2 "
            "expected") in chart["alt_text"]
    assert json.loads(json.dumps(stored_message())) == stored_message()  # JSON as stored
    assert "chart" not in build_message(make_alert(volume=ONE_POINT))


def test_hostile_feed_text_arrives_escaped(slack_server: SlackServer) -> None:
    alert = make_alert(
        topic_label="Iran <!here>",
        headlines=[
            {"title": HOSTILE, "url": "https://example.com/a|b>c d", "outlet": "<@U123> & co"},
            {"title": "Click me", "url": "javascript:alert(1)", "outlet": "x"},
        ],
        volume=ONE_POINT,
    )
    mark = len(slack_server.requests)
    assert post(build_message(alert), bot(slack_server)).ok

    [main, reply] = sent_since(slack_server, mark, "chat.postMessage")
    texts = mrkdwn_texts(main.body) + mrkdwn_texts(reply.body)
    joined = "\n".join(texts)
    assert "<https://example.com/a%7Cb%3Ec%20d|&lt;!channel&gt; &amp; &lt;https://evil|click&gt;>" \
           in joined
    assert "&lt;@U123&gt; &amp; co" in joined
    assert "Click me" in joined and "javascript:" not in joined
    assert "Iran &lt;!here&gt; is spiking" in main.body["text"]
    for text in texts:
        assert "<!here" not in text and "<@" not in text and "<https://evil" not in text


def test_formatting_and_bidi_controls_in_feed_text_are_neutralised(
    slack_server: SlackServer,
) -> None:
    alert = make_alert(
        topic_label="Iran *urgent*",
        headlines=[{"title": "*Bold* _it_ ~gone~ `code` claims", "outlet": "\u202eku.oc.cbb",
                    "url": "https://example.com/a_b~c"}],
        drivers=["*Ras* Kandar"],
        co_topics=[("_Israel_", 2)],
        volume=ONE_POINT,
    )
    mark = len(slack_server.requests)
    assert post(build_message(alert), bot(slack_server)).ok

    [main, _reply] = sent_since(slack_server, mark, "chat.postMessage")
    joined = "\n".join(mrkdwn_texts(main.body))
    assert "\u202e" not in json.dumps(main.body, ensure_ascii=False)
    assert "ku.oc.cbb" in joined  # shown as written, not reversed into "bbc.co.uk"
    assert "<https://example.com/a_b~c|" in joined  # the link target is untouched
    for hostile in ("*Bold*", "_it_", "~gone~", "`code`", "*urgent*", "*Ras*", "_Israel_"):
        assert hostile not in joined
    assert "\u2217Bold\u2217 \uff3fit\uff3f \u223cgone\u223c \u02cbcode\u02cb claims" in joined
    assert main.body["blocks"][0]["text"]["text"] == ":rotating_light: Iran *urgent* is spiking"


def test_ended_reads_differently_and_drops_headlines_and_drivers() -> None:
    message = build_message(make_alert(kind="ended", observed=2, score=0.7, volume=ONE_POINT,
                                       drivers=["Ras Kandar"]))

    assert message["blocks"][0]["text"]["text"] == ":white_check_mark: Iran: back to normal"
    assert message["text"].startswith("Iran: back to normal: 2 stories in the hour")
    assert not any(b["type"] == "divider" for b in message["blocks"])
    assert "Drones strike" not in json.dumps(message) and "Ras Kandar" not in json.dumps(message)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind must be alert, update or ended, not 'big'"):
        build_message(make_alert(kind="big"))


def test_huge_hostile_headlines_are_cut_within_block_kit_limits(slack_server: SlackServer) -> None:
    huge = "&<>" * 20_000 + "<!channel>"
    alert = make_alert(
        topic_label="&" * 500,
        caveat="<" * 5000,
        co_topics=[("&" * 200, 3)] * 30,
        headlines=[
            {"title": huge, "url": "https://x.example/?" + "&" * 900, "outlet": "&" * 5000}
        ]
        * 200,
        alert_id="&" * 5000,
        query="<" * 5000,
        volume=ONE_POINT,
    )

    message = build_message(alert)

    assert_within_block_kit_limits(message)
    assert_within_block_kit_limits(message["replies"][0])
    assert message["blocks"][-1]["elements"][0]["text"].startswith("Newswatch · alert `&amp;")
    joined = "\n".join(mrkdwn_texts(message))
    assert "<!" not in joined.replace("<!date^", "") and "<https://x.example" not in joined
    assert post(message, bot(slack_server)).ok  # and the server takes it


def test_a_cut_never_splits_a_link_or_an_escape() -> None:
    for length in range(150, 260, 7):  # cuts land before, inside and after the link
        title = "a" * length + " & <b>"
        headline = {"title": title, "url": "https://x.example/" + "y" * 40, "outlet": "&" * 900}
        message = build_message(make_alert(headlines=[headline], volume=ONE_POINT))
        assert_within_block_kit_limits(message)
