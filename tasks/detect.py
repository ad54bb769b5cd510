"""Topic-spike detection: pure functions from a count series to one decision per bucket.

The model: counts are summed over a short trailing *window* (a quarter hour by default,
never less than one bucket: an hourly flow scores each hour, a 5-minute series its last
quarter hour, which keeps a sharp burst from being diluted by the quiet minutes around
it), and over twice that span (`scales`); the rarer of the two counts. The
expected window count comes from the last `baseline` days of window counts in the same
seasonal slot (hour of day by default; the `season` setting can split weekends or weeks).
It is the slot's median, shrunk toward the series' overall mean rate by an empirical-Bayes
weight: the share of sampling noise in the spread of the slot means. A busy topic with a
clear daily rhythm keeps its slot medians; a sparse topic (most hours empty, so every
median is 0) is expected at its real rate. When `totals` (everything ingested per bucket)
are given, the expectation is scaled by the rest of the coverage (totals less the topic
itself) against its usual level in the slot, so a new outlet or a backfill scales the
expectation instead of raising an alert, while the topic's own burst does not inflate its
expectation; a prior of `EXPOSURE_PRIOR` stories damps the scale in thin hours. Counts are
negative binomial around that expectation, var = mu + phi mu^2, with the extra dispersion
phi read from the median absolute log deviation of the same past (phi = 0 is plain
Poisson). The score is the normal z with the same upper tail as the count (the exact mid-p
tail, from scipy), so that 9 stories against 0.13 expected scores like the 1-in-10^11 event
it is.

No single threshold on that score serves every topic: a busy, bursty topic reaches z 7 on
ordinary days, a sparse one rarely passes 3. So each score is calibrated against the
topic's own history: its daily maximum scores over the `baseline` follow a Gumbel law,
which turns a score into a *return period*, "a score this high comes about once in N days
for this topic". The user's `sensitivity` is a bar on that span
(balanced: once in 5 weeks), so every topic's alert rate on ordinary days is bounded by
the same budget whatever its volume. A burst must also be as large as the topic's peak on
a busy day (one day in three, over the `baseline`): a count that is rare for a quiet hour
but below what the topic reaches on its ordinary busy afternoons is not news. Every
quantity at bucket t uses data up to t only.

Episodes: the first bucket over the bar (with at least `min_count` mentions, and a busy
day's) is an "alert"; later buckets belong to the same episode until the score stays under
the bar for longer than `max_gap`; then one "ended" decision closes it and a `cooldown`
starts.
"""

from __future__ import annotations

import math
import zoneinfo
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator
from scipy import special, stats

from tasks.calibration import busy_day_count, return_period
from tasks.errors import SeriesError
from tasks.sensitivity import SENSITIVITY_PERIODS, Sensitivity, SensitivitySetting

EXPOSURE_PRIOR = 10.0  # stories added to both sides of the rest-of-coverage ratio


class Season(StrEnum):
    none = "none"
    hour_of_day = "hour_of_day"
    hour_of_day_and_weekend = "hour_of_day_and_weekend"
    hour_of_week = "hour_of_week"


class Status(StrEnum):
    """What the detector decided for one bucket."""

    learning = "learning"  # not enough history for this time of day/week yet
    quiet = "quiet"  # score under the threshold, no episode open
    below_min_count = "below_min_count"  # score over the threshold, too few mentions
    alert = "alert"  # first bucket of a new episode: the one alert users get
    ongoing = "ongoing"  # inside an open episode (over the threshold or within max_gap)
    follow_up = "follow_up"  # inside an episode that has grown by follow_up_factor
    ended = "ended"  # first bucket after an episode closed
    cooldown = "cooldown"  # over the threshold, but too soon after the last episode


