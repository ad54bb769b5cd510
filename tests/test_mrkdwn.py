"""mrkdwn helpers: escaping feed text, dates, spans, and cutting to Block Kit's limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tasks.mrkdwn import code, date, duration, escape, fit, link, sparkline


def test_escape_leaves_no_mention_link_formatting_or_bidi_control() -> None:
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    assert escape("*b* _i_ ~s~ `c`") == "\u2217b\u2217 \uff3fi\uff3f \u223cs\u223c \u02cbc\u02cb"
    assert escape("\u202eku.oc.cbb\u202c \u2066x\u2069 \u200fy") == "ku.oc.cbb x y"


def test_code_keeps_sql_as_written_except_what_ends_a_block() -> None:
    assert code("SELECT count(*) FROM t WHERE a_b < 3 -- `x`") == (
        "SELECT count(*) FROM t WHERE a_b &lt; 3 -- \u02cbx\u02cb")


def test_links_keep_their_target_and_refuse_other_schemes() -> None:
    assert link("https://x.example/a_b~c?d=1&e=2", "*t*") == (
        "<https://x.example/a_b~c?d=1&amp;e=2|\u2217t\u2217>")
    assert link("https://x.example/\u202eevil", "t") == "<https://x.example/evil|t>"
    assert link("javascript:alert(1)", "t") == "t"


def test_dates_render_in_the_readers_zone_with_a_utc_fallback() -> None:
    moment = datetime(2025, 6, 13, 14, tzinfo=UTC)
    assert date(moment) == "<!date^1749823200^{date_short_pretty} at {time}|Fri 13 Jun 14:00 UTC>"
    assert date(moment.replace(tzinfo=None), "{time}").endswith("|Fri 13 Jun 14:00 UTC>")


@pytest.mark.parametrize(("length", "words"), [
    (timedelta(hours=5), "5 hours"), (timedelta(days=3), "3 days"),
    (timedelta(weeks=9), "9 weeks"), (timedelta(days=200), "7 months"),
    (timedelta(days=1000), "3 years"), (timedelta(minutes=10), "1 hour"),
])
def test_durations_read_in_the_unit_a_reader_thinks_in(length: timedelta, words: str) -> None:
    assert duration(length) == words


def test_sparkline_scales_from_zero() -> None:
    assert sparkline([0, 1, 2, 4, 8]) == "▁▂▃▅█"
    assert sparkline([0, 0]) == "▁▁"


def test_too_many_blocks_keep_the_first_and_the_footer() -> None:
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x"}}
    footer = {"type": "context", "elements": [{"type": "mrkdwn", "text": str(i)}
                                              for i in range(12)]}
    message = fit({"text": "t", "blocks": [section] * 80 + [footer]})

    assert len(message["blocks"]) == 50
    assert message["blocks"][-1]["elements"][-1]["text"] == "9"  # 10 elements kept


