"""Topic matching: which watched topics an article mentions, and how prominently.

Matching rules (what `config/topics.yaml` users can rely on):

- Case-insensitive and accent-insensitive: text and aliases go through `normalise`
  (case folding, NFKD with combining marks dropped, so "Irán" = "Iran" and "Ё" = "Е";
  Arabic tashkeel and tatweel dropped, alef/yeh/kaf/teh-marbuta variants unified, so
  Arabic "إيران" = Persian "ایران"; ZWNJ dropped, so Persian suffixes written apart join
  the word; Hebrew niqqud dropped and final letters unified; curly apostrophes and
  dashes made ASCII).
- Whole words: a match never starts or ends inside a word ("drone" is not found in
  "androne"). A hyphen ends a word, so "Iran-backed" and "drone-maker" are hits.
- Inflection-tolerant: after an alias, only endings listed for its script are accepted,
  never arbitrary letters, so "Iran" matches "Iran's", "Irans", Turkish "İran'da", but not
  "Iranda"; "UAV" matches "UAVs" but not "UAVxyz".
    Latin: s, es, n, Turkish plural lar/ler (+ case), and an apostrophe + up to 6 letters.
    Cyrillic: the usual Russian and Ukrainian noun and adjective endings; an alias ending
      in a vowel, й, ь or an adjective ending (ий ый ой ій) may swap it for another ending
      (Украина -> Украины, Украиной; иранский -> иранских).
    Arabic script: a prefix (و ف ب ك ل ال لل and their combinations) and a suffix
      (ي ية ون ين ات ها ...; Persian ها های ی ان ...); a final ة may become ات/ت (plural).
    Hebrew: prefixes ו ה ב ל מ ש כ (up to three) and endings ים ית י יות ות.
  Inside a multi-word alias, words are joined by any run of spaces or hyphens, a word
  in Arabic script may carry the article ال and one in Hebrew script ה; only the last
  word inflects.
- An alias ending in `*` matches any continuation of the word ("Drohnen*" finds
  "Drohnenangriff"), for compounds the endings above do not cover.
- Exclusions: a mention inside one of the topic's exclusion phrases is not a hit
  ("Israel" in "Israel Adesanya"); other topics' mentions inside it still count.
- Every alias applies to every text, whatever its language. Scripts without spaces
  between words (Chinese, Japanese, Thai) are not supported.
- All topics and exclusions are found in one regex pass per text: every alias and
  exclusion form goes into one character trie rendered as a regex, and each form ends in
  an empty capturing group whose number says which topics the form belongs to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from tasks.config import Topic
from tasks.models import Article

TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0


@dataclass
class TopicHit:
    """How often one topic is mentioned in one article.

    weight = TITLE_WEIGHT * title_hits + BODY_WEIGHT * body_hits, i.e. 3 * title + body:
    a headline mention says more about what the article is about than one in passing.
    """

    topic: str
    title_hits: int
    body_hits: int
    weight: float


# Dropped after NFKD: combining marks (accents, Cyrillic breve, Hebrew niqqud, Arabic
# tashkeel and the hamza NFKD splits off alef), tatweel, soft hyphen, ZWNJ/ZWJ, bidi controls.
_DROP = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u20d0-\u20ff\ufe20-\ufe2f\u0640\u00ad\u200c-\u200f\u202a-\u202e\u2060"
    "\u2066-\u2069\ufeff]"
)
# Spelling variants made one; a chain of str.replace is ~10x faster than str.translate.
_SAME = [
    (source, target)
    for sources, target in {
        "\u0649\u06cc": "\u064a",  # alef maksura, Persian yeh -> Arabic yeh
        "\u06a9": "\u0643",  # Persian kaf -> Arabic kaf
        "\u0629\u06d5": "\u0647",  # teh marbuta, ae -> heh
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u05da": "\u05db", "\u05dd": "\u05de", "\u05df": "\u05e0",  # Hebrew final letters
        "\u05e3": "\u05e4", "\u05e5": "\u05e6",
        "\u05f4\u201c\u201d": '"', "\u05f3\u2018\u2019\u02bc\u00b4": "'",
        "\u05be\u2010\u2012\u2013\u2014\u2015\u2212": "-",
        "\u200b": " ",
    }.items()
    for source in sources
]


def normalise(text: str) -> str:
    """The form both texts and aliases are compared in (see the module docstring)."""
    if text.isascii():
        return text.lower()
    text = _DROP.sub("", unicodedata.normalize("NFKD", text.casefold()))
    for source, target in _SAME:
        if source in text:
            text = text.replace(source, target)
    return text


def _script(char: str) -> str:
    code = ord(char)
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if 0x0590 <= code <= 0x05FF:
        return "hebrew"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
        return "arabic"
    if char.isascii() or 0x00C0 <= code <= 0x024F:
        return "latin"
    return "other"


def _endings(words: str) -> list[str]:
    return [normalise(w) for w in words.split()]


_LATIN_ENDINGS = _endings(
    "s es n lar ler ları leri ların lerin lara lere larda lerde lardan lerden larla lerle"
)
_CYRILLIC_ENDINGS = _endings(
    "а я у ю о е ы и і ї є ь ом ем ём ой ей ою ею ов ев ёв ів їв ам ям ами ями ах ях "
    "ия ии ию ие ий ый ій ая яя ое ее ые ого его ому ему ым им ых их ую юю ыми ими ові еві "
    "ої ього ьому"
)
_ARABIC_ENDINGS = _endings(
    "ي ية يه يون يين يان يات ات ون ين ان ه ها هم هما "  # Arabic
    "ها های هایی هایش ی ای یی ان یان ش شان"  # Persian
)
_HEBREW_ENDINGS = _endings("ים ית י יות ות יים יה")
# Dictionary-form endings an inflected form replaces: adjective endings first, then one letter.
_CYRILLIC_SWAPPABLE = _endings("ий ый ой ій а я о е ы и і ї й ь є ю")
# و or ف (and, so), then ب ك ل (in, like, to) with or without ال (the), or لل (to the)
_ARABIC_PREFIX = (
    "(?:[\u0648\u0641]?(?:[\u0628\u0643\u0644]?\u0627\u0644|\u0644\u0644|[\u0628\u0643\u0644])"
    "|[\u0648\u0641])"
)
_HEBREW_PREFIX = "[\u05d5\u05e9\u05d4\u05d1\u05dc\u05de\u05db]{1,3}"
_AL = "\u0627\u0644"

# Placeholders for what separates the words of a multi-word alias; see `_SEPARATORS`.
_SEP, _SEP_ARABIC, _SEP_HEBREW = "\x00", "\x01", "\x02"


def _trie(words: Sequence[str]) -> str:
    """A regex matching exactly `words`, as a character trie (fast in Python's `re`)."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def render(node: dict) -> str:
        alternatives = [re.escape(char) + render(child) for char, child in node.items() if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(root)


_LATIN_SUFFIX = f"(?:{_trie(_LATIN_ENDINGS)}|'\\w{{1,6}})?"
_CYRILLIC_SUFFIX = f"(?:{_trie(_CYRILLIC_ENDINGS)})"
_ARABIC_SUFFIX = f"(?:{_trie(_ARABIC_ENDINGS)})"
_HEBREW_SUFFIX = f"(?:{_trie(_HEBREW_ENDINGS)})"


def _forms(alias: str) -> list[tuple[str, str]]:
    """The (normalised text, suffix regex) forms one alias is matched in."""
    words = normalise(alias).replace("-", " ").split()
    if not words:
        return []
    text = words[0]
    for word in words[1:]:
        script = _script(word[0])
        if script == "arabic" and not word.startswith(_AL):
            text += _SEP_ARABIC + word
        elif script == "hebrew" and not word.startswith("\u05d4"):
            text += _SEP_HEBREW + word
        else:
            text += _SEP + word
    if text.endswith("*"):
        stem = text.rstrip("*")
        return [(stem, r"\w*")] if stem else []
    texts = [text]
    if text.startswith(_AL) and len(words[0]) >= 5:  # ل + ال is written لل: للصين
        texts.append("\u0644" + text[1:])
    return [form for t in texts for form in _inflected(t, len(words[-1]))]


def _inflected(text: str, last_word_length: int) -> list[tuple[str, str]]:
    last = text[-1]
    script = _script(last)
    if script == "latin":
        return [(text, _LATIN_SUFFIX)]
    if script == "cyrillic":
        forms = [(text, _CYRILLIC_SUFFIX + "?")]
        cut = next((len(e) for e in _CYRILLIC_SWAPPABLE if text.endswith(e)), 0)
        if cut and last_word_length - cut >= 3:
            forms.append((text[:-cut], _CYRILLIC_SUFFIX))
        return forms
    if script == "arabic":
        forms = [(text, _ARABIC_SUFFIX + "?")]
        if last == "\u0647" and last_word_length >= 3:  # teh marbuta (normalised to heh)
            forms.append((text[:-1], f"\u0627?\u062a{_ARABIC_SUFFIX}?"))
        return forms
    if script == "hebrew":
        forms = [(text, _HEBREW_SUFFIX + "?")]
        if last == "\u05d4" and last_word_length >= 3:
            forms.append((text[:-1], f"(?:\u05d5\u05ea|\u05d9\u05ea|\u05ea){_HEBREW_SUFFIX}?"))
        return forms
    return [(text, "")]


_SEPARATORS = {
    _SEP: r"[\s\-]+",
    _SEP_ARABIC: rf"[\s\-]+(?:{_AL})?",
    _SEP_HEBREW: r"[\s\-]+\u05d4?",
}


class _Finder:
    """One compiled regex over many phrases. Each match's last group number indexes
    `owners`: the topics the matched phrase belongs to, and whether it is an exclusion."""

    def __init__(self, aliases: dict[str, set[int]], exclusions: dict[str, set[int]]):
        owners_by_form: dict[tuple[str, str, bool], set[int]] = {}
        for phrases, excluded in ((exclusions, True), (aliases, False)):
            for phrase, owners in phrases.items():
                for text, suffix in _forms(phrase):
                    owners_by_form.setdefault((text, suffix, excluded), set()).update(owners)
        # One trie per prefix rule: prefixes are tried only before words that take them.
        prefix_of = {"arabic": f"(?:{_ARABIC_PREFIX})?", "hebrew": f"(?:{_HEBREW_PREFIX})?"}
        roots: dict[str, dict] = {"": {}, **{prefix: {} for prefix in prefix_of.values()}}
        for (text, suffix, excluded), owners in owners_by_form.items():
            node = roots[prefix_of.get(_script(text[0]), "")]
            for char in text:
                node = node.setdefault(char, {})
            node.setdefault("", []).append((suffix, (tuple(sorted(owners)), excluded)))
        self.owners: list[tuple[tuple[int, ...], bool]] = [((), False)]  # group 0: the match
        tries = [prefix + self._render(root) for prefix, root in roots.items() if root]
        self.pattern = re.compile(rf"(?<!\w)(?:{'|'.join(tries) or '(?!)'})(?!\w)")

    def _render(self, node: dict) -> str:
        # Longer continuations come first, so a phrase wins over a shorter one it extends
        # ("Israel Adesanya" over "Israel"); at one node exclusions come before aliases.
        alternatives = []
        for char, child in node.items():
            if char:
                head = _SEPARATORS.get(char) or re.escape(char)
                alternatives.append(head + self._render(child))
        for suffix, owners in node.get("", []):
            self.owners.append(owners)  # groups are numbered in the order they are written
            alternatives.append("()" + suffix)
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


class TopicMatcher:
    """All topics' aliases and exclusions, compiled once into one regex.

    Exclusion phrases sit in the same trie as the aliases. The scan is leftmost-first and
    prefers the longer phrase, so where an exclusion starts at or before a mention it
    consumes it. Mentions of other topics inside an exclusion are found by re-scanning
    just that span with the aliases alone (rare, so cheap).
    """

    def __init__(self, names: list[str], finder: _Finder, aliases_only: _Finder):
        self.names = names
        self._finder = finder
        self._aliases_only = aliases_only

    @classmethod
    def compile(cls, topics: Sequence[Topic]) -> TopicMatcher:
        aliases: dict[str, set[int]] = {}
        exclusions: dict[str, set[int]] = {}
        for index, topic in enumerate(topics):
            for alias in {a for names in topic.aliases.values() for a in names}:
                aliases.setdefault(alias, set()).add(index)
            for phrase in topic.exclude:
                exclusions.setdefault(phrase, set()).add(index)
        finder = _Finder(aliases, exclusions)
        aliases_only = _Finder(aliases, {}) if exclusions else finder
        return cls([t.name for t in topics], finder, aliases_only)

    def _count(self, text: str | None) -> dict[int, int]:
        counts: dict[int, int] = {}
        if not text:
            return counts
        text = normalise(text)
        owners = self._finder.owners
        for m in self._finder.pattern.finditer(text):
            topics, excluded = owners[m.lastindex]
            if not excluded:
                for topic in topics:
                    counts[topic] = counts.get(topic, 0) + 1
                continue
            inner = self._aliases_only
            for n in inner.pattern.finditer(text, m.start(), m.end()):
                for topic in inner.owners[n.lastindex][0]:
                    if topic not in topics:
                        counts[topic] = counts.get(topic, 0) + 1
        return counts

    def match(self, title: str | None, body: str | None) -> list[TopicHit]:
        """The topics mentioned in a title and body, heaviest first."""
        in_title, in_body = self._count(title), self._count(body)
        hits = []
        for topic in in_title.keys() | in_body.keys():
            t, b = in_title.get(topic, 0), in_body.get(topic, 0)
            hits.append(TopicHit(self.names[topic], t, b, TITLE_WEIGHT * t + BODY_WEIGHT * b))
        hits.sort(key=lambda h: (-h.weight, h.topic))
        return hits


def match_articles(
    articles: Sequence[Article], matcher: TopicMatcher
) -> list[tuple[str, TopicHit]]:
    """(url_hash, hit) for every topic every article mentions. The subtitle counts as body
    text; image captions are left out (they often describe stock photos)."""
    out = []
    for article in articles:
        body = f"{article.subtitle}\n{article.body}" if article.subtitle else article.body
        out.extend((article.url_hash, hit) for hit in matcher.match(article.title, body))
    return out