class DetectorSettings(BaseModel):
    """How the spike detector decides; every default is meant to work for any topic."""

    model_config = ConfigDict(extra="forbid")

    sensitivity: SensitivitySetting = Field(
        default=Sensitivity.balanced,
        description="How rare a score must be, in this topic's own history, to alert: "
        "'fewer' (rarer than once in 13 weeks), 'balanced' (once in 5 weeks), 'more' "
        "(once in 2 weeks), or a span of a day or more such as P30D (ISO 8601) for 'rarer "
        "than once in 30 days'.",
    )
    min_count: float = Field(
        default=5.0,
        ge=0,
        description="Fewest mentions (stories, in the flows) in the scoring window for an "
        "alert; fewer is 'below_min_count' however surprising, and so is a count below the "
        "topic's peak on a busy day (one day in three over the baseline).",
    )
    window: timedelta = Field(
        default=timedelta(minutes=15),
        gt=timedelta(0),
        description="Counts are summed over this trailing window before scoring (never "
        "less than one bucket, so hourly counts are scored hour by hour).",
    )
    scales: int = Field(
        default=2,
        ge=1,
        le=4,
        description="How many spans are scored: the window, then each time twice the last "
        "(2: the window and twice it); the rarest score counts. A span shorter than a bucket "
        "is one bucket, so an hourly flow with the 15-minute window scores single hours.",
    )
    season: Season = Field(
        default=Season.hour_of_day,
        description="Which past buckets form the baseline: 'none' (all), 'hour_of_day', "
        "'hour_of_day_and_weekend' (same hour, weekdays and weekends apart) or "
        "'hour_of_week' (needs several weeks of history).",
    )
    timezone: str = Field(
        default="UTC",
        description="IANA time zone in which hour of day and weekday are read.",
    )
    baseline: timedelta = Field(
        default=timedelta(days=14),
        gt=timedelta(0),
        description="How far back the expected count and the dispersion are estimated.",
    )
    min_history: timedelta = Field(
        default=timedelta(days=2),
        ge=timedelta(0),
        description="Buckets are 'learning' (never alert) until the series is this old "
        "and the bucket's time of day/week has been seen on at least two days.",
    )
    max_gap: timedelta = Field(
        default=timedelta(hours=3),
        ge=timedelta(0),
        description="An episode survives this long under the threshold before it ends.",
    )
    cooldown: timedelta = Field(
        default=timedelta(hours=12),
        ge=timedelta(0),
        description="After an episode ends, no new alert for this long.",
    )
    follow_up_factor: float = Field(
        default=2.0,
        gt=1,
        description="Inside an episode, a window count this many times the count last "
        "reported is a 'follow_up' (the story is growing).",
    )

    @property
    def threshold_period(self) -> timedelta:
        """The bar as a span: a score alerts when it occurs less often than once per this."""
        if isinstance(self.sensitivity, timedelta):
            return self.sensitivity
        return SENSITIVITY_PERIODS[self.sensitivity]

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r}; use an IANA name such as UTC") from None
        return name


@dataclass
class Decision:
    """The detector's verdict on one bucket, with the numbers behind it.

    `value` is the bucket's own count; `window_count`, `expected` and `score` are for the
    trailing scoring `window` that ends with this bucket (the bucket itself when the window
    is one bucket).
    """

    timestamp: datetime  # bucket start, timezone-aware UTC
    value: float
    window_count: float
    window: timedelta
    expected: float
    score: float
    status: str  # one of Status
    reason: str
    # A score this high occurs about once per this span in this topic's own history
    # (None while learning), and the sensitivity's bar as a span: a bucket is over the
    # threshold when return_period >= threshold_period.
    return_period: timedelta | None = None
    threshold_period: timedelta | None = None


@dataclass
class _Scored:
    """Per-bucket arrays on the regular grid."""

    times: pd.DatetimeIndex
    value: np.ndarray  # the bucket's own count
    count: np.ndarray  # trailing window count
    expected: np.ndarray  # expected window count (NaN while learning)
    score: np.ndarray
    return_period: np.ndarray  # days between scores this high in the topic's history
    learning: np.ndarray  # bool
    width: np.ndarray  # how many buckets `count` sums, per bucket
    busy: np.ndarray  # the window count of a busy day for this topic (alerts need as many)


