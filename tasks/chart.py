"""The alert's volume chart: stories per bucket as bars on a time axis, the expected level
as a line (or the alert's expected count as a dashed level), the alerted bucket marked in
red with its count labelled. matplotlib with the Agg backend: no display needed, a PNG of
a few tens of KB in a fraction of a second.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta

import matplotlib

matplotlib.use("Agg")  # before pyplot: never a GUI backend, in a worker or a test

import matplotlib.dates as mdates  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from tasks.mrkdwn import as_utc, number  # noqa: E402

BAR, SPIKE, EXPECTED, TEXT = "#9aa8b8", "#d93b3b", "#1f5f99", "#222222"
SIZE_INCHES, DPI = (8.0, 2.6), 100  # 800 x 260 px: readable in Slack's preview


def render_chart(volume: Sequence[tuple[datetime, float]], alerted: datetime,
                 expected: Sequence[tuple[datetime, float]] | None = None,
                 expected_level: float | None = None, title: str = "") -> bytes:
    """A PNG of `volume` (bucket start, count; oldest first) with the bucket starting at
    `alerted` marked and labelled. `expected` (bucket start, expected count) draws the
    expected level per bucket; without it, `expected_level` draws one dashed level."""
    times = [as_utc(t) for t, _ in volume]
    values = [float(v) for _, v in volume]
    width = (times[1] - times[0]) if len(times) > 1 else timedelta(hours=1)
    alerted = as_utc(alerted)
    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    axes = figure.add_subplot()
    colours = [SPIKE if t == alerted else BAR for t in times]
    axes.bar(times, values, width=width * 0.85, align="edge", color=colours, linewidth=0)
    if expected:
        steps = sorted((as_utc(t), float(v)) for t, v in expected)
        axes.step([t for t, _ in steps] + [steps[-1][0] + width],
                  [v for _, v in steps] + [steps[-1][1]], where="post", color=EXPECTED,
                  linewidth=1.6, label="expected")
    elif expected_level is not None:
        axes.axhline(expected_level, color=EXPECTED, linewidth=1.6, linestyle="--",
                     label="expected")
    top = max([*values, expected_level or 0, *(v for _, v in expected or [])], default=1)
    top = max(1.0, top)
    if alerted in times:
        count = values[times.index(alerted)]
        middle = alerted + width / 2
        near_end = times.index(alerted) > 0.75 * len(times)
        axes.axvspan(alerted, alerted + width, color=SPIKE, alpha=0.08, linewidth=0)
        axes.annotate(f"{number(count)} {'story' if count == 1 else 'stories'}, "
                      f"{alerted:%d %b %H:%M} UTC", xy=(middle, count),
                      xytext=(middle, top * 1.18), ha="right" if near_end else "left",
                      va="center", fontsize=8, color=SPIKE, fontweight="bold",
                      arrowprops={"arrowstyle": "-", "color": SPIKE, "linewidth": 0.8})
    axes.set_ylim(0, top * 1.3)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    axes.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator, tz=mdates.UTC)
    formatter.offset_formats = [""] * 6  # the days are on the axis; no corner date
    axes.xaxis.set_major_formatter(formatter)
    axes.set_xlim(times[0], times[-1] + width)
    axes.set_ylabel("stories", fontsize=8)
    axes.tick_params(labelsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.get_major_locator().set_params(integer=True)
    if expected or expected_level is not None:
        axes.legend(loc="upper left", fontsize=8, frameon=False, handlelength=1.5)
    if title:
        axes.set_title(f"{title} (UTC)", fontsize=9, loc="left", color=TEXT)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()
