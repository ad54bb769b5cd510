"""A topic's scores against its own history: how often a score this high comes along.

A detector score (a normal z) means different things for different topics: a busy, bursty
topic reaches z 7 on ordinary days, a sparse one rarely passes 3. `return_period` turns
each score into days between scores this high, read from the topic's own daily maxima, so
that one bar on that span (the sensitivity) bounds every topic's alert rate alike.
`busy_day_count` is the size a burst must also reach: the peak of a busy day for the topic.
"""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
import pandas as pd
from scipy import stats


def return_period(
    local: pd.DatetimeIndex,
    score: np.ndarray,
    log_tail: np.ndarray,
    window: timedelta,
    calibration_days: int,
) -> np.ndarray:
    """Days between scores this high, in this topic's own history (NaN until it has one).

    The history is the topic's maximum score on each local calendar day (the news cycle:
    "how often does this topic have a day like this") over the past `calibration_days`. A
    Gumbel distribution, the law of a maximum, fitted to them gives how often a day's
    maximum reaches a score: a topic whose ordinary days peak at 7 needs far more than 7 to
    alert, one whose days peak at 2 alerts on much less. The model's own tail (one window
    in 1/p) caps it, so a topic with no variation yet (every day empty) still has a finite
    figure. (Six-hour blocks fitted more steadily on the suite, but a topic that bursts on
    most days then alerted on its ordinary bursts: three calm blocks a day made each burst
    look rare.)
    """
    day = _day_index(local)
    daily_max = _daily_max(score, day)
    loc_by_day, scale_by_day = _gumbel_by_day(daily_max, calibration_days)
    loc, scale = loc_by_day[day], scale_by_day[day]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        log_sf = stats.gumbel_r.logsf(score, loc, np.where(scale > 0, scale, 1.0))
        log_sf = np.where(scale > 0, log_sf, np.where(score > loc, -np.inf, 0.0))
        history = np.exp(-log_sf)
        model = window / timedelta(days=1) * np.exp(-log_tail)
    days = np.minimum(np.fmin(history, model), _LONGEST_DAYS)
    return np.where(np.isnan(loc), np.nan, days)


def busy_day_count(local: pd.DatetimeIndex, count: np.ndarray, days: int) -> np.ndarray:
    """The window count of a busy day for this topic: the upper tercile of its daily peak
    counts over the past `days` local days (0 until it has a day of history).

    An alert needs at least this many mentions as well as a rare score: a burst that is
    surprising for its hour (a quiet night) but smaller than the peak this topic reaches on
    one day in three is part of its ordinary life, not news. Several recent bursts as big
    as this one raise it; one earlier big story does not mute the topic.
    """
    day = _day_index(local)
    peaks = pd.Series(_daily_max(count, day))
    busy = peaks.rolling(days, min_periods=1).quantile(BUSY_DAY_QUANTILE).shift(1)
    return busy.fillna(0.0).to_numpy()[day]


def _day_index(local: pd.DatetimeIndex) -> np.ndarray:
    """Local calendar day of each bucket, counted from the first bucket's day."""
    midnight = local.tz_localize(None).normalize().asi8
    return (midnight - midnight[0]) // pd.Timedelta(days=1).value


def _daily_max(values: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Each day's largest value (NaN for a day with none), day 0 to the last."""
    return pd.Series(values).groupby(day).max().reindex(range(day[-1] + 1)).to_numpy()


def _gumbel_by_day(maxima: np.ndarray, days: int) -> tuple[np.ndarray, np.ndarray]:
    """Gumbel location and scale for each day from the maxima of the `days` days before it
    (NaN with fewer than _MIN_CALIBRATION_DAYS), by L-moments: l2 is half the mean absolute
    difference of two maxima, so one past spike moves the fit far less than a variance."""
    loc = np.full(len(maxima), np.nan)
    scale = np.full(len(maxima), np.nan)
    for d in range(len(maxima)):
        past = np.sort(maxima[max(0, d - days) : d])
        past = past[np.isfinite(past)]
        n = len(past)
        if n < _MIN_CALIBRATION_DAYS:
            continue
        b1 = np.sum(np.arange(n) / (n - 1) * past) / n
        l2 = 2 * b1 - past.mean()
        scale[d] = l2 / math.log(2)
        loc[d] = past.mean() - np.euler_gamma * scale[d]
    return loc, scale


BUSY_DAY_QUANTILE = 2 / 3  # a busy day's peak: exceeded on one day in three
_MIN_CALIBRATION_DAYS = 3
_LONGEST_DAYS = 365_000.0  # return periods are capped at a thousand years