def detect(
    timestamps: Sequence[datetime],
    values: Sequence[float],
    settings: DetectorSettings,
    totals: Sequence[float] | None = None,
    bucket: timedelta | None = None,
    alerted: Collection[datetime] = (),
) -> list[Decision]:
    """One Decision per bucket of the regular grid spanning `timestamps`, in time order.

    `timestamps` must increase; naive ones are UTC. A bucket missing from the input counts
    as zero. `totals` (articles ingested per bucket, all topics) turns the baseline into a
    share of coverage. `bucket` defaults to the median spacing of `timestamps` (one hour
    for a single point). `alerted` are bucket starts whose alert has gone out: each opens
    its episode whatever the counts say now. The alerts flow scores the bucket still being
    counted, so an alert sent on its first minutes must not be taken back, and a second
    alert for the same story opened, when the whole bucket reads less unusual.
    """
    times, counts, total_counts, step = _to_grid(timestamps, values, totals, bucket)
    if not len(times):
        return []
    scored = _score(times, counts, total_counts, step, settings)
    sent = {int(i) for i in times.get_indexer(pd.DatetimeIndex(list(alerted), tz="UTC"))
            if i >= 0} if alerted else set()
    decisions = _decide(scored, step, settings, sent)
    held = _opened_before_sent(decisions, sent)
    return _decide(scored, step, settings, sent, held) if held else decisions


def _opened_before_sent(decisions: list[Decision], sent: set[int]) -> set[int]:
    """Late articles can push the buckets before a delivered alert over the bar, so that
    its episode would open earlier, under another id, and alert a second time: the
    positions from such an opening up to the delivered alert."""
    held: set[int] = set()
    for s in sent:
        j = s
        while j > 0 and decisions[j].status in (Status.ongoing, Status.follow_up):
            j -= 1
        if j < s and decisions[j].status == Status.alert and j not in sent:
            held.update(range(j, s))
    return held


def alerts(decisions: Sequence[Decision]) -> list[Decision]:
    """The decisions that start an episode: what a user is alerted about."""
    return [d for d in decisions if d.status == Status.alert]


def _to_grid(
    timestamps: Sequence[datetime],
    values: Sequence[float],
    totals: Sequence[float] | None,
    bucket: timedelta | None,
) -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray | None, timedelta]:
    """Place the series on a regular grid from its first timestamp; gaps become zeros."""
    if len(timestamps) != len(values):
        raise SeriesError(f"{len(timestamps)} timestamps but {len(values)} values")
    if totals is not None and len(totals) != len(values):
        raise SeriesError(f"{len(values)} values but {len(totals)} totals")
    if not len(timestamps):
        return pd.DatetimeIndex([], tz="UTC"), np.zeros(0), None, bucket or timedelta(hours=1)
    times = pd.DatetimeIndex(pd.to_datetime(list(timestamps), utc=True)).as_unit("ns")
    gaps = np.diff(times.asi8)
    if (gaps <= 0).any():
        row = int(np.flatnonzero(gaps <= 0)[0]) + 1
        raise SeriesError(f"timestamp #{row} ({times[row]}) is not after the one before it")
    if bucket is None:
        bucket = (
            pd.Timedelta(int(np.median(gaps)), "ns").to_pytimedelta()
            if len(gaps)
            else (timedelta(hours=1))
        )
    if bucket <= timedelta(0):
        raise SeriesError(f"bucket must be positive, got {bucket}")
    counts = _checked(values, "value")
    slots = (times.asi8 - times.asi8[0]) // pd.Timedelta(bucket).value
    size = int(slots[-1]) + 1
    grid = pd.date_range(times[0], periods=size, freq=pd.Timedelta(bucket))
    on_grid = np.zeros(size)
    np.add.at(on_grid, slots, counts)
    total_grid = None
    if totals is not None:
        total_grid = np.zeros(size)
        np.add.at(total_grid, slots, _checked(totals, "total"))
    return grid, on_grid, total_grid, bucket


def _checked(numbers: Sequence[float], name: str) -> np.ndarray:
    array = np.asarray(numbers, dtype=float)
    bad = ~np.isfinite(array) | (array < 0)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise SeriesError(f"{name} #{row} is {numbers[row]!r}; counts must be numbers >= 0")
    return array


def _score(
    times: pd.DatetimeIndex,
    counts: np.ndarray,
    totals: np.ndarray | None,
    bucket: timedelta,
    settings: DetectorSettings,
) -> _Scored:
    """Score the window and its doublings (`scales` spans), each calibrated on its own
    history, and keep, bucket by bucket, the span whose score is rarer: a sharp burst stands
    out on the short one, a burst spread over a longer span on the long one."""
    spans = (2**k * settings.window for k in range(settings.scales))
    widths = sorted({max(1, round(span / bucket)) for span in spans})
    scales = [_score_window(times, counts, totals, bucket, settings, w) for w in widths]
    periods = np.vstack([scale.return_period for scale in scales])
    rarest = np.argmax(np.where(np.isnan(periods), -np.inf, periods), axis=0)
    rows = np.arange(len(times))

    def pick(field: str) -> np.ndarray:
        return np.vstack([getattr(scale, field) for scale in scales])[rarest, rows]

    learning = np.any(np.vstack([scale.learning for scale in scales]), axis=0)
    return _Scored(
        times, counts, pick("count"), np.where(learning, np.nan, pick("expected")),
        pick("score"), pick("return_period"), learning, pick("width"), pick("busy"),
    )


