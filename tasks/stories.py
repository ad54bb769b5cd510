"""Stories: copies of one story share a `story_id`, so a spike counts a wire story once.

A copy is a wire story re-published by another outlet (new headline, small edits, cut
short), the same text under two URLs, or an updated version of an article. Copies are
found by near-duplicate detection on the body text:

- the body is normalised (as for topic matching: case, accents, Arabic and Hebrew
  variants), cut into words, and every run of `SHINGLE` words is one shingle; the title
  only counts for short bodies (teasers), because outlets rewrite headlines;
- a MinHash of `HASHES` values estimates the Jaccard similarity J of two shingle sets
  (the share of equal values); with the sets' sizes it also estimates how much of the
  smaller article is in the larger one (containment), which catches cut-down copies
  and updates that grew;
- LSH: the values form `HASHES // ROWS` bands of `ROWS`; only articles sharing a band are
  compared, so assigning N new articles against M stored ones costs about N + M, not
  N * M. With 2 rows in 32 bands a pair with J = 0.5 is compared with probability
  0.9999, J = 0.3 with 0.95, J = 0.02 (unrelated) with 0.013;
- wire datelines ("DUBAI (Reuters) -", "(AP) —", "/ТАСС/", a closing "— Newswire") name
  the agency. Two articles are one story when
      J >= 0.5, or J >= 0.3 and both carry the same agency, or
      J >= 0.25 and containment >= 0.8 (>= 0.6 with the same agency)
      and the smaller article has at least 30 shingles.
  Different stories on the same topic share a few stock phrases (J ~ 0.01-0.05).

Storage (`StorySignature.to_db`, column `articles.story_sig`): a list of 33 integers,
every one below 2**63 so it round-trips through BIGINT[], UBIGINT[] and pandas int64:
    [0]      header: version << 56 | shingle count (24 bits) << 32 | agency (CRC-32, 0: none)
    [1..32]  the 64 MinHash values (31 bits each) in pairs: value[2i] << 31 | value[2i+1],
             which are also the LSH band keys.
A text without words is [header] alone and joins nothing. A signature of another
version reads as an empty one, so after a change of scheme old articles stop grouping.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from tasks.match import normalise

VERSION = 1
SHINGLE = 4  # words per shingle
HASHES = 64  # MinHash values per article
ROWS = 2  # values per LSH band
MIN_WORDS_WITHOUT_TITLE = 50  # shorter bodies (teasers) are shingled with their title

JOIN = 0.5
JOIN_SAME_AGENCY = 0.3
CONTAINED = 0.8
CONTAINED_SAME_AGENCY = 0.6
CONTAINED_MIN_JACCARD = 0.25  # below it the containment estimate is too noisy
CONTAINED_MIN_SHINGLES = 30

_LEAST_JACCARD = min(JOIN, JOIN_SAME_AGENCY, CONTAINED_MIN_JACCARD)
BANDS = HASHES // ROWS
_SORT_AT_LEAST = 2000  # rows a StoryIndex keeps in dicts before it sorts them in

_VALUE_BITS = 31
_VALUE_MASK = (1 << _VALUE_BITS) - 1
_MASK64 = (1 << 64) - 1


def _splitmix64(count: int, seed: int) -> np.ndarray:
    """Fixed pseudo-random 64-bit constants, the same on every machine and numpy version."""
    out, state = [], seed
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & _MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        out.append(z ^ (z >> 31))
    return np.array(out, dtype=np.uint64)


_MULTIPLIERS = (_splitmix64(HASHES, 1) | np.uint64(1)).reshape(-1, 1)  # odd: multiply-shift
_OFFSETS = _splitmix64(HASHES, 2).reshape(-1, 1)
_SHINGLE_WEIGHTS = _splitmix64(SHINGLE, 3) | np.uint64(1)

_AGENCIES = {
    "reuters": "reuters", "ap": "ap", "associated press": "ap", "the associated press": "ap",
    "afp": "afp", "agence france-presse": "afp", "dpa": "dpa", "xinhua": "xinhua",
    "bloomberg": "bloomberg", "ansa": "ansa", "efe": "efe", "anadolu": "anadolu",
    "upi": "upi", "pa": "pa", "tass": "tass", "тасс": "tass", "ria novosti": "ria",
    "риа новости": "ria", "интерфакс": "interfax", "interfax": "interfax", "irna": "irna",
    "ukrinform": "ukrinform", "укрінформ": "ukrinform", "wafa": "wafa", "kyodo": "kyodo",
}
_NAME = r"[^\W\d_][\w.&' -]{0,30}?"
# "DUBAI, June 3 (Reuters) - ...", "(AP) — ...", "MOSCOW, June 3. /TASS/."
_DATELINE = re.compile(
    rf"\A[^\n()]{{0,80}}?(?:\(({_NAME})\)|(?<![\w:/])/({_NAME})/)\s*([-–—:.]?)\s*"
)
# a first or last line "— Newswire" or "By Jane Doe — Newswire"
_SIGN_OFF = re.compile(rf"[–—]\s*({_NAME})\s*\Z")
_WORD = re.compile(r"\w+")


def _agency(body: str) -> tuple[int, str]:
    """(CRC-32 of the agency named by a dateline or a sign-off line, 0 if none; the body
    without its dateline). Any name counts in a dateline that a dash follows ("DUBAI
    (Newswire) -"); without the dash only known agencies do, not "(IRGC) said"."""
    name = None
    dateline = _DATELINE.match(body)
    if dateline:
        name = dateline.group(1) or dateline.group(2)
        if dateline.group(3) or _key(name) in _AGENCIES:
            body = body[dateline.end():]
        else:
            name = None
    else:
        lines = body.strip().splitlines()
        for line in lines[:1] + lines[-1:]:
            sign_off = _SIGN_OFF.search(line.strip())
            if sign_off and len(line) < 80:
                name = sign_off.group(1)
                break
    if not name:
        return 0, body
    key = _key(name)
    return zlib.crc32(_AGENCIES.get(key, key).encode()), body


def _key(name: str) -> str:
    return " ".join(normalise(name).split())


@dataclass(frozen=True)
class StorySignature:
    """What `assign_stories` needs of one article; see the module docstring for the form."""

    bands: tuple[int, ...]  # HASHES // ROWS packed pairs of MinHash values; () for no words
    shingles: int
    agency: int  # CRC-32 of the wire agency's name, 0 if none

    def to_db(self) -> list[int]:
        header = VERSION << 56 | min(self.shingles, (1 << 24) - 1) << 32 | self.agency
        return [header, *self.bands]

    @classmethod
    def from_db(cls, values: Sequence[int] | None) -> StorySignature:
        if values is None or len(values) not in (1, 1 + HASHES // 2) or values[0] >> 56 != VERSION:
            return cls((), 0, 0)
        header = int(values[0])
        return cls(tuple(int(v) for v in values[1:]), header >> 32 & (1 << 24) - 1,
                   header & 0xFFFFFFFF)

    def values(self) -> np.ndarray:
        """The MinHash values, unpacked."""
        packed = np.array(self.bands, dtype=np.uint64)
        return np.stack([packed >> np.uint64(_VALUE_BITS), packed & np.uint64(_VALUE_MASK)],
                        axis=1).reshape(-1)


def story_signature(title: str | None, body: str) -> StorySignature:
    """The near-duplicate signature of one article (cheap: ~0.3 ms for 600 words)."""
    agency, body = _agency(body or "")
    words = _WORD.findall(normalise(body))
    if len(words) < MIN_WORDS_WITHOUT_TITLE and title:
        words = _WORD.findall(normalise(title)) + words
    if not words:
        return StorySignature((), 0, agency)
    tokens = np.array([zlib.crc32(w.encode()) for w in words], dtype=np.uint64)
    if len(tokens) < SHINGLE:
        tokens = np.pad(tokens, (0, SHINGLE - len(tokens)))
    count = len(tokens) - SHINGLE + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for offset, weight in enumerate(_SHINGLE_WEIGHTS):
        shingles = shingles * np.uint64(31) + tokens[offset:offset + count] * weight
    shingles = np.unique(shingles)
    hashed = (_MULTIPLIERS * shingles + _OFFSETS) >> np.uint64(64 - _VALUE_BITS)
    values = hashed.min(axis=1)
    packed = values[0::2] << np.uint64(_VALUE_BITS) | values[1::2]
    return StorySignature(tuple(int(v) for v in packed), len(shingles), agency)


def same_story(a: StorySignature, b: StorySignature) -> bool:
    """Whether two signatures are copies of one story (thresholds in the module docstring)."""
    if not a.bands or not b.bands:
        return False
    return _joins(a, b.shingles, b.agency, float(np.mean(a.values() == b.values())))


def _joins(a: StorySignature, b_shingles: int, b_agency: int, jaccard: float) -> bool:
    same_agency = a.agency != 0 and a.agency == b_agency
    if jaccard >= (JOIN_SAME_AGENCY if same_agency else JOIN):
        return True
    smaller = min(a.shingles, b_shingles)
    if jaccard < CONTAINED_MIN_JACCARD or smaller < CONTAINED_MIN_SHINGLES:
        return False
    shared = jaccard * (a.shingles + b_shingles) / (1 + jaccard)
    return shared / smaller >= (CONTAINED_SAME_AGENCY if same_agency else CONTAINED)


class StoryIndex:
    """The stories known so far: each article's story, and LSH buckets over the signatures
    (band i's key -> rows with that key). It grows as articles are assigned, so one index
    can serve a whole run of batches.

    Rows live in numpy arrays, each band's keys sorted for binary search, so that a run's
    index of 100,000 recent articles takes ~170 MB, not the ~730 MB of a dict per band
    (bench/stories.py); the rows added since the last sort wait in plain dicts until
    there are enough of them to sort again.
    """

    def __init__(self) -> None:
        self.story_of: dict[str, str] = {}  # url_hash -> story_id
        self.read_up_to: datetime | None = None  # when tasks.load.recent_stories last read
        self.stories: list[str] = []  # row -> story_id, for the rows with a signature
        self._shingles: list[int] = []
        self._agencies: list[int] = []
        self._bands = np.empty((0, BANDS), dtype=np.uint64)  # the sorted rows' band keys
        self._order = np.empty((BANDS, 0), dtype=np.int32)  # per band: rows by key
        self._keys = np.empty((BANDS, 0), dtype=np.uint64)  # per band: keys, sorted
        self._recent: list[tuple[int, ...]] = []  # band keys of the rows after those
        self._recent_buckets: list[dict[int, list[int]]] = [{} for _ in range(BANDS)]

    def add(self, key: str, story: str, signature: StorySignature) -> None:
        """Index an article whose story is settled; one already indexed keeps its story."""
        if key in self.story_of:
            return
        self.story_of[key] = story
        if not signature.bands:
            return
        row = len(self.stories)
        self.stories.append(story)
        self._shingles.append(signature.shingles)
        self._agencies.append(signature.agency)
        for bucket, band in zip(self._recent_buckets, signature.bands, strict=True):
            bucket.setdefault(band, []).append(row)
        self._recent.append(signature.bands)
        if len(self._recent) >= max(_SORT_AT_LEAST, len(self._bands) // 4):
            self._sort()

    def add_stored(self, keys: Sequence[str], stories: Sequence[str],
                   signatures: np.ndarray) -> None:
        """`add` for many stored articles at once. `signatures` has their `story_sig`
        values, one row each (n x (1 + BANDS), int64, -1 where a value is missing): a row
        of another version or without bands joins nothing, as `StorySignature.from_db`
        reads it. Many rows go straight into the sorted arrays, not through the dicts."""
        headers = signatures[:, 0]
        usable = (headers >> 56 == VERSION) & (signatures[:, 1:] >= 0).all(axis=1)
        shingles = (headers >> 32 & (1 << 24) - 1).tolist()
        agencies = (headers & 0xFFFFFFFF).tolist()
        if len(keys) < _SORT_AT_LEAST:
            for row, key in enumerate(keys):
                bands = tuple(signatures[row, 1:].tolist()) if usable[row] else ()
                self.add(key, stories[row], StorySignature(bands, shingles[row], agencies[row]))
            return
        fresh = []
        for row, key in enumerate(keys):
            if key not in self.story_of:
                self.story_of[key] = stories[row]
                if usable[row]:
                    fresh.append(row)
        self.stories.extend(stories[row] for row in fresh)
        self._shingles.extend(shingles[row] for row in fresh)
        self._agencies.extend(agencies[row] for row in fresh)
        self._sort(signatures[fresh, 1:].astype(np.uint64))

    def _sort(self, more: np.ndarray | None = None) -> None:
        """Sort the recent rows, then `more` band rows after them, in with the others."""
        self._bands = np.vstack([self._bands,
                                 np.array(self._recent, dtype=np.uint64).reshape(-1, BANDS),
                                 *([] if more is None else [more])])
        self._order = np.argsort(self._bands, axis=0, kind="stable").T.astype(np.int32)
        self._keys = np.take_along_axis(self._bands.T, self._order, axis=1)
        self._recent = []
        self._recent_buckets = [{} for _ in range(BANDS)]

    def _candidates(self, bands: tuple[int, ...]) -> list[int]:
        """Rows sharing at least one band with `bands`, in row order."""
        rows: set[int] = set()
        for band, (keys, order, recent) in enumerate(
                zip(self._keys, self._order, self._recent_buckets, strict=True)):
            key = np.uint64(bands[band])
            low, high = np.searchsorted(keys, key, "left"), np.searchsorted(keys, key, "right")
            if high > low:
                rows.update(order[low:high].tolist())
            rows.update(recent.get(bands[band], ()))
        return sorted(rows)

    def _band_rows(self, rows: list[int]) -> np.ndarray:
        """The band keys of `rows` (in row order), sorted ones first as rows are."""
        sorted_rows = len(self._bands)
        split = next((i for i, row in enumerate(rows) if row >= sorted_rows), len(rows))
        recent = [self._recent[row - sorted_rows] for row in rows[split:]]
        return np.vstack([self._bands[rows[:split]],
                          np.array(recent, dtype=np.uint64).reshape(-1, BANDS)])

    def best_story(self, signature: StorySignature) -> str | None:
        """The story of the most similar indexed article that is a copy, if any."""
        if not signature.bands:
            return None
        rows = self._candidates(signature.bands)
        if not rows:
            return None
        # Each band key packs two MinHash values: compare them one by one.
        theirs, ours = self._band_rows(rows), np.array(signature.bands, dtype=np.uint64)
        shift, mask = np.uint64(_VALUE_BITS), np.uint64(_VALUE_MASK)
        equal = (((theirs >> shift) == (ours >> shift)).sum(axis=1)
                 + ((theirs & mask) == (ours & mask)).sum(axis=1))
        similarity = equal / HASHES
        for position in np.argsort(-similarity, kind="stable"):
            if similarity[position] < _LEAST_JACCARD:
                break
            row = rows[position]
            if _joins(signature, self._shingles[row], self._agencies[row],
                      float(similarity[position])):
                return self.stories[row]
        return None

    def assign(self, new: Sequence[tuple[str, StorySignature]]) -> dict[str, str]:
        """story_id for every new url_hash.

        `new` is (url_hash, signature), in the order they should claim stories (oldest
        first). An article already indexed keeps its story; one that is a copy of an
        indexed or an earlier new article joins the most similar one's story; any other
        starts a story whose id is its own url_hash. Stories are never merged or split
        afterwards.
        """
        out: dict[str, str] = {}
        for key, signature in new:
            story = self.story_of.get(key) or self.best_story(signature) or key
            self.add(key, story, signature)
            out[key] = story
        return out


def assign_stories(
    new: Sequence[tuple[str, StorySignature]],
    existing: Sequence[tuple[str, str, StorySignature]],
) -> dict[str, str]:
    """`StoryIndex.assign` against `existing` stored articles: (url_hash, story_id,
    signature)."""
    index = StoryIndex()
    for key, story, signature in existing:
        index.add(key, story, signature)
    return index.assign(new)
