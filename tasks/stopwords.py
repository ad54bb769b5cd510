"""Per-language stop words, from jusText's lists (a trafilatura dependency)."""

from __future__ import annotations

from functools import cache

import justext

# Language codes as articles carry them (tasks.language_codes: Bokmål and Nynorsk are
# "no") -> jusText's stop-list names: the configurable languages and the other large news
# languages it has a list for (none for Chinese, Japanese or Thai)
STOPLISTS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "fa": "Persian", "he": "Hebrew",
    "tr": "Turkish", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish", "cs": "Czech",
    "sk": "Slovak", "ro": "Romanian", "hu": "Hungarian", "el": "Greek", "bg": "Bulgarian",
    "sr": "Serbian", "hr": "Croatian", "ca": "Catalan", "ko": "Korean", "id": "Indonesian",
    "ms": "Malay", "vi": "Vietnamese", "hi": "Hindi", "ur": "Urdu", "bn": "Bengali",
}


@cache
def stop_words(language: str | None, fallback: tuple[str, ...] = ()) -> frozenset[str]:
    """A language's stop words; for an unknown language, those of every `fallback` one."""
    names = [STOPLISTS[language]] if language in STOPLISTS else [
        STOPLISTS[code] for code in fallback if code in STOPLISTS]
    return frozenset().union(*(justext.get_stoplist(name) for name in names))