def _score_window(
    times: pd.DatetimeIndex,
    counts: np.ndarray,
    totals: np.ndarray | None,
    bucket: timedelta,
    settings: DetectorSettings,
    per_window: int,
) -> _Scored:
    """Score and calibrate the trailing sums of `per_window` buckets."""
    window = per_window * bucket
    count = _trailing_sum(counts, per_window)
    local = times.tz_convert(settings.timezone)
    slot = _slots(local, settings.season)
    window_buckets = settings.baseline // bucket
    expected, seen = _seasonal_rate(times, count, slot, settings.baseline, window_buckets)
    if totals is not None:
        # Scale by the rest of our coverage (the topic's own burst must not raise its own
        # expectation) against its usual level at this time; a prior of EXPOSURE_PRIOR
        # stories keeps thin hours from swinging the scale.
        rest = np.maximum(_trailing_sum(totals, per_window) - count, 0)
        usual_rest, _ = _seasonal_rate(times, rest, slot, settings.baseline, window_buckets)
        expected = expected * (rest + EXPOSURE_PRIOR) / (usual_rest + EXPOSURE_PRIOR)
    # A topic never mentioned in the baseline is expected at half a mention per baseline
    # (Jeffreys' prior), not 0: a first burst gets a finite score instead of none.
    expected = np.fmax(expected, 0.5 * (window / settings.baseline))

    per_slot_day = _buckets_per_slot_day(bucket, settings.season)
    old_enough = (times - times[0]) >= pd.Timedelta(settings.min_history)
    learning = ~old_enough | (seen < 2 * per_slot_day) | ~np.isfinite(expected)

    phi = _dispersion(count, np.where(learning, np.nan, expected), settings.baseline // bucket)
    score = np.full(len(count), np.nan)
    log_tail = np.full(len(count), np.nan)
    score[~learning], log_tail[~learning] = _surprise(
        count[~learning], expected[~learning], phi[~learning]
    )
    calibration_days = max(1, settings.baseline // timedelta(days=1))
    period = return_period(local, score, log_tail, window, calibration_days)
    learning |= np.isnan(period)
    width = np.full(len(times), per_window)
    busy = busy_day_count(local, count, calibration_days)
    return _Scored(times, counts, count, expected, score, period, learning, width, busy)


def _trailing_sum(values: np.ndarray, width: int) -> np.ndarray:
    running = np.concatenate([[0.0], np.cumsum(values)])
    start = np.maximum(np.arange(1, len(values) + 1) - width, 0)
    return running[1:] - running[start]


def _slots(local: pd.DatetimeIndex, season: Season) -> np.ndarray:
    hour = local.hour.to_numpy()
    weekday = local.day_of_week.to_numpy()
    if season is Season.none:
        return np.zeros(len(local), dtype=int)
    if season is Season.hour_of_day:
        return hour
    if season is Season.hour_of_day_and_weekend:
        return hour + 24 * (weekday >= 5)
    return hour + 24 * weekday


def _buckets_per_slot_day(bucket: timedelta, season: Season) -> int:
    """How many buckets of one day fall in one seasonal slot."""
    span = timedelta(days=1) if season is Season.none else timedelta(hours=1)
    return max(1, span // bucket)


def _seasonal_rate(
    times: pd.DatetimeIndex, rate: np.ndarray, slot: np.ndarray, baseline: timedelta, span: int
) -> tuple[np.ndarray, np.ndarray]:
    """Expected rate per bucket from the past `baseline` (`span` buckets), and how many past
    values its slot has.

    The slot's median (robust to past spikes) is shrunk toward the overall mean rate,
    empirical-Bayes style, by the share of noise in the spread of the slot means: noise is
    the pooled within-slot variance over the slot size. A busy topic with a clear daily
    rhythm keeps its slot medians; a sparse one, whose slots differ by noise only, gets its
    overall rate rather than the 0 that a median of mostly empty hours says. Values enter
    the means capped at the baseline's 99th percentile, so one earlier spike does not
    lift them.
    """
    median, seen = _seasonal_median(times, rate, slot, baseline)
    span = max(span, 1)
    known = np.isfinite(rate)
    cap = pd.Series(rate).rolling(span, min_periods=1).quantile(0.99).shift(1).to_numpy()
    capped = np.where(known, np.fmin(rate, np.where(np.isnan(cap), np.inf, cap)), 0.0)
    _, column = np.unique(slot, return_inverse=True)
    member = np.zeros((len(rate), column.max() + 1))
    member[np.arange(len(rate)), column] = known
    n, total, squares = (
        _past_sums(member * weight, span) for weight in (1.0, capped[:, None], capped[:, None] ** 2)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = total / n
        pooled = total.sum(axis=1) / n.sum(axis=1)
        within = np.nansum(squares - total * mean, axis=1) / (n - 1).clip(min=0).sum(axis=1)
        noise = within[:, None] / n
        spread = (mean - pooled[:, None]) ** 2 - noise
        filled = np.isfinite(spread)
        between = (np.where(filled, spread, 0).sum(axis=1) / filled.sum(axis=1)).clip(min=0)
        rows = np.arange(len(rate))
        share = noise[rows, column] / (noise[rows, column] + between)
    share = np.where(np.isfinite(share), share, 1.0)
    return pooled + (1 - share) * (median - pooled), seen


def _seasonal_median(
    times: pd.DatetimeIndex, rate: np.ndarray, slot: np.ndarray, baseline: timedelta
) -> tuple[np.ndarray, np.ndarray]:
    """Median and number of past values in the same slot within `baseline` (excludes now)."""
    median = np.full(len(rate), np.nan)
    seen = np.zeros(len(rate))
    for value in np.unique(slot):
        where = np.flatnonzero(slot == value)
        rolling = pd.Series(rate[where], index=times[where]).rolling(
            pd.Timedelta(baseline), closed="left", min_periods=1
        )
        median[where] = rolling.median().to_numpy()
        seen[where] = rolling.count().fillna(0).to_numpy()
    return median, seen


def _past_sums(values: np.ndarray, span: int) -> np.ndarray:
    """Column sums over the `span` rows before each row (not the row itself)."""
    running = np.vstack([np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)])
    stop = np.arange(len(values))
    return running[stop] - running[np.maximum(stop - span, 0)]


_MAD_SIGMA = float(stats.norm.ppf(0.75))  # median absolute deviation of a standard normal


def _dispersion(count: np.ndarray, expected: np.ndarray, span: int) -> np.ndarray:
    """Extra-Poisson variance phi (var = mu + phi mu^2), estimated from the past `span` buckets.

    The log ratio log((y + 1/2) / (mu + 1/2)) has variance about 1/mu + phi. Its spread is
    read as the median absolute deviation (0.674 sigma for a normal), which the spikes
    themselves do not move. How often a topic's heavy-tailed noise still reaches a given
    score is not the model's job: `_return_period` reads it from the topic's own history.
    """
    span = max(span, 2)
    log_ratio = pd.Series(np.log((count + 0.5) / (expected + 0.5)))
    past = log_ratio.rolling(span, min_periods=2).median().shift(1)
    spread = (log_ratio - past).abs().rolling(span, min_periods=2).median().shift(1) / _MAD_SIGMA
    poisson = pd.Series(1 / (expected + 0.5)).rolling(span, min_periods=2).median().shift(1)
    phi = spread**2 - poisson
    return phi.clip(lower=0).fillna(0).to_numpy()


def _surprise(
    count: np.ndarray, expected: np.ndarray, phi: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """z-score of `count` under a negative binomial with mean `expected`, var mu + phi mu^2
    (Poisson where phi is 0), and the log of its mid-p upper tail P(Y > y) + P(Y = y) / 2.

    z is the standard normal deviate with the same tail, computed from the log so that tails
    far beyond float range (a 100-fold burst) still get a finite, ordered z.
    """
    poisson = phi <= 0
    size = 1 / np.where(poisson, 1.0, phi)
    success = size / (size + expected)
    with np.errstate(divide="ignore"):
        log_sf = np.where(
            poisson,
            stats.poisson.logsf(count, expected),
            stats.nbinom.logsf(count, size, success),
        )
        log_pmf = np.where(
            poisson,
            stats.poisson.logpmf(count, expected),
            stats.nbinom.logpmf(count, size, success),
        )
    log_tail = np.logaddexp(log_sf, log_pmf - math.log(2))
    return -special.ndtri_exp(log_tail), log_tail


def _decide(
    scored: _Scored, bucket: timedelta, settings: DetectorSettings, sent: set[int],
    held: Collection[int] = (),
) -> list[Decision]:
    """Walk the buckets in order, opening, growing and closing episodes; a bucket in `sent`
    (positions of alerts already delivered) opens one in any case, and one in `held` is
    part of the episode that a later delivered alert opened."""
    gap = settings.max_gap // bucket
    cooldown = math.ceil(settings.cooldown / bucket)
    bar = settings.threshold_period
    bar_days = bar / timedelta(days=1)
    decisions: list[Decision] = []
    episode_open = False
    last_over = reported = 0.0
    quiet_until = -1
    for i, stamp in enumerate(scored.times.to_pydatetime()):
        count, expected, score = scored.count[i], scored.expected[i], scored.score[i]
        days = scored.return_period[i]
        period = None if scored.learning[i] else timedelta(days=float(days))
        window = _human(int(scored.width[i]) * bucket)
        numbers = f"{count:g} in the last {window} vs {expected:.1f} expected"
        if period is not None and count > expected:  # how rare only for a count above usual
            numbers += f", score {score:.1f} (about once in {_human(period)} for this topic)"
        over = period is not None and days >= bar_days
        if scored.learning[i]:
            status, reason = Status.learning, "learning: no baseline yet for this time of day"
        elif i in held:
            status, reason = Status.ongoing, f"before this episode's delivered alert: {numbers}"
        elif i in sent and not (episode_open and i - last_over <= gap):
            episode_open = True
            last_over = i
            reported = count
            status, reason = Status.alert, f"spike, alerted earlier; now {numbers}"
        elif episode_open and over:
            last_over = i
            if count >= settings.follow_up_factor * reported:
                status, reason = Status.follow_up, f"episode growing: {numbers}"
                reported = count
            else:
                status, reason = Status.ongoing, f"episode continues: {numbers}"
        elif episode_open and i - last_over <= gap:
            status = Status.ongoing
            reason = f"episode open, {i - last_over:g} bucket(s) under the threshold: {numbers}"
        elif episode_open:
            episode_open = False
            quiet_until = i + cooldown
            status, reason = Status.ended, f"episode over: {numbers}"
        elif over and count < settings.min_count:
            status = Status.below_min_count
            reason = f"rare enough but only {numbers} (minimum {settings.min_count:g})"
        elif over and count < scored.busy[i]:
            status = Status.below_min_count
            reason = (
                f"rare for the hour but only {numbers}; a busy day for this topic peaks at "
                f"{scored.busy[i]:.0f}"
            )
        elif over and i < quiet_until:
            status, reason = Status.cooldown, f"cooling down after an episode: {numbers}"
        elif over:
            episode_open = True
            last_over = i
            reported = count
            status = Status.alert
            reason = f"spike: {numbers}; the bar is once in {_human(bar)}"
        else:
            status, reason = Status.quiet, numbers
        decisions.append(
            Decision(
                timestamp=stamp,
                value=float(scored.value[i]),
                window_count=float(count),
                window=int(scored.width[i]) * bucket,
                expected=float(expected),
                score=float(score),
                status=status.value,
                reason=reason,
                return_period=period,
                threshold_period=bar,
            )
        )
    return decisions


def _human(span: timedelta) -> str:
    """A span in the largest unit that reads well: '45 min', '3 h', '12 d', '9 wk', '4 yr'."""
    minutes = span.total_seconds() / 60
    for unit, size in (("yr", 525_960), ("wk", 10_080), ("d", 1440), ("h", 60)):
        if minutes >= 2 * size or (minutes >= size and minutes % size == 0):
            return f"{minutes / size:.0f} {unit}"
    return f"{minutes:.0f} min"
