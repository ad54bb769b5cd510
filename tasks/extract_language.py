"""Language detection: what a body is written in where the page's declaration does not
bear it out, and for pages that declare none, a guess among the news languages and the
configured ones (py3langid)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache

from justext.core import STOPWORDS_LOW_DEFAULT
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from tasks.extract_fields import words_key
from tasks.stopwords import stop_words

log = logging.getLogger(__name__)

# langid knows 97 languages; on short texts (a headline, a two-line brief) the full set
# reads neighbours (Russian as Bulgarian, English as a minority Latin-script language).
# Limited to the languages news monitoring meets (the configured defaults and the other
# large news languages), it misread 1 of 265 headlines from the demo newsroom and the dev
# corpus, against 5 with all 97; full bodies were right either way.
NEWS_LANGUAGES = (
    *("en", "de", "fr", "es", "ru", "uk", "ar", "fa", "he", "tr"),
    *("it", "pt", "nl", "pl", "sv", "da", "no", "fi", "cs", "sk", "ro", "hu", "el", "bg"),
    *("sr", "hr", "ca", "ja", "zh", "ko", "id", "ms", "vi", "th", "hi", "ur", "bn"),
)
_MIN_CONFIDENCE = 0.5
# Over a body's first 1,000 characters the full model is right where it is this sure. On
# both dev corpora the stop-word test sent 6 bodies of 205 to it, and it overruled 3
# declarations, all rightly: an English template on isiZulu, isiXhosa and Swahili sites.
_SURE = 0.99
_SURE_SPAN = 1000
_CHECKED_WORDS = 100


def declared_language(
    declarations: Sequence[tuple[str, str]], body: str
) -> tuple[str, str] | None:
    """The first of the page's declarations (source, code), or where they disagree, the
    one whose stop words the body holds most of ("kr" in JSON-LD, "ko" in `<html lang>`)."""
    codes = {code for _, code in declarations}
    if len(codes) < 2:
        return declarations[0] if declarations else None
    share = {code: _stop_word_share(body, code) for code in codes}
    return max(declarations, key=lambda declaration: share[declaration[1]])  # first of ties


def _stop_word_share(body: str, language: str | None) -> float:
    """The share of the body's first 100 words that are the language's stop words."""
    stops = stop_words(language)
    words = words_key(body[:_SURE_SPAN]).split()[:_CHECKED_WORDS]
    return sum(word in stops for word in words) / len(words) if stops and words else 0.0


@lru_cache(maxsize=8)
def _identifier(extra: frozenset[str]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    unknown = extra - set(identifier.nb_classes)
    if unknown:
        log.warning("language detection cannot tell %s (not among py3langid's languages); "
                    "pages in them are labelled from their metadata only",
                    ", ".join(sorted(unknown)))
    identifier.set_languages(sorted(set(NEWS_LANGUAGES) | extra - unknown))
    return identifier


@lru_cache(maxsize=1)
def _full_identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def body_language(body: str, declared: str | None) -> str | None:
    """What an article's body is written in, where that is not the language the page
    declares (often a template's default); None where the body bears the declaration out.
    A body whose first 100 words hold fewer of the declared language's stop words than
    jusText asks of good text (30%) goes to py3langid over all its 97 languages, which must
    be sure of another. The test spares most pages the model (up to a millisecond each).
    Bodies under 1,000 characters and declarations without a stop list are not checked."""
    if len(body) < _SURE_SPAN or not stop_words(declared):
        return None
    if _stop_word_share(body, declared) >= STOPWORDS_LOW_DEFAULT:
        return None
    language, probability = _full_identifier().classify(body[:_SURE_SPAN])
    return language if probability >= _SURE and language != declared else None


def detect_language(text: str, languages: Sequence[str] = ()) -> str | None:
    """py3langid's guess among NEWS_LANGUAGES and `languages`; None for text without
    letters or a guess below 0.5 probability. The model loads on first use (about half a
    second)."""
    if not re.search(r"[^\W\d_]", text):
        return None
    extra = frozenset(languages) - set(NEWS_LANGUAGES)
    language, probability = _identifier(extra).classify(text[:3000])
    return language if probability >= _MIN_CONFIDENCE else None
