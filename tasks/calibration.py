"""A topic's scores against its own history: how often a score this high comes along.

A detector score (a normal z) means different things for different topics: a busy, bursty
topic reaches z 7 on ordinary days, a sparse one rarely passes 3. `return_period` turns
each score into days between scores this high, read from the topic's own daily maxima, so
that one bar on that span (the sensitivity) bounds every topic's alert rate alike.
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
    wall = local.tz_localize(None)
    day = (wall.normalize().asi8 - wall.normalize().asi8[0]) // pd.Timedelta(days=1).value
    daily_max = pd.Series(score).groupby(day).max().reindex(range(day[-1] + 1)).to_numpy()
    loc_by_day, scale_by_day = _gumbel_by_day(daily_max, calibration_days)
    loc, scale = loc_by_day[day], scale_by_day[day]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        log_sf = stats.gumbel_r.logsf(score, loc, np.where(scale > 0, scale, 1.0))
        log_sf = np.where(scale > 0, log_sf, np.where(score > loc, -np.inf, 0.0))
        history = np.exp(-log_sf)
        model = window / timedelta(days=1) * np.exp(-log_tail)
    days = np.minimum(np.fmin(history, model), _LONGEST_DAYS)
    return np.where(np.isnan(loc), np.nan, days)


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


_MIN_CALIBRATION_DAYS = 3
_LONGEST_DAYS = 365_000.0  # return periods are capped at a thousand years
