"""The alert chart: a real PNG that decodes, small enough for Slack, the alerted bucket
marked in red (not the latest one)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from PIL import Image

from tasks.chart import SPIKE, render_chart

ALERTED = datetime(2026, 3, 16, 9, tzinfo=UTC)
VOLUME = [(ALERTED - timedelta(hours=h), float(h % 3)) for h in range(45, 0, -1)] + [
    (ALERTED, 5.0), (ALERTED + timedelta(hours=1), 7.0), (ALERTED + timedelta(hours=2), 9.0)]


def red_columns(png: bytes) -> list[int]:
    """x of the pixel columns that hold the spike colour."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    red = tuple(int(SPIKE[i:i + 2], 16) for i in (1, 3, 5))
    pixels = image.load()
    return [x for x in range(image.width)
            if sum(pixels[x, y] == red for y in range(image.height)) > 10]


def test_the_chart_decodes_is_small_and_marks_the_alerted_bucket() -> None:
    expected = [(t, 0.8) for t, _ in VOLUME]
    png = render_chart(VOLUME, ALERTED, expected, title="Iran: stories per hour")

    image = Image.open(io.BytesIO(png))
    image.load()  # decodes the whole image, not only the header
    assert image.format == "PNG" and image.size == (800, 260)
    assert 5_000 < len(png) < 100_000
    columns = red_columns(png)
    assert columns, "no bar in the spike colour"
    # the red bar is the alerted hour, two bars before the latest (which is taller)
    assert max(columns) < image.width * (len(VOLUME) - 1.5) / len(VOLUME)


def test_a_single_expected_level_and_an_alert_outside_the_window_still_render() -> None:
    png = render_chart(VOLUME, ALERTED - timedelta(days=9), None, 1.5)

    Image.open(io.BytesIO(png)).load()
    assert red_columns(png) == []
